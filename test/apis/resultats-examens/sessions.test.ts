import request from 'supertest';
import { derniereSessionPubliee } from '../../../src/apis/resultats-examens/examens';
import { genererResultatsExamens } from '../../../src/synthetique/resultats-examens';
import { aujourdhui, fixerAujourdhui } from '../../../src/horloge';
import { demarrerAppDeTest, type AppDeTest } from '../../support/app';

/**
 * Which exam session is served: the latest one whose results are published (a June session from
 * 15 July on), never one still to be sat or marked — neither by the API nor in the demo data.
 */

const NIVEAUX_CANDIDATS = ['3E', 'TG', 'TT', 'TPRO', '2CAP', 'BTS2'];

function appeler(t: AppDeTest, chemin: string, jeton: string): request.Test {
  return request(t.app).get(`/api-resultats-examens/v1/sessions/${chemin}`).set('Authorization', `Bearer ${jeton}`);
}

async function sessionsEnBase(t: AppDeTest): Promise<number[]> {
  return (await t.db('candidats_examens').distinct('session').orderBy('session')).map((l: { session: number }) => l.session);
}

/** Named candidates of a session and final-year pupils of its school year, as sorted pupil ids. */
async function nommesEtEleves(t: AppDeTest, session: number): Promise<{ nommes: string[]; eleves: string[] }> {
  const nommes = await t.db('candidats_examens').where({ session }).whereNotNull('eleve_id').orderBy('eleve_id').pluck('eleve_id');
  const eleves = await t
    .db('scolarites as s')
    .join('etablissements as e', 'e.uai', 's.uai')
    .where('s.annee_scolaire', `${session - 1}-${session}`)
    .whereIn('s.niveau_code', NIVEAUX_CANDIDATS)
    .whereNull('s.date_sortie')
    .orderBy('s.eleve_id')
    .pluck('s.eleve_id');
  return { nommes, eleves };
}

function attendreNonPubliee(rep: request.Response, derniere: number): void {
  expect(rep.status).toBe(404);
  expect(rep.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(rep.body.code).toBe('session_non_publiee');
  expect(rep.body.derniere_session_publiee).toBe(derniere);
  expect(rep.body.inscrits).toBeUndefined();
  expect(rep.body.laureats).toBeUndefined();
}

describe('dernière session publiée', () => {
  it('is the June session of the year from 15 July on, the previous one before', () => {
    const attendues: Array<[string, number]> = [
      ['2026-07-14', 2025],
      ['2026-07-15', 2026],
      ['2026-09-02', 2026],
      ['2026-12-01', 2026],
      ['2027-01-01', 2026],
      ['2027-06-30', 2026],
      ['2027-07-01', 2026],
      ['2027-07-14', 2026],
      ['2027-07-15', 2027],
      ['2027-08-31', 2027],
    ];
    for (const [jour, session] of attendues) expect([jour, derniereSessionPubliee(jour)]).toEqual([jour, session]);
  });
});

describe('au jour des tests', () => {
  let t: AppDeTest;
  let region: string;
  let session: number;

  beforeAll(async () => {
    // The demo data exactly as the gateway seeds it at start-up, on the pinned day.
    t = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '100000' });
    region = await t.jeton('demo-region-bretagne');
    session = derniereSessionPubliee(aujourdhui());
  });
  afterAll(() => t?.fermer());

  it('seeds the latest published session and the four before it, none after', async () => {
    expect(await sessionsEnBase(t)).toEqual([session - 4, session - 3, session - 2, session - 1, session]);
    const { nommes, eleves } = await nommesEtEleves(t, session);
    expect(nommes.length).toBeGreaterThan(0);
    expect(nommes).toEqual(eleves);
  });

  it("completes the current session's cohorts like the earlier ones, though its school leavers have no identity in the data", async () => {
    for (const examen of ['dnb', 'bac']) {
      const compter = async (s: number) => Number((await t.db('candidats_examens').where({ session: s, examen }).count({ n: '*' }))[0].n);
      const courante = await compter(session);
      const precedente = await compter(session - 1);
      expect([examen, courante / precedente > 0.75 && courante / precedente < 1.35]).toEqual([examen, true]);
    }
  });

  it('serves the latest published session and refuses the next one with session_non_publiee', async () => {
    const rep = await appeler(t, `${session}/examens/bac/territoires/region/53`, region);
    expect(rep.status).toBe(200);
    expect(rep.body.session).toBe(session);

    attendreNonPubliee(await appeler(t, `${session + 1}/examens/bac/territoires/region/53`, region), session);
    const { uai } = await t.db('candidats_examens').where({ session, examen: 'bac' }).first('uai');
    expect((await appeler(t, `${session}/examens/bac/etablissements/${uai}`, region)).status).toBe(200);
    attendreNonPubliee(await appeler(t, `${session + 1}/examens/bac/etablissements/${uai}`, region), session);
    attendreNonPubliee(await appeler(t, `2100/examens/dnb/territoires/departement/35`, region), session);
  });

  it('lists the consenting laureates of the latest published session, refuses the next one and has none for earlier ones', async () => {
    const rep = await appeler(t, `${session}/examens/bac/laureats?limit=1000`, region);
    expect(rep.status).toBe(200);
    expect(rep.body.session).toBe(session);
    expect(rep.body.laureats.length).toBeGreaterThan(0);

    attendreNonPubliee(await appeler(t, `${session + 1}/examens/bac/laureats`, region), session);
    const ancienne = await appeler(t, `${session - 1}/examens/bac/laureats`, region);
    expect([ancienne.status, ancienne.body.code]).toEqual([404, 'ressource_introuvable']);
  });
});

describe('autour du jour de publication', () => {
  const JOUR_DES_TESTS = aujourdhui();
  let t: AppDeTest;
  let region: string;

  beforeAll(async () => {
    // Pupils generated after the 2027 results came out: that session is the 2026-2027 final-year pupils'.
    fixerAujourdhui('2027-07-20');
    t = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '100000' });
    region = await t.jeton('demo-region-bretagne');
  });
  afterAll(async () => {
    fixerAujourdhui(JOUR_DES_TESTS);
    await t?.fermer();
  });

  it('on 2027-07-20, serves the 2027 session sat by the pupils of 2026-2027, laureates included', async () => {
    fixerAujourdhui('2027-07-20');
    expect(await sessionsEnBase(t)).toEqual([2023, 2024, 2025, 2026, 2027]);
    const { nommes, eleves } = await nommesEtEleves(t, 2027);
    expect(nommes.length).toBeGreaterThan(0);
    expect(nommes).toEqual(eleves);
    expect((await appeler(t, '2027/examens/dnb/territoires/region/53', region)).status).toBe(200);
    const laureats = await appeler(t, '2027/examens/bac/laureats?limit=1000', region);
    expect(laureats.status).toBe(200);
    expect(laureats.body.laureats.length).toBeGreaterThan(0);
    attendreNonPubliee(await appeler(t, '2028/examens/dnb/territoires/region/53', region), 2027);
  });

  it('on 2027-07-01, refuses 2027 even where the data holds it, and a regeneration removes it', async () => {
    fixerAujourdhui('2027-07-01');
    attendreNonPubliee(await appeler(t, '2027/examens/bac/territoires/region/53', region), 2026);
    attendreNonPubliee(await appeler(t, '2027/examens/bac/laureats', region), 2026);

    const bilan = await genererResultatsExamens(t.db, { seed: 42 });
    expect(bilan.sessionCourante).toBe(2026);
    expect(await sessionsEnBase(t)).toEqual([2022, 2023, 2024, 2025, 2026]);
    const { nommes, eleves } = await nommesEtEleves(t, 2026);
    expect(nommes).toEqual(eleves);
    await expect(genererResultatsExamens(t.db, { seed: 42, sessions: [2027] })).rejects.toThrow(RangeError);
  });
});
