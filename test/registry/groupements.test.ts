/**
 * Groupings of communes as recipients, over real HTTP: an EPCI whose territory is its communes in
 * the official geography, a syndicat scolaire whose members the operators register as dated
 * movements; the one territory rule grants data of member communes only.
 */
import fs from 'node:fs';
import request from 'supertest';
import { main as cli } from '../../scripts/cli';
import { annoncerDernieresPublications } from '../../src/apis/mairie/annonces';
import { ajouterJours } from '../../src/referentiels/calendrier';
import { aujourdhui, fixerAujourdhui } from '../../src/horloge';
import { estSiretValide } from '../../src/territoire/codes';
import { demarrerAppDeTest, type AppDeTest } from '../support/app';

const RENNES_METROPOLE = '24350013900189';
const SYNDICAT = '25350001800010';
const COMMUNES_SYNDICAT = ['35003', '35146', '35274'];

/** Straight from the package's file, not through the gateway's loader: what the official geography says. */
const epciOfficiel = (
  JSON.parse(fs.readFileSync(require.resolve('@etalab/decoupage-administratif/data/epci.json'), 'utf8')) as Array<{
    code: string;
    membres: Array<{ code: string }>;
  }>
).find((e) => e.code === '243500139')!;
const MEMBRES_RENNES_METROPOLE = epciOfficiel.membres.map((m) => m.code).sort();

let t: AppDeTest;
let operateur: string;
let metropole: string;
let syndicat: string;
beforeAll(async () => {
  // Many calls in quick succession: the per-habilitation limit (20/s by default) is not what is tested here.
  t = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '1000' });
  [operateur, metropole, syndicat] = await Promise.all([t.jeton('demo-operateur'), t.jeton('demo-rennes-metropole'), t.jeton('demo-syndicat-scolaire')]);
});
afterAll(async () => {
  fixerAujourdhui(process.env.APISATION_AUJOURDHUI);
  await t.fermer();
});

const bearer = (jeton: string) => ({ Authorization: `Bearer ${jeton}` });
const admin = () => ({ get: (u: string) => request(t.app).get(u).set(bearer(operateur)), post: (u: string) => request(t.app).post(u).set(bearer(operateur)) });

function probleme(rep: request.Response, statut: number, code: string): void {
  expect([rep.status, rep.body.code]).toEqual([statut, code]);
  expect(rep.headers['content-type']).toMatch(/^application\/problem\+json/);
}

/** A public école, a collège, of a commune, from the imported annuaire. */
async function etablissement(codeCommune: string, type: 'ecole' | 'college'): Promise<string> {
  const e = await t.db('etablissements').where({ code_commune: codeCommune, type, statut: 'public' }).orderBy('uai').first('uai');
  expect(e).toBeDefined();
  return e.uai as string;
}

const liste = (jeton: string, code: string) => request(t.app).get(`/api-mairie/v1/communes/${code}/enfants-soumis-obligation`).set(bearer(jeton));

describe('EPCI: Rennes Métropole, its communes from the official geography', () => {
  it('the registry shows its code, nature and the 43 communes of @etalab/decoupage-administratif', async () => {
    const rep = await admin().get('/admin/destinataires');
    expect(rep.status).toBe(200);
    const rm = rep.body.find((d: { siret: string }) => d.siret === RENNES_METROPOLE);
    expect(rm.categorie_code).toBe('epci');
    expect(rm.groupement).toMatchObject({ code: '243500139', nature: 'metropole', source_membres: 'decoupage_administratif' });
    expect(rm.groupement.communes.map((c: { code_commune: string }) => c.code_commune).sort()).toEqual(MEMBRES_RENNES_METROPOLE);
    expect(rm.groupement.communes).toContainEqual({ code_commune: '35047', nom: 'Bruz' });
    expect(MEMBRES_RENNES_METROPOLE).toHaveLength(43);
    // All in Ille-et-Vilaine: the grouping lies in département 35, région 53.
    expect([rm.code_commune, rm.code_departement, rm.code_region]).toEqual([null, '35', '53']);
    // A mairie has no grouping.
    expect(rep.body.find((d: { siret: string }) => d.siret === '21350238800019').groupement).toBeNull();
  });

  it('sees the écoles of member communes, not those of other communes nor collèges', async () => {
    for (const commune of ['35238', '35047', '35024']) {
      const uai = await etablissement(commune, 'ecole');
      const rep = await request(t.app).get(`/api-ecole/v1/etablissements/${uai}/effectifs`).set(bearer(metropole));
      expect([commune, rep.status]).toEqual([commune, 200]);
    }
    // Saint-Malo is not in Rennes Métropole.
    expect(MEMBRES_RENNES_METROPOLE).not.toContain('35288');
    probleme(
      await request(t.app)
        .get(`/api-ecole/v1/etablissements/${await etablissement('35288', 'ecole')}/effectifs`)
        .set(bearer(metropole)),
      403,
      'hors_territoire',
    );
    probleme(
      await request(t.app)
        .get(`/api-ecole/v1/etablissements/${await etablissement('35238', 'college')}/capacites`)
        .set(bearer(metropole)),
      403,
      'hors_territoire',
    );
  });

  it('projections: a member commune yes, the département or another commune no', async () => {
    const membre = await request(t.app).get('/api-ecole/v1/previsions').query({ codeCommune: '35051' }).set(bearer(metropole));
    expect(membre.status).toBe(200);
    probleme(await request(t.app).get('/api-ecole/v1/previsions').query({ codeCommune: '35288' }).set(bearer(metropole)), 403, 'hors_territoire');
    probleme(await request(t.app).get('/api-ecole/v1/previsions').query({ codeDepartement: '35' }).set(bearer(metropole)), 403, 'hors_territoire');
  });

  it('its members cannot be edited by hand: they follow the official geography', async () => {
    const rep = await admin().post(`/admin/destinataires/${RENNES_METROPOLE}/communes`).send({ code_commune: '35288', motif: 'Essai' });
    probleme(rep, 422, 'entite_non_traitable');
    const vue = await admin().get(`/admin/destinataires/${RENNES_METROPOLE}/communes`);
    expect(vue.status).toBe(200);
    expect(vue.body.mouvements).toEqual([]);
    expect(vue.body.groupement.communes).toHaveLength(43);
  });
});

describe('syndicat scolaire: members registered by the operators', () => {
  it('receives the restauration list of each member commune, and of no other', async () => {
    for (const commune of COMMUNES_SYNDICAT) {
      const rep = await liste(syndicat, commune);
      expect([commune, rep.status]).toEqual([commune, 200]);
      expect(rep.body.code_commune).toBe(commune);
    }
    probleme(await liste(syndicat, '35238'), 403, 'hors_territoire');
  });

  it('never the mayor’s R131-3 list: no rule grants the obligation scope to a grouping', async () => {
    const rep = await request(t.app)
      .post('/oauth/token')
      .auth('demo-syndicat-scolaire', 'demo-secret-syndicat-scolaire')
      .type('form')
      .send({ grant_type: 'client_credentials', scope: 'mairie:obligation-scolaire' });
    expect(rep.body.error).toBe('invalid_scope');
  });

  it('a new member counts from its date, a leaving one until the day before, each movement in the history', async () => {
    const demain = ajouterJours(aujourdhui(), 1);
    const apresDemain = ajouterJours(aujourdhui(), 2);
    const adhesion = await admin()
      .post(`/admin/destinataires/${SYNDICAT}/communes`)
      .send({ code_commune: '35024', date_effet: demain, motif: 'Délibération du comité syndical' });
    expect(adhesion.status).toBe(201);
    // Recorded, not yet in force.
    expect(adhesion.body.groupement.communes.map((c: { code_commune: string }) => c.code_commune)).toEqual(COMMUNES_SYNDICAT);
    probleme(await liste(syndicat, '35024'), 403, 'hors_territoire');

    const retrait = await admin()
      .post(`/admin/destinataires/${SYNDICAT}/communes/35024/retrait`)
      .send({ date_effet: apresDemain, motif: 'Arrêté préfectoral de retrait' });
    expect(retrait.status).toBe(200);
    expect(retrait.body.mouvements.filter((m: { code_commune: string }) => m.code_commune === '35024')).toEqual([
      expect.objectContaining({
        mouvement: 'adhesion',
        date_effet: demain,
        acteur: 'client:demo-operateur',
        motif: 'Délibération du comité syndical',
        nom: 'Betton',
      }),
      expect.objectContaining({ mouvement: 'retrait', date_effet: apresDemain, acteur: 'client:demo-operateur', motif: 'Arrêté préfectoral de retrait' }),
    ]);

    try {
      fixerAujourdhui(demain);
      const jeton = await t.jeton('demo-syndicat-scolaire');
      expect((await liste(jeton, '35024')).status).toBe(200);
      fixerAujourdhui(apresDemain);
      probleme(await liste(await t.jeton('demo-syndicat-scolaire'), '35024'), 403, 'hors_territoire');
      expect((await liste(await t.jeton('demo-syndicat-scolaire'), '35146')).status).toBe(200);
    } finally {
      fixerAujourdhui(process.env.APISATION_AUJOURDHUI);
    }
  });

  it('refuses a member twice (409), a non-member leaving (409), a movement dated back (409), an unknown commune (422)', async () => {
    const url = `/admin/destinataires/${SYNDICAT}/communes`;
    probleme(await admin().post(url).send({ code_commune: '35146', motif: 'Doublon' }), 409, 'conflit');
    probleme(await admin().post(`${url}/35238/retrait`).send({ motif: 'Jamais membre' }), 409, 'conflit');
    probleme(await admin().post(`${url}/35146/retrait`).send({ date_effet: '2025-08-31', motif: 'Avant son adhésion' }), 409, 'conflit');
    const inconnue = await admin().post(url).send({ code_commune: '35999', motif: 'Commune inexistante' });
    probleme(inconnue, 422, 'entite_non_traitable');
    expect(inconnue.body.erreurs).toEqual([{ champ: 'code_commune[0]', message: expect.stringContaining('inconnue') }]);
    probleme(await admin().post(url).send({ code_commune: '3514', motif: 'Mal formé' }), 400, 'requete_invalide');
    probleme(await admin().post(url).send({ code_commune: '35024', motif: '   ' }), 400, 'requete_invalide');
    probleme(await admin().post(url).send({ code_commune: '35024', date_effet: '2026-02-30', motif: 'Date impossible' }), 422, 'entite_non_traitable');
    probleme(
      await admin().post('/admin/destinataires/21350238800019/communes').send({ code_commune: '35024', motif: 'Une mairie' }),
      422,
      'entite_non_traitable',
    );
    probleme(
      await admin().post('/admin/destinataires/21350238800027/communes').send({ code_commune: '35024', motif: 'Inconnu' }),
      404,
      'ressource_introuvable',
    );
    probleme(await admin().get('/admin/destinataires/21350238800019/communes'), 422, 'entite_non_traitable');
    // None of the refused movements was written.
    const vue = await admin().get(url);
    expect(vue.body.mouvements.filter((m: { code_commune: string }) => ['35238', '35999'].includes(m.code_commune))).toEqual([]);
    // Only operators.
    probleme(await request(t.app).post(url).set(bearer(syndicat)).send({ code_commune: '35024', motif: 'x' }), 403, 'scope_insuffisant');
  });
});

describe('syndicat scolaire: its catering list follows its pupils across member communes', () => {
  it('a child of Langouet at Saint-Germain-sur-Ille’s public école is on the syndicat’s list, not on a commune’s own', async () => {
    const { date_publication: date } = await t
      .db('obligation_publications')
      .where({ code_commune: '35146' })
      .orderBy('date_publication', 'desc')
      .first('date_publication');
    const ecoleVoisine = await etablissement('35274', 'ecole');
    // A regroupement pédagogique: this child now goes to school in the neighbouring member commune.
    const version = await t
      .db('obligation_versions')
      .where({ code_commune: '35146' })
      .andWhere('valide_du', '<=', date)
      .andWhere((w) => w.whereNull('valide_jusqu_au').orWhere('valide_jusqu_au', '>', date))
      .orderBy('eleve_id')
      .first('eleve_id', 'valide_du');
    expect(version).toBeDefined();
    await t.db('obligation_versions').where(version).update({ uai: ecoleVoisine, mode_instruction: 'public' });

    const ecolesDe = (rep: request.Response) =>
      (rep.body.enfants as Array<{ scolarite_actuelle?: { etablissement?: { uai: string } } }>).map((e) => e.scolarite_actuelle?.etablissement?.uai);
    const rep = await request(t.app).get('/api-mairie/v1/communes/35146/enfants-soumis-obligation').query({ limit: 1000 }).set(bearer(syndicat));
    expect(rep.status).toBe(200);
    expect(ecolesDe(rep)).toContain(ecoleVoisine);
    expect(rep.body.nombre_total).toBe(rep.body.enfants.length);

    // The whole list is journaled as one entry naming it; the art. 15 report joins it with the grouping's perimeter.
    const csv = await request(t.app).get('/api-mairie/v1/communes/35146/enfants-soumis-obligation').query({ format: 'csv' }).set(bearer(syndicat));
    expect(csv.status).toBe(200);
    const rapport = await admin().get('/dpo/personnes/divulgations').query({ idInterne: version.eleve_id });
    expect(rapport.status).toBe(200);
    const listesEntieres = (rapport.body.communications as Array<{ siret: string; liste?: { cle: string; perimetre: string } }>).filter(
      (c) => c.siret === SYNDICAT && c.liste,
    );
    expect(listesEntieres).toHaveLength(1);
    expect(listesEntieres[0].liste).toMatchObject({ cle: '35146', perimetre: `mairie:restauration-scolaire@${COMMUNES_SYNDICAT.join(',')}` });
    expect(rapport.body.listes_non_verifiables).toEqual([]);

    // A commune's own catering list keeps to its own écoles (an agent of Langouet with the same scope).
    const siret = siretValide('213501460');
    await admin().post('/admin/destinataires').send({ siret, nom: 'Mairie de Langouet', categorie: 'commune', code_commune: '35146' }).expect(201);
    const habilitation = await admin()
      .post('/admin/habilitations')
      .send({
        siret,
        finalite: 'restauration_scolaire',
        scopes: ['mairie:restauration-scolaire'],
        intitule: 'Cantine',
        date_debut: aujourdhui(),
        date_fin: ajouterJours(aujourdhui(), 30),
      });
    expect(habilitation.status).toBe(201);
    await admin().post(`/admin/habilitations/${habilitation.body.id}/validation`).send({}).expect(200);
    const client = await admin().post('/admin/clients').send({ siret, nom: 'Cantine de Langouet' }).expect(201);
    const jeton = (
      await request(t.app)
        .post('/oauth/token')
        .auth(client.body.client_id, client.body.client_secret)
        .type('form')
        .send({ grant_type: 'client_credentials' })
        .expect(200)
    ).body.access_token as string;
    const commune = await request(t.app).get('/api-mairie/v1/communes/35146/enfants-soumis-obligation').query({ limit: 1000 }).set(bearer(jeton));
    expect(commune.status).toBe(200);
    expect(ecolesDe(commune)).not.toContain(ecoleVoisine);
    const ecolesLangouet = new Set((await t.db('etablissements').where({ code_commune: '35146', statut: 'public', type: 'ecole' }).pluck('uai')).map(String));
    expect(commune.body.nombre_total).toBe(ecolesDe(rep).filter((uai) => uai !== undefined && ecolesLangouet.has(uai)).length);
    expect(commune.body.nombre_total).toBeLessThan(rep.body.nombre_total);
  });

  it('is told of each member commune’s new list, and of no other commune', async () => {
    // Langouet's latest month changed something, whatever the day the suite runs.
    const [derniere] = await t.db('obligation_publications').where({ code_commune: '35146' }).orderBy('date_publication', 'desc').limit(1);
    if (Number(derniere.nombre_ajouts) + Number(derniere.nombre_modifications) + Number(derniere.nombre_retraits) === 0) {
      await t.db('obligation_publications').where({ code_commune: '35146', date_publication: derniere.date_publication }).update({ nombre_modifications: 1 });
    }
    await t.db('evenements').where({ type: 'liste_modifiee' }).delete();
    await annoncerDernieresPublications(t);
    const evenements = await t.db('evenements').where({ type: 'liste_modifiee', siret: SYNDICAT }).select('donnees');
    const communes = evenements.map((e: { donnees: string }) => (JSON.parse(e.donnees) as { code_commune: string }).code_commune);
    // Expected: each member with two lists whose last one changed something.
    const attendues: string[] = [];
    for (const code of COMMUNES_SYNDICAT) {
      const publications = await t.db('obligation_publications').where({ code_commune: code }).orderBy('date_publication');
      const p = publications[publications.length - 1];
      if (publications.length >= 2 && Number(p.nombre_ajouts) + Number(p.nombre_modifications) + Number(p.nombre_retraits) > 0) attendues.push(code);
    }
    expect(attendues).toContain('35146');
    expect(communes.sort()).toEqual(attendues);
    // Rennes Métropole holds no catering habilitation: told of nothing.
    expect(await t.db('evenements').where({ type: 'liste_modifiee', siret: RENNES_METROPOLE }).first()).toBeUndefined();
  });
});

describe('registering a grouping (admin API)', () => {
  const creer = (corps: object) => admin().post('/admin/destinataires').send(corps);

  it('an EPCI by its SIRET and code; a syndicat by its nature and communes, checked against the geography', async () => {
    // CC du Val d'Ille-Aubigné: code from the official file, SIRET built on its SIREN.
    const valDIlle = (
      JSON.parse(fs.readFileSync(require.resolve('@etalab/decoupage-administratif/data/epci.json'), 'utf8')) as Array<{
        code: string;
        type: string;
        membres: Array<{ code: string }>;
      }>
    ).find((e) => e.membres.some((m) => m.code === '35146'))!;
    const siretEpci = siretValide(valDIlle.code);
    const epci = await creer({ siret: siretEpci, nom: "CC Val d'Ille-Aubigné", categorie: 'epci', code_epci: valDIlle.code });
    expect(epci.status).toBe(201);
    expect(epci.body.groupement).toMatchObject({ code: valDIlle.code, nature: 'communaute_communes' });
    expect(epci.body.groupement.communes.map((c: { code_commune: string }) => c.code_commune).sort()).toEqual(valDIlle.membres.map((m) => m.code).sort());

    const siretSyndicat = siretValide('253500026');
    const s = await creer({
      siret: siretSyndicat,
      nom: 'SIVOM scolaire',
      categorie: 'syndicat_scolaire',
      nature: 'sivom',
      communes: ['35047', '35281'],
      date_effet: aujourdhui(),
    });
    expect(s.status).toBe(201);
    expect(s.body.groupement).toMatchObject({ code: '253500026', nature: 'sivom', source_membres: 'registre' });
    expect(s.body.groupement.communes).toEqual([
      { code_commune: '35047', nom: 'Bruz' },
      { code_commune: '35281', nom: 'Saint-Jacques-de-la-Lande' },
    ]);
    probleme(
      await creer({ siret: siretSyndicat, nom: 'Doublon', categorie: 'syndicat_scolaire', nature: 'sivu', communes: ['35047', '35281'] }),
      409,
      'conflit',
    );
  });

  it('refuses an unknown EPCI, a SIRET of another SIREN, unknown or repeated communes, a missing nature', async () => {
    probleme(await creer({ siret: siretValide('999999999'), nom: 'x', categorie: 'epci', code_epci: '999999999' }), 400, 'requete_invalide');
    probleme(await creer({ siret: siretValide('243500782'), nom: 'x', categorie: 'epci', code_epci: '243500139' }), 400, 'requete_invalide');
    probleme(await creer({ siret: siretValide('243500139'), nom: 'x', categorie: 'epci' }), 400, 'requete_invalide');
    const sivu = { siret: siretValide('253500034'), nom: 'x', categorie: 'syndicat_scolaire', nature: 'sivu' };
    const inconnue = await creer({ ...sivu, communes: ['35047', '35999'] });
    probleme(inconnue, 422, 'entite_non_traitable');
    expect(inconnue.body.erreurs).toEqual([{ champ: 'communes[1]', message: expect.stringContaining('inconnue') }]);
    const doublon = await creer({ ...sivu, communes: ['35047', '35047'] });
    probleme(doublon, 422, 'entite_non_traitable');
    expect(doublon.body.erreurs).toEqual([{ champ: 'communes[1]', message: 'commune en double' }]);
    probleme(await creer({ ...sivu, communes: ['35047'] }), 400, 'requete_invalide');
    probleme(await creer({ ...sivu, nature: undefined, communes: ['35047', '35281'] }), 400, 'requete_invalide');
    probleme(await creer({ ...sivu, nature: 'metropole', communes: ['35047', '35281'] }), 400, 'requete_invalide');
    // Nothing half-written.
    expect(await t.db('destinataires').where({ siret: sivu.siret }).first()).toBeUndefined();
    expect(await t.db('groupement_adhesions').where({ siret: sivu.siret }).first()).toBeUndefined();
  });
});

describe('command line', () => {
  /** Runs `npm run cli -- …` in-process on the test database; returns its exit code and output. */
  async function commande(...args: string[]): Promise<{ code: number; sortie: string; erreurs: string }> {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const erreur = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const code = await cli(args, { ...process.env, DATABASE_URL: t.config.databaseUrl, NODE_ENV: 'test' });
      return { code, sortie: log.mock.calls.map((c) => c.join(' ')).join('\n'), erreurs: erreur.mock.calls.map((c) => c.join(' ')).join('\n') };
    } finally {
      log.mockRestore();
      erreur.mockRestore();
    }
  }

  it('registers a syndicat, a dated adhesion and a withdrawal, the same registry as the admin API', async () => {
    const siret = siretValide('253500059');
    const cree = await commande(
      'destinataire:creer',
      '--siret',
      siret,
      '--nom',
      'SIVOM de la vallée',
      '--categorie',
      'syndicat_scolaire',
      '--nature',
      'sivom',
      '--communes',
      '35047,35051',
      '--date',
      aujourdhui(),
    );
    expect(cree).toMatchObject({ code: 0, erreurs: '' });
    expect(JSON.parse(cree.sortie).groupement.communes.map((c: { code_commune: string }) => c.code_commune)).toEqual(['35047', '35051']);
    const demain = ajouterJours(aujourdhui(), 1);
    expect(await commande('groupement:adhesion', '--siret', siret, '--commune', '35024', '--date', demain, '--motif', 'Arrêté préfectoral')).toMatchObject({
      code: 0,
    });
    expect(await commande('groupement:retrait', '--siret', siret, '--commune', '35051', '--date', demain, '--motif', 'Délibération')).toMatchObject({
      code: 0,
    });
    const doublon = await commande('groupement:adhesion', '--siret', siret, '--commune', '35047', '--motif', 'Doublon');
    expect(doublon.code).toBe(1);
    expect(doublon.erreurs).toContain('conflit');
    const vue = await admin().get(`/admin/destinataires/${siret}/communes`);
    expect(
      vue.body.mouvements.map((m: { code_commune: string; mouvement: string; acteur: string }) => [m.code_commune, m.mouvement, m.acteur.startsWith('cli:')]),
    ).toEqual([
      ['35047', 'adhesion', true],
      ['35051', 'adhesion', true],
      ['35024', 'adhesion', true],
      ['35051', 'retrait', true],
    ]);
  });
});

describe('requests for access and catalogue', () => {
  it('a grouping’s own request is for its territory: code, nature and member communes', async () => {
    const jeton = await t.jeton('demo-syndicat-scolaire', 'habilitations:demande');
    const rep = await request(t.app)
      .post('/demandes-habilitation')
      .set(bearer(jeton))
      .send({
        traitement: 'DEPP_EFFECTIFS',
        finalite: 'planification_scolaire',
        scopes: ['ecole:effectifs', 'ecole:capacites'],
        intitule: 'Écoles du regroupement pédagogique',
        description: 'Effectifs et capacités des écoles des communes du syndicat, pour la carte scolaire du regroupement.',
        dpo: { nom: 'Anne Morvan', courriel: 'dpo@sivu.example.fr' },
        duree_conservation_mois: 12,
      });
    expect(rep.status).toBe(201);
    expect(rep.body.territoire).toEqual({
      niveau: 'groupement',
      code: '253500018',
      nature: 'sivu',
      communes: [
        { code_commune: '35003', nom: 'Andouillé-Neuville' },
        { code_commune: '35146', nom: 'Langouet' },
        { code_commune: '35274', nom: 'Saint-Germain-sur-Ille' },
      ],
    });
    const u = new URL(rep.body.lien_consultation.url);
    const page = await request(t.app).get(`${u.pathname}${u.search}`).set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Langouet (35146)');
    expect(page.text).toContain('Syndicat intercommunal à vocation unique');

    // The R131-3 finalité has no rule for a grouping.
    const refus = await request(t.app)
      .post('/demandes-habilitation')
      .set(bearer(jeton))
      .send({
        traitement: 'ONDE',
        finalite: 'obligation_scolaire',
        scopes: ['mairie:obligation-scolaire'],
        intitule: 'Liste du maire',
        description: 'Liste R131-3 des communes.',
        dpo: { nom: 'Anne Morvan', courriel: 'dpo@sivu.example.fr' },
        duree_conservation_mois: 12,
      });
    probleme(refus, 422, 'scopes_non_autorises');
  });

  it('the catalogue names the groupings among the recipients of a scope, on their member communes', async () => {
    const rep = await request(t.app).get('/catalogue').set('Accept', 'application/json');
    expect(rep.status).toBe(200);
    const scopes = rep.body.apis.flatMap((a: { scopes: unknown[] }) => a.scopes) as Array<{
      code: string;
      destinataires: Array<{ categorie: string; territoire: string }>;
    }>;
    const restauration = scopes.find((s) => s.code === 'mairie:restauration-scolaire')!;
    expect(restauration.destinataires).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ categorie: 'syndicat_scolaire', territoire: 'groupement' }),
        expect.objectContaining({ categorie: 'epci', territoire: 'groupement' }),
      ]),
    );
    const html = await request(t.app).get('/catalogue').set('Accept', 'text/html');
    expect(html.text).toContain('les communes membres de son groupement');
  });
});

/** A Luhn-valid SIRET on this SIREN (the first NIC from 00010 that checks). */
function siretValide(siren: string): string {
  for (let nic = 10; nic < 1000; nic++) {
    const siret = `${siren}${String(nic).padStart(5, '0')}`;
    if (estSiretValide(siret)) return siret;
  }
  throw new Error(`aucun SIRET pour ${siren}`);
}
