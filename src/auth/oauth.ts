import { randomBytes } from 'node:crypto';
import express, { type Request, type Response, Router } from 'express';
import OAuth2Server, { OAuthError } from '@node-oauth/oauth2-server';
import type { Contexte } from '../contexte';
import { compteurEchecsAuthentification } from '../http/limites';
import { Probleme, envoyerProbleme, type CodeProbleme } from '../http/problemes';
import { habilitationsActives } from '../registry/habilitations';
import { authentifierClient, type ClientOAuth } from './clients';
import { enregistrerJeton, estActif, revoquerJeton, trouverJeton } from './jetons';

type ClientServeur = { id: string; grants: string[]; client: ClientOAuth };

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

/** An OAuth error keeps RFC 6749's `error` member inside the problem document. */
function erreurOAuth(res: Response, code: CodeProbleme, description?: string): void {
  const entetes: Record<string, string> = code === 'invalid_client' ? { 'WWW-Authenticate': 'Basic realm="apisation"' } : {};
  res.setHeader('Cache-Control', 'no-store');
  envoyerProbleme(res, new Probleme(code, description, { error: code, ...(description ? { error_description: description } : {}) }, entetes));
}

export function routeurOAuth(ctx: Contexte): Router {
  const { db, config } = ctx;
  const echecs = compteurEchecsAuthentification(ctx);

  /** Failed client authentications are counted per IP, for all instances; past the limit even good secrets wait. */
  async function verifierLimiteEchecs(req: Request): Promise<void> {
    const etat = await echecs.get(req.ip ?? 'inconnue');
    if (etat && etat.consumedPoints >= config.echecsAuthentificationParMinute) {
      throw new Probleme('trop_de_requetes', undefined, {}, { 'Retry-After': String(Math.ceil(etat.msBeforeNext / 1000)) });
    }
  }
  const compterEchec = (req: Request) => echecs.penalty(req.ip ?? 'inconnue', 1);

  async function authentifierAppelant(req: Request): Promise<ClientOAuth> {
    await verifierLimiteEchecs(req);
    const id = identifiants(req);
    const client = id ? await authentifierClient(db, id.clientId, id.secret) : null;
    if (!client) {
      await compterEchec(req);
      throw new OAuth2Server.InvalidClientError('Invalid client: client is invalid');
    }
    return client;
  }

  const serveur = new OAuth2Server({
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

  const routeur = Router();
  const formulaire = express.urlencoded({ extended: false, limit: '4kb', parameterLimit: 20 });
  const exigerFormulaire: express.RequestHandler = (req, _res, next) =>
    next(req.is('application/x-www-form-urlencoded') ? undefined : new Probleme('type_contenu_non_supporte', 'Content-Type attendu : application/x-www-form-urlencoded (RFC 6749).'));

  routeur.post('/oauth/token', exigerFormulaire, formulaire, async (req, res, next) => {
    try {
      await verifierLimiteEchecs(req);
      if (req.body.grant_type !== 'client_credentials') {
        return erreurOAuth(res, req.body.grant_type ? 'unsupported_grant_type' : 'invalid_request', 'grant_type doit valoir client_credentials');
      }
      let jeton: OAuth2Server.Token;
      try {
        jeton = await serveur.token(new OAuth2Server.Request(req), new OAuth2Server.Response(res));
      } catch (err) {
        if (err instanceof OAuthError && err.name === 'invalid_client') await compterEchec(req);
        throw err;
      }
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Pragma', 'no-cache');
      res.json({
        access_token: jeton.accessToken,
        token_type: 'Bearer',
        expires_in: config.dureeJetonSecondes,
        scope: (jeton.scope ?? []).join(' '),
      });
    } catch (err) {
      if (err instanceof OAuthError) return erreurOAuth(res, err.name as CodeProbleme, err.message);
      next(err);
    }
  });

  routeur.post('/oauth/introspect', exigerFormulaire, formulaire, async (req, res, next) => {
    try {
      const appelant = await authentifierAppelant(req);
      const valeur = req.body.token;
      if (typeof valeur !== 'string' || valeur === '') return erreurOAuth(res, 'invalid_request', 'paramètre token manquant');
      const jeton = await trouverJeton(db, valeur);
      const operateur = (await habilitationsActives(db, appelant.siret)).some((h) => h.scopes.includes('admin'));
      res.setHeader('Cache-Control', 'no-store');
      // A client learns only about its own tokens; operators may inspect any (RFC 7662 §4).
      if (!jeton || !estActif(jeton) || (jeton.client_id !== appelant.client_id && !operateur)) {
        return res.json({ active: false });
      }
      const client = await db('oauth_clients').where({ client_id: jeton.client_id }).first();
      res.json({
        active: true,
        scope: jeton.scopes.join(' '),
        client_id: jeton.client_id,
        token_type: 'Bearer',
        exp: Math.floor(Date.parse(jeton.expire_le) / 1000),
        iat: Math.floor(Date.parse(jeton.emis_le) / 1000),
        sub: client?.siret,
        iss: config.urlPublique,
      });
    } catch (err) {
      if (err instanceof OAuthError) return erreurOAuth(res, err.name as CodeProbleme, err.message);
      next(err);
    }
  });

  routeur.post('/oauth/revoke', exigerFormulaire, formulaire, async (req, res, next) => {
    try {
      const appelant = await authentifierAppelant(req);
      const valeur = req.body.token;
      if (typeof valeur !== 'string' || valeur === '') return erreurOAuth(res, 'invalid_request', 'paramètre token manquant');
      await revoquerJeton(db, valeur, appelant.client_id);
      res.setHeader('Cache-Control', 'no-store');
      res.status(200).end();
    } catch (err) {
      if (err instanceof OAuthError) return erreurOAuth(res, err.name as CodeProbleme, err.message);
      next(err);
    }
  });

  routeur.get('/.well-known/oauth-authorization-server', async (_req, res, next) => {
    try {
      const scopes = await db('scopes').select('code').orderBy('code');
      res.json({
        issuer: config.urlPublique,
        token_endpoint: `${config.urlPublique}/oauth/token`,
        introspection_endpoint: `${config.urlPublique}/oauth/introspect`,
        revocation_endpoint: `${config.urlPublique}/oauth/revoke`,
        grant_types_supported: ['client_credentials'],
        response_types_supported: [],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        scopes_supported: scopes.map((s: { code: string }) => s.code),
        service_documentation: `${config.urlPublique}/docs`,
      });
    } catch (err) {
      next(err);
    }
  });

  return routeur;
}
