import { Controller, Get, Middlewares, Path, Query, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { Contexte } from '../../contexte';
import type { Entetes, ProblemeHttp } from '../../http/contrat';
import { etagDe, estInchange } from '../../http/etag';
import { limiteParHabilitation, limiteParIp } from '../../http/limites';
import { lienSuivant } from '../../http/pagination';
import { Divulgation } from '../../privacy/divulgation';
import type { Etablissement, EtatEtablissement, StatutEtablissement, TypeEtablissement } from '../../referentiels/etablissement';
import type { EffectifsEtablissement } from './effectifs';
import type { CapacitesEtablissement, PageEtablissements, Previsions } from './models';
import { listerEtablissements, trouverEtablissement } from './repository';
import * as service from './service';

@Route('api-ecole/v1')
@Tags('API école')
@Response<ProblemeHttp, Entetes['debitEventuel']>(400, 'Paramètre mal formé (le champ erreurs nomme chaque paramètre, jamais sa valeur)')
@Response<ProblemeHttp, Entetes['tropDeRequetes']>(429, 'Trop de requêtes : réessayer après Retry-After')
@Response<ProblemeHttp>(500, 'Erreur interne, tracée sous request_id')
@Response<ProblemeHttp, Entetes['reessayer']>(503, 'Base de données momentanément indisponible')
export class EcoleController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /**
   * Annuaire de l'éducation (donnée ouverte, sans jeton, débit limité par adresse IP) :
   * établissements triés par UAI, filtrés par territoire, type, statut, état ou nom.
   * La recherche `q` ignore accents et casse ; chaque mot doit figurer dans le nom.
   * Pagination par curseur : suivre `curseur_suivant` ou l'en-tête `Link: rel="next"`.
   * @summary Rechercher dans l'annuaire des établissements
   * @param codeCommune Code INSEE de la commune. @example codeCommune "35238"
   * @maxLength codeCommune 5
   * @param codeDepartement @example codeDepartement "35"
   * @maxLength codeDepartement 3
   * @param codeRegion @example codeRegion "53"
   * @maxLength codeRegion 3
   * @param q Mots du nom, sans souci des accents. @example q "chateaubriand"
   * @maxLength q 200
   * @param limit Nombre d'établissements par page (1 à 1000).
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 1000
   * @param curseur Curseur opaque reçu avec la page précédente.
   * @maxLength curseur 1024
   */
  @Get('etablissements')
  @Middlewares(limiteParIp)
  @SuccessResponse<Entetes['debit']>(200, "Une page de l'annuaire")
  @Response<void, Entetes['debit']>(304, 'La copie du client est à jour (If-None-Match)')
  public async etablissements(
    @Request() req: ExpressRequest,
    @Query() codeCommune?: string,
    @Query() codeDepartement?: string,
    @Query() codeRegion?: string,
    @Query() type?: TypeEtablissement,
    @Query() statut?: StatutEtablissement,
    @Query() etat?: EtatEtablissement,
    @Query() q?: string,
    @Query() limit = 100,
    @Query() curseur?: string,
  ): Promise<PageEtablissements | undefined> {
    const filtres = { codeCommune, codeDepartement, codeRegion, type, statut, etat, q, limit, curseur };
    const page = await listerEtablissements(this.ctx.db, filtres);
    if (this.nonModifie(req, etagDe(JSON.stringify(filtres), page.curseur_suivant, ...page.empreintes))) return undefined;
    const lien = lienSuivant(req, page.curseur_suivant);
    if (lien) this.setHeader('Link', lien);
    return { etablissements: page.etablissements, curseur_suivant: page.curseur_suivant };
  }

  /**
   * Un établissement de l'annuaire (donnée ouverte, sans jeton).
   * @summary Consulter un établissement de l'annuaire
   * @param uai Identifiant de l'établissement : 7 chiffres et la lettre clé. @example uai "0350122T"
   * @maxLength uai 8
   */
  @Get('etablissements/{uai}')
  @Middlewares(limiteParIp)
  @SuccessResponse<Entetes['debit']>(200, "L'établissement")
  @Response<void, Entetes['debit']>(304, 'La copie du client est à jour (If-None-Match)')
  @Response<ProblemeHttp, Entetes['debitEventuel']>(400, 'UAI mal formé ou lettre clé fausse')
  @Response<ProblemeHttp, Entetes['debit']>(404, "UAI inconnu de l'annuaire")
  public async etablissement(@Request() req: ExpressRequest, @Path() uai: string): Promise<Etablissement | undefined> {
    const { etablissement, empreinte } = await trouverEtablissement(this.ctx.db, service.lireUaiDemande(uai));
    if (this.nonModifie(req, etagDe(empreinte))) return undefined;
    return etablissement;
  }

  /**
   * Effectifs constatés d'un établissement du territoire de l'habilitation, par niveau et, au
   * second degré, par formation (MEF) : total, filles et garçons, boursiers, externes,
   * demi-pensionnaires et internes. Secret statistique : aucune cellule publiée sous le seuil
   * (5 par défaut) ; une cellule masquée vaut null et dit pourquoi (`primaire` ou `secondaire`),
   * et aucune ne se recalcule par différence avec les totaux.
   * Une commune voit ses écoles, un département ses collèges, une région ses lycées.
   * @summary Effectifs constatés d'un établissement
   * @param uai @example uai "0350122T"
   * @maxLength uai 8
   * @param anneeScolaire Année scolaire ; par défaut la dernière constatée. @example anneeScolaire "2025-2026"
   * @maxLength anneeScolaire 9
   */
  @Get('etablissements/{uai}/effectifs')
  @Security('oauth2', ['ecole:effectifs'])
  @Middlewares(limiteParHabilitation('api-ecole'))
  @SuccessResponse<Entetes['debit']>(200, 'Les effectifs, sous secret statistique')
  @Response<ProblemeHttp, Entetes['debitEventuel']>(400, 'UAI ou année mal formés')
  @Response<ProblemeHttp, Entetes['authentification']>(401, 'Jeton absent, invalide, expiré ou révoqué, ou habilitation inactive')
  @Response<ProblemeHttp, Entetes['refusDecompte']>(403, "Scope ecole:effectifs absent, ou établissement hors du territoire ou du périmètre de l'habilitation")
  @Response<ProblemeHttp, Entetes['debit']>(404, 'UAI inconnu ou année sans constat')
  public async effectifs(@Request() req: ExpressRequest, @Path() uai: string, @Query() anneeScolaire?: string): Promise<EffectifsEtablissement> {
    return service.effectifs(this.ctx, Divulgation.depuis(this.ctx, req, 'Effectifs'), uai, anneeScolaire);
  }

  /**
   * Capacités d'accueil d'un établissement du territoire de l'habilitation : divisions et
   * places par division, par niveau, pour l'année demandée (structure constatée) et l'année
   * suivante (structure prévisionnelle).
   * @summary Capacités d'accueil d'un établissement
   * @param uai @example uai "0350122T"
   * @maxLength uai 8
   * @param anneeScolaire Année scolaire ; par défaut la dernière constatée. @example anneeScolaire "2025-2026"
   * @maxLength anneeScolaire 9
   */
  @Get('etablissements/{uai}/capacites')
  @Security('oauth2', ['ecole:capacites'])
  @Middlewares(limiteParHabilitation('api-ecole'))
  @SuccessResponse<Entetes['debit']>(200, "Les capacités de l'année demandée et de la suivante")
  @Response<ProblemeHttp, Entetes['debitEventuel']>(400, 'UAI ou année mal formés')
  @Response<ProblemeHttp, Entetes['authentification']>(401, 'Jeton absent, invalide, expiré ou révoqué, ou habilitation inactive')
  @Response<ProblemeHttp, Entetes['refusDecompte']>(403, "Scope ecole:capacites absent, ou établissement hors du territoire ou du périmètre de l'habilitation")
  @Response<ProblemeHttp, Entetes['debit']>(404, 'UAI inconnu ou année sans capacités')
  public async capacites(@Request() req: ExpressRequest, @Path() uai: string, @Query() anneeScolaire?: string): Promise<CapacitesEtablissement> {
    return service.capacites(this.ctx, Divulgation.depuis(this.ctx, req, 'Capacites'), uai, anneeScolaire);
  }

  /**
   * Prévisions d'effectifs d'un territoire (exactement un de codeCommune, codeDepartement,
   * codeRegion, dans le territoire de l'habilitation), par niveau, pour les 1 à 5 prochaines
   * années scolaires, limitées aux niveaux des établissements de l'habilitation (écoles,
   * collèges ou lycées). La méthode (matrice de passage), ses taux, son historique et les
   * effectifs de l'année de référence accompagnent les chiffres, sous secret statistique.
   * @summary Prévisions d'effectifs d'un territoire
   * @param codeCommune @example codeCommune "35238"
   * @maxLength codeCommune 5
   * @param codeDepartement @example codeDepartement "35"
   * @maxLength codeDepartement 3
   * @param codeRegion @example codeRegion "53"
   * @maxLength codeRegion 3
   * @param horizon Nombre d'années projetées (1 à 5).
   * @isInt horizon
   * @minimum horizon 1
   * @maximum horizon 5
   */
  @Get('previsions')
  @Security('oauth2', ['ecole:previsions'])
  @Middlewares(limiteParHabilitation('api-ecole'))
  @SuccessResponse<Entetes['debit']>(200, 'Les prévisions, avec leur méthode')
  @Response<ProblemeHttp, Entetes['debitEventuel']>(400, 'Code de territoire mal formé, ou horizon hors de 1 à 5')
  @Response<ProblemeHttp, Entetes['authentification']>(401, 'Jeton absent, invalide, expiré ou révoqué, ou habilitation inactive')
  @Response<ProblemeHttp, Entetes['refusDecompte']>(403, "Scope ecole:previsions absent, ou territoire hors de celui de l'habilitation")
  @Response<ProblemeHttp, Entetes['debit']>(404, 'Territoire sans établissement ni historique')
  @Response<ProblemeHttp, Entetes['debit']>(422, 'Aucun ou plusieurs territoires indiqués')
  public async previsions(
    @Request() req: ExpressRequest,
    @Query() codeCommune?: string,
    @Query() codeDepartement?: string,
    @Query() codeRegion?: string,
    @Query() horizon = 5,
  ): Promise<Previsions> {
    return service.previsions(
      this.ctx,
      Divulgation.depuis(this.ctx, req, 'Previsions'),
      {
        code_commune: codeCommune,
        code_departement: codeDepartement,
        code_region: codeRegion,
      },
      horizon,
    );
  }

  /** Sets the ETag; true when the client's copy is current (304, no body). */
  private nonModifie(req: ExpressRequest, etag: string): boolean {
    this.setHeader('ETag', etag);
    if (!estInchange(req, etag)) return false;
    this.setStatus(304);
    return true;
  }
}
