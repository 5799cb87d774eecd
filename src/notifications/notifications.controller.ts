import { Body, Controller, Delete, Get, Path, Post, Query, Request, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { Contexte } from '../contexte';
import type { Principal } from '../auth/principal';
import { creerAbonnement, desactiverAbonnement, listerAbonnements, type Abonnement, type AbonnementCree } from './abonnements';
import { listerLivraisons, rejouerLivraison, trouverLivraison, type Livraison, type Tentative } from './distributeur';
import type { TypeEvenement } from './evenements';

export interface AbonnementCorps {
  /**
   * Adresse HTTPS qui recevra les notifications signées (HTTP vers 127.0.0.1 seulement hors production).
   * @example "https://enfance.rennes.fr/passerelle/notifications"
   */
  url: string;
  /** Types d'événements souhaités ; par défaut, tous. */
  types?: TypeEvenement[];
  /**
   * Clé HMAC choisie par le destinataire (32 caractères au moins) ; générée si absente, montrée une seule fois.
   * @minLength 32
   */
  secret?: string;
}

export interface AbonnementOperateurCorps extends AbonnementCorps {
  /** @pattern ^\d{14}$ */
  siret: string;
}

/**
 * Change notifications, seen by the recipient itself: any valid token manages its own
 * subscriptions. Each POST carries `X-Signature-256: sha256=<hex>`, the HMAC-SHA256 of the raw
 * body with the subscription's secret, and `X-Horodatage` (Unix seconds), repeated as `horodatage`
 * inside the signed body: reject a mismatch or a notification older than five minutes.
 */
@Route('notifications/abonnements')
@Tags('Notifications')
@Security('oauth2')
export class AbonnementsController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /** Mes abonnements (jamais leurs secrets). */
  @Get()
  public async mesAbonnements(@Request() req: ExpressRequest): Promise<Abonnement[]> {
    return listerAbonnements(this.ctx.db, { siret: siretDe(req) });
  }

  /**
   * S'abonner aux notifications : liste modifiée (API mairie : commune, nombre de changements, nouveau jeton de
   * synchronisation), changement d'état d'une habilitation, modification d'une convention dont on est partie.
   * Aucune donnée personnelle n'est envoyée : seulement de quoi appeler l'API.
   */
  @Post()
  @SuccessResponse(201, 'Abonné')
  public async sAbonner(@Body() corps: AbonnementCorps, @Request() req: ExpressRequest): Promise<AbonnementCree> {
    this.setHeader('Cache-Control', 'no-store');
    const a = await creerAbonnement(this.ctx.db, { ...corps, siret: siretDe(req) }, this.ctx.config.production);
    this.setStatus(201);
    return a;
  }

  @Delete('{id}')
  @SuccessResponse(204, 'Désabonné')
  public async seDesabonner(@Path() id: string, @Request() req: ExpressRequest): Promise<void> {
    await desactiverAbonnement(this.ctx.db, id, siretDe(req));
    this.setStatus(204);
  }
}

/** Operators: every subscription, the delivery log, and replay. */
@Route('admin/notifications')
@Tags('Administration')
@Security('oauth2', ['admin'])
export class NotificationsController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  @Get('abonnements')
  public async abonnements(@Query() siret?: string): Promise<Abonnement[]> {
    return listerAbonnements(this.ctx.db, { siret });
  }

  /** Abonner un destinataire ; le secret n'est montré qu'une fois. */
  @Post('abonnements')
  @SuccessResponse(201, 'Abonné')
  public async abonner(@Body() corps: AbonnementOperateurCorps): Promise<AbonnementCree> {
    this.setHeader('Cache-Control', 'no-store');
    const a = await creerAbonnement(this.ctx.db, corps, this.ctx.config.production);
    this.setStatus(201);
    return a;
  }

  @Delete('abonnements/{id}')
  @SuccessResponse(204, 'Désactivé')
  public async desactiver(@Path() id: string): Promise<void> {
    await desactiverAbonnement(this.ctx.db, id);
    this.setStatus(204);
  }

  /** Journal des livraisons, les plus récentes d'abord. */
  @Get('livraisons')
  public async livraisons(
    @Query() statut?: Livraison['statut'],
    @Query() siret?: string,
    @Query() abonnementId?: string,
  ): Promise<Livraison[]> {
    return listerLivraisons(this.ctx.db, { statut, siret, abonnementId });
  }

  /** Une livraison et chacune de ses tentatives (statut HTTP, erreur, durée). */
  @Get('livraisons/{id}')
  public async livraison(@Path() id: number): Promise<Livraison & { journal: Tentative[] }> {
    return trouverLivraison(this.ctx.db, id);
  }

  /** Rejouer une livraison (abandonnée ou non) avec un nouveau budget de tentatives ; le journal garde les précédentes. */
  @Post('livraisons/{id}/rejeu')
  @SuccessResponse(202, 'Remise en file')
  public async rejouer(@Path() id: number): Promise<Livraison> {
    const l = await rejouerLivraison(this.ctx.db, id);
    this.setStatus(202);
    return l;
  }
}

function siretDe(req: ExpressRequest): string {
  return (req.user as Principal).destinataire.siret;
}
