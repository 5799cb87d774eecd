import { Body, Controller, Delete, Get, Path, Post, Query, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { Contexte } from '../contexte';
import type { Principal } from '../auth/principal';
import type { Entetes, ProblemeHttp } from '../http/contrat';
import { creerAbonnement, desactiverAbonnement, listerAbonnements, type Abonnement, type AbonnementCree } from './abonnements';
import { listerLivraisons, rejouerLivraison, trouverLivraison, type Livraison, type LivraisonDetaillee } from './distributeur';
import type { TypeEvenement } from './evenements';

export interface AbonnementCorps {
  /**
   * Adresse HTTPS qui recevra les notifications signées (HTTP vers 127.0.0.1 seulement hors production).
   * @maxLength 2048
   * @example "https://enfance.rennes.fr/passerelle/notifications"
   */
  url: string;
  /**
   * Types d'événements souhaités ; par défaut, tous.
   * @maxItems 10
   */
  types?: TypeEvenement[];
  /**
   * Clé HMAC choisie par le destinataire (32 caractères au moins) ; générée si absente, montrée une seule fois.
   * @minLength 32
   * @maxLength 256
   */
  secret?: string;
}

export interface AbonnementOperateurCorps extends AbonnementCorps {
  /**
   * @pattern ^\d{14}$
   * @maxLength 14
   */
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
@Response<ProblemeHttp>(400, 'Paramètre ou corps mal formé (le champ erreurs nomme chaque champ, jamais sa valeur)')
@Response<ProblemeHttp, Entetes['authentification']>(401, 'Jeton absent, invalide, expiré ou révoqué, ou habilitation inactive')
@Response<ProblemeHttp>(500, 'Erreur interne, tracée sous request_id')
@Response<ProblemeHttp, Entetes['reessayer']>(503, 'Base de données momentanément indisponible')
export class AbonnementsController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /**
   * Mes abonnements (jamais leurs secrets).
   * @summary Lister mes abonnements
   */
  @Get()
  public async mesAbonnements(@Request() req: ExpressRequest): Promise<Abonnement[]> {
    return listerAbonnements(this.ctx.db, { siret: siretDe(req) });
  }

  /**
   * S'abonner aux notifications : liste modifiée (API mairie : commune, nombre de changements, nouveau jeton de
   * synchronisation), changement d'état d'une habilitation, modification d'une convention dont on est partie.
   * Aucune donnée personnelle n'est envoyée : seulement de quoi appeler l'API.
   * @summary S'abonner aux notifications
   */
  @Post()
  @SuccessResponse(201, 'Abonné')
  public async sAbonner(@Body() corps: AbonnementCorps, @Request() req: ExpressRequest): Promise<AbonnementCree> {
    this.setHeader('Cache-Control', 'no-store');
    const a = await creerAbonnement(this.ctx.db, { ...corps, siret: siretDe(req) }, this.ctx.config.production);
    this.setStatus(201);
    return a;
  }

  /**
   * Se désabonner : les livraisons en attente sont abandonnées, le journal des livraisons reste lisible.
   * @summary Se désabonner
   * @maxLength id 64
   */
  @Delete('{id}')
  @SuccessResponse(204, 'Désabonné')
  @Response<ProblemeHttp>(404, "Abonnement inconnu, ou d'un autre destinataire")
  public async seDesabonner(@Path() id: string, @Request() req: ExpressRequest): Promise<void> {
    await desactiverAbonnement(this.ctx.db, id, siretDe(req));
    this.setStatus(204);
  }
}

/** Operators: every subscription, the delivery log, and replay. */
@Route('admin/notifications')
@Tags('Administration')
@Security('oauth2', ['admin'])
@Response<ProblemeHttp>(400, 'Paramètre ou corps mal formé (le champ erreurs nomme chaque champ, jamais sa valeur)')
@Response<ProblemeHttp, Entetes['authentification']>(401, 'Jeton absent, invalide, expiré ou révoqué, ou habilitation inactive')
@Response<ProblemeHttp, Entetes['refus']>(403, 'Le jeton ne porte pas le scope admin')
@Response<ProblemeHttp>(500, 'Erreur interne, tracée sous request_id')
@Response<ProblemeHttp, Entetes['reessayer']>(503, 'Base de données momentanément indisponible')
export class NotificationsController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /**
   * Tous les abonnements, ou ceux d'un destinataire (jamais leurs secrets).
   * @summary Lister les abonnements
   * @param siret Seulement ceux de ce destinataire.
   * @maxLength siret 14
   */
  @Get('abonnements')
  public async abonnements(@Query() siret?: string): Promise<Abonnement[]> {
    return listerAbonnements(this.ctx.db, { siret });
  }

  /**
   * Abonner un destinataire ; le secret n'est montré qu'une fois.
   * @summary Abonner un destinataire
   */
  @Post('abonnements')
  @SuccessResponse(201, 'Abonné')
  @Response<ProblemeHttp>(404, 'Destinataire inconnu')
  public async abonner(@Body() corps: AbonnementOperateurCorps): Promise<AbonnementCree> {
    this.setHeader('Cache-Control', 'no-store');
    const a = await creerAbonnement(this.ctx.db, corps, this.ctx.config.production);
    this.setStatus(201);
    return a;
  }

  /**
   * Désactiver un abonnement : les livraisons en attente sont abandonnées, le journal reste lisible.
   * @summary Désactiver un abonnement
   * @maxLength id 64
   */
  @Delete('abonnements/{id}')
  @SuccessResponse(204, 'Désactivé')
  @Response<ProblemeHttp>(404, 'Abonnement inconnu')
  public async desactiver(@Path() id: string): Promise<void> {
    await desactiverAbonnement(this.ctx.db, id);
    this.setStatus(204);
  }

  /**
   * Journal des livraisons, les plus récentes d'abord.
   * @summary Journal des livraisons
   * @param siret Seulement celles de ce destinataire.
   * @maxLength siret 14
   * @param abonnementId Seulement celles de cet abonnement.
   * @maxLength abonnementId 64
   */
  @Get('livraisons')
  public async livraisons(@Query() statut?: Livraison['statut'], @Query() siret?: string, @Query() abonnementId?: string): Promise<Livraison[]> {
    return listerLivraisons(this.ctx.db, { statut, siret, abonnementId });
  }

  /**
   * Une livraison et chacune de ses tentatives (statut HTTP, erreur, durée).
   * @summary Consulter une livraison
   * @minimum id 1
   * @maximum id 2147483647
   */
  @Get('livraisons/{id}')
  @Response<ProblemeHttp>(404, 'Livraison inconnue')
  public async livraison(@Path() id: number): Promise<LivraisonDetaillee> {
    return trouverLivraison(this.ctx.db, id);
  }

  /**
   * Rejouer une livraison (abandonnée ou non) avec un nouveau budget de tentatives ; le journal garde les précédentes.
   * @summary Rejouer une livraison
   * @minimum id 1
   * @maximum id 2147483647
   */
  @Post('livraisons/{id}/rejeu')
  @SuccessResponse(202, 'Remise en file')
  @Response<ProblemeHttp>(404, 'Livraison inconnue')
  public async rejouer(@Path() id: number): Promise<Livraison> {
    const l = await rejouerLivraison(this.ctx.db, id);
    this.setStatus(202);
    return l;
  }
}

function siretDe(req: ExpressRequest): string {
  return (req.user as Principal).destinataire.siret;
}
