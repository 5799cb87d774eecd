import { Readable } from 'node:stream';
import { Controller, Get, Middlewares, Path, Produces, Query, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { Contexte } from '../../contexte';
import type { Entetes, ProblemeHttp } from '../../http/contrat';
import { estInchange } from '../../http/etag';
import { journalApplicatif } from '../../http/journal-applicatif';
import { limiteParHabilitation } from '../../http/limites';
import { lienSuivant } from '../../http/pagination';
import { Divulgation } from '../../privacy/divulgation';
import type { FormatListe, Reponse, Revalidation } from '../../listes/service';
import { changementsElevesAnonymises, fichierElevesAnonymises, type NiveauTerritoire } from './eleves-anonymises';
import type { ChangementsElevesAnonymises, FichierElevesAnonymises } from './eleves-anonymises-models';

/** In order of preference when `Accept` allows several: a catch-all (browsers, curl) gets JSON pages. */
const FORMATS: Readonly<Record<string, FormatListe>> = { 'application/json': 'json', 'text/csv': 'csv', 'application/x-ndjson': 'ndjson' };

/**
 * Under API école: the file serves the collectivités' planning of collèges and lycées
 * (sectorisation, mixité sociale), as head-counts and capacities do; API scolarité answers
 * other administrations about one named pupil.
 */
@Route('api-ecole/v1')
@Tags('API école')
@Response<ProblemeHttp, Entetes['authentification']>(401, 'Jeton absent, invalide, expiré ou révoqué, ou habilitation inactive')
@Response<ProblemeHttp, Entetes['tropDeRequetes']>(429, 'Trop de requêtes : réessayer après Retry-After')
@Response<ProblemeHttp>(500, 'Erreur interne, tracée sous request_id')
@Response<ProblemeHttp, Entetes['reessayer']>(503, 'Base de données ou journal momentanément indisponible : aucune donnée transmise')
export class ElevesAnonymisesController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /**
   * Fichier annuel des élèves des établissements publics du département dont le destinataire a
   * la charge, une ligne par élève : ses collèges pour le département (sectorisation, L213-1 du
   * code de l'éducation), les lycées du département pour sa région (L214-5) ; la règle du
   * registre en décide (`types_etablissement` de l'en-tête). Finalité : sectorisation et mixité
   * sociale (loi du 24 août 2021, art. 61 : « données sociales anonymisées des élèves »). Chaque ligne porte un pseudonyme
   * propre au destinataire, la zone de résidence (commune, ou petites communes regroupées),
   * l'UAI, la formation, le régime, le statut boursier (l'échelon avec le scope
   * `ecole:eleves-anonymises-echelon`) et l'origine sociale (PCS regroupée du premier
   * responsable) ; jamais de nom, d'adresse ni de date de naissance.
   *
   * Secret statistique : toute combinaison publiée des quasi-identifiants (zone, établissement,
   * formation, régime, bourse) est partagée par au moins 5 élèves ; les lignes plus rares sont
   * généralisées (champ `generalisations`, décompte dans `secret_statistique`), en dernier
   * recours retenues. Données pseudonymisées : elles restent des données personnelles (RGPD,
   * considérant 26), et chaque fichier est journalisé.
   *
   * État à la dernière publication de l'année scolaire (ou à `dateReference`). JSON par pages
   * triées par pseudonyme ; le fichier entier en NDJSON (`Accept: application/x-ndjson` ou
   * `format=ndjson`, première ligne = en-tête) ou en CSV pour tableur (`format=csv`). Conserver
   * `jeton_synchronisation` pour `/changements`. `ETag` / `If-None-Match` : 304 tant que rien n'a changé.
   *
   * @summary Fichier des élèves pseudonymisés d'un département
   * @param codeDepartement Code du département. @example codeDepartement "35"
   * @pattern codeDepartement ^(?:\d{2}|2[AB]|97\d)$
   * @maxLength codeDepartement 3
   * @param dateReference Publication voulue (une des dates publiées : le 1er juin de l'année précédente, puis chaque 1er du mois depuis la rentrée) ; par défaut la dernière. @example dateReference "2026-11-01"
   * @pattern dateReference ^\d{4}-(?:0[1-9]|1[0-2])-01$
   * @maxLength dateReference 10
   * @param limit Élèves par page (1 à 1000).
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 1000
   * @param curseur Curseur opaque reçu avec la page précédente.
   * @maxLength curseur 1024
   * @param format `ndjson` ou `csv` : le fichier entier en une réponse ; `json` : une page.
   */
  @Get('departements/{codeDepartement}/eleves-anonymises')
  @Security('oauth2', ['ecole:eleves-anonymises-echelon'])
  @Security('oauth2', ['ecole:eleves-anonymises'])
  @Middlewares(limiteParHabilitation('api-ecole'))
  @Produces('application/json')
  @Produces('application/x-ndjson')
  @Produces('text/csv')
  @SuccessResponse<Entetes['debit']>(200, 'Une page JSON, ou le fichier entier en NDJSON ou en CSV', ['application/json', 'application/x-ndjson', 'text/csv'])
  @Response<void, Entetes['debit']>(304, 'La copie du client est à jour (If-None-Match)')
  @Response<ProblemeHttp, Entetes['debitEventuel']>(400, 'Code, date ou curseur mal formé')
  @Response<ProblemeHttp, Entetes['refusDecompte']>(403, "Aucun scope du fichier, ou département hors du territoire de l'habilitation")
  @Response<ProblemeHttp, Entetes['debit']>(404, 'Département inconnu, ou aucun fichier publié')
  @Response<ProblemeHttp, Entetes['debit']>(422, 'Aucun fichier publié à cette date')
  public async elevesAnonymisesDepartement(
    @Request() req: ExpressRequest,
    @Path() codeDepartement: string,
    @Query() dateReference?: string,
    @Query() limit = 1000,
    @Query() curseur?: string,
    @Query() format?: 'json' | 'csv' | 'ndjson',
  ): Promise<FichierElevesAnonymises | Readable | undefined> {
    return this.fichier(req, 'ElevesAnonymisesDepartement', 'departement', codeDepartement, { dateReference, limit, curseur, format });
  }

  /**
   * Ce qui a changé dans le fichier du département depuis celui d'un jeton de
   * synchronisation : élèves arrivés (lignes entières), lignes modifiées (ligne et champs
   * modifiés), élèves partis (pseudonyme). C'est exactement la différence des deux fichiers.
   * Un jeton d'une autre année scolaire, d'un autre destinataire, territoire ou scope, expiré ou
   * mal formé donne 410 `jeton_synchronisation_perime` : retélécharger le fichier.
   *
   * @summary Changements du fichier d'un département depuis un jeton de synchronisation
   * @param codeDepartement @example codeDepartement "35"
   * @pattern codeDepartement ^(?:\d{2}|2[AB]|97\d)$
   * @maxLength codeDepartement 3
   * @param depuis Jeton de synchronisation reçu avec le fichier ou les changements précédents.
   * @maxLength depuis 1024
   * @param limit Élèves concernés par page (1 à 1000).
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 1000
   * @param curseur Curseur opaque reçu avec la page précédente.
   * @maxLength curseur 1024
   */
  @Get('departements/{codeDepartement}/eleves-anonymises/changements')
  @Security('oauth2', ['ecole:eleves-anonymises-echelon'])
  @Security('oauth2', ['ecole:eleves-anonymises'])
  @Middlewares(limiteParHabilitation('api-ecole'))
  @SuccessResponse<Entetes['debit']>(200, 'Une page de changements')
  @Response<void, Entetes['debit']>(304, 'La copie du client est à jour (If-None-Match)')
  @Response<ProblemeHttp, Entetes['debitEventuel']>(400, 'Code ou curseur mal formé')
  @Response<ProblemeHttp, Entetes['refusDecompte']>(403, "Aucun scope du fichier, ou département hors du territoire de l'habilitation")
  @Response<ProblemeHttp, Entetes['debit']>(404, 'Département inconnu, ou aucun fichier publié')
  @Response<ProblemeHttp, Entetes['debit']>(410, 'Jeton de synchronisation expiré, mal formé ou étranger : retélécharger le fichier')
  public async changementsElevesAnonymisesDepartement(
    @Request() req: ExpressRequest,
    @Path() codeDepartement: string,
    @Query() depuis: string,
    @Query() limit = 1000,
    @Query() curseur?: string,
  ): Promise<ChangementsElevesAnonymises | undefined> {
    return this.changements(req, 'ChangementsElevesAnonymisesDepartement', 'departement', codeDepartement, { depuis, limit, curseur });
  }

  /**
   * Fichier annuel des élèves des lycées publics de la région (L214-5 du code de l'éducation ;
   * loi du 24 août 2021, art. 61), une ligne par élève : les mêmes champs, le même secret
   * statistique et les mêmes formats que le fichier d'un département. Réservé à la région : un
   * département reçoit 403 `hors_territoire`.
   *
   * @summary Fichier des élèves pseudonymisés d'une région
   * @param codeRegion Code de la région. @example codeRegion "53"
   * @pattern codeRegion ^\d{2}$
   * @maxLength codeRegion 2
   * @param dateReference Publication voulue (une des dates publiées : le 1er juin de l'année précédente, puis chaque 1er du mois depuis la rentrée) ; par défaut la dernière. @example dateReference "2026-11-01"
   * @pattern dateReference ^\d{4}-(?:0[1-9]|1[0-2])-01$
   * @maxLength dateReference 10
   * @param limit Élèves par page (1 à 1000).
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 1000
   * @param curseur Curseur opaque reçu avec la page précédente.
   * @maxLength curseur 1024
   * @param format `ndjson` ou `csv` : le fichier entier en une réponse ; `json` : une page.
   */
  @Get('regions/{codeRegion}/eleves-anonymises')
  @Security('oauth2', ['ecole:eleves-anonymises-echelon'])
  @Security('oauth2', ['ecole:eleves-anonymises'])
  @Middlewares(limiteParHabilitation('api-ecole'))
  @Produces('application/json')
  @Produces('application/x-ndjson')
  @Produces('text/csv')
  @SuccessResponse<Entetes['debit']>(200, 'Une page JSON, ou le fichier entier en NDJSON ou en CSV', ['application/json', 'application/x-ndjson', 'text/csv'])
  @Response<void, Entetes['debit']>(304, 'La copie du client est à jour (If-None-Match)')
  @Response<ProblemeHttp, Entetes['debitEventuel']>(400, 'Code, date ou curseur mal formé')
  @Response<ProblemeHttp, Entetes['refusDecompte']>(403, "Aucun scope du fichier, ou région hors du territoire de l'habilitation")
  @Response<ProblemeHttp, Entetes['debit']>(404, 'Région inconnue, ou aucun fichier publié')
  @Response<ProblemeHttp, Entetes['debit']>(422, 'Aucun fichier publié à cette date')
  public async elevesAnonymisesRegion(
    @Request() req: ExpressRequest,
    @Path() codeRegion: string,
    @Query() dateReference?: string,
    @Query() limit = 1000,
    @Query() curseur?: string,
    @Query() format?: 'json' | 'csv' | 'ndjson',
  ): Promise<FichierElevesAnonymises | Readable | undefined> {
    return this.fichier(req, 'ElevesAnonymisesRegion', 'region', codeRegion, { dateReference, limit, curseur, format });
  }

  /**
   * Ce qui a changé dans le fichier de la région depuis celui d'un jeton de synchronisation
   * (comme pour le fichier d'un département).
   *
   * @summary Changements du fichier d'une région depuis un jeton de synchronisation
   * @param codeRegion @example codeRegion "53"
   * @pattern codeRegion ^\d{2}$
   * @maxLength codeRegion 2
   * @param depuis Jeton de synchronisation reçu avec le fichier ou les changements précédents.
   * @maxLength depuis 1024
   * @param limit Élèves concernés par page (1 à 1000).
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 1000
   * @param curseur Curseur opaque reçu avec la page précédente.
   * @maxLength curseur 1024
   */
  @Get('regions/{codeRegion}/eleves-anonymises/changements')
  @Security('oauth2', ['ecole:eleves-anonymises-echelon'])
  @Security('oauth2', ['ecole:eleves-anonymises'])
  @Middlewares(limiteParHabilitation('api-ecole'))
  @SuccessResponse<Entetes['debit']>(200, 'Une page de changements')
  @Response<void, Entetes['debit']>(304, 'La copie du client est à jour (If-None-Match)')
  @Response<ProblemeHttp, Entetes['debitEventuel']>(400, 'Code ou curseur mal formé')
  @Response<ProblemeHttp, Entetes['refusDecompte']>(403, "Aucun scope du fichier, ou région hors du territoire de l'habilitation")
  @Response<ProblemeHttp, Entetes['debit']>(404, 'Région inconnue, ou aucun fichier publié')
  @Response<ProblemeHttp, Entetes['debit']>(410, 'Jeton de synchronisation expiré, mal formé ou étranger : retélécharger le fichier')
  public async changementsElevesAnonymisesRegion(
    @Request() req: ExpressRequest,
    @Path() codeRegion: string,
    @Query() depuis: string,
    @Query() limit = 1000,
    @Query() curseur?: string,
  ): Promise<ChangementsElevesAnonymises | undefined> {
    return this.changements(req, 'ChangementsElevesAnonymisesRegion', 'region', codeRegion, { depuis, limit, curseur });
  }

  private async fichier(
    req: ExpressRequest,
    operation: string,
    niveau: NiveauTerritoire,
    code: string,
    p: { dateReference?: string; limit: number; curseur?: string; format?: FormatListe },
  ): Promise<FichierElevesAnonymises | Readable | undefined> {
    const format = p.format ?? FORMATS[String(req.accepts(Object.keys(FORMATS)))] ?? 'json';
    const divulgation = Divulgation.depuis(this.ctx, req, operation);
    return this.repondre(req, await fichierElevesAnonymises(this.ctx, divulgation, { ...p, niveau, code, format }, revalidation(req)));
  }

  private async changements(
    req: ExpressRequest,
    operation: string,
    niveau: NiveauTerritoire,
    code: string,
    p: { depuis: string; limit: number; curseur?: string },
  ): Promise<ChangementsElevesAnonymises | undefined> {
    const divulgation = Divulgation.depuis(this.ctx, req, operation);
    return this.repondre(req, await changementsElevesAnonymises(this.ctx, divulgation, { ...p, niveau, code }, revalidation(req)));
  }

  /** Headers, status, the next page's `Link`, and a streamed file tied to the connection. */
  private repondre<T>(req: ExpressRequest, reponse: Reponse<T>): T | undefined {
    for (const [nom, valeur] of Object.entries(reponse.entetes)) this.setHeader(nom, valeur);
    this.setStatus(reponse.statut);
    const corps = reponse.corps as unknown;
    if (corps instanceof Readable) {
      corps.once('error', (err) => {
        journalApplicatif.error({ requestId: req.res?.locals.requestId, erreur: err.name }, 'téléchargement du fichier interrompu');
        req.res?.destroy();
      });
      req.res?.once('close', () => corps.destroy());
      return corps as T;
    }
    const lien = corps && typeof corps === 'object' && 'curseur_suivant' in corps ? lienSuivant(req, corps.curseur_suivant as string | null) : undefined;
    if (lien) this.setHeader('Link', lien);
    return reponse.corps;
  }
}

function revalidation(req: ExpressRequest): Revalidation {
  return { inchange: (etag) => estInchange(req, etag) };
}
