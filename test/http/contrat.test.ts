import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import regles from '../../src/registry/data/regles.json';
import scopes from '../../src/registry/data/scopes.json';
import apis from '../../src/registry/data/apis.json';
import { demarrerAppDeTest, type AppDeTest } from '../support/app';

let t: AppDeTest;
beforeAll(async () => {
  t = await demarrerAppDeTest();
});
afterAll(() => t.fermer());

const racine = path.join(__dirname, '..', '..');

describe('published contract', () => {
  it('serves exactly the committed openapi/openapi.json', async () => {
    const rep = await request(t.app).get('/openapi.json');
    expect(rep.status).toBe(200);
    expect(rep.text).toBe(fs.readFileSync(path.join(racine, 'openapi', 'openapi.json'), 'utf8'));
  });

  it('declares an oauth2 clientCredentials scheme describing every registry scope', async () => {
    const spec = (await request(t.app).get('/openapi.json')).body;
    const flux = spec.components.securitySchemes.oauth2.flows.clientCredentials;
    expect(flux.tokenUrl).toBe('/oauth/token');
    expect(Object.keys(flux.scopes).sort()).toEqual(scopes.map((s) => s.code).sort());
    for (const s of scopes) expect(flux.scopes[s.code]).toContain(s.libelle);
  });

  it('serves Swagger UI at /docs', async () => {
    const rep = await request(t.app).get('/docs/');
    expect(rep.status).toBe(200);
    expect(rep.text).toContain('swagger-ui');
  });
});

describe('GET /catalogue', () => {
  it('lists the four APIs with scopes, fields, legal basis and who may obtain each scope, from the registry', async () => {
    const rep = await request(t.app).get('/catalogue');
    expect(rep.status).toBe(200);
    expect(rep.body.apis.map((a: { id: string }) => a.id).sort()).toEqual(apis.map((a) => a.id).sort());
    const mairie = rep.body.apis.find((a: { id: string }) => a.id === 'api-mairie');
    expect(mairie).toMatchObject({ chemin_base: '/api-mairie/v1', traitement: { code: 'ONDE' } });
    const obligation = mairie.scopes.find((s: { code: string }) => s.code === 'mairie:obligation-scolaire');
    expect(obligation.champs).toEqual(scopes.find((s) => s.code === 'mairie:obligation-scolaire')!.champs);
    expect(obligation.destinataires).toEqual([expect.objectContaining({ categorie: 'commune', finalite: 'obligation_scolaire', territoire: 'commune' })]);
    const restauration = mairie.scopes.find((s: { code: string }) => s.code === 'mairie:restauration-scolaire');
    // Communes, their software editors and the groupings of communes that run school catering: what the rules say, no more.
    const categoriesDesRegles = [...new Set(regles.filter((r) => r.scopes.includes('mairie:restauration-scolaire')).map((r) => r.categorie_code))].sort();
    expect(categoriesDesRegles).toEqual(['commune', 'editeur', 'epci', 'syndicat_scolaire']);
    expect(restauration.destinataires.map((d: { categorie: string }) => d.categorie).sort()).toEqual(categoriesDesRegles);
  });
});

describe('health', () => {
  it('answers liveness and readiness', async () => {
    expect((await request(t.app).get('/health')).body).toEqual({ statut: 'ok' });
    expect((await request(t.app).get('/health/ready')).body).toEqual({ statut: 'ok' });
  });
});

describe('errors are RFC 9457 problem documents with a stable code', () => {
  const forme = (rep: request.Response, statut: number, code: string) => {
    expect(rep.status).toBe(statut);
    expect(rep.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(rep.body).toMatchObject({ type: `/problemes#${code}`, title: expect.any(String), status: statut, code, request_id: expect.any(String) });
    expect(JSON.stringify(rep.body)).not.toMatch(/at .+\.(ts|js):\d+/);
  };

  it('404 for an unknown route', async () => {
    forme(await request(t.app).get('/nulle-part'), 404, 'route_inconnue');
  });

  it('400 naming the invalid fields without echoing their values', async () => {
    const jeton = await t.jeton('demo-operateur');
    const rep = await request(t.app).post('/admin/clients').auth(jeton, { type: 'bearer' }).send({ siret: 'secret-valeur-123', nom: 'x', inconnu: 1 });
    forme(rep, 400, 'requete_invalide');
    expect(rep.body.erreurs.map((e: { champ: string }) => e.champ)).toEqual(expect.arrayContaining(['siret']));
    expect(JSON.stringify(rep.body)).not.toContain('secret-valeur-123');
  });

  it('400 for unreadable JSON', async () => {
    const jeton = await t.jeton('demo-operateur');
    forme(
      await request(t.app).post('/admin/clients').auth(jeton, { type: 'bearer' }).set('Content-Type', 'application/json').send('{"siret":'),
      400,
      'json_invalide',
    );
  });

  it('415 for a body that is not JSON', async () => {
    const jeton = await t.jeton('demo-operateur');
    forme(
      await request(t.app).post('/admin/clients').auth(jeton, { type: 'bearer' }).set('Content-Type', 'text/plain').send('bonjour'),
      415,
      'type_contenu_non_supporte',
    );
  });

  it('413 for a body too large', async () => {
    const jeton = await t.jeton('demo-operateur');
    forme(
      await request(t.app)
        .post('/admin/clients')
        .auth(jeton, { type: 'bearer' })
        .send({ siret: '1', nom: 'x'.repeat(200_000) }),
      413,
      'corps_trop_volumineux',
    );
  });

  it('401 and 403', async () => {
    forme(await request(t.app).get('/admin/clients'), 401, 'jeton_absent');
    const jeton = await t.jeton('demo-caf-35');
    forme(await request(t.app).get('/admin/clients').auth(jeton, { type: 'bearer' }), 403, 'scope_insuffisant');
  });

  it('429 with Retry-After after repeated failed client authentications', async () => {
    const essais = [];
    for (let i = 0; i < t.config.echecsAuthentificationParMinute + 1; i++) {
      essais.push(await request(t.app).post('/oauth/token').auth('demo-caf-35', 'faux').type('form').send({ grant_type: 'client_credentials' }));
    }
    const dernier = essais[essais.length - 1];
    forme(dernier, 429, 'trop_de_requetes');
    expect(Number(dernier.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right secret waits once the limit is reached.
    const bon = await request(t.app).post('/oauth/token').auth('demo-caf-35', 'demo-secret-caf-35').type('form').send({ grant_type: 'client_credentials' });
    expect(bon.status).toBe(429);
  });

  it('serves the error catalogue at /problemes', async () => {
    const rep = await request(t.app).get('/problemes');
    expect(rep.body.hors_territoire).toMatchObject({ statut: 403 });
  });
});

describe('security headers', () => {
  it('sets the usual headers and hides the framework', async () => {
    const rep = await request(t.app).get('/health');
    expect(rep.headers['x-content-type-options']).toBe('nosniff');
    expect(rep.headers['strict-transport-security']).toBeDefined();
    expect(rep.headers['content-security-policy']).toContain("default-src 'self'");
    expect(rep.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(rep.headers['x-powered-by']).toBeUndefined();
    expect(rep.headers['x-request-id']).toBeDefined();
  });
});
