import { Controller, Get, Middlewares, Path, Query, Request, Response, Route, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { Contexte } from '../../contexte';
import { etagDe, estInchange } from '../../http/etag';
import { limiteParIp } from '../../http/limites';
import { lienSuivant } from '../../http/pagination';
import type { EtatEtablissement, StatutEtablissement, TypeEtablissement } from './annuaire-import';
import { listerEtablissements, lireUaiDemande, trouverEtablissement, type Etablissement } from './annuaire';

export interface PageEtablissements {
  etablissements: Etablissement[];
  /** À passer en paramètre `curseur` pour la page suivante ; null sur la dernière page (voir aussi l'en-tête Link). */
  curseur_suivant: string | null;
}

export interface ProblemeHttp {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
}

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
    const { etablissement, empreinte } = await trouverEtablissement(this.ctx.db, lireUaiDemande(uai));
    if (this.nonModifie(req, etagDe(empreinte))) return undefined;
    return etablissement;
  }

  /** Sets the ETag; true when the client's copy is current (304, no body). */
  private nonModifie(req: ExpressRequest, etag: string): boolean {
    this.setHeader('ETag', etag);
    if (!estInchange(req, etag)) return false;
    this.setStatus(304);
    return true;
  }
}
