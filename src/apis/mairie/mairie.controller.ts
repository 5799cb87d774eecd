import type { Readable } from 'node:stream';
import { Controller, Get, Middlewares, Path, Produces, Query, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { Contexte } from '../../contexte';
import type { Entetes, ProblemeHttp } from '../../http/contrat';
import { limiteParHabilitation } from '../../http/limites';
import { formatDemande, repondre, revalidation } from '../../listes/controleur';
import { Divulgation } from '../../privacy/divulgation';
import type { ChangementsEnfantsSoumisObligation, ListeEnfantsSoumisObligation } from './models';
import { changementsEnfants, listeEnfants } from './service';

@Route('api-mairie/v1')
@Tags('API mairie')
@Response<ProblemeHttp, Entetes['authentification']>(401, 'Jeton absent, invalide, expiré ou révoqué, ou habilitation inactive')
@Response<ProblemeHttp, Entetes['tropDeRequetes']>(429, 'Trop de requêtes : réessayer après Retry-After')
@Response<ProblemeHttp>(500, 'Erreur interne, tracée sous request_id')
@Response<ProblemeHttp, Entetes['reessayer']>(503, 'Base de données ou journal momentanément indisponible : aucune donnée transmise')
export class MairieController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /**
   * Liste des enfants de 3 à 16 ans résidant dans la commune et soumis à l'obligation
   * d'instruction (article R131-3 du code de l'éducation), publiée le 1er de chaque mois.
   * Réservée à la mairie de la commune (ou à son prestataire habilité) : tout autre code INSEE
   * est refusé (403 `hors_territoire`).
   *
   * - Scope `mairie:obligation-scolaire` (RGPD 6.1.c, pas d'opposition) : tous les champs.
   * - Scope `mairie:restauration-scolaire` (RGPD 6.1.e) : les seuls élèves des écoles publiques
   *   de la commune, sans adresse ni responsables ; les enfants dont la famille s'est opposée
   *   sont écartés (`nombre_exclus` en donne le nombre). Un jeton portant les deux scopes reçoit
   *   la liste complète.
   *
   * Pagination par curseur (ordre stable ; suivre `curseur_suivant` ou l'en-tête
   * `Link: rel="next"`). Conserver `jeton_synchronisation` : le mois suivant,
   * `/changements?depuis=<jeton>` ne donne que ce qui a changé. Chaque réponse porte un `ETag` :
   * `If-None-Match` donne 304 tant que la liste n'a pas changé.
   *
   * La liste entière en une seule réponse, transmise au fil de l'eau (mémoire constante côté
   * passerelle comme côté client) ; `limit` et `curseur` y sont ignorés :
   * - `Accept: application/x-ndjson` ou `format=ndjson` : un document JSON par ligne. La
   *   première ligne est l'en-tête de la liste (`code_commune`, `date_reference`,
   *   `annee_scolaire`, `nombre_total`, `nombre_exclus`, `jeton_synchronisation`), chaque ligne
   *   suivante un enfant, avec les mêmes champs qu'une page JSON. Le plus rapide pour un logiciel.
   * - `Accept: text/csv` ou `format=csv` : un fichier pour tableur (UTF-8 avec BOM, séparateur
   *   `;`, une ligne par enfant, responsables à plat `responsable_1_nom`…).
   *
   * @summary Liste des enfants soumis à l'obligation d'instruction
   * @param codeInsee Code INSEE de la commune (5 caractères, 2A/2B pour la Corse). @example codeInsee "35238"
   * @pattern codeInsee ^(?:\d{5}|2[AB]\d{3})$
   * @maxLength codeInsee 5
   * @param anneeScolaire Année scolaire ; par défaut celle de la dernière publication. @example anneeScolaire "2026-2027"
   * @pattern anneeScolaire ^\d{4}-\d{4}$
   * @maxLength anneeScolaire 9
   * @param dateReference Publication voulue (un 1er du mois publié) ; par défaut la dernière. @example dateReference "2026-11-01"
   * @pattern dateReference ^\d{4}-(?:0[1-9]|1[0-2])-01$
   * @maxLength dateReference 10
   * @param limit Enfants par page (1 à 1000).
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 1000
   * @param curseur Curseur opaque reçu avec la page précédente.
   * @maxLength curseur 1024
   * @param format `ndjson` ou `csv` : la liste entière en une réponse (comme `Accept: application/x-ndjson` ou `text/csv`) ; `json` : une page.
   */
  @Get('communes/{codeInsee}/enfants-soumis-obligation')
  @Security('oauth2', ['mairie:obligation-scolaire'])
  @Security('oauth2', ['mairie:restauration-scolaire'])
  @Middlewares(limiteParHabilitation('api-mairie'))
  @Produces('application/json')
  @Produces('application/x-ndjson')
  @Produces('text/csv')
  @SuccessResponse<Entetes['debit']>(200, 'Une page JSON, ou la liste entière en NDJSON ou en CSV', ['application/json', 'application/x-ndjson', 'text/csv'])
  @Response<void, Entetes['debit']>(304, 'La copie du client est à jour (If-None-Match)')
  @Response<ProblemeHttp, Entetes['debitEventuel']>(400, 'Code INSEE, date ou curseur mal formé')
  @Response<ProblemeHttp, Entetes['refusDecompte']>(403, "Aucun scope de l'API, ou commune hors du territoire de l'habilitation")
  @Response<ProblemeHttp, Entetes['debit']>(404, 'Code INSEE inconnu, ou aucune liste publiée pour la commune')
  @Response<ProblemeHttp, Entetes['debit']>(422, 'Aucune liste publiée à cette date ou pour cette année scolaire')
  public async enfantsSoumisObligation(
    @Request() req: ExpressRequest,
    @Path() codeInsee: string,
    @Query() anneeScolaire?: string,
    @Query() dateReference?: string,
    @Query() limit = 1000,
    @Query() curseur?: string,
    @Query() format?: 'json' | 'csv' | 'ndjson',
  ): Promise<ListeEnfantsSoumisObligation | Readable | undefined> {
    const divulgation = Divulgation.depuis(this.ctx, req, 'EnfantsSoumisObligation');
    return repondre(
      this,
      req,
      await listeEnfants(
        this.ctx,
        divulgation,
        { codeInsee, anneeScolaire, dateReference, limit, curseur, format: formatDemande(req, format) },
        revalidation(req),
      ),
    );
  }

  /**
   * Ce qui a changé dans la liste depuis celle d'un jeton de synchronisation : ajouts (fiches
   * entières), modifications (fiche entière et champs modifiés) et retraits (identifiant et motif :
   * `demenagement`, `fin_obligation`, `correction`, ou `hors_perimetre` quand l'enfant sort du
   * périmètre de l'habilitation). Appliquer toutes les pages, puis garder le nouveau
   * `jeton_synchronisation`. Un jeton expiré (13 mois), mal formé, d'un autre destinataire,
   * d'une autre commune ou d'un autre scope donne 410 `jeton_synchronisation_perime` :
   * retélécharger alors la liste entière.
   *
   * @summary Changements de la liste depuis un jeton de synchronisation
   * @param codeInsee @example codeInsee "35238"
   * @pattern codeInsee ^(?:\d{5}|2[AB]\d{3})$
   * @maxLength codeInsee 5
   * @param depuis Jeton de synchronisation reçu avec la liste ou les changements précédents.
   * @maxLength depuis 1024
   * @param limit Enfants concernés par page (1 à 1000).
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 1000
   * @param curseur Curseur opaque reçu avec la page précédente.
   * @maxLength curseur 1024
   */
  @Get('communes/{codeInsee}/enfants-soumis-obligation/changements')
  @Security('oauth2', ['mairie:obligation-scolaire'])
  @Security('oauth2', ['mairie:restauration-scolaire'])
  @Middlewares(limiteParHabilitation('api-mairie'))
  @SuccessResponse<Entetes['debit']>(200, 'Une page de changements')
  @Response<void, Entetes['debit']>(304, 'La copie du client est à jour (If-None-Match)')
  @Response<ProblemeHttp, Entetes['debitEventuel']>(400, 'Code INSEE ou curseur mal formé')
  @Response<ProblemeHttp, Entetes['refusDecompte']>(403, "Aucun scope de l'API, ou commune hors du territoire de l'habilitation")
  @Response<ProblemeHttp, Entetes['debit']>(404, 'Code INSEE inconnu, ou aucune liste publiée pour la commune')
  @Response<ProblemeHttp, Entetes['debit']>(410, 'Jeton de synchronisation expiré, mal formé ou étranger : retélécharger la liste')
  public async changementsEnfantsSoumisObligation(
    @Request() req: ExpressRequest,
    @Path() codeInsee: string,
    @Query() depuis: string,
    @Query() limit = 1000,
    @Query() curseur?: string,
  ): Promise<ChangementsEnfantsSoumisObligation | undefined> {
    const divulgation = Divulgation.depuis(this.ctx, req, 'ChangementsEnfantsSoumisObligation');
    return repondre(this, req, await changementsEnfants(this.ctx, divulgation, { codeInsee, depuis, limit, curseur }, revalidation(req)));
  }
}
