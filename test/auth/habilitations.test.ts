import request from 'supertest';
import { demarrerAppDeTest, type AppDeTest } from '../support/app';

let t: AppDeTest;
let operateur: string;
beforeAll(async () => {
  t = await demarrerAppDeTest();
  operateur = await t.jeton('demo-operateur');
});
afterAll(() => t.fermer());

const admin = () => ({ Authorization: `Bearer ${operateur}` });

async function habilitationDe(siret: string, scope: string): Promise<string> {
  const rep = await request(t.app).get('/admin/habilitations').query({ siret }).set(admin());
  return rep.body.find((h: { scopes: string[] }) => h.scopes.includes(scope)).id;
}

describe('habilitations govern live tokens', () => {
  it('a habilitation revoked after the token was issued cuts the token at once', async () => {
    const jeton = await t.jeton('demo-editeur-restauration');
    const introspection = () =>
      request(t.app).post('/oauth/introspect').auth('demo-operateur', 'demo-secret-operateur').type('form').send({ token: jeton });
    expect((await introspection()).body.active).toBe(true);

    const id = await habilitationDe('85274196300015', 'mairie:restauration-scolaire');
    const rev = await request(t.app).post(`/admin/habilitations/${id}/revocation`).set(admin()).send({ motif: 'fin du marché' });
    expect(rev.status).toBe(200);
    expect(rev.body.statut).toBe('revoquee');

    const transitions = await t.db('habilitation_transitions').where({ habilitation_id: id }).orderBy('id');
    expect(transitions.map((x: { vers: string }) => x.vers)).toEqual(['soumise', 'validee', 'revoquee']);
    expect(transitions[2].acteur).toBe('client:demo-operateur');

    // The token no longer obtains anything either.
    const nouveau = await request(t.app).post('/oauth/token').auth('demo-editeur-restauration', 'demo-secret-editeur-restauration')
      .type('form').send({ grant_type: 'client_credentials', scope: 'mairie:restauration-scolaire' });
    expect(nouveau.status).toBe(400);
    expect(nouveau.body.error).toBe('invalid_scope');
  });

  it('a habilitation outside its validity dates opens nothing', async () => {
    const jeton = await t.jeton('demo-region-bretagne', 'examens:laureats-bourse-merite');
    const id = await habilitationDe('23350001600016', 'examens:laureats-bourse-merite');
    await t.db('habilitations').where({ id }).update({ date_fin: '2020-08-31' });
    const liste = await request(t.app).get('/admin/habilitations').query({ siret: '23350001600016' }).set(admin());
    expect(liste.body.find((h: { id: string }) => h.id === id).statut).toBe('expiree');
    const token = await request(t.app).post('/oauth/token').auth('demo-region-bretagne', 'demo-secret-region-bretagne')
      .type('form').send({ grant_type: 'client_credentials', scope: 'examens:laureats-bourse-merite' });
    expect(token.body.error).toBe('invalid_scope');
    const intro = await request(t.app).post('/oauth/introspect').auth('demo-region-bretagne', 'demo-secret-region-bretagne').type('form').send({ token: jeton });
    expect(intro.body.active).toBe(true); // the token itself lives on, but:
    await t.db('habilitations').where({ id }).update({ date_debut: '2099-01-01', date_fin: '2099-12-31' });
    const futur = await request(t.app).post('/oauth/token').auth('demo-region-bretagne', 'demo-secret-region-bretagne')
      .type('form').send({ grant_type: 'client_credentials', scope: 'examens:laureats-bourse-merite' });
    expect(futur.body.error).toBe('invalid_scope');
  });

  it('refuses a habilitation whose scopes no rule grants to the recipient’s category', async () => {
    const rep = await request(t.app).post('/admin/habilitations').set(admin()).send({
      siret: '21350238800019', finalite: 'obligation_scolaire', scopes: ['mairie:obligation-scolaire', 'scolarite:statut'],
      intitule: 'essai', date_debut: '2026-09-01', date_fin: '2027-08-31',
    });
    expect(rep.status).toBe(422);
    expect(rep.body.code).toBe('scopes_non_autorises');
    expect(rep.body.scopes_refuses).toEqual(['scolarite:statut']);
  });

  it('refuses a finalité not open to the category (a commune asking for droits sociaux)', async () => {
    const rep = await request(t.app).post('/admin/habilitations').set(admin()).send({
      siret: '21350238800019', finalite: 'droits_sociaux', scopes: ['scolarite:statut'],
      intitule: 'essai', date_debut: '2026-09-01', date_fin: '2027-08-31',
    });
    expect(rep.status).toBe(422);
    expect(rep.body.code).toBe('scopes_non_autorises');
  });

  it('runs the lifecycle: submitted, validated, then a forbidden transition is a 409', async () => {
    const soumise = await request(t.app).post('/admin/habilitations').set(admin()).send({
      siret: '22350001800013', finalite: 'planification_scolaire', scopes: ['ecole:effectifs'],
      intitule: 'Effectifs seuls', date_debut: '2026-09-01', date_fin: '2027-08-31',
    });
    expect(soumise.status).toBe(201);
    expect(soumise.body.statut).toBe('soumise');
    const validee = await request(t.app).post(`/admin/habilitations/${soumise.body.id}/validation`).set(admin()).send({});
    expect(validee.body.statut).toBe('validee');
    const refus = await request(t.app).post(`/admin/habilitations/${soumise.body.id}/refus`).set(admin()).send({ motif: 'trop tard' });
    expect(refus.status).toBe(409);
    expect(refus.body.code).toBe('conflit');
  });
});

describe('recipients and clients', () => {
  it('validates the SIRET with the Luhn check', async () => {
    const rep = await request(t.app).post('/admin/destinataires').set(admin()).send({
      siret: '21350238800018', nom: 'Mairie fictive', categorie: 'commune', code_commune: '35047',
    });
    expect(rep.status).toBe(400);
    expect(rep.body.erreurs).toEqual([{ champ: 'siret', message: expect.any(String) }]);
  });

  it('creates a recipient whose territory comes from the official geography', async () => {
    const rep = await request(t.app).post('/admin/destinataires').set(admin()).send({
      siret: '21350047300011', nom: 'Mairie de Bruz', categorie: 'commune', code_commune: '35047',
    });
    expect(rep.status).toBe(201);
    expect(rep.body).toMatchObject({ code_commune: '35047', code_departement: '35', code_region: '53' });
  });

  it('creates a client whose secret is shown once and works; rotation keeps the old one during the overlap', async () => {
    const cree = await request(t.app).post('/admin/clients').set(admin()).send({ siret: '21350238800019', nom: 'Logiciel enfance' });
    expect(cree.status).toBe(201);
    const { client_id: id, client_secret: secret } = cree.body;
    const stocke = await t.db('oauth_clients').where({ client_id: id }).first();
    expect(stocke.secret_hash).not.toContain(secret);
    expect((await request(t.app).get('/admin/clients').set(admin())).body.find((c: { client_id: string }) => c.client_id === id)).not.toHaveProperty('client_secret');

    const rot = await request(t.app).post(`/admin/clients/${id}/rotation`).set(admin()).send({ recouvrement_heures: 1 });
    const nouveau = rot.body.client_secret;
    expect(nouveau).not.toBe(secret);
    for (const s of [secret, nouveau]) {
      const rep = await request(t.app).post('/oauth/token').auth(id, s).type('form').send({ grant_type: 'client_credentials' });
      expect(rep.status).toBe(200);
    }
    const sansRecouvrement = await request(t.app).post(`/admin/clients/${id}/rotation`).set(admin()).send({ recouvrement_heures: 0 });
    const ancien = await request(t.app).post('/oauth/token').auth(id, nouveau).type('form').send({ grant_type: 'client_credentials' });
    expect(ancien.status).toBe(401);
    const dernier = await request(t.app).post('/oauth/token').auth(id, sansRecouvrement.body.client_secret).type('form').send({ grant_type: 'client_credentials' });
    expect(dernier.status).toBe(200);
  });
});
