import { Controller, Get, Middlewares, Path, Query, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { Contexte } from '../../contexte';
import type { Entetes, ProblemeHttp } from '../../http/contrat';
import { limiteParHabilitation } from '../../http/limites';
import { lienSuivant } from '../../http/pagination';
import { Divulgation } from '../../privacy/divulgation';
import type { CodeExamen, CodeMention } from './examens';
import type { ResultatsExamen } from './resultats';
import * as service from './service';
import type { ListeLaureats, NiveauTerritoire } from './models';

@Route('api-resultats-examens/v1')
@Tags('API résultats examens')
@Response<ProblemeHttp, Entetes['debitEventuel']>(400, 'Paramètre mal formé (le champ erreurs nomme chaque paramètre, jamais sa valeur)')
@Response<ProblemeHttp, Entetes['authentification']>(401, 'Jeton absent, invalide, expiré ou révoqué, ou habilitation inactive')
@Response<ProblemeHttp, Entetes['tropDeRequetes']>(429, 'Trop de requêtes : réessayer après Retry-After')
@Response<ProblemeHttp>(500, 'Erreur interne, tracée sous request_id')
@Response<ProblemeHttp, Entetes['reessayer']>(503, 'Base de données momentanément indisponible')
export class ResultatsExamensController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /**
   * Résultats d'un établissement du territoire de l'habilitation à une session d'examen :
   * inscrits, présents, admis, taux de réussite et mentions, pour l'ensemble des candidats puis,
   * au baccalauréat, par voie et série, au CAP et au BTS par spécialité. Secret statistique :
   * aucun effectif publié sous le seuil (5 par défaut), ni recalculable par différence ; une
   * cellule masquée vaut null et porte `secret: true`.
   * Une commune voit les établissements situés sur son territoire, un département et une région
   * ceux du leur.
   * @summary Résultats d'un établissement à un examen
   * @param session Année de la session de juin, publiée à partir du 15 juillet de cette année. @example session 2026
   * @isInt session
   * @minimum session 1990
   * @maximum session 2100
   * @param examen @example examen "bac"
   * @param uai @example uai "0350024A"
   * @maxLength uai 8
   */
  @Get('sessions/{session}/examens/{examen}/etablissements/{uai}')
  @Security('oauth2', ['examens:resultats'])
  @Middlewares(limiteParHabilitation('api-resultats-examens'))
  @SuccessResponse<Entetes['debit']>(200, 'Les résultats, sous secret statistique')
  @Response<ProblemeHttp, Entetes['debitEventuel']>(400, 'Session, examen ou UAI mal formés')
  @Response<ProblemeHttp, Entetes['refusDecompte']>(403, "Scope examens:resultats absent, ou établissement hors du territoire de l'habilitation")
  @Response<ProblemeHttp, Entetes['debit']>(
    404,
    "UAI inconnu, session pas encore publiée (session_non_publiee), ou aucun candidat de l'établissement à cet examen et cette session",
  )
  public async resultatsEtablissement(
    @Request() req: ExpressRequest,
    @Path() session: number,
    @Path() examen: CodeExamen,
    @Path() uai: string,
  ): Promise<ResultatsExamen> {
    return service.resultatsEtablissement(this.ctx, Divulgation.depuis(this.ctx, req, 'ResultatsEtablissement'), { session, examen, uai });
  }

  /**
   * Résultats agrégés sur les établissements d'une commune, d'un département ou d'une région,
   * dans le territoire de l'habilitation ; même contenu et même secret statistique que pour un
   * établissement.
   * @summary Résultats agrégés d'un territoire à un examen
   * @param session Année de la session de juin, publiée à partir du 15 juillet de cette année. @example session 2026
   * @isInt session
   * @minimum session 1990
   * @maximum session 2100
   * @param examen @example examen "dnb"
   * @param niveau @example niveau "departement"
   * @param code Code INSEE de la commune, code du département ou de la région. @example code "35"
   * @maxLength code 5
   */
  @Get('sessions/{session}/examens/{examen}/territoires/{niveau}/{code}')
  @Security('oauth2', ['examens:resultats'])
  @Middlewares(limiteParHabilitation('api-resultats-examens'))
  @SuccessResponse<Entetes['debit']>(200, 'Les résultats agrégés, sous secret statistique')
  @Response<ProblemeHttp, Entetes['debitEventuel']>(400, 'Session, examen ou code de territoire mal formés')
  @Response<ProblemeHttp, Entetes['refusDecompte']>(403, "Scope examens:resultats absent, ou territoire hors de celui de l'habilitation")
  @Response<ProblemeHttp, Entetes['debit']>(
    404,
    'Territoire inconnu, session pas encore publiée (session_non_publiee), ou aucun candidat à cet examen et cette session',
  )
  public async resultatsTerritoire(
    @Request() req: ExpressRequest,
    @Path() session: number,
    @Path() examen: CodeExamen,
    @Path() niveau: NiveauTerritoire,
    @Path() code: string,
  ): Promise<ResultatsExamen> {
    return service.resultatsTerritoire(this.ctx, Divulgation.depuis(this.ctx, req, 'ResultatsTerritoire'), { session, examen, niveau, code });
  }

  /**
   * Bourse régionale au mérite : les bacheliers de la région avec au moins la mention demandée
   * qui ont consenti à la transmission de leurs données à la région appelante (consentement
   * recueilli, non retiré, non expiré, vérifié à chaque appel). Identifiant pseudonyme, nom,
   * prénoms, date de naissance, établissement, série, mention, et adresse de contact seulement
   * si le consentement la couvre. Les lauréats sans consentement sont seulement comptés. Seule la
   * dernière session publiée a une liste nominative.
   * Chaque réponse est journalisée. Pagination par curseur : suivre `curseur_suivant` ou
   * l'en-tête `Link: rel="next"`.
   * @param session Année de la session de juin, publiée à partir du 15 juillet de cette année. @example session 2026
   * @isInt session
   * @minimum session 1990
   * @maximum session 2100
   * @summary Lauréats du baccalauréat ayant consenti, pour la bourse au mérite
   * @param mentionMinimale AB, B, TB ou TBF (très bien avec félicitations) ; par défaut AB. @example mentionMinimale "TB"
   * @param limit Nombre de lauréats par page (1 à 1000).
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 1000
   * @param curseur Curseur opaque reçu avec la page précédente.
   * @maxLength curseur 1024
   */
  @Get('sessions/{session}/examens/bac/laureats')
  @Security('oauth2', ['examens:laureats-bourse-merite'])
  @Middlewares(limiteParHabilitation('api-resultats-examens'))
  @SuccessResponse<Entetes['debit']>(200, 'Une page de lauréats consentants')
  @Response<ProblemeHttp, Entetes['refusDecompte']>(403, "Scope examens:laureats-bourse-merite absent, ou destinataire autre qu'une région habilitée")
  @Response<ProblemeHttp, Entetes['debit']>(
    404,
    'Session pas encore publiée (session_non_publiee), ou sans liste nominative (seule la dernière publiée en a une)',
  )
  @Response<ProblemeHttp, Entetes['reessayer']>(503, 'Base de données ou journal momentanément indisponible : aucune donnée transmise')
  public async laureatsBac(
    @Request() req: ExpressRequest,
    @Path() session: number,
    @Query() mentionMinimale: CodeMention = 'AB',
    @Query() limit = 100,
    @Query() curseur?: string,
  ): Promise<ListeLaureats> {
    const divulgation = Divulgation.depuis(this.ctx, req, 'LaureatsBac');
    const liste = await service.listerLaureats(this.ctx.db, divulgation, { session, mentionMinimale, limit, curseur });
    const lien = lienSuivant(req, liste.curseur_suivant);
    if (lien) this.setHeader('Link', lien);
    this.setHeader('Cache-Control', 'no-store');
    return liste;
  }
}
