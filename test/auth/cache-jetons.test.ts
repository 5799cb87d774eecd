import request from 'supertest';
import { DUREE_CACHE_JETON_MS } from '../../src/auth/principal';
import { demarrerAppDeTest, type AppDeTest } from '../support/app';

// The request path reuses what the registry said about a token for at most DUREE_CACHE_JETON_MS:
// a change made by another gateway process (simulated here by writing to the database directly)
// must be seen within that delay, and a revocation made through this process at once.

let t: AppDeTest;
beforeAll(async () => {
  t = await demarrerAppDeTest();
});
afterAll(() => t.fermer());

const attendre = (ms: number) => new Promise((r) => setTimeout(r, ms));
const lister = (jeton: string) => request(t.app).get('/admin/destinataires').auth(jeton, { type: 'bearer' });

describe('cache of token resolutions', () => {
  it('refuses a token revoked elsewhere within the delay', async () => {
    const jeton = await t.jeton('demo-operateur');
    expect((await lister(jeton)).status).toBe(200);
    await t.db('oauth_tokens').where({ client_id: 'demo-operateur' }).update({ revoque_le: new Date().toISOString() });
    await attendre(DUREE_CACHE_JETON_MS + 20);
    const rep = await lister(jeton);
    expect(rep.status).toBe(401);
    expect(rep.body.code).toBe('jeton_invalide');
  });

  it('refuses a habilitation revoked elsewhere within the delay', async () => {
    const jeton = await t.jeton('demo-mairie-rennes', 'ecole:effectifs');
    const ecole = await t.db('etablissements').where({ code_commune: '35238', type: 'ecole', statut: 'public' }).first('uai');
    const effectifs = () => request(t.app).get(`/api-ecole/v1/etablissements/${ecole.uai}/effectifs`).auth(jeton, { type: 'bearer' });
    expect((await effectifs()).status).toBe(200);
    await t.db('habilitations').where({ siret: '21350238800019', statut: 'validee' }).whereLike('scopes', '%ecole:effectifs%').update({ statut: 'revoquee' });
    await attendre(DUREE_CACHE_JETON_MS + 20);
    const rep = await effectifs();
    expect(rep.status).toBe(401);
    expect(rep.body.code).toBe('habilitation_inactive');
  });

  it('refuses at once a token its client revoked through this process', async () => {
    const jeton = await t.jeton('demo-caf-35');
    expect((await request(t.app).get('/api-scolarite/v1/eleves/statut').auth(jeton, { type: 'bearer' })).status).not.toBe(401);
    await request(t.app).post('/oauth/revoke').auth('demo-caf-35', 'demo-secret-caf-35').type('form').send({ token: jeton }).expect(200);
    const rep = await request(t.app).get('/api-scolarite/v1/eleves/statut').auth(jeton, { type: 'bearer' });
    expect(rep.status).toBe(401);
    expect(rep.body.code).toBe('jeton_invalide');
  });
});
