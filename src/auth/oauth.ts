import { randomBytes } from 'node:crypto';
import express, { type Request, type RequestHandler } from 'express';
import OAuth2Server, { OAuthError } from '@node-oauth/oauth2-server';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Contexte } from '../contexte';
import { compteurEchecsAuthentification } from '../http/limites';
import { Probleme, type CodeProbleme } from '../http/problemes';
import { habilitationsActives } from '../registry/habilitations';
import { authentifierClient, type ClientOAuth } from './clients';
import { enregistrerJeton, estActif, revoquerJeton, trouverJeton } from './jetons';

type ClientServeur = { id: string; grants: string[]; client: ClientOAuth };

/** Réponse de /oauth/token (RFC 6749 §5.1). */
export interface JetonAcces {
  /** Jeton opaque, à présenter dans l'en-tête `Authorization: Bearer`. */
  access_token: string;
  token_type: 'Bearer';
  /**
   * Durée de validité du jeton, en secondes.
   * @isInt
   * @example 600
   */
  expires_in: number;
  /**
   * Scopes accordés, séparés par des espaces.
   * @example "scolarite:statut scolarite:boursier"
   */
  scope: string;
}

/** Réponse de /oauth/introspect (RFC 7662 §2.2) : `active` seul pour un jeton inactif, inconnu ou d'un autre client. */
export interface Introspection {
  active: boolean;
  /** Scopes du jeton, séparés par des espaces. */
  scope?: string;
  client_id?: string;
  token_type?: 'Bearer';
  /**
   * Expiration, en secondes depuis le 1er janvier 1970 (UTC).
   * @isInt
   */
  exp?: number;
  /**
   * Émission, en secondes depuis le 1er janvier 1970 (UTC).
   * @isInt
   */
  iat?: number;
  /** SIRET du destinataire titulaire du client. */
  sub?: string;
  /** Émetteur : l'URL publique de la passerelle. */
  iss?: string;
}

/** Métadonnées du serveur d'autorisation (RFC 8414 §2). */
export interface MetadonneesServeurAutorisation {
  issuer: string;
  token_endpoint: string;
  introspection_endpoint: string;
  revocation_endpoint: string;
  grant_types_supported: string[];
  response_types_supported: string[];
  token_endpoint_auth_methods_supported: string[];
  introspection_endpoint_auth_methods_supported: string[];
  revocation_endpoint_auth_methods_supported: string[];
  scopes_supported: string[];
  service_documentation: string;
}

/** RFC 6749 §2.3.1: HTTP Basic with form-encoded id and secret, or the same in the body. */
function identifiants(req: Request): { clientId: string; secret: string } | undefined {
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(req.headers.authorization ?? '');
  if (basic) {
    const [id, ...reste] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
    try {
      return { clientId: decodeURIComponent(id), secret: decodeURIComponent(reste.join(':')) };
    } catch {
      return undefined;
    }
  }
  const { client_id: clientId, client_secret: secret } = req.body ?? {};
  return typeof clientId === 'string' && typeof secret === 'string' ? { clientId, secret } : undefined;
}

/** An OAuth error keeps RFC 6749's `error` member inside the problem document, never cached. */
function erreurOAuth(code: CodeProbleme, description?: string): Probleme {
  const entetes: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (code === 'invalid_client') entetes['WWW-Authenticate'] = 'Basic realm="apisation"';
  return new Probleme(code, description, { error: code, ...(description ? { error_description: description } : {}) }, entetes);
}

/** The authorization server of one app: its failure counter and its OAuth2Server live as long as the app. */
class ServeurOAuth {
  private readonly echecs: RateLimiterAbstract;
  private readonly serveur: OAuth2Server;

  constructor(private readonly ctx: Contexte) {
    const { db, config } = ctx;
    this.echecs = compteurEchecsAuthentification(ctx);
    this.serveur = new OAuth2Server({
      model: {
        getClient: async (clientId: string, secret: string) => {
          const client = await authentifierClient(db, clientId, secret);
          return client ? { id: client.client_id, grants: ['client_credentials'], client } : null;
        },
        getUserFromClient: async (client: ClientServeur) => ({ siret: client.client.siret }),
        generateAccessToken: async () => randomBytes(32).toString('base64url'),
        // Granted = requested ∩ scopes of the recipient's currently valid habilitations; none requested = all of them.
        validateScope: async (_user: unknown, client: ClientServeur, demandes?: string[]) => {
          const permis = new Set((await habilitationsActives(db, client.client.siret)).flatMap((h) => h.scopes));
          if (!demandes || demandes.length === 0) return permis.size > 0 ? [...permis].sort() : false;
          return demandes.every((s) => permis.has(s)) ? [...new Set(demandes)] : false;
        },
        saveToken: async (token: OAuth2Server.Token, client: ClientServeur, user: OAuth2Server.User) => {
          const expire = new Date(token.accessTokenExpiresAt ?? Date.now() + config.dureeJetonSecondes * 1000);
          await enregistrerJeton(db, token.accessToken, client.id, token.scope ?? [], expire);
          return { ...token, accessTokenExpiresAt: expire, client, user };
        },
        getAccessToken: async () => false,
      } as unknown as OAuth2Server.ServerOptions['model'],
      accessTokenLifetime: config.dureeJetonSecondes,
    });
  }

  /** Failed client authentications are counted per IP, for all instances; past the limit even good secrets wait. */
  async verifierLimiteEchecs(req: Request): Promise<void> {
    const etat = await this.echecs.get(req.ip ?? 'inconnue');
    if (etat && etat.consumedPoints >= this.ctx.config.echecsAuthentificationParMinute) {
      throw new Probleme('trop_de_requetes', undefined, {}, { 'Retry-After': String(Math.ceil(etat.msBeforeNext / 1000)) });
    }
  }

  private async compterEchec(req: Request): Promise<void> {
    await this.echecs.penalty(req.ip ?? 'inconnue', 1);
  }

  /** The calling client of /oauth/introspect and /oauth/revoke. */
  async authentifierAppelant(req: Request): Promise<ClientOAuth> {
    await this.verifierLimiteEchecs(req);
    const id = identifiants(req);
    const client = id ? await authentifierClient(this.ctx.db, id.clientId, id.secret) : null;
    if (!client) {
      await this.compterEchec(req);
      throw erreurOAuth('invalid_client', 'Invalid client: client is invalid');
    }
    return client;
  }

  async jeton(req: Request): Promise<JetonAcces> {
    if (req.body.grant_type !== 'client_credentials') throw erreurOAuth('unsupported_grant_type', 'grant_type doit valoir client_credentials');
    let jeton: OAuth2Server.Token;
    try {
      jeton = await this.serveur.token(new OAuth2Server.Request(req), new OAuth2Server.Response(req.res!));
    } catch (err) {
      if (!(err instanceof OAuthError)) throw err;
      if (err.name === 'invalid_client') await this.compterEchec(req);
      throw erreurOAuth(err.name as CodeProbleme, err.message);
    }
    return { access_token: jeton.accessToken, token_type: 'Bearer', expires_in: this.ctx.config.dureeJetonSecondes, scope: (jeton.scope ?? []).join(' ') };
  }

  /** A client learns only about its own tokens; operators may inspect any (RFC 7662 §4). */
  async introspecter(appelant: ClientOAuth, valeur: string): Promise<Introspection> {
    const { db, config } = this.ctx;
    const jeton = await trouverJeton(db, valeur);
    const operateur = (await habilitationsActives(db, appelant.siret)).some((h) => h.scopes.includes('admin'));
    if (!jeton || !estActif(jeton) || (jeton.client_id !== appelant.client_id && !operateur)) return { active: false };
    const client = await db('oauth_clients').where({ client_id: jeton.client_id }).first();
    return {
      active: true,
      scope: jeton.scopes.join(' '),
      client_id: jeton.client_id,
      token_type: 'Bearer',
      exp: Math.floor(Date.parse(jeton.expire_le) / 1000),
      iat: Math.floor(Date.parse(jeton.emis_le) / 1000),
      sub: client?.siret,
      iss: config.urlPublique,
    };
  }

  async revoquer(appelant: ClientOAuth, valeur: string): Promise<void> {
    await revoquerJeton(this.ctx.db, valeur, appelant.client_id);
  }

  async metadonnees(): Promise<MetadonneesServeurAutorisation> {
    const base = this.ctx.config.urlPublique;
    const scopes = await this.ctx.db('scopes').select('code').orderBy('code');
    return {
      issuer: base,
      token_endpoint: `${base}/oauth/token`,
      introspection_endpoint: `${base}/oauth/introspect`,
      revocation_endpoint: `${base}/oauth/revoke`,
      grant_types_supported: ['client_credentials'],
      response_types_supported: [],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      scopes_supported: scopes.map((s: { code: string }) => s.code),
      service_documentation: `${base}/docs`,
    };
  }
}

const serveurs = new WeakMap<Contexte, ServeurOAuth>();

export function serveurOAuth(ctx: Contexte): ServeurOAuth {
  let serveur = serveurs.get(ctx);
  if (!serveur) serveurs.set(ctx, (serveur = new ServeurOAuth(ctx)));
  return serveur;
}

const exigerFormulaire: RequestHandler = (req, _res, next) =>
  next(
    req.is('application/x-www-form-urlencoded')
      ? undefined
      : new Probleme('type_contenu_non_supporte', 'Content-Type attendu : application/x-www-form-urlencoded (RFC 6749).'),
  );

/** RFC 6749 §3.2 and §5.2: each known parameter at most once, the required ones present — else invalid_request. */
function exigerParametres(connus: string[], requis: string[]): RequestHandler {
  return (req, _res, next) => {
    const repete = connus.find((nom) => Array.isArray(req.body[nom]));
    if (repete) return next(erreurOAuth('invalid_request', `paramètre ${repete} répété`));
    const manquant = requis.find((nom) => !req.body[nom]);
    next(
      manquant
        ? erreurOAuth('invalid_request', manquant === 'grant_type' ? 'grant_type doit valoir client_credentials' : `paramètre ${manquant} manquant`)
        : undefined,
    );
  };
}

function appeler(etape: (serveur: ServeurOAuth, req: Request) => Promise<unknown>): RequestHandler {
  return (req, _res, next) => {
    etape(serveurOAuth(req.app.locals.contexte as Contexte), req).then(() => next(), next);
  };
}

/**
 * What every OAuth endpoint does before its controller method, in this order: a form (≤ 4 kB,
 * never JSON), the per-IP limit of failed client authentications — with, on introspection and
 * revocation, the caller's authentication (`res.locals.clientOAuth`) — then RFC 6749's rules on
 * parameters, so the contract's generic validation never answers in place of OAuth.
 */
export function formulaireOAuth(options: { connus: string[]; requis: string[]; authentifierAppelant?: boolean }): RequestHandler[] {
  return [
    exigerFormulaire,
    express.urlencoded({ extended: false, limit: '4kb', parameterLimit: 20 }),
    options.authentifierAppelant
      ? appeler(async (serveur, req) => {
          req.res!.locals.clientOAuth = await serveur.authentifierAppelant(req);
        })
      : appeler((serveur, req) => serveur.verifierLimiteEchecs(req)),
    exigerParametres(options.connus, options.requis),
  ];
}
