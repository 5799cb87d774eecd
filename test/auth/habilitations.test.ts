import request from 'supertest';
import { habilitationsActives } from '../../src/registry/habilitations';
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
    const introspection = () => request(t.app).post('/oauth/introspect').auth('demo-operateur', 'demo-secret-operateur').type('form').send({ token: jeton });
    expect((await introspection()).body.active).toBe(true);

    const id = await habilitationDe('85274196300015', 'mairie:restauration-scolaire');
    const rev = await request(t.app).post(`/admin/habilitations/${id}/revocation`).set(admin()).send({ motif: 'fin du marché' });
    expect(rev.status).toBe(200);
    expect(rev.body.statut).toBe('revoquee');

    const transitions = await t.db('habilitation_transitions').where({ habilitation_id: id }).orderBy('id');
    expect(transitions.map((x: { vers: string }) => x.vers)).toEqual(['soumise', 'validee', 'revoquee']);
    expect(transitions[2].acteur).toBe('client:demo-operateur');

    // The token no longer obtains anything either.
    const nouveau = await request(t.app)
      .post('/oauth/token')
      .auth('demo-editeur-restauration', 'demo-secret-editeur-restauration')
      .type('form')
      .send({ grant_type: 'client_credentials', scope: 'mairie:restauration-scolaire' });
    expect(nouveau.status).toBe(400);
    expect(nouveau.body.error).toBe('invalid_scope');
  });

  it('a habilitation outside its validity dates opens nothing', async () => {
    const jeton = await t.jeton('demo-region-bretagne', 'examens:laureats-bourse-merite');
    const id = await habilitationDe('23350001600016', 'examens:laureats-bourse-merite');
    await t.db('habilitations').where({ id }).update({ date_fin: '2020-08-31' });
    const liste = await request(t.app).get('/admin/habilitations').query({ siret: '23350001600016' }).set(admin());
    expect(liste.body.find((h: { id: string }) => h.id === id).statut).toBe('expiree');
    const token = await request(t.app)
      .post('/oauth/token')
      .auth('demo-region-bretagne', 'demo-secret-region-bretagne')
      .type('form')
      .send({ grant_type: 'client_credentials', scope: 'examens:laureats-bourse-merite' });
    expect(token.body.error).toBe('invalid_scope');
    const intro = await request(t.app)
      .post('/oauth/introspect')
      .auth('demo-region-bretagne', 'demo-secret-region-bretagne')
      .type('form')
      .send({ token: jeton });
    expect(intro.body.active).toBe(true); // the token itself lives on, but:
    await t.db('habilitations').where({ id }).update({ date_debut: '2099-01-01', date_fin: '2099-12-31' });
    const futur = await request(t.app)
      .post('/oauth/token')
      .auth('demo-region-bretagne', 'demo-secret-region-bretagne')
      .type('form')
      .send({ grant_type: 'client_credentials', scope: 'examens:laureats-bourse-merite' });
    expect(futur.body.error).toBe('invalid_scope');
  });

  it('refuses a habilitation whose scopes no rule grants to the recipient’s category', async () => {
    const rep = await request(t.app)
      .post('/admin/habilitations')
      .set(admin())
      .send({
        siret: '21350238800019',
        finalite: 'obligation_scolaire',
        scopes: ['mairie:obligation-scolaire', 'scolarite:statut'],
        intitule: 'essai',
        date_debut: '2026-09-01',
        date_fin: '2027-08-31',
      });
    expect(rep.status).toBe(422);
    expect(rep.body.code).toBe('scopes_non_autorises');
    expect(rep.body.scopes_refuses).toEqual(['scolarite:statut']);
  });

  it('refuses a finalité not open to the category (a commune asking for droits sociaux)', async () => {
    const rep = await request(t.app)
      .post('/admin/habilitations')
      .set(admin())
      .send({
        siret: '21350238800019',
        finalite: 'droits_sociaux',
        scopes: ['scolarite:statut'],
        intitule: 'essai',
        date_debut: '2026-09-01',
        date_fin: '2027-08-31',
      });
    expect(rep.status).toBe(422);
    expect(rep.body.code).toBe('scopes_non_autorises');
  });

  it('runs the lifecycle: submitted, validated, then a forbidden transition is a 409', async () => {
    const soumise = await request(t.app)
      .post('/admin/habilitations')
      .set(admin())
      .send({
        siret: '22350001800013',
        finalite: 'planification_scolaire',
        scopes: ['ecole:effectifs'],
        intitule: 'Effectifs seuls',
        date_debut: '2026-09-01',
        date_fin: '2027-08-31',
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
      siret: '21350238800018',
      nom: 'Mairie fictive',
      categorie: 'commune',
      code_commune: '35047',
    });
    expect(rep.status).toBe(400);
    expect(rep.body.erreurs).toEqual([{ champ: 'siret', message: expect.any(String) }]);
  });

  it('creates a recipient whose territory comes from the official geography', async () => {
    const rep = await request(t.app).post('/admin/destinataires').set(admin()).send({
      siret: '21350047300011',
      nom: 'Mairie de Bruz',
      categorie: 'commune',
      code_commune: '35047',
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
    expect((await request(t.app).get('/admin/clients').set(admin())).body.find((c: { client_id: string }) => c.client_id === id)).not.toHaveProperty(
      'client_secret',
    );

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
    const dernier = await request(t.app)
      .post('/oauth/token')
      .auth(id, sansRecouvrement.body.client_secret)
      .type('form')
      .send({ grant_type: 'client_credentials' });
    expect(dernier.status).toBe(200);
  });
});

describe('DataPass-like lifecycle', () => {
  const DEPARTEMENT = '22350001800013';
  const demande = {
    siret: DEPARTEMENT,
    finalite: 'planification_scolaire',
    scopes: ['ecole:previsions'],
    intitule: 'Prévisions des collèges',
    date_debut: '2026-01-01',
    date_fin: '2099-12-31',
    description: 'Sectorisation des collèges',
    responsable_traitement: 'Le président du conseil départemental',
    dpo: 'dpo@ille-et-vilaine.fr',
    volume_attendu: 5,
    duree_conservation_mois: 24,
  };
  const poster = (chemin: string, corps: object = {}) => request(t.app).post(chemin).set(admin()).send(corps);

  it('draft → submitted → changes requested → amended and resubmitted → validated, each step logged with actor and reason', async () => {
    const brouillon = await poster('/admin/habilitations', { ...demande, brouillon: true });
    expect(brouillon.status).toBe(201);
    expect(brouillon.body).toMatchObject({ statut: 'brouillon', version: 1, base_legale_texte: expect.any(String), dpo: 'dpo@ille-et-vilaine.fr' });
    const id = brouillon.body.id;
    expect((await poster(`/admin/habilitations/${id}/validation`)).status).toBe(409);

    expect((await poster(`/admin/habilitations/${id}/soumission`)).body.statut).toBe('soumise');
    expect((await poster(`/admin/habilitations/${id}/demande-modifications`)).status).toBe(400);
    const demandee = await poster(`/admin/habilitations/${id}/demande-modifications`, { motif: 'Justifier la conservation' });
    expect(demandee.body.statut).toBe('modifications_demandees');

    const sansJustification = await request(t.app).patch(`/admin/habilitations/${id}`).set(admin()).send({ duree_conservation_mois: 60 });
    expect(sansJustification.status).toBe(422);
    const modifiee = await request(t.app)
      .patch(`/admin/habilitations/${id}`)
      .set(admin())
      .send({ duree_conservation_mois: 60, justification_conservation: 'Séries longues pour la prospective', motif: 'Réponse au service' });
    expect(modifiee.body).toMatchObject({ statut: 'modifications_demandees', duree_conservation_mois: 60 });

    expect((await poster(`/admin/habilitations/${id}/soumission`)).body.statut).toBe('soumise');
    expect((await poster(`/admin/habilitations/${id}/validation`, { motif: 'Conforme' })).body.statut).toBe('validee');
    expect((await request(t.app).patch(`/admin/habilitations/${id}`).set(admin()).send({ intitule: 'autre' })).status).toBe(409);

    const transitions = (await request(t.app).get(`/admin/habilitations/${id}/transitions`).set(admin())).body;
    expect(transitions.map((x: { de: string | null; vers: string }) => `${x.de}→${x.vers}`)).toEqual([
      'null→brouillon',
      'brouillon→soumise',
      'soumise→modifications_demandees',
      'modifications_demandees→modifications_demandees',
      'modifications_demandees→soumise',
      'soumise→validee',
    ]);
    expect(transitions.every((x: { acteur: string }) => x.acteur === 'client:demo-operateur')).toBe(true);
    expect(transitions[2].motif).toBe('Justifier la conservation');
    expect(transitions[3].motif).toContain('duree_conservation_mois');
  });

  it('refuses forbidden transitions with 409 (refused is final, a revoked one cannot be validated again)', async () => {
    const refusee = await poster('/admin/habilitations', demande);
    expect((await poster(`/admin/habilitations/${refusee.body.id}/refus`, { motif: 'Finalité imprécise' })).body.statut).toBe('refusee');
    for (const chemin of ['soumission', 'validation', 'demande-modifications']) {
      const rep = await poster(`/admin/habilitations/${refusee.body.id}/${chemin}`, { motif: 'x' });
      expect(rep.status).toBe(409);
      expect(rep.body.statut).toBe('refusee');
    }
    const revoquee = await poster('/admin/habilitations', demande);
    await poster(`/admin/habilitations/${revoquee.body.id}/validation`);
    await poster(`/admin/habilitations/${revoquee.body.id}/revocation`, { motif: 'Fin du projet' });
    expect((await poster(`/admin/habilitations/${revoquee.body.id}/validation`)).status).toBe(409);
    expect((await poster(`/admin/habilitations/${revoquee.body.id}/renouvellement`, { date_fin: '2100-12-31' })).status).toBe(409);
  });

  it('a renewal is a new version; the previous one keeps its tokens until the new one is validated, then becomes obsolete', async () => {
    const v1 = await poster('/admin/habilitations', { ...demande, scopes: ['ecole:effectifs'], intitule: 'Effectifs des collèges' });
    await poster(`/admin/habilitations/${v1.body.id}/validation`);
    const v2 = await poster(`/admin/habilitations/${v1.body.id}/renouvellement`, { date_fin: '2100-08-31', motif: 'Nouvelle période' });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ statut: 'soumise', version: 2, remplace_id: v1.body.id, dpo: demande.dpo, date_fin: '2100-08-31' });
    expect((await poster(`/admin/habilitations/${v1.body.id}/renouvellement`, { date_fin: '2100-08-31' })).status).toBe(409);
    const actives = async () => (await habilitationsActives(t.db, DEPARTEMENT)).map((h) => h.id);
    expect(await actives()).toContain(v1.body.id);
    expect(await actives()).not.toContain(v2.body.id);

    await poster(`/admin/habilitations/${v2.body.id}/validation`);
    const ancienne = await request(t.app).get(`/admin/habilitations/${v1.body.id}`).set(admin());
    expect(ancienne.body).toMatchObject({ statut: 'obsolete', motif: 'Remplacée par la version 2' });
    expect(await actives()).toContain(v2.body.id);
    expect(await actives()).not.toContain(v1.body.id);
    const transitions = (await request(t.app).get(`/admin/habilitations/${v1.body.id}/transitions`).set(admin())).body;
    expect(transitions[transitions.length - 1]).toMatchObject({ de: 'validee', vers: 'obsolete', acteur: 'client:demo-operateur' });
  });

  it('lists the validated habilitations ending before a date, soonest first', async () => {
    const courte = await poster('/admin/habilitations', { ...demande, date_fin: '2030-06-30', intitule: 'Courte' });
    await poster(`/admin/habilitations/${courte.body.id}/validation`);
    const rep = await request(t.app).get('/admin/habilitations').query({ expirantAvant: '2030-07-01' }).set(admin());
    expect(rep.status).toBe(200);
    expect(rep.body.map((h: { id: string }) => h.id)).toContain(courte.body.id);
    expect(rep.body.every((h: { statut: string; date_fin_effective: string }) => h.statut === 'validee' && h.date_fin_effective < '2030-07-01')).toBe(true);
    const dates = rep.body.map((h: { date_fin_effective: string }) => h.date_fin_effective);
    expect(dates).toEqual([...dates].sort());
    expect((await request(t.app).get('/admin/habilitations').query({ expirantAvant: '30/06/2030' }).set(admin())).status).toBe(400);
  });
});
