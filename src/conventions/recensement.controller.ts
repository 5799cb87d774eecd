import { Controller, Get, Produces, Query, Request, Response, Route, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { Contexte } from '../contexte';
import { exigerScopes, resoudreJeton } from '../auth/principal';
import type { Entetes, ProblemeHttp } from '../http/contrat';
import { decoderCurseur, encoderCurseur, lienSuivant } from '../http/pagination';
import { aujourdhui } from '../horloge';
import { listerConventions, type Convention, type TypeConvention } from './conventions';
import { versCsv } from './csv';
import { agreger, COLONNES_AGREGATS, COLONNES_DETAIL, lignesAgregats, lignesDetail, type CelluleRecensement } from './recensement';
import type { StatutConvention } from './termes';

const SCOPE_LECTURE_CONVENTIONS = 'conventions:lecture';

export interface Recensement {
  /** « publique » sans jeton ou avec un jeton sans le scope conventions:lecture (comptages seuls) ; « detaillee » avec ce scope. */
  vue: 'publique' | 'detaillee';
  /** Jour auquel les statuts sont calculés. @example "2026-11-28" */
  date: string;
  /** Nombre de conventions correspondant aux filtres. */
  total: number;
  /** Comptages par académie × type × statut. */
  agregats: CelluleRecensement[];
  /** Vue détaillée seulement : une page de conventions, par référence. */
  conventions?: Convention[];
  /** Vue détaillée seulement : curseur de la page suivante (aussi dans l'en-tête Link). */
  curseur_suivant?: string | null;
}

@Route('catalogue/conventions')
@Tags('Catalogue')
@Response<ProblemeHttp>(400, 'Paramètre mal formé (le champ erreurs nomme chaque paramètre, jamais sa valeur)')
@Response<ProblemeHttp>(500, 'Erreur interne, tracée sous request_id')
@Response<ProblemeHttp, Entetes['reessayer']>(503, 'Base de données momentanément indisponible')
export class RecensementController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /**
   * Recensement national des conventions d'échange de données entre académies et collectivités
   * (recommandation 7). Sans jeton, ou avec un jeton valide qui ne porte pas le scope
   * `conventions:lecture` : comptages par académie, type et statut. Avec un jeton portant ce scope :
   * les conventions elles-mêmes (parties, périmètre, dates).
   * Export CSV pour tableur (`Accept: text/csv` ou `format=csv`, UTF-8 avec BOM, séparateur `;`).
   *
   * @summary Recensement des conventions d'échange de données
   * @param academie Code de l'académie. @example "14"
   * @maxLength academie 3
   * @param region Code INSEE de la région des académies. @example "53"
   * @maxLength region 3
   * @param statut Statut calculé à la date du jour.
   * @param limit Taille de page de la vue détaillée.
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 1000
   * @param curseur Vue détaillée : curseur opaque reçu avec la page précédente.
   * @maxLength curseur 1024
   */
  @Get()
  @Produces('application/json')
  @Produces('text/csv')
  @Response<ProblemeHttp, Entetes['authentification']>(
    401,
    "Jeton fourni mais invalide, expiré ou révoqué, ou scope conventions:lecture dont l'habilitation a pris fin",
  )
  public async recensement(
    @Request() req: ExpressRequest,
    @Query() academie?: string,
    @Query() region?: string,
    @Query() type?: TypeConvention,
    @Query() statut?: StatutConvention,
    @Query() format?: 'json' | 'csv',
    @Query() limit = 100,
    @Query() curseur?: string,
  ): Promise<Recensement> {
    // tsoa's @Security makes the token mandatory; this address serves both views, so the optional bearer is
    // resolved here: a bad token is refused, never downgraded; a valid one without the scope sees what anyone sees.
    const jeton = req.headers.authorization === undefined ? undefined : await resoudreJeton(this.ctx.db, req.headers.authorization, { cache: true });
    const detaillee = jeton?.scopesJeton.includes(SCOPE_LECTURE_CONVENTIONS) ?? false;
    if (jeton && detaillee) exigerScopes(jeton, [SCOPE_LECTURE_CONVENTIONS]);
    const jour = aujourdhui();
    const conventions = await listerConventions(this.ctx.db, { academie, region, type, statut }, jour);
    const agregats = agreger(conventions);
    const entetes = { 'Cache-Control': detaillee ? 'private, no-store' : 'public, max-age=300', Vary: 'Authorization, Accept' };

    if (format === 'csv' || (format === undefined && req.accepts(['application/json', 'text/csv']) === 'text/csv')) {
      const csv = detaillee ? versCsv(COLONNES_DETAIL, lignesDetail(conventions)) : versCsv(COLONNES_AGREGATS, lignesAgregats(agregats));
      req
        .res!.set(entetes)
        .attachment(`conventions-${detaillee ? 'detail' : 'recensement'}-${jour}.csv`)
        .type('text/csv; charset=utf-8')
        .send(csv);
      return undefined as never; // the CSV is sent: tsoa sees the headers sent and writes nothing more
    }
    for (const [nom, valeur] of Object.entries(entetes)) this.setHeader(nom, valeur);
    if (!detaillee) return { vue: 'publique', date: jour, total: conventions.length, agregats };

    const apres = decoderCurseur<[string, string]>(curseur);
    const suite = apres ? conventions.filter((c) => c.reference > apres[0] || (c.reference === apres[0] && c.id > apres[1])) : conventions;
    const page = suite.slice(0, limit);
    const dernier = page[page.length - 1];
    const curseurSuivant = suite.length > limit && dernier ? encoderCurseur([dernier.reference, dernier.id]) : null;
    const lien = lienSuivant(req, curseurSuivant);
    if (lien) this.setHeader('Link', lien);
    return { vue: 'detaillee', date: jour, total: conventions.length, agregats, conventions: page, curseur_suivant: curseurSuivant };
  }
}
