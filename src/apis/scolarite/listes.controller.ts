import type { Readable } from 'node:stream';
import { Controller, Get, Middlewares, Path, Produces, Query, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { Contexte } from '../../contexte';
import type { Entetes, ProblemeHttp } from '../../http/contrat';
import { limiteParHabilitation } from '../../http/limites';
import { formatDemande, repondre, revalidation } from '../../listes/controleur';
import type { FormatListe } from '../../listes/service';
import { Divulgation } from '../../privacy/divulgation';
import { changementsEtablissement, type ListeEtablissement, listeEtablissement } from './listes';
import type { ChangementsElevesEtablissement, ListeElevesEtablissement } from './listes-modeles';

/**
 * Lists of the collectivités in charge of catering, boarding and their own aid in public
 * collèges (département) and lycées (région), through the list machinery (src/listes).
 */
@Route('api-scolarite/v1')
@Tags('Listes des collèges et lycées (restauration, hébergement, bourses)')
@Response<ProblemeHttp, Entetes['authentification']>(401, 'Jeton absent, invalide, expiré ou révoqué, ou habilitation inactive')
@Response<ProblemeHttp, Entetes['refusDecompte']>(403, "Scope absent, ou établissement hors du territoire ou du type de l'habilitation")
@Response<ProblemeHttp, Entetes['tropDeRequetes']>(429, 'Trop de requêtes : réessayer après Retry-After')
@Response<ProblemeHttp>(500, 'Erreur interne, tracée sous request_id')
@Response<ProblemeHttp, Entetes['reessayer']>(503, 'Base de données ou journal momentanément indisponible : aucune donnée transmise')
export class ListesEtablissementController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /**
   * Liste des demi-pensionnaires (régime SIÈCLE `2`) d'un collège ou d'un lycée public, pour les
   * agents de la collectivité chargés de la restauration (L213-2 et L214-6 du code de
   * l'éducation) : identité, date de naissance, classe et régime ; ni adresse ni responsables.
   *
   * Réservée au département pour ses collèges publics et à la région pour ses lycées publics
   * (habilitation de la collectivité) : un établissement d'un autre territoire, ou d'un type qui
   * n'est pas de sa compétence, est refusé (403 `hors_territoire`) ; un établissement qui n'est
   * pas un collège ou un lycée public donne 422. Les familles peuvent s'opposer au traitement
   * (RGPD 6.1.e) : les élèves concernés sont écartés (`nombre_exclus`).
   *
   * Publiée le 1er de chaque mois ; pagination par curseur (`curseur_suivant`, en-tête `Link`),
   * `ETag` et `If-None-Match` (304), liste entière en NDJSON (`Accept: application/x-ndjson` ou
   * `format=ndjson` : une ligne d'en-tête puis un élève par ligne) ou en CSV pour tableur
   * (`Accept: text/csv` ou `format=csv`). Conserver `jeton_synchronisation` : `/changements`
   * donne ensuite ce qui a changé.
   *
   * @summary Demi-pensionnaires d'un collège ou d'un lycée public
   * @param uai Code UAI d'un collège ou d'un lycée public. @example uai "0350027P"
   * @pattern uai ^\d{7}[A-Z]$
   * @maxLength uai 8
   * @param anneeScolaire Année scolaire ; par défaut celle de la dernière publication. @example anneeScolaire "2026-2027"
   * @pattern anneeScolaire ^\d{4}-\d{4}$
   * @maxLength anneeScolaire 9
   * @param dateReference Publication voulue (un 1er du mois publié) ; par défaut la dernière. @example dateReference "2026-11-01"
   * @pattern dateReference ^\d{4}-(?:0[1-9]|1[0-2])-01$
   * @maxLength dateReference 10
   * @param limit Élèves par page (1 à 1000).
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 1000
   * @param curseur Curseur opaque reçu avec la page précédente.
   * @maxLength curseur 1024
   * @param format `ndjson` ou `csv` : la liste entière en une réponse (comme `Accept: application/x-ndjson` ou `text/csv`) ; `json` : une page.
   */
  @Get('etablissements/{uai}/demi-pensionnaires')
  @Security('oauth2', ['scolarite:restauration'])
  @Middlewares(limiteParHabilitation('api-scolarite'))
  @Produces('application/json')
  @Produces('application/x-ndjson')
  @Produces('text/csv')
  @SuccessResponse<Entetes['debit']>(200, 'Une page JSON, ou la liste entière en NDJSON ou en CSV', ['application/json', 'application/x-ndjson', 'text/csv'])
  @Response<void, Entetes['debit']>(304, 'La copie du client est à jour (If-None-Match)')
  @Response<ProblemeHttp, Entetes['debitEventuel']>(400, 'UAI, date ou curseur mal formé')
  @Response<ProblemeHttp, Entetes['debit']>(404, 'UAI inconnu, ou aucune liste publiée pour cet établissement')
  @Response<ProblemeHttp, Entetes['debit']>(422, 'Pas un collège ou un lycée public, ou aucune liste publiée à cette date ou pour cette année scolaire')
  public async demiPensionnaires(
    @Request() req: ExpressRequest,
    @Path() uai: string,
    @Query() anneeScolaire?: string,
    @Query() dateReference?: string,
    @Query() limit = 1000,
    @Query() curseur?: string,
    @Query() format?: 'json' | 'csv' | 'ndjson',
  ): Promise<ListeElevesEtablissement | Readable | undefined> {
    return this.liste(req, 'DemiPensionnaires', 'demi-pensionnaires', {
      cle: uai,
      anneeScolaire,
      dateReference,
      limit,
      curseur,
      format: formatDemande(req, format),
    });
  }

  /**
   * Ce qui a changé dans la liste depuis celle d'un jeton de synchronisation : ajouts (fiches
   * entières), modifications (fiche entière et champs modifiés) et retraits (identifiant et
   * motif). Appliquer toutes les pages, puis garder le nouveau `jeton_synchronisation`. Un jeton
   * expiré (13 mois), mal formé, d'un autre destinataire, d'un autre établissement ou d'une
   * autre liste donne 410 `jeton_synchronisation_perime` : retélécharger la liste entière.
   *
   * @summary Changements de la liste « demi-pensionnaires » depuis un jeton de synchronisation
   * @param uai @example uai "0350027P"
   * @pattern uai ^\d{7}[A-Z]$
   * @maxLength uai 8
   * @param depuis Jeton de synchronisation reçu avec la liste ou les changements précédents.
   * @maxLength depuis 1024
   * @param limit Élèves concernés par page (1 à 1000).
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 1000
   * @param curseur Curseur opaque reçu avec la page précédente.
   * @maxLength curseur 1024
   */
  @Get('etablissements/{uai}/demi-pensionnaires/changements')
  @Security('oauth2', ['scolarite:restauration'])
  @Middlewares(limiteParHabilitation('api-scolarite'))
  @SuccessResponse<Entetes['debit']>(200, 'Une page de changements')
  @Response<void, Entetes['debit']>(304, 'La copie du client est à jour (If-None-Match)')
  @Response<ProblemeHttp, Entetes['debitEventuel']>(400, 'UAI ou curseur mal formé')
  @Response<ProblemeHttp, Entetes['debit']>(404, 'UAI inconnu, ou aucune liste publiée pour cet établissement')
  @Response<ProblemeHttp, Entetes['debit']>(410, 'Jeton de synchronisation expiré, mal formé ou étranger : retélécharger la liste')
  @Response<ProblemeHttp, Entetes['debit']>(422, 'Pas un collège ou un lycée public')
  public async changementsDemiPensionnaires(
    @Request() req: ExpressRequest,
    @Path() uai: string,
    @Query() depuis: string,
    @Query() limit = 1000,
    @Query() curseur?: string,
  ): Promise<ChangementsElevesEtablissement | undefined> {
    const divulgation = Divulgation.depuis(this.ctx, req, 'ChangementsDemiPensionnaires');
    return repondre(
      this,
      req,
      await changementsEtablissement('demi-pensionnaires', this.ctx, divulgation, { cle: uai, depuis, limit, curseur }, revalidation(req)),
    );
  }

  /**
   * Liste des internes (régime SIÈCLE `3`) d'un collège ou d'un lycée public, pour les agents de
   * la collectivité chargés de l'hébergement (L213-2 et L214-6 du code de l'éducation) :
   * identité, date de naissance, classe et régime ; ni adresse ni responsables.
   *
   * Réservée au département pour ses collèges publics et à la région pour ses lycées publics
   * (habilitation de la collectivité) : un établissement d'un autre territoire, ou d'un type qui
   * n'est pas de sa compétence, est refusé (403 `hors_territoire`) ; un établissement qui n'est
   * pas un collège ou un lycée public donne 422. Les familles peuvent s'opposer au traitement
   * (RGPD 6.1.e) : les élèves concernés sont écartés (`nombre_exclus`).
   *
   * Publiée le 1er de chaque mois ; pagination par curseur (`curseur_suivant`, en-tête `Link`),
   * `ETag` et `If-None-Match` (304), liste entière en NDJSON (`Accept: application/x-ndjson` ou
   * `format=ndjson` : une ligne d'en-tête puis un élève par ligne) ou en CSV pour tableur
   * (`Accept: text/csv` ou `format=csv`). Conserver `jeton_synchronisation` : `/changements`
   * donne ensuite ce qui a changé.
   *
   * @summary Internes d'un collège ou d'un lycée public
   * @param uai Code UAI d'un collège ou d'un lycée public. @example uai "0350027P"
   * @pattern uai ^\d{7}[A-Z]$
   * @maxLength uai 8
   * @param anneeScolaire Année scolaire ; par défaut celle de la dernière publication. @example anneeScolaire "2026-2027"
   * @pattern anneeScolaire ^\d{4}-\d{4}$
   * @maxLength anneeScolaire 9
   * @param dateReference Publication voulue (un 1er du mois publié) ; par défaut la dernière. @example dateReference "2026-11-01"
   * @pattern dateReference ^\d{4}-(?:0[1-9]|1[0-2])-01$
   * @maxLength dateReference 10
   * @param limit Élèves par page (1 à 1000).
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 1000
   * @param curseur Curseur opaque reçu avec la page précédente.
   * @maxLength curseur 1024
   * @param format `ndjson` ou `csv` : la liste entière en une réponse (comme `Accept: application/x-ndjson` ou `text/csv`) ; `json` : une page.
   */
  @Get('etablissements/{uai}/internes')
  @Security('oauth2', ['scolarite:hebergement'])
  @Middlewares(limiteParHabilitation('api-scolarite'))
  @Produces('application/json')
  @Produces('application/x-ndjson')
  @Produces('text/csv')
  @SuccessResponse<Entetes['debit']>(200, 'Une page JSON, ou la liste entière en NDJSON ou en CSV', ['application/json', 'application/x-ndjson', 'text/csv'])
  @Response<void, Entetes['debit']>(304, 'La copie du client est à jour (If-None-Match)')
  @Response<ProblemeHttp, Entetes['debitEventuel']>(400, 'UAI, date ou curseur mal formé')
  @Response<ProblemeHttp, Entetes['debit']>(404, 'UAI inconnu, ou aucune liste publiée pour cet établissement')
  @Response<ProblemeHttp, Entetes['debit']>(422, 'Pas un collège ou un lycée public, ou aucune liste publiée à cette date ou pour cette année scolaire')
  public async internes(
    @Request() req: ExpressRequest,
    @Path() uai: string,
    @Query() anneeScolaire?: string,
    @Query() dateReference?: string,
    @Query() limit = 1000,
    @Query() curseur?: string,
    @Query() format?: 'json' | 'csv' | 'ndjson',
  ): Promise<ListeElevesEtablissement | Readable | undefined> {
    return this.liste(req, 'Internes', 'internes', { cle: uai, anneeScolaire, dateReference, limit, curseur, format: formatDemande(req, format) });
  }

  /**
   * Ce qui a changé dans la liste depuis celle d'un jeton de synchronisation : ajouts (fiches
   * entières), modifications (fiche entière et champs modifiés) et retraits (identifiant et
   * motif). Appliquer toutes les pages, puis garder le nouveau `jeton_synchronisation`. Un jeton
   * expiré (13 mois), mal formé, d'un autre destinataire, d'un autre établissement ou d'une
   * autre liste donne 410 `jeton_synchronisation_perime` : retélécharger la liste entière.
   *
   * @summary Changements de la liste « internes » depuis un jeton de synchronisation
   * @param uai @example uai "0350027P"
   * @pattern uai ^\d{7}[A-Z]$
   * @maxLength uai 8
   * @param depuis Jeton de synchronisation reçu avec la liste ou les changements précédents.
   * @maxLength depuis 1024
   * @param limit Élèves concernés par page (1 à 1000).
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 1000
   * @param curseur Curseur opaque reçu avec la page précédente.
   * @maxLength curseur 1024
   */
  @Get('etablissements/{uai}/internes/changements')
  @Security('oauth2', ['scolarite:hebergement'])
  @Middlewares(limiteParHabilitation('api-scolarite'))
  @SuccessResponse<Entetes['debit']>(200, 'Une page de changements')
  @Response<void, Entetes['debit']>(304, 'La copie du client est à jour (If-None-Match)')
  @Response<ProblemeHttp, Entetes['debitEventuel']>(400, 'UAI ou curseur mal formé')
  @Response<ProblemeHttp, Entetes['debit']>(404, 'UAI inconnu, ou aucune liste publiée pour cet établissement')
  @Response<ProblemeHttp, Entetes['debit']>(410, 'Jeton de synchronisation expiré, mal formé ou étranger : retélécharger la liste')
  @Response<ProblemeHttp, Entetes['debit']>(422, 'Pas un collège ou un lycée public')
  public async changementsInternes(
    @Request() req: ExpressRequest,
    @Path() uai: string,
    @Query() depuis: string,
    @Query() limit = 1000,
    @Query() curseur?: string,
  ): Promise<ChangementsElevesEtablissement | undefined> {
    const divulgation = Divulgation.depuis(this.ctx, req, 'ChangementsInternes');
    return repondre(this, req, await changementsEtablissement('internes', this.ctx, divulgation, { cle: uai, depuis, limit, curseur }, revalidation(req)));
  }

  /**
   * Liste des boursiers nationaux d'un collège ou d'un lycée public, pour la tarification sociale
   * de la restauration et de l'hébergement et les aides de la collectivité (R531-52 et L533-1 du
   * code de l'éducation) : identité, classe, régime, échelon de bourse, responsables légaux et
   * leur adresse.
   *
   * Réservée au département pour ses collèges publics et à la région pour ses lycées publics
   * (habilitation de la collectivité) : un établissement d'un autre territoire, ou d'un type qui
   * n'est pas de sa compétence, est refusé (403 `hors_territoire`) ; un établissement qui n'est
   * pas un collège ou un lycée public donne 422. Les familles peuvent s'opposer au traitement
   * (RGPD 6.1.e) : les élèves concernés sont écartés (`nombre_exclus`).
   *
   * Publiée le 1er de chaque mois ; pagination par curseur (`curseur_suivant`, en-tête `Link`),
   * `ETag` et `If-None-Match` (304), liste entière en NDJSON (`Accept: application/x-ndjson` ou
   * `format=ndjson` : une ligne d'en-tête puis un élève par ligne) ou en CSV pour tableur
   * (`Accept: text/csv` ou `format=csv`). Conserver `jeton_synchronisation` : `/changements`
   * donne ensuite ce qui a changé.
   *
   * @summary Boursiers d'un collège ou d'un lycée public
   * @param uai Code UAI d'un collège ou d'un lycée public. @example uai "0350027P"
   * @pattern uai ^\d{7}[A-Z]$
   * @maxLength uai 8
   * @param anneeScolaire Année scolaire ; par défaut celle de la dernière publication. @example anneeScolaire "2026-2027"
   * @pattern anneeScolaire ^\d{4}-\d{4}$
   * @maxLength anneeScolaire 9
   * @param dateReference Publication voulue (un 1er du mois publié) ; par défaut la dernière. @example dateReference "2026-11-01"
   * @pattern dateReference ^\d{4}-(?:0[1-9]|1[0-2])-01$
   * @maxLength dateReference 10
   * @param limit Élèves par page (1 à 1000).
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 1000
   * @param curseur Curseur opaque reçu avec la page précédente.
   * @maxLength curseur 1024
   * @param format `ndjson` ou `csv` : la liste entière en une réponse (comme `Accept: application/x-ndjson` ou `text/csv`) ; `json` : une page.
   */
  @Get('etablissements/{uai}/boursiers')
  @Security('oauth2', ['scolarite:bourse-collectivite'])
  @Middlewares(limiteParHabilitation('api-scolarite'))
  @Produces('application/json')
  @Produces('application/x-ndjson')
  @Produces('text/csv')
  @SuccessResponse<Entetes['debit']>(200, 'Une page JSON, ou la liste entière en NDJSON ou en CSV', ['application/json', 'application/x-ndjson', 'text/csv'])
  @Response<void, Entetes['debit']>(304, 'La copie du client est à jour (If-None-Match)')
  @Response<ProblemeHttp, Entetes['debitEventuel']>(400, 'UAI, date ou curseur mal formé')
  @Response<ProblemeHttp, Entetes['debit']>(404, 'UAI inconnu, ou aucune liste publiée pour cet établissement')
  @Response<ProblemeHttp, Entetes['debit']>(422, 'Pas un collège ou un lycée public, ou aucune liste publiée à cette date ou pour cette année scolaire')
  public async boursiersCollectivite(
    @Request() req: ExpressRequest,
    @Path() uai: string,
    @Query() anneeScolaire?: string,
    @Query() dateReference?: string,
    @Query() limit = 1000,
    @Query() curseur?: string,
    @Query() format?: 'json' | 'csv' | 'ndjson',
  ): Promise<ListeElevesEtablissement | Readable | undefined> {
    return this.liste(req, 'BoursiersCollectivite', 'boursiers', {
      cle: uai,
      anneeScolaire,
      dateReference,
      limit,
      curseur,
      format: formatDemande(req, format),
    });
  }

  /**
   * Ce qui a changé dans la liste depuis celle d'un jeton de synchronisation : ajouts (fiches
   * entières), modifications (fiche entière et champs modifiés) et retraits (identifiant et
   * motif). Appliquer toutes les pages, puis garder le nouveau `jeton_synchronisation`. Un jeton
   * expiré (13 mois), mal formé, d'un autre destinataire, d'un autre établissement ou d'une
   * autre liste donne 410 `jeton_synchronisation_perime` : retélécharger la liste entière.
   *
   * @summary Changements de la liste « boursiers » depuis un jeton de synchronisation
   * @param uai @example uai "0350027P"
   * @pattern uai ^\d{7}[A-Z]$
   * @maxLength uai 8
   * @param depuis Jeton de synchronisation reçu avec la liste ou les changements précédents.
   * @maxLength depuis 1024
   * @param limit Élèves concernés par page (1 à 1000).
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 1000
   * @param curseur Curseur opaque reçu avec la page précédente.
   * @maxLength curseur 1024
   */
  @Get('etablissements/{uai}/boursiers/changements')
  @Security('oauth2', ['scolarite:bourse-collectivite'])
  @Middlewares(limiteParHabilitation('api-scolarite'))
  @SuccessResponse<Entetes['debit']>(200, 'Une page de changements')
  @Response<void, Entetes['debit']>(304, 'La copie du client est à jour (If-None-Match)')
  @Response<ProblemeHttp, Entetes['debitEventuel']>(400, 'UAI ou curseur mal formé')
  @Response<ProblemeHttp, Entetes['debit']>(404, 'UAI inconnu, ou aucune liste publiée pour cet établissement')
  @Response<ProblemeHttp, Entetes['debit']>(410, 'Jeton de synchronisation expiré, mal formé ou étranger : retélécharger la liste')
  @Response<ProblemeHttp, Entetes['debit']>(422, 'Pas un collège ou un lycée public')
  public async changementsBoursiersCollectivite(
    @Request() req: ExpressRequest,
    @Path() uai: string,
    @Query() depuis: string,
    @Query() limit = 1000,
    @Query() curseur?: string,
  ): Promise<ChangementsElevesEtablissement | undefined> {
    const divulgation = Divulgation.depuis(this.ctx, req, 'ChangementsBoursiersCollectivite');
    return repondre(this, req, await changementsEtablissement('boursiers', this.ctx, divulgation, { cle: uai, depuis, limit, curseur }, revalidation(req)));
  }

  private async liste(
    req: ExpressRequest,
    operation: string,
    liste: ListeEtablissement,
    p: { cle: string; anneeScolaire?: string; dateReference?: string; limit: number; curseur?: string; format: FormatListe },
  ): Promise<ListeElevesEtablissement | Readable | undefined> {
    const divulgation = Divulgation.depuis(this.ctx, req, operation);
    return repondre(this, req, await listeEtablissement(liste, this.ctx, divulgation, p, revalidation(req)));
  }
}
