import request from 'supertest';
import { creerClient } from '../../src/auth/clients';
import { nombreDeVerifications } from '../../src/auth/secrets';
import { CLIENTS_DEMO } from '../../src/demo/demo';
import { demarrerAppDeTest, type AppDeTest } from '../support/app';

let t: AppDeTest;
beforeAll(async () => {
  t = await demarrerAppDeTest({ ECHECS_AUTHENTIFICATION_PAR_MINUTE: '1000' });
});
afterAll(() => t.fermer());

const jetonPour = (client: string, secret: string, champs: Record<string, string> = {}) =>
  request(t.app)
    .post('/oauth/token')
    .auth(client, secret)
    .type('form')
    .send({ grant_type: 'client_credentials', ...champs });

describe('POST /oauth/token', () => {
  it('issues an opaque bearer token with the scopes of the valid habilitations', async () => {
    const rep = await jetonPour('demo-caf-35', 'demo-secret-caf-35');
    expect(rep.status).toBe(200);
    expect(rep.headers['cache-control']).toBe('no-store');
    expect(rep.body).toEqual({
      access_token: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/),
      token_type: 'Bearer',
      expires_in: 600,
      scope: 'scolarite:boursier scolarite:echelon-bourse scolarite:statut',
    });
    expect(rep.body.refresh_token).toBeUndefined();
  });

  it('accepts client credentials in the form body', async () => {
    const rep = await request(t.app).post('/oauth/token').type('form').send({
      grant_type: 'client_credentials',
      client_id: 'demo-caf-35',
      client_secret: 'demo-secret-caf-35',
      scope: 'scolarite:statut',
    });
    expect(rep.status).toBe(200);
    expect(rep.body.scope).toBe('scolarite:statut');
  });

  it('stores only a hash of the token', async () => {
    const rep = await jetonPour('demo-caf-35', 'demo-secret-caf-35');
    const lignes = await t.db('oauth_tokens').select('token_hash');
    expect(lignes.map((l: { token_hash: string }) => l.token_hash)).not.toContain(rep.body.access_token);
  });

  it('refuses a wrong secret with 401 invalid_client', async () => {
    const rep = await jetonPour('demo-caf-35', 'mauvais-secret');
    expect(rep.status).toBe(401);
    expect(rep.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(rep.body).toMatchObject({ status: 401, code: 'invalid_client', error: 'invalid_client' });
    expect(rep.headers['www-authenticate']).toMatch(/^Basic/);
  });

  it('refuses an unknown client the same way', async () => {
    const rep = await jetonPour('client-inconnu', 'x');
    expect(rep.status).toBe(401);
    expect(rep.body.error).toBe('invalid_client');
  });

  it('refuses a scope outside the habilitations with 400 invalid_scope', async () => {
    const rep = await jetonPour('demo-caf-35', 'demo-secret-caf-35', { scope: 'scolarite:statut mairie:obligation-scolaire' });
    expect(rep.status).toBe(400);
    expect(rep.body).toMatchObject({ error: 'invalid_scope', code: 'invalid_scope' });
  });

  it('refuses grant types other than client_credentials', async () => {
    const rep = await jetonPour('demo-caf-35', 'demo-secret-caf-35', { grant_type: 'password' });
    expect(rep.status).toBe(400);
    expect(rep.body.error).toBe('unsupported_grant_type');
  });

  it('requires a form-encoded body (415 otherwise)', async () => {
    const rep = await request(t.app).post('/oauth/token').auth('demo-caf-35', 'demo-secret-caf-35').send({ grant_type: 'client_credentials' });
    expect(rep.status).toBe(415);
    expect(rep.body.code).toBe('type_contenu_non_supporte');
  });
});

describe('secret checks (scrypt, ≈ 50 ms of CPU each)', () => {
  it('concurrent first requests of a client share one check, and later ones none', async () => {
    const caf = CLIENTS_DEMO.find((c) => c.clientId === 'demo-caf-35')!.destinataire;
    const client = await creerClient(t.db, { siret: caf.siret, nom: 'Logiciel de la CAF (essai)' });
    const avant = nombreDeVerifications();
    const reponses = await Promise.all(Array.from({ length: 20 }, () => jetonPour(client.client_id, client.client_secret)));
    expect(reponses.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(nombreDeVerifications() - avant).toBe(1);
    expect((await jetonPour(client.client_id, client.client_secret)).status).toBe(200);
    expect(nombreDeVerifications() - avant).toBe(1);
  });

  it('never lets a wrong secret ride on a right one checked at the same time', async () => {
    const caf = CLIENTS_DEMO.find((c) => c.clientId === 'demo-caf-35')!.destinataire;
    const client = await creerClient(t.db, { siret: caf.siret, nom: 'Logiciel de la CAF (essai 2)' });
    const reponses = await Promise.all([
      ...Array.from({ length: 5 }, () => jetonPour(client.client_id, client.client_secret)),
      ...Array.from({ length: 5 }, () => jetonPour(client.client_id, 'mauvais-secret')),
    ]);
    expect(reponses.map((r) => r.status)).toEqual([...Array(5).fill(200), ...Array(5).fill(401)]);
  });
});

describe('bearer tokens on protected routes', () => {
  it('opens the route of its scope and is refused (403 insufficient_scope) on another', async () => {
    const operateur = await t.jeton('demo-operateur');
    expect((await request(t.app).get('/admin/destinataires').auth(operateur, { type: 'bearer' })).status).toBe(200);
    const caf = await t.jeton('demo-caf-35');
    const refus = await request(t.app).get('/admin/destinataires').auth(caf, { type: 'bearer' });
    expect(refus.status).toBe(403);
    expect(refus.body.code).toBe('scope_insuffisant');
    expect(refus.headers['www-authenticate']).toContain('error="insufficient_scope"');
  });

  it('refuses a missing token with 401 and a Bearer challenge', async () => {
    const rep = await request(t.app).get('/admin/destinataires');
    expect(rep.status).toBe(401);
    expect(rep.body.code).toBe('jeton_absent');
    expect(rep.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('refuses a forged token with 401 invalid_token', async () => {
    const rep = await request(t.app).get('/admin/destinataires').auth('inventé', { type: 'bearer' });
    expect(rep.status).toBe(401);
    expect(rep.headers['www-authenticate']).toContain('error="invalid_token"');
  });

  it('refuses an expired token', async () => {
    const jeton = await t.jeton('demo-operateur');
    await t.db('oauth_tokens').update({ expire_le: new Date(Date.now() - 1000).toISOString() });
    const rep = await request(t.app).get('/admin/destinataires').auth(jeton, { type: 'bearer' });
    expect(rep.status).toBe(401);
    expect(rep.body.code).toBe('jeton_invalide');
  });

  it('refuses a token passed in the query string', async () => {
    const jeton = await t.jeton('demo-operateur');
    const rep = await request(t.app).get(`/admin/destinataires?access_token=${jeton}`);
    expect(rep.status).toBe(400);
    expect(rep.body.code).toBe('jeton_dans_url');
  });
});

describe('introspection (RFC 7662) and revocation (RFC 7009)', () => {
  const introspecter = (jeton: string, client = 'demo-caf-35', secret = 'demo-secret-caf-35') =>
    request(t.app).post('/oauth/introspect').auth(client, secret).type('form').send({ token: jeton });

  it('describes an active token to its owner', async () => {
    const jeton = await t.jeton('demo-caf-35', 'scolarite:statut');
    const rep = await introspecter(jeton);
    expect(rep.status).toBe(200);
    expect(rep.body).toMatchObject({ active: true, scope: 'scolarite:statut', client_id: 'demo-caf-35', sub: '53408918800013', token_type: 'Bearer' });
    expect(rep.body.exp - rep.body.iat).toBe(600);
  });

  it('says only active:false for unknown tokens and for other clients’ tokens', async () => {
    expect((await introspecter('inconnu')).body).toEqual({ active: false });
    const autre = await t.jeton('demo-mairie-rennes');
    expect((await introspecter(autre)).body).toEqual({ active: false });
  });

  it('lets an operator introspect any token', async () => {
    const autre = await t.jeton('demo-mairie-rennes');
    const rep = await introspecter(autre, 'demo-operateur', 'demo-secret-operateur');
    expect(rep.body).toMatchObject({ active: true, client_id: 'demo-mairie-rennes' });
  });

  it('requires client authentication', async () => {
    const rep = await request(t.app).post('/oauth/introspect').type('form').send({ token: 'x' });
    expect(rep.status).toBe(401);
  });

  it('revokes a token: introspection turns inactive and the API refuses it', async () => {
    const jeton = await t.jeton('demo-operateur');
    const rev = await request(t.app).post('/oauth/revoke').auth('demo-operateur', 'demo-secret-operateur').type('form').send({ token: jeton });
    expect(rev.status).toBe(200);
    expect((await introspecter(jeton, 'demo-operateur', 'demo-secret-operateur')).body).toEqual({ active: false });
    expect((await request(t.app).get('/admin/destinataires').auth(jeton, { type: 'bearer' })).status).toBe(401);
  });

  it('answers 200 for an unknown token and does not let a client revoke another’s token', async () => {
    const autre = await t.jeton('demo-operateur');
    const rev = await request(t.app).post('/oauth/revoke').auth('demo-caf-35', 'demo-secret-caf-35').type('form').send({ token: autre });
    expect(rev.status).toBe(200);
    expect((await request(t.app).get('/admin/destinataires').auth(autre, { type: 'bearer' })).status).toBe(200);
  });
});

describe('GET /.well-known/oauth-authorization-server (RFC 8414)', () => {
  it('publishes the issuer and endpoints under the base URL', async () => {
    const rep = await request(t.app).get('/.well-known/oauth-authorization-server');
    expect(rep.status).toBe(200);
    expect(rep.body.issuer).toBe(t.config.urlPublique);
    expect(rep.body.token_endpoint).toBe(`${t.config.urlPublique}/oauth/token`);
    expect(rep.body.introspection_endpoint).toBe(`${t.config.urlPublique}/oauth/introspect`);
    expect(rep.body.revocation_endpoint).toBe(`${t.config.urlPublique}/oauth/revoke`);
    expect(rep.body.grant_types_supported).toEqual(['client_credentials']);
    expect(rep.body.scopes_supported).toContain('mairie:obligation-scolaire');
  });
});
