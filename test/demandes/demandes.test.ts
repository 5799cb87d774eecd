/**
 * Requests for access filed by the recipients themselves, over real HTTP: a collectivité's client
 * drafts, submits, answers "changes requested" and withdraws its own requests; operators decide
 * through the admin routes; the recipient's next token carries what was validated.
 */
import request from 'supertest';
import { derniereSessionPubliee } from '../../src/apis/resultats-examens/examens';
import { lienConsultation } from '../../src/demandes/lien';
import { semerRegistreDemo } from '../../src/demo/demo';
import { aujourdhui } from '../../src/horloge';
import { demarrerAppDeTest, type AppDeTest } from '../support/app';

const SAINT_MALO = '21350288300019';

let t: AppDeTest;
let saintMalo: string;
let departement: string;
let operateur: string;
beforeAll(async () => {
  t = await demarrerAppDeTest();
  [saintMalo, departement, operateur] = await Promise.all([
    t.jeton('demo-mairie-saint-malo', 'habilitations:demande'),
    t.jeton('demo-departement-35', 'habilitations:demande'),
    t.jeton('demo-operateur'),
  ]);
});
afterAll(() => t.fermer());

const bearer = (jeton: string) => ({ Authorization: `Bearer ${jeton}` });

/** Saint-Malo asks for the aggregated exam results of its territory, which it does not hold yet. */
const DEMANDE = {
  traitement: 'EXAMENS',
  finalite: 'pilotage_educatif',
  scopes: ['examens:resultats'],
  intitule: 'Pilotage éducatif de Saint-Malo',
  description: 'Tableau de bord des résultats au brevet des collèges de la commune, pour le service éducation.',
  dpo: { nom: 'Claire Le Goff', courriel: 'dpo@saint-malo.fr' },
  duree_conservation_mois: 24,
  volume_attendu: 2,
};

const deposer = (jeton: string, corps: object) => request(t.app).post('/demandes-habilitation').set(bearer(jeton)).send(corps);
const lire = (jeton: string, id: string) => request(t.app).get(`/demandes-habilitation/${id}`).set(bearer(jeton));
const agir = (jeton: string, id: string, action: 'soumission' | 'retrait', corps: object = {}) =>
  request(t.app).post(`/demandes-habilitation/${id}/${action}`).set(bearer(jeton)).send(corps);
const modifier = (jeton: string, id: string, corps: object) => request(t.app).patch(`/demandes-habilitation/${id}`).set(bearer(jeton)).send(corps);
const decider = (id: string, decision: string, corps: object = {}) =>
  request(t.app).post(`/admin/habilitations/${id}/${decision}`).set(bearer(operateur)).send(corps);
const jetonSaintMalo = (scope: string) =>
  request(t.app)
    .post('/oauth/token')
    .auth('demo-mairie-saint-malo', 'demo-secret-mairie-saint-malo')
    .type('form')
    .send({ grant_type: 'client_credentials', scope });

/** The page behind a consultation link, as a browser would open it (path and query of the absolute URL). */
const ouvrir = (url: string) => {
  const u = new URL(url);
  return request(t.app).get(`${u.pathname}${u.search}`).set('Accept', 'text/html');
};

function probleme(rep: request.Response, statut: number, code: string): void {
  expect([rep.status, rep.body.code]).toEqual([statut, code]);
  expect(rep.headers['content-type']).toMatch(/^application\/problem\+json/);
}

describe('the full cycle, by the recipient and the operators', () => {
  it('draft → submitted → changes requested → amended and resubmitted → validated; then a token carries the new scope', async () => {
    expect((await jetonSaintMalo('examens:resultats')).body.error).toBe('invalid_scope');

    const brouillon = await deposer(saintMalo, { ...DEMANDE, brouillon: true });
    expect(brouillon.status).toBe(201);
    const id = brouillon.body.id as string;
    expect(brouillon.headers.location).toBe(`/demandes-habilitation/${id}`);
    expect(brouillon.body).toMatchObject({
      statut: 'brouillon',
      version: 1,
      traitement: 'EXAMENS',
      finalite: 'pilotage_educatif',
      scopes: ['examens:resultats'],
      destinataire: { siret: SAINT_MALO, nom: 'Mairie de Saint-Malo' },
      territoire: { niveau: 'commune', code: '35288' },
      dpo: { nom: 'Claire Le Goff', courriel: 'dpo@saint-malo.fr' },
      duree_conservation_mois: 24,
      volume_attendu: 2,
      prochaine_etape: { par: 'destinataire' },
      date_debut: aujourdhui(),
    });
    // The legal basis defaults to the registry rule's.
    expect(brouillon.body.base_legale_texte).toContain('Conventions académiques');
    expect(brouillon.body.lien_consultation.url).toMatch(new RegExp(`/demandes-habilitation/${id}/page\\?jusqua=\\d+&signature=`));

    expect((await agir(saintMalo, id, 'soumission')).body).toMatchObject({ statut: 'soumise', prochaine_etape: { par: 'ministere' } });
    // Submitted: in the operators' hands, no longer editable by the recipient.
    expect((await modifier(saintMalo, id, { volume_attendu: 3 })).status).toBe(409);

    const demandees = await decider(id, 'demande-modifications', {
      motif: 'Une durée de conservation de 24 mois est excessive pour un tableau de bord annuel.',
    });
    expect(demandees.body.statut).toBe('modifications_demandees');
    const aCorriger = await lire(saintMalo, id);
    expect(aCorriger.body).toMatchObject({
      statut: 'modifications_demandees',
      motif: 'Une durée de conservation de 24 mois est excessive pour un tableau de bord annuel.',
      prochaine_etape: { par: 'destinataire' },
    });
    expect(aCorriger.body.historique.at(-1)).toMatchObject({ de: 'soumise', vers: 'modifications_demandees', par: 'ministere' });
    expect(aCorriger.body.historique.at(-1)).not.toHaveProperty('client_id');

    const corrigee = await modifier(saintMalo, id, { duree_conservation_mois: 12, motif: 'Conservation ramenée à 12 mois.' });
    expect(corrigee.status).toBe(200);
    expect(corrigee.body).toMatchObject({ statut: 'modifications_demandees', duree_conservation_mois: 12 });
    expect((await agir(saintMalo, id, 'soumission', { motif: 'Durée corrigée' })).body.statut).toBe('soumise');
    expect((await decider(id, 'validation', { motif: 'Conforme' })).body.statut).toBe('validee');

    const validee = await lire(saintMalo, id);
    expect(validee.body).toMatchObject({ statut: 'validee', prochaine_etape: { par: 'destinataire' } });
    expect(validee.body.historique.map((e: { de: string | null; vers: string; par: string }) => `${e.de}→${e.vers} ${e.par}`)).toEqual([
      'null→brouillon destinataire',
      'brouillon→soumise destinataire',
      'soumise→modifications_demandees ministere',
      'modifications_demandees→modifications_demandees destinataire',
      'modifications_demandees→soumise destinataire',
      'soumise→validee ministere',
    ]);
    expect(validee.body.historique[3].motif).toBe('Modification : duree_conservation_mois — Conservation ramenée à 12 mois.');
    expect(validee.body.historique[0].client_id).toBe('demo-mairie-saint-malo');

    // The operators' journal is the same one, with the actors' client ids.
    const journal = (await request(t.app).get(`/admin/habilitations/${id}/transitions`).set(bearer(operateur))).body;
    expect(journal.map((x: { acteur: string }) => x.acteur)).toEqual([
      'client:demo-mairie-saint-malo',
      'client:demo-mairie-saint-malo',
      'client:demo-operateur',
      'client:demo-mairie-saint-malo',
      'client:demo-mairie-saint-malo',
      'client:demo-operateur',
    ]);

    const jeton = await jetonSaintMalo('examens:resultats');
    expect([jeton.status, jeton.body.scope]).toEqual([200, 'examens:resultats']);
    const session = derniereSessionPubliee(aujourdhui());
    const resultats = await request(t.app)
      .get(`/api-resultats-examens/v1/sessions/${session}/examens/dnb/territoires/commune/35288`)
      .set(bearer(jeton.body.access_token));
    expect(resultats.status).toBe(200);
    // Its own territory only: the rule applied to the recipient.
    const ailleurs = await request(t.app)
      .get(`/api-resultats-examens/v1/sessions/${session}/examens/dnb/territoires/commune/35238`)
      .set(bearer(jeton.body.access_token));
    probleme(ailleurs, 403, 'hors_territoire');
  });

  it('refused: the recipient reads the reason, can no longer change it, and gets no scope', async () => {
    const soumise = await deposer(departement, {
      ...DEMANDE,
      intitule: 'Effectifs des collèges, encore',
      finalite: 'planification_scolaire',
      traitement: 'DEPP_EFFECTIFS',
      scopes: ['ecole:effectifs'],
      dpo: { nom: 'Yann Morvan', courriel: 'dpo@ille-et-vilaine.fr' },
    });
    expect(soumise.status).toBe(201);
    expect(soumise.body).toMatchObject({ statut: 'soumise', territoire: { niveau: 'departement', code: '35' } });
    const id = soumise.body.id as string;
    expect((await decider(id, 'refus')).status).toBe(400); // a refusal states its reason
    expect((await decider(id, 'refus', { motif: 'Déjà couvert par l’habilitation « Collèges d’Ille-et-Vilaine ».' })).body.statut).toBe('refusee');

    const refusee = await lire(departement, id);
    expect(refusee.body).toMatchObject({
      statut: 'refusee',
      libelle_statut: 'Refusée',
      motif: 'Déjà couvert par l’habilitation « Collèges d’Ille-et-Vilaine ».',
      prochaine_etape: { par: null },
    });
    for (const rep of [
      await modifier(departement, id, { volume_attendu: 1 }),
      await agir(departement, id, 'soumission'),
      await agir(departement, id, 'retrait'),
    ]) {
      probleme(rep, 409, 'conflit');
    }
    const actives = await request(t.app).get('/admin/habilitations').query({ siret: '22350001800013', statut: 'validee' }).set(bearer(operateur));
    expect(actives.body.map((h: { id: string }) => h.id)).not.toContain(id);
  });

  it('withdraws a draft, or a request asked to change, and keeps it readable; not once submitted', async () => {
    const brouillon = await deposer(saintMalo, { ...DEMANDE, intitule: 'Essai abandonné', brouillon: true });
    const retiree = await agir(saintMalo, brouillon.body.id, 'retrait', { motif: 'Projet abandonné' });
    expect(retiree.body).toMatchObject({ statut: 'retiree', motif: 'Projet abandonné', prochaine_etape: { par: null } });
    probleme(await agir(saintMalo, brouillon.body.id, 'soumission'), 409, 'conflit');

    const soumise = await deposer(saintMalo, { ...DEMANDE, intitule: 'Essai soumis' });
    probleme(await agir(saintMalo, soumise.body.id, 'retrait'), 409, 'conflit');
    await decider(soumise.body.id, 'demande-modifications', { motif: 'Préciser le service destinataire' });
    expect((await agir(saintMalo, soumise.body.id, 'retrait')).body.statut).toBe('retiree');
  });
});

describe('a recipient sees only its own requests', () => {
  let idSaintMalo: string;
  beforeAll(async () => {
    idSaintMalo = (await deposer(saintMalo, { ...DEMANDE, intitule: 'Demande privée', brouillon: true })).body.id;
  });

  it('another recipient gets 404 on every route of the request, and does not list it', async () => {
    probleme(await lire(departement, idSaintMalo), 404, 'ressource_introuvable');
    probleme(await modifier(departement, idSaintMalo, { intitule: 'Détournée' }), 404, 'ressource_introuvable');
    probleme(await agir(departement, idSaintMalo, 'soumission'), 404, 'ressource_introuvable');
    probleme(await agir(departement, idSaintMalo, 'retrait'), 404, 'ressource_introuvable');
    const liste = await request(t.app).get('/demandes-habilitation').set(bearer(departement));
    expect(liste.status).toBe(200);
    expect(liste.body.every((d: { destinataire: { siret: string } }) => d.destinataire.siret === '22350001800013')).toBe(true);
    expect(liste.body.map((d: { id: string }) => d.id)).not.toContain(idSaintMalo);
    // Untouched.
    expect((await lire(saintMalo, idSaintMalo)).body).toMatchObject({ statut: 'brouillon', intitule: 'Demande privée' });
  });

  it('lists its own requests and habilitations, filtered by state', async () => {
    const liste = await request(t.app).get('/demandes-habilitation').query({ statut: 'brouillon' }).set(bearer(saintMalo));
    expect(liste.body.map((d: { id: string }) => d.id)).toContain(idSaintMalo);
    expect(liste.body.every((d: { statut: string }) => d.statut === 'brouillon')).toBe(true);
    const toutes = await request(t.app).get('/demandes-habilitation').set(bearer(saintMalo));
    expect(toutes.body.map((d: { intitule: string }) => d.intitule)).toEqual(expect.arrayContaining(['Liste R131-3 de Saint-Malo', 'Demandes d’habilitation']));
  });

  it('needs the habilitations:demande scope, granted by the registry: no token 401, a client without it 403', async () => {
    probleme(await request(t.app).get('/demandes-habilitation'), 401, 'jeton_absent');
    probleme(
      await request(t.app)
        .get('/demandes-habilitation')
        .set(bearer(await t.jeton('demo-mairie-rennes'))),
      403,
      'scope_insuffisant',
    );
    probleme(
      await request(t.app)
        .get(`/demandes-habilitation/${idSaintMalo}`)
        .set(bearer(await t.jeton('demo-mairie-saint-malo', 'mairie:obligation-scolaire'))),
      403,
      'scope_insuffisant',
    );
  });
});

describe('bad input: 400 for a malformed request, 422 for one the registry does not allow', () => {
  it('names the missing or malformed fields, never echoing the values', async () => {
    const { dpo: _dpo, ...sansDpo } = DEMANDE;
    const manquant = await deposer(saintMalo, sansDpo);
    probleme(manquant, 400, 'requete_invalide');
    expect(manquant.body.erreurs.map((e: { champ: string }) => e.champ)).toContain('dpo');

    const courriel = await deposer(saintMalo, { ...DEMANDE, dpo: { nom: 'X', courriel: 'pas-une-adresse' } });
    probleme(courriel, 400, 'requete_invalide');
    expect(courriel.body.erreurs.map((e: { champ: string }) => e.champ)).toContain('dpo.courriel');
    expect(JSON.stringify(courriel.body)).not.toContain('pas-une-adresse');

    // A recipient cannot file for another SIRET: the body has no such field.
    probleme(await deposer(saintMalo, { ...DEMANDE, siret: '22350001800013' }), 400, 'requete_invalide');
    probleme(await deposer(saintMalo, { ...DEMANDE, scopes: [] }), 400, 'requete_invalide');
    probleme(await deposer(saintMalo, { ...DEMANDE, duree_conservation_mois: 0 }), 400, 'requete_invalide');
    probleme(await deposer(saintMalo, { ...DEMANDE, intitule: 'x'.repeat(201) }), 400, 'requete_invalide');
  });

  it('refuses scopes no rule grants to a commune for this finalité (422 scopes_non_autorises)', async () => {
    const enTrop = await deposer(saintMalo, { ...DEMANDE, scopes: ['examens:resultats', 'examens:laureats-bourse-merite'] });
    probleme(enTrop, 422, 'scopes_non_autorises');
    expect(enTrop.body).toMatchObject({ scopes_refuses: ['examens:laureats-bourse-merite'], scopes_permis: ['examens:resultats'] });
    // A finalité not open to communes at all.
    probleme(
      await deposer(saintMalo, { ...DEMANDE, traitement: 'SIECLE', finalite: 'droits_sociaux', scopes: ['scolarite:statut'] }),
      422,
      'scopes_non_autorises',
    );
    probleme(await deposer(saintMalo, { ...DEMANDE, scopes: ['admin'] }), 422, 'scopes_non_autorises');
  });

  it('refuses a traitement that is not the finalité’s, an unknown convention, one that does not bind the recipient, an unjustified retention', async () => {
    const traitement = await deposer(saintMalo, { ...DEMANDE, traitement: 'ONDE' });
    probleme(traitement, 422, 'entite_non_traitable');
    expect(traitement.body.erreurs).toEqual([{ champ: 'traitement', message: expect.any(String) }]);

    const inconnue = await deposer(saintMalo, { ...DEMANDE, convention_reference: 'INCONNUE-2026' });
    probleme(inconnue, 422, 'entite_non_traitable');
    expect(inconnue.body.erreurs).toEqual([{ champ: 'convention_reference', message: expect.any(String) }]);
    probleme(await deposer(saintMalo, { ...DEMANDE, convention_reference: 'DEMO-14-DEPARTEMENT-35' }), 422, 'entite_non_traitable');

    const conservation = await deposer(saintMalo, { ...DEMANDE, duree_conservation_mois: 60 });
    probleme(conservation, 422, 'entite_non_traitable');
    expect(conservation.body.erreurs).toEqual([{ champ: 'justification_conservation', message: expect.any(String) }]);
    expect((await deposer(saintMalo, { ...DEMANDE, duree_conservation_mois: 60, justification_conservation: 'Séries longues', brouillon: true })).status).toBe(
      201,
    );
  });

  it('rests on a convention given by its reference when it binds the recipient', async () => {
    const adossee = await deposer(departement, {
      ...DEMANDE,
      intitule: 'Résultats du DNB, seconde version',
      convention_reference: 'DEMO-14-DEPARTEMENT-35',
      brouillon: true,
      dpo: { nom: 'Yann Morvan', courriel: 'dpo@ille-et-vilaine.fr' },
    });
    expect(adossee.status).toBe(201);
    expect(adossee.body).toMatchObject({ convention_reference: 'DEMO-14-DEPARTEMENT-35', territoire: { niveau: 'departement', code: '35' } });
  });

  it('applies the same rules to an amendment', async () => {
    const id = (await deposer(saintMalo, { ...DEMANDE, intitule: 'À amender', brouillon: true })).body.id;
    probleme(await modifier(saintMalo, id, { scopes: ['scolarite:statut'] }), 422, 'scopes_non_autorises');
    probleme(await modifier(saintMalo, id, { finalite: 'obligation_scolaire', scopes: ['mairie:obligation-scolaire'] }), 422, 'entite_non_traitable');
    const changee = await modifier(saintMalo, id, { traitement: 'ONDE', finalite: 'obligation_scolaire', scopes: ['mairie:obligation-scolaire'] });
    expect(changee.body).toMatchObject({ traitement: 'ONDE', finalite: 'obligation_scolaire', scopes: ['mairie:obligation-scolaire'] });
    probleme(await modifier(saintMalo, id, { siret: '22350001800013' }), 400, 'requete_invalide');
    probleme(await modifier(saintMalo, id, {}), 422, 'entite_non_traitable');
  });
});

describe('the consultation link', () => {
  it('opens the request’s page without a token; every value is escaped', async () => {
    const cree = await deposer(saintMalo, { ...DEMANDE, intitule: '<script>alert("x")</script> & Cie', brouillon: true });
    const rep = await ouvrir(cree.body.lien_consultation.url);
    expect(rep.status).toBe(200);
    expect(rep.headers['content-type']).toMatch(/^text\/html/);
    expect(rep.headers['cache-control']).toBe('no-store');
    expect(rep.headers['referrer-policy']).toBe('no-referrer');
    // Open to anyone holding the link: limited per IP, like the open-data routes.
    expect(rep.headers['ratelimit-limit']).toBeDefined();
    expect(rep.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Cie');
    expect(rep.text).not.toMatch(/<script|\son\w+=|javascript:/i);
    expect(rep.text).toContain('Brouillon');
  });

  it('refuses an altered link (403), an expired one (410), one made for another request (403)', async () => {
    const id = (await deposer(saintMalo, { ...DEMANDE, intitule: 'Lien', brouillon: true })).body.id as string;
    const autre = (await deposer(saintMalo, { ...DEMANDE, intitule: 'Autre lien', brouillon: true })).body.id as string;
    const lien = new URL(lienConsultation(t.config, id).url);
    const signature = lien.searchParams.get('signature')!;

    const alteree = new URL(lien);
    alteree.searchParams.set('signature', `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`);
    probleme(await ouvrir(alteree.toString()), 403, 'lien_consultation_invalide');
    const prolongee = new URL(lien);
    prolongee.searchParams.set('jusqua', String(Number(lien.searchParams.get('jusqua')) + 86_400));
    probleme(await ouvrir(prolongee.toString()), 403, 'lien_consultation_invalide');
    probleme(await ouvrir(lien.toString().replace(id, autre)), 403, 'lien_consultation_invalide');

    const expire = lienConsultation(t.config, id, Date.now() - 2 * 3600_000);
    probleme(await ouvrir(expire.url), 410, 'lien_consultation_expire');
    probleme(await ouvrir(`${lien.origin}${lien.pathname}`), 400, 'requete_invalide');
  });

  it('is given to operators too, for any habilitation', async () => {
    const id = (await deposer(saintMalo, { ...DEMANDE, intitule: 'Vue par les opérateurs' })).body.id as string;
    const rep = await request(t.app).get(`/admin/habilitations/${id}/lien-consultation`).set(bearer(operateur));
    expect(rep.status).toBe(200);
    expect(Date.parse(rep.body.expire_le) - Date.now()).toBeGreaterThan(3500_000);
    const page = await ouvrir(rep.body.url);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Vue par les opérateurs');
    probleme(await request(t.app).get('/admin/habilitations/inconnue/lien-consultation').set(bearer(operateur)), 404, 'ressource_introuvable');
    probleme(await request(t.app).get(`/admin/habilitations/${id}/lien-consultation`).set(bearer(saintMalo)), 403, 'scope_insuffisant');
  });
});

describe('demo registry', () => {
  it('a demo database seeded before this feature gets the recipients’ demo habilitation at the next start, once', async () => {
    const ligne = () => t.db('habilitations').where({ siret: SAINT_MALO, finalite_code: 'demande_habilitation' });
    const ids = (await ligne().select('id')).map((h: { id: string }) => h.id);
    await t.db('habilitation_transitions').whereIn('habilitation_id', ids).delete();
    await ligne().delete();
    expect((await jetonSaintMalo('habilitations:demande')).body.error).toBe('invalid_scope');

    expect(await semerRegistreDemo(t.db)).toBe(false);
    expect(await semerRegistreDemo(t.db)).toBe(false);
    expect((await ligne().select('statut')).map((h: { statut: string }) => h.statut)).toEqual(['validee']);
    expect((await jetonSaintMalo('habilitations:demande')).status).toBe(200);
  });
});
