import { Body, Consumes, Controller, Get, Middlewares, Post, Request, Response, Route, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import type { Contexte } from '../contexte';
import type { Entetes, ProblemeHttp } from '../http/contrat';
import type { ClientOAuth } from './clients';
import { formulaireOAuth, type Introspection, type JetonAcces, type MetadonneesServeurAutorisation, serveurOAuth } from './oauth';

/**
 * Demande de jeton (RFC 6749 §4.4.2), en formulaire (4 Ko au plus). Le client s'authentifie par
 * HTTP Basic (`client_secret_basic`) ou par `client_id` et `client_secret` dans le formulaire
 * (`client_secret_post`). Un paramètre inconnu est ignoré.
 */
export interface DemandeJeton {
  /**
   * Seule valeur acceptée : `client_credentials` (sinon 400 `unsupported_grant_type`).
   * @maxLength 4096
   * @example "client_credentials"
   */
  grant_type: string;
  /**
   * Scopes demandés, séparés par des espaces ; par défaut, tous ceux des habilitations valides du destinataire.
   * @maxLength 4096
   * @example "scolarite:statut"
   */
  scope?: string;
  /**
   * Identifiant du client, sans authentification HTTP Basic.
   * @maxLength 4096
   */
  client_id?: string;
  /**
   * Secret du client, sans authentification HTTP Basic.
   * @maxLength 4096
   */
  client_secret?: string;
  [parametre: string]: unknown;
}

/** Un jeton à vérifier ou à révoquer (RFC 7662 §2.1, RFC 7009 §2.1), en formulaire (4 Ko au plus), avec l'authentification du client comme pour /oauth/token. */
export interface DesignationJeton {
  /**
   * Le jeton d'accès.
   * @maxLength 4096
   */
  token: string;
  /**
   * Indication facultative du type de jeton (ignorée : seuls des jetons d'accès existent).
   * @maxLength 4096
   * @example "access_token"
   */
  token_type_hint?: string;
  /** @maxLength 4096 */
  client_id?: string;
  /** @maxLength 4096 */
  client_secret?: string;
  [parametre: string]: unknown;
}

/**
 * The OAuth 2 authorization server (client credentials only). Its endpoints take forms and answer
 * RFC 6749 errors as problem documents that keep the `error` member; they are not rate-limited
 * per request, but failed client authentications are, per IP (429 with Retry-After).
 */
@Route('oauth')
@Tags('OAuth 2')
@Response<ProblemeHttp, Entetes['reessayer']>(429, "Trop d'échecs d'authentification du client depuis cette adresse : réessayer après Retry-After")
@Response<ProblemeHttp>(500, 'Erreur interne, tracée sous request_id')
@Response<ProblemeHttp, Entetes['reessayer']>(503, 'Base de données momentanément indisponible')
export class OAuthController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /**
   * Délivre un jeton d'accès opaque (RFC 6749 §4.4, *client credentials* ; pas de jeton de
   * rafraîchissement), valable `expires_in` secondes, portant les scopes demandés s'ils sont tous
   * couverts par une habilitation valide du destinataire (400 `invalid_scope` sinon).
   * Authentification du client par HTTP Basic ou par `client_id`/`client_secret` dans le formulaire.
   * @summary Obtenir un jeton d'accès
   */
  @Post('token')
  @Consumes('application/x-www-form-urlencoded')
  @Middlewares(...formulaireOAuth({ connus: ['grant_type', 'scope', 'client_id', 'client_secret'], requis: ['grant_type'] }))
  @SuccessResponse(200, 'Le jeton, jamais mis en cache (Cache-Control: no-store)')
  @Response<ProblemeHttp>(400, 'invalid_request, unsupported_grant_type ou invalid_scope (membre error de RFC 6749 §5.2)')
  @Response<ProblemeHttp, Entetes['authentification']>(401, 'invalid_client : identifiant ou secret du client incorrect')
  @Response<ProblemeHttp>(415, "Corps autre qu'un formulaire application/x-www-form-urlencoded")
  public async obtenirJeton(@Request() req: ExpressRequest, @Body() _demande: DemandeJeton): Promise<JetonAcces> {
    const jeton = await serveurOAuth(this.ctx).jeton(req);
    this.setHeader('Cache-Control', 'no-store');
    this.setHeader('Pragma', 'no-cache');
    return jeton;
  }

  /**
   * Dit si un jeton est actif et, s'il l'est, ses scopes, son client, son destinataire (`sub`,
   * SIRET) et ses dates (RFC 7662). Un client n'apprend rien des jetons des autres (`active: false`) ;
   * un client opérateur (scope `admin`) peut examiner tout jeton.
   * @summary Vérifier un jeton (introspection)
   */
  @Post('introspect')
  @Consumes('application/x-www-form-urlencoded')
  @Middlewares(...formulaireOAuth({ connus: ['token', 'token_type_hint', 'client_id', 'client_secret'], requis: ['token'], authentifierAppelant: true }))
  @SuccessResponse(200, "L'état du jeton")
  @Response<ProblemeHttp>(400, 'invalid_request : paramètre token absent ou répété')
  @Response<ProblemeHttp, Entetes['authentification']>(401, 'invalid_client : client non authentifié')
  @Response<ProblemeHttp>(415, "Corps autre qu'un formulaire application/x-www-form-urlencoded")
  public async introspecterJeton(@Request() req: ExpressRequest, @Body() designation: DesignationJeton): Promise<Introspection> {
    const etat = await serveurOAuth(this.ctx).introspecter(req.res!.locals.clientOAuth as ClientOAuth, designation.token);
    this.setHeader('Cache-Control', 'no-store');
    return etat;
  }

  /**
   * Révoque un jeton du client appelant (RFC 7009) : il cesse aussitôt d'ouvrir l'accès. Un jeton
   * inconnu ou d'un autre client donne aussi 200, sans effet.
   * @summary Révoquer un jeton
   */
  @Post('revoke')
  @Consumes('application/x-www-form-urlencoded')
  @Middlewares(...formulaireOAuth({ connus: ['token', 'token_type_hint', 'client_id', 'client_secret'], requis: ['token'], authentifierAppelant: true }))
  @SuccessResponse(200, 'Révoqué, ou sans effet (corps vide)')
  @Response<ProblemeHttp>(400, 'invalid_request : paramètre token absent ou répété')
  @Response<ProblemeHttp, Entetes['authentification']>(401, 'invalid_client : client non authentifié')
  @Response<ProblemeHttp>(415, "Corps autre qu'un formulaire application/x-www-form-urlencoded")
  public async revoquerJeton(@Request() req: ExpressRequest, @Body() designation: DesignationJeton): Promise<void> {
    await serveurOAuth(this.ctx).revoquer(req.res!.locals.clientOAuth as ClientOAuth, designation.token);
    this.setHeader('Cache-Control', 'no-store');
    this.setStatus(200);
  }
}

@Route('.well-known')
@Tags('OAuth 2')
@Response<ProblemeHttp>(400, "Jeton transmis dans l'URL (access_token) : refusé")
@Response<ProblemeHttp>(500, 'Erreur interne, tracée sous request_id')
@Response<ProblemeHttp, Entetes['reessayer']>(503, 'Base de données momentanément indisponible')
export class MetadonneesOAuthController extends Controller {
  constructor(private readonly ctx: Contexte) {
    super();
  }

  /**
   * Métadonnées du serveur d'autorisation (RFC 8414) : émetteur, adresses des points d'accès,
   * type d'autorisation et méthodes d'authentification acceptés, scopes.
   * @summary Métadonnées du serveur d'autorisation OAuth 2
   */
  @Get('oauth-authorization-server')
  public async metadonnees(): Promise<MetadonneesServeurAutorisation> {
    return serveurOAuth(this.ctx).metadonnees();
  }
}
