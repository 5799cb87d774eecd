import { Controller, Get, Middlewares, Path, Query, Request, Response, Route, Security, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { Contexte } from '../../contexte';
import { etagDe, estInchange } from '../../http/etag';
import { limiteParHabilitation, limiteParIp } from '../../http/limites';
import type { Principal } from '../../auth/principal';
import { lienSuivant } from '../../http/pagination';
import type { ProblemeHttp } from '../../http/problemes';
import type { Etablissement, EtatEtablissement, StatutEtablissement, TypeEtablissement } from '../../referentiels/etablissement';
import type { EffectifsEtablissement } from './effectifs';
import type { CapacitesEtablissement, PageEtablissements, Previsions } from './models';
import { listerEtablissements, trouverEtablissement } from './repository';
import * as service from './service';

@Route('api-ecole/v1')
@Tags('API école')
export class EcoleController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /**
   * Annuaire de l'éducation (donnée ouverte, sans jeton, débit limité par adresse IP) :
   * établissements triés par UAI, filtrés par territoire, type, statut, état ou nom.
   * La recherche `q` ignore accents et casse ; chaque mot doit figurer dans le nom.
   * Pagination par curseur : suivre `curseur_suivant` ou l'en-tête `Link: rel="next"`.
   * @param codeCommune Code INSEE de la commune. @example codeCommune "35238"
   * @param codeDepartement @example codeDepartement "35"
   * @param codeRegion @example codeRegion "53"
   * @param q Mots du nom, sans souci des accents. @example q "chateaubriand"
   * @param limit Nombre d'établissements par page (1 à 1000).
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 1000
   * @param curseur Curseur opaque reçu avec la page précédente.
   */
  @Get('etablissements')
  @Middlewares(limiteParIp)
  @Response<ProblemeHttp>(400, 'Paramètre mal formé')
  @Response<ProblemeHttp>(429, 'Trop de requêtes')
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
   * @param uai Identifiant de l'établissement : 7 chiffres et la lettre clé. @example uai "0350122T"
   */
  @Get('etablissements/{uai}')
  @Middlewares(limiteParIp)
  @Response<ProblemeHttp>(400, 'UAI mal formé ou lettre clé fausse')
  @Response<ProblemeHttp>(404, 'UAI inconnu de l\'annuaire')
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
   * @param uai @example uai "0350122T"
   * @param anneeScolaire Année scolaire ; par défaut la dernière constatée. @example anneeScolaire "2025-2026"
   */
  @Get('etablissements/{uai}/effectifs')
  @Security('oauth2', ['ecole:effectifs'])
  @Middlewares(limiteParHabilitation('api-ecole'))
  @Response<ProblemeHttp>(400, 'UAI ou année mal formés')
  @Response<ProblemeHttp>(403, 'Établissement hors du territoire ou du périmètre de l\'habilitation')
  @Response<ProblemeHttp>(404, 'UAI inconnu ou année sans constat')
  public async effectifs(@Request() req: ExpressRequest, @Path() uai: string, @Query() anneeScolaire?: string): Promise<EffectifsEtablissement> {
    return service.effectifs(this.ctx, req.user as Principal, uai, anneeScolaire);
  }

  /**
   * Capacités d'accueil d'un établissement du territoire de l'habilitation : divisions et
   * places par division, par niveau, pour l'année demandée (structure constatée) et l'année
   * suivante (structure prévisionnelle).
   * @param uai @example uai "0350122T"
   * @param anneeScolaire Année scolaire ; par défaut la dernière constatée. @example anneeScolaire "2025-2026"
   */
  @Get('etablissements/{uai}/capacites')
  @Security('oauth2', ['ecole:capacites'])
  @Middlewares(limiteParHabilitation('api-ecole'))
  @Response<ProblemeHttp>(400, 'UAI ou année mal formés')
  @Response<ProblemeHttp>(403, 'Établissement hors du territoire ou du périmètre de l\'habilitation')
  @Response<ProblemeHttp>(404, 'UAI inconnu ou année sans capacités')
  public async capacites(@Request() req: ExpressRequest, @Path() uai: string, @Query() anneeScolaire?: string): Promise<CapacitesEtablissement> {
    return service.capacites(this.ctx, req.user as Principal, uai, anneeScolaire);
  }

  /**
   * Prévisions d'effectifs d'un territoire (exactement un de codeCommune, codeDepartement,
   * codeRegion, dans le territoire de l'habilitation), par niveau, pour les 1 à 5 prochaines
   * années scolaires, limitées aux niveaux des établissements de l'habilitation (écoles,
   * collèges ou lycées). La méthode (matrice de passage), ses taux, son historique et les
   * effectifs de l'année de référence accompagnent les chiffres, sous secret statistique.
   * @param codeCommune @example codeCommune "35238"
   * @param codeDepartement @example codeDepartement "35"
   * @param codeRegion @example codeRegion "53"
   * @param horizon Nombre d'années projetées (1 à 5).
   * @isInt horizon
   * @minimum horizon 1
   * @maximum horizon 5
   */
  @Get('previsions')
  @Security('oauth2', ['ecole:previsions'])
  @Middlewares(limiteParHabilitation('api-ecole'))
  @Response<ProblemeHttp>(400, 'Horizon hors de 1 à 5')
  @Response<ProblemeHttp>(403, 'Territoire hors de celui de l\'habilitation')
  @Response<ProblemeHttp>(404, 'Territoire sans établissement ni historique')
  @Response<ProblemeHttp>(422, 'Aucun ou plusieurs territoires indiqués')
  public async previsions(
    @Request() req: ExpressRequest,
    @Query() codeCommune?: string,
    @Query() codeDepartement?: string,
    @Query() codeRegion?: string,
    @Query() horizon = 5,
  ): Promise<Previsions> {
    return service.previsions(this.ctx, req.user as Principal, {
      code_commune: codeCommune,
      code_departement: codeDepartement,
      code_region: codeRegion,
    }, horizon);
  }

  /** Sets the ETag; true when the client's copy is current (304, no body). */
  private nonModifie(req: ExpressRequest, etag: string): boolean {
    this.setHeader('ETag', etag);
    if (!estInchange(req, etag)) return false;
    this.setStatus(304);
    return true;
  }
}
