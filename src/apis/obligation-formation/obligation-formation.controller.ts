import type { Readable } from 'node:stream';
import { Controller, Get, Middlewares, Path, Produces, Query, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { Contexte } from '../../contexte';
import type { Entetes, ProblemeHttp } from '../../http/contrat';
import { limiteParHabilitation } from '../../http/limites';
import { formatDemande, repondre, revalidation } from '../../listes/controleur';
import { Divulgation } from '../../privacy/divulgation';
import type { ChangementsJeunesObligationFormation, ListeJeunesObligationFormation, NiveauTerritoireFormation } from './models';
import { changementsJeunes, listeJeunes } from './service';

@Route('api-scolarite/v1/obligation-formation')
@Tags('Obligation de formation 16–18 ans')
@Response<ProblemeHttp, Entetes['authentification']>(401, 'Jeton absent, invalide, expiré ou révoqué, ou habilitation inactive')
@Response<ProblemeHttp, Entetes['tropDeRequetes']>(429, 'Trop de requêtes : réessayer après Retry-After')
@Response<ProblemeHttp>(500, 'Erreur interne, tracée sous request_id')
@Response<ProblemeHttp, Entetes['reessayer']>(503, 'Base de données ou journal momentanément indisponible : aucune donnée transmise')
export class ObligationFormationController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /**
   * Liste mensuelle des jeunes de 16 à 18 ans résidant dans le territoire, soumis à l'obligation
   * de formation (article L114-1 du code de l'éducation), sortis de formation initiale sans diplôme
   * et sans formation cette année (ni scolarité, ni apprentissage, ni autre formation connue).
   * Publiée le 1er de chaque mois, pour la région (coordination du suivi des jeunes sortis sans
   * diplôme, L313-7) et les missions locales (contrôle de l'obligation de formation, R114-4 et
   * R114-5). Un département ou une région hors du territoire de l'habilitation est refusé
   * (403 `hors_territoire`) ; une mission locale interroge son département.
   *
   * - Scope `scolarite:obligation-formation` : identité, commune de résidence, dernier
   *   établissement, dernière classe, date et motif de sortie.
   * - Scope `scolarite:obligation-formation-contact` : les mêmes champs et l'adresse du jeune.
   *
   * Obligation légale (RGPD 6.1.c) : pas d'opposition, donc aucun jeune écarté. Pagination par
   * curseur, `jeton_synchronisation` pour `/changements`, `ETag` et `If-None-Match` (304), liste
   * entière en NDJSON (`Accept: application/x-ndjson` ou `format=ndjson` ; première ligne :
   * l'en-tête de la liste) ou en CSV pour tableur (`Accept: text/csv` ou `format=csv`).
   *
   * @summary Jeunes de 16 à 18 ans sans formation (obligation de formation)
   * @param niveau `departement` ou `region`. @example niveau "departement"
   * @param code Code du département (35, 2A, 971…) ou de la région (53…). @example code "35"
   * @pattern code ^(?:\d{2,3}|2[AB])$
   * @maxLength code 3
   * @param anneeScolaire Année scolaire ; par défaut celle de la dernière publication. @example anneeScolaire "2026-2027"
   * @pattern anneeScolaire ^\d{4}-\d{4}$
   * @maxLength anneeScolaire 9
   * @param dateReference Publication voulue (un 1er du mois publié) ; par défaut la dernière. @example dateReference "2026-11-01"
   * @pattern dateReference ^\d{4}-(?:0[1-9]|1[0-2])-01$
   * @maxLength dateReference 10
   * @param limit Jeunes par page (1 à 1000).
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 1000
   * @param curseur Curseur opaque reçu avec la page précédente.
   * @maxLength curseur 1024
   * @param format `ndjson` ou `csv` : la liste entière en une réponse ; `json` : une page.
   */
  @Get('{niveau}/{code}')
  @Security('oauth2', ['scolarite:obligation-formation-contact'])
  @Security('oauth2', ['scolarite:obligation-formation'])
  @Middlewares(limiteParHabilitation('api-scolarite'))
  @Produces('application/json')
  @Produces('application/x-ndjson')
  @Produces('text/csv')
  @SuccessResponse<Entetes['debit']>(200, 'Une page JSON, ou la liste entière en NDJSON ou en CSV', ['application/json', 'application/x-ndjson', 'text/csv'])
  @Response<void, Entetes['debit']>(304, 'La copie du client est à jour (If-None-Match)')
  @Response<ProblemeHttp, Entetes['debitEventuel']>(400, 'Niveau, code, date ou curseur mal formé')
  @Response<ProblemeHttp, Entetes['refusDecompte']>(403, "Aucun scope de la liste, ou territoire hors de celui de l'habilitation")
  @Response<ProblemeHttp, Entetes['debit']>(404, 'Département ou région inconnu, ou aucune liste publiée')
  @Response<ProblemeHttp, Entetes['debit']>(422, 'Aucune liste publiée à cette date ou pour cette année scolaire')
  public async jeunesObligationFormation(
    @Request() req: ExpressRequest,
    @Path() niveau: NiveauTerritoireFormation,
    @Path() code: string,
    @Query() anneeScolaire?: string,
    @Query() dateReference?: string,
    @Query() limit = 1000,
    @Query() curseur?: string,
    @Query() format?: 'json' | 'csv' | 'ndjson',
  ): Promise<ListeJeunesObligationFormation | Readable | undefined> {
    const divulgation = Divulgation.depuis(this.ctx, req, 'JeunesObligationFormation');
    const p = { niveau, code, anneeScolaire, dateReference, limit, curseur, format: formatDemande(req, format) };
    return repondre(this, req, await listeJeunes(this.ctx, divulgation, p, revalidation(req)));
  }

  /**
   * Ce qui a changé dans la liste depuis celle d'un jeton de synchronisation : ajouts (fiches
   * entières), modifications (fiche entière et champs modifiés) et retraits (identifiant et motif :
   * `fin_obligation` à 18 ans révolus, `retour_formation`, `apprentissage`,
   * `emploi_ou_service_civique`, `demenagement`, `correction`). Appliquer toutes les pages, puis
   * garder le nouveau `jeton_synchronisation`. Un jeton expiré (13 mois), mal formé, d'un autre
   * destinataire, d'un autre territoire ou d'un autre scope donne 410
   * `jeton_synchronisation_perime` : retélécharger alors la liste entière.
   *
   * @summary Changements de la liste de l'obligation de formation depuis un jeton
   * @param niveau `departement` ou `region`. @example niveau "departement"
   * @param code Code du département ou de la région. @example code "35"
   * @pattern code ^(?:\d{2,3}|2[AB])$
   * @maxLength code 3
   * @param depuis Jeton de synchronisation reçu avec la liste ou les changements précédents.
   * @maxLength depuis 1024
   * @param limit Jeunes concernés par page (1 à 1000).
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 1000
   * @param curseur Curseur opaque reçu avec la page précédente.
   * @maxLength curseur 1024
   */
  @Get('{niveau}/{code}/changements')
  @Security('oauth2', ['scolarite:obligation-formation-contact'])
  @Security('oauth2', ['scolarite:obligation-formation'])
  @Middlewares(limiteParHabilitation('api-scolarite'))
  @SuccessResponse<Entetes['debit']>(200, 'Une page de changements')
  @Response<void, Entetes['debit']>(304, 'La copie du client est à jour (If-None-Match)')
  @Response<ProblemeHttp, Entetes['debitEventuel']>(400, 'Niveau, code ou curseur mal formé')
  @Response<ProblemeHttp, Entetes['refusDecompte']>(403, "Aucun scope de la liste, ou territoire hors de celui de l'habilitation")
  @Response<ProblemeHttp, Entetes['debit']>(404, 'Département ou région inconnu, ou aucune liste publiée')
  @Response<ProblemeHttp, Entetes['debit']>(410, 'Jeton de synchronisation expiré, mal formé ou étranger : retélécharger la liste')
  public async changementsJeunesObligationFormation(
    @Request() req: ExpressRequest,
    @Path() niveau: NiveauTerritoireFormation,
    @Path() code: string,
    @Query() depuis: string,
    @Query() limit = 1000,
    @Query() curseur?: string,
  ): Promise<ChangementsJeunesObligationFormation | undefined> {
    const divulgation = Divulgation.depuis(this.ctx, req, 'ChangementsJeunesObligationFormation');
    return repondre(this, req, await changementsJeunes(this.ctx, divulgation, { niveau, code, depuis, limit, curseur }, revalidation(req)));
  }
}
