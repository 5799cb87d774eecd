import { Body, Controller, Get, OperationId, Patch, Path, Post, Query, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { Contexte } from '../contexte';
import { acteur } from '../admin/acteur';
import type { Entetes, ProblemeHttp } from '../http/contrat';
import { Probleme } from '../http/problemes';
import { aujourdhui } from '../horloge';
import {
  denoncerConvention,
  enregistrerConvention,
  historiqueConvention,
  listerConventions,
  modifierConvention,
  trouverConvention,
  type Convention,
  type DonneesConvention,
  type EntreeHistorique,
  type PartieConvention,
  type TypeConvention,
} from './conventions';
import type { StatutConvention } from './termes';

export interface EnregistrementConventionCorps extends DonneesConvention {
  /**
   * @maxLength 2000
   * @example "Saisie de la convention signée le 12 mars 2015"
   */
  motif?: string;
}

export interface AvenantCorps extends Partial<DonneesConvention> {
  /**
   * Raison de la modification (avenant, correction de saisie…).
   * @maxLength 2000
   * @example "Avenant n° 1 : ajout des prévisions d'effectifs"
   */
  motif: string;
}

export interface DenonciationCorps {
  /**
   * Date de réception de la dénonciation ; par défaut aujourd'hui. Le préavis court à partir de cette date.
   * @pattern ^\d{4}-\d{2}-\d{2}$
   * @maxLength 10
   */
  date_denonciation?: string;
  partie: PartieConvention;
  /**
   * @maxLength 2000
   * @example "Dénonciation par la collectivité (courrier du 2 janvier)"
   */
  motif: string;
}

/** Operators record conventions, their amendments and denunciations; each change is kept with its author and reason. */
@Route('admin/conventions')
@Tags('Administration')
@Security('oauth2', ['admin'])
@Response<ProblemeHttp>(400, 'Paramètre ou corps mal formé (le champ erreurs nomme chaque champ, jamais sa valeur)')
@Response<ProblemeHttp, Entetes['authentification']>(401, 'Jeton absent, invalide, expiré ou révoqué, ou habilitation inactive')
@Response<ProblemeHttp, Entetes['refus']>(403, 'Le jeton ne porte pas le scope admin')
@Response<ProblemeHttp>(500, 'Erreur interne, tracée sous request_id')
@Response<ProblemeHttp, Entetes['reessayer']>(503, 'Base de données momentanément indisponible')
export class ConventionsController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /**
   * Conventions du registre, avec leur statut calculé à la date du jour.
   * @summary Lister les conventions
   * @param academie Code de l'académie.
   * @maxLength academie 3
   * @param region Code INSEE de la région des académies.
   * @maxLength region 3
   */
  @Get()
  public async lister(
    @Query() academie?: string,
    @Query() region?: string,
    @Query() type?: TypeConvention,
    @Query() statut?: StatutConvention,
  ): Promise<Convention[]> {
    return listerConventions(this.ctx.db, { academie, region, type, statut });
  }

  /**
   * Enregistrer une convention signée. Durée par défaut : 12 mois, reconduction tacite.
   * @summary Enregistrer une convention
   */
  @Post()
  @SuccessResponse(201, 'Enregistrée')
  @Response<ProblemeHttp>(409, 'Une convention porte déjà cette référence')
  public async enregistrer(@Body() corps: EnregistrementConventionCorps, @Request() req: ExpressRequest): Promise<Convention> {
    const { motif, ...donnees } = corps;
    const c = await enregistrerConvention(this.ctx.db, donnees, acteur(req), motif);
    this.setStatus(201);
    return c;
  }

  /**
   * Une convention, avec son statut calculé à la date du jour.
   * @summary Consulter une convention
   * @maxLength id 64
   */
  @Get('{id}')
  @Response<ProblemeHttp>(404, 'Convention inconnue')
  public async convention(@Path() id: string): Promise<Convention> {
    const c = await trouverConvention(this.ctx.db, id);
    if (!c) throw new Probleme('ressource_introuvable', 'Convention inconnue.');
    return c;
  }

  /**
   * Chaque version de la convention : action, champs modifiés, auteur, motif, état complet après la modification.
   * @summary Historique d'une convention
   * @maxLength id 64
   */
  @Get('{id}/historique')
  @Response<ProblemeHttp>(404, 'Convention inconnue')
  public async historique(@Path() id: string): Promise<EntreeHistorique[]> {
    return historiqueConvention(this.ctx.db, id);
  }

  /**
   * Modifier une convention (avenant ou correction) ; le motif est obligatoire.
   * @summary Modifier une convention
   * @maxLength id 64
   */
  @Patch('{id}')
  @OperationId('ModifierConvention')
  @Response<ProblemeHttp>(404, 'Convention inconnue')
  @Response<ProblemeHttp>(409, 'Une convention porte déjà cette référence')
  @Response<ProblemeHttp>(422, 'La modification ne change aucun champ')
  public async modifier(@Path() id: string, @Body() corps: AvenantCorps, @Request() req: ExpressRequest): Promise<Convention> {
    const { motif, ...changements } = corps;
    return modifierConvention(this.ctx.db, id, changements, acteur(req), motif);
  }

  /**
   * Enregistrer la dénonciation d'une convention : elle reste en vigueur jusqu'à la fin du préavis,
   * puis les habilitations qui reposent sur elle expirent et leurs jetons cessent d'ouvrir l'accès.
   * @summary Dénoncer une convention
   * @maxLength id 64
   */
  @Post('{id}/denonciation')
  @Response<ProblemeHttp>(404, 'Convention inconnue')
  @Response<ProblemeHttp>(409, 'Convention déjà dénoncée ou déjà expirée')
  @Response<ProblemeHttp>(422, 'La dénonciation précède la signature')
  public async denoncer(@Path() id: string, @Body() corps: DenonciationCorps, @Request() req: ExpressRequest): Promise<Convention> {
    return denoncerConvention(this.ctx.db, id, { date: corps.date_denonciation ?? aujourdhui(), partie: corps.partie }, acteur(req), corps.motif);
  }
}
