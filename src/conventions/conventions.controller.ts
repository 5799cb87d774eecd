import { Body, Controller, Get, OperationId, Patch, Path, Post, Query, Request, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { Contexte } from '../contexte';
import { acteur } from '../admin/acteur';
import { Probleme } from '../http/problemes';
import { aujourdhui } from '../horloge';
import {
  denoncerConvention, enregistrerConvention, historiqueConvention, listerConventions, modifierConvention, trouverConvention,
  type Convention, type DonneesConvention, type EntreeHistorique, type PartieConvention, type TypeConvention,
} from './conventions';
import type { StatutConvention } from './termes';

export interface EnregistrementConventionCorps extends DonneesConvention {
  /** @example "Saisie de la convention signée le 12 mars 2015" */
  motif?: string;
}

export interface AvenantCorps extends Partial<DonneesConvention> {
  /** Raison de la modification (avenant, correction de saisie…). @example "Avenant n° 1 : ajout des prévisions d'effectifs" */
  motif: string;
}

export interface DenonciationCorps {
  /**
   * Date de réception de la dénonciation ; par défaut aujourd'hui. Le préavis court à partir de cette date.
   * @pattern ^\d{4}-\d{2}-\d{2}$
   */
  date_denonciation?: string;
  partie: PartieConvention;
  /** @example "Dénonciation par la collectivité (courrier du 2 janvier)" */
  motif: string;
}

/** Operators record conventions, their amendments and denunciations; each change is kept with its author and reason. */
@Route('admin/conventions')
@Tags('Administration')
@Security('oauth2', ['admin'])
export class ConventionsController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /** Conventions du registre, avec leur statut calculé à la date du jour. */
  @Get()
  public async lister(
    @Query() academie?: string,
    @Query() region?: string,
    @Query() type?: TypeConvention,
    @Query() statut?: StatutConvention,
  ): Promise<Convention[]> {
    return listerConventions(this.ctx.db, { academie, region, type, statut });
  }

  /** Enregistrer une convention signée. Durée par défaut : 12 mois, reconduction tacite. */
  @Post()
  @SuccessResponse(201, 'Enregistrée')
  public async enregistrer(@Body() corps: EnregistrementConventionCorps, @Request() req: ExpressRequest): Promise<Convention> {
    const { motif, ...donnees } = corps;
    const c = await enregistrerConvention(this.ctx.db, donnees, acteur(req), motif);
    this.setStatus(201);
    return c;
  }

  @Get('{id}')
  public async convention(@Path() id: string): Promise<Convention> {
    const c = await trouverConvention(this.ctx.db, id);
    if (!c) throw new Probleme('ressource_introuvable', 'Convention inconnue.');
    return c;
  }

  /** Chaque version de la convention : action, champs modifiés, auteur, motif, état complet après la modification. */
  @Get('{id}/historique')
  public async historique(@Path() id: string): Promise<EntreeHistorique[]> {
    return historiqueConvention(this.ctx.db, id);
  }

  /** Modifier une convention (avenant ou correction) ; le motif est obligatoire. */
  @Patch('{id}')
  @OperationId('ModifierConvention')
  public async modifier(@Path() id: string, @Body() corps: AvenantCorps, @Request() req: ExpressRequest): Promise<Convention> {
    const { motif, ...changements } = corps;
    return modifierConvention(this.ctx.db, id, changements, acteur(req), motif);
  }

  /**
   * Enregistrer la dénonciation d'une convention : elle reste en vigueur jusqu'à la fin du préavis,
   * puis les habilitations qui reposent sur elle expirent et leurs jetons cessent d'ouvrir l'accès.
   */
  @Post('{id}/denonciation')
  public async denoncer(@Path() id: string, @Body() corps: DenonciationCorps, @Request() req: ExpressRequest): Promise<Convention> {
    return denoncerConvention(this.ctx.db, id, { date: corps.date_denonciation ?? aujourdhui(), partie: corps.partie }, acteur(req), corps.motif);
  }
}
