import request from 'supertest';
import { genererResultatsExamens, type BilanResultatsExamens } from '../../../src/synthetique/resultats-examens';
import { demarrerAppDeTest, type AppDeTest } from '../../support/app';

/**
 * Aggregated exam results: recomputed from the generated candidates, under the statistical secret,
 * within the caller's territory. Not personal data: never journaled.
 */

type Cellule = { valeur: number } | { valeur: null; secret: true };
interface Ligne {
  code?: string;
  inscrits: Cellule;
  presents: Cellule;
  admis: Cellule;
  taux_reussite: number | null;
  mentions?: Record<string, Cellule>;
  voies?: Ligne[];
  series?: Ligne[];
}

const CLES_MENTIONS: Record<string, string> = { AB: 'assez_bien', B: 'bien', TB: 'tres_bien', TBF: 'tres_bien_felicitations' };

let t: AppDeTest;
let sansSecret: AppDeTest;
let bilan: BilanResultatsExamens;
let jetons: Record<string, string>;

beforeAll(async () => {
  // Each test walks many establishments: the per-habilitation rate limit is not under test here.
  const sansLimite = { LIMITE_REQUETES_PAR_SECONDE: '100000' };
  [t, sansSecret] = await Promise.all([demarrerAppDeTest(sansLimite), demarrerAppDeTest({ ...sansLimite, SEUIL_SECRET_STATISTIQUE: '1' })]);
  bilan = await genererResultatsExamens(t.db, { seed: 42 });
  await genererResultatsExamens(sansSecret.db, { seed: 42 });
  jetons = {};
  for (const client of ['demo-mairie-rennes', 'demo-departement-35', 'demo-region-bretagne']) jetons[client] = await t.jeton(client);
});
afterAll(async () => {
  await Promise.all([t?.fermer(), sansSecret?.fermer()]);
});

function appeler(app: AppDeTest, chemin: string, jeton: string): request.Test {
  return request(app.app).get(`/api-resultats-examens/v1/sessions/${chemin}`).set('Authorization', `Bearer ${jeton}`);
}

/** Every row of a response with the SQL condition that selects its candidates. */
function lignes(reponse: Ligne, examen: string): Array<{ ligne: Ligne; filtre: Record<string, string> }> {
  const resultat: Array<{ ligne: Ligne; filtre: Record<string, string> }> = [{ ligne: reponse, filtre: {} }];
  for (const v of reponse.voies ?? []) {
    resultat.push({ ligne: v, filtre: { voie: v.code! } });
    for (const s of v.series ?? []) resultat.push({ ligne: s, filtre: { voie: v.code!, serie_code: s.code! } });
  }
  for (const s of reponse.series ?? []) resultat.push({ ligne: s, filtre: { serie_code: s.code! } });
  return examen === 'dnb' || examen === 'bac' || examen === 'cap' || examen === 'bts' ? resultat : [];
}

/** Independent recomputation from table candidats_examens. */
async function attendu(app: AppDeTest, session: number, examen: string, restriction: Record<string, string>, filtre: Record<string, string>) {
  const q = () =>
    app
      .db('candidats_examens as c')
      .join('etablissements as e', 'e.uai', 'c.uai')
      .where({ 'c.session': session, 'c.examen': examen, ...restriction })
      .where(Object.fromEntries(Object.entries(filtre).map(([k, v]) => [`c.${k}`, v])));
  const compte = async (f: (x: ReturnType<typeof q>) => ReturnType<typeof q>) => Number((await f(q()).count({ n: '*' }))[0].n);
  const mentions: Record<string, number> = { sans_mention: await compte((x) => x.where('c.admis', true).whereNull('c.mention')) };
  for (const [code, cle] of Object.entries(CLES_MENTIONS)) mentions[cle] = await compte((x) => x.where({ 'c.admis': true, 'c.mention': code }));
  return {
    inscrits: await compte((x) => x),
    presents: await compte((x) => x.where('c.present', true)),
    admis: await compte((x) => x.where('c.admis', true)),
    mentions,
  };
}

describe('generation', () => {
  it("makes every final-year pupil of the current session's school year a named candidate of it, once, and names no one else", async () => {
    const annee = `${bilan.sessionCourante - 1}-${bilan.sessionCourante}`;
    const [{ n }] = await t
      .db('scolarites as s')
      .join('etablissements as e', 'e.uai', 's.uai')
      .where('s.annee_scolaire', annee)
      .whereIn('s.niveau_code', ['3E', 'TG', 'TT', 'TPRO', '2CAP', 'BTS2'])
      .whereNull('s.date_sortie')
      .count({ n: '*' });
    expect(Number(n)).toBeGreaterThan(0);
    expect(bilan.nommes).toBe(Number(n));
    const doublons = await t.db('candidats_examens').whereNotNull('eleve_id').groupBy('session', 'eleve_id').havingRaw('count(*) > 1').select('eleve_id');
    expect(doublons).toEqual([]);
    const nommees = await t.db('candidats_examens').whereNotNull('eleve_id').distinct('session');
    expect(nommees.map((l: { session: number }) => l.session)).toEqual([bilan.sessionCourante]);
    expect(bilan.sessions).toEqual([0, 1, 2, 3, 4].map((k) => bilan.sessionCourante - k).reverse());
  });

  it('is deterministic for a seed: the same seed regenerates the same candidates', async () => {
    const lire = () =>
      t
        .db('candidats_examens')
        .orderBy(['session', 'uai', 'examen', 'voie', 'serie_code', 'eleve_id', 'present', 'admis', 'mention'])
        .select('session', 'examen', 'voie', 'serie_code', 'uai', 'eleve_id', 'present', 'admis', 'mention');
    const avant = await lire();
    const nouveau = await genererResultatsExamens(t.db, { seed: 42 });
    expect(await lire()).toEqual(avant);
    expect(nouveau.consentements).toBe(0); // consents already on record are not duplicated
    await genererResultatsExamens(t.db, { seed: 7, sessions: [bilan.sessionCourante - 1], consentementsDemo: false });
    expect(await lire()).not.toEqual(avant);
    await genererResultatsExamens(t.db, { seed: 42, sessions: [bilan.sessionCourante - 1], consentementsDemo: false });
    expect(await lire()).toEqual(avant);
  });

  it('gives plausible presence and pass rates, and no félicitations before 2021', async () => {
    await genererResultatsExamens(t.db, { seed: 42, sessions: [2020], consentementsDemo: false });
    const taux = await t
      .db('candidats_examens')
      .groupBy('examen')
      .select('examen')
      .count({ inscrits: '*' })
      .sum({ presents: t.db.raw('case when present then 1 else 0 end'), admis: t.db.raw('case when admis then 1 else 0 end') });
    for (const l of taux) {
      const presence = Number(l.presents) / Number(l.inscrits);
      const reussite = Number(l.admis) / Number(l.presents);
      expect(presence).toBeGreaterThan(0.9);
      expect(reussite).toBeGreaterThan(0.6);
      expect(reussite).toBeLessThan(1);
    }
    expect(await t.db('candidats_examens').where({ session: 2020, mention: 'TBF' }).first()).toBeUndefined();
    expect(await t.db('candidats_examens').where({ session: bilan.sessionCourante, mention: 'TBF' }).first()).toBeDefined();
    expect(await t.db('candidats_examens').whereIn('examen', ['cap', 'bts']).whereNotNull('mention').first()).toBeUndefined();
    await t.db('candidats_examens').where({ session: 2020 }).delete();
  });
});

describe('agrégats', () => {
  it('equal an independent recomputation from the candidates (threshold 1: nothing masked)', async () => {
    const jeton = await sansSecret.jeton('demo-region-bretagne');
    const uais: Array<{ uai: string; examen: string }> = await sansSecret
      .db('candidats_examens')
      .where('session', bilan.sessionCourante)
      .distinct('uai', 'examen')
      .orderBy(['examen', 'uai']);
    const demandes = [
      ...['dnb', 'bac', 'cap', 'bts'].map((examen) => ({
        chemin: `${bilan.sessionCourante}/examens/${examen}/territoires/region/53`,
        examen,
        restriction: { 'e.code_region': '53' },
      })),
      { chemin: `${bilan.sessionCourante - 2}/examens/bac/territoires/commune/35238`, examen: 'bac', restriction: { 'e.code_commune': '35238' } },
      ...uais
        .filter((_, i) => i % 3 === 0)
        .map(({ uai, examen }) => ({ chemin: `${bilan.sessionCourante}/examens/${examen}/etablissements/${uai}`, examen, restriction: { 'c.uai': uai } })),
    ];
    for (const d of demandes) {
      const rep = await appeler(sansSecret, d.chemin, jeton);
      expect(rep.status).toBe(200);
      const session = Number(d.chemin.split('/')[0]);
      for (const { ligne, filtre } of lignes(rep.body, d.examen)) {
        const a = await attendu(sansSecret, session, d.examen, d.restriction, filtre);
        expect({ chemin: d.chemin, filtre, inscrits: ligne.inscrits, presents: ligne.presents, admis: ligne.admis }).toEqual({
          chemin: d.chemin,
          filtre,
          inscrits: { valeur: a.inscrits },
          presents: { valeur: a.presents },
          admis: { valeur: a.admis },
        });
        expect(ligne.taux_reussite).toBe(a.presents === 0 ? null : Math.round((a.admis / a.presents) * 1000) / 10);
        if (d.examen === 'dnb' || d.examen === 'bac') {
          for (const [cle, cellule] of Object.entries(ligne.mentions ?? {})) expect([cle, cellule]).toEqual([cle, { valeur: a.mentions[cle] }]);
          const publiees = Object.keys(ligne.mentions ?? {});
          expect(publiees).toContain('sans_mention');
          expect(publiees.includes('tres_bien_felicitations')).toBe(d.examen === 'bac');
        } else {
          expect(ligne.mentions).toBeUndefined();
        }
      }
    }
  });

  it('publish no count under the threshold, and none a reader can recompute by difference', async () => {
    const seuil = t.config.seuilSecretStatistique;
    const uais: Array<{ uai: string; examen: string }> = await t.db('candidats_examens').where('session', bilan.sessionCourante).distinct('uai', 'examen');
    const chemins = [
      ...['dnb', 'bac', 'cap', 'bts'].map((examen) => [`${bilan.sessionCourante}/examens/${examen}/territoires/departement/35`, examen]),
      ...uais.map(({ uai, examen }) => [`${bilan.sessionCourante}/examens/${examen}/etablissements/${uai}`, examen]),
    ];
    let masquees = 0;
    for (const [chemin, examen] of chemins) {
      const rep = await appeler(t, chemin, jetons['demo-region-bretagne']);
      expect(rep.status).toBe(200);
      const session = Number(chemin.split('/')[0]);
      const restriction: Record<string, string> = chemin.includes('/etablissements/') ? { 'c.uai': chemin.split('/').pop()! } : { 'e.code_departement': '35' };
      for (const { ligne, filtre } of lignes(rep.body, examen)) {
        const reel = await attendu(t, session, examen, restriction, filtre);
        const cellules: Array<[string, Cellule, number]> = [
          ['inscrits', ligne.inscrits, reel.inscrits],
          ['presents', ligne.presents, reel.presents],
          ['admis', ligne.admis, reel.admis],
          ...Object.entries(ligne.mentions ?? {}).map(([cle, c]) => [cle, c, reel.mentions[cle]] as [string, Cellule, number]),
        ];
        for (const [nom, cellule, valeur] of cellules) {
          if (cellule.valeur === null) {
            masquees++;
            expect(cellule).toEqual({ valeur: null, secret: true });
          } else {
            expect({ nom, valeur: cellule.valeur }).toEqual({ nom, valeur });
            expect(valeur === 0 || valeur >= seuil).toBe(true);
          }
        }
        // What a reader derives by difference from published cells is 0 or at least the threshold.
        const publie = (c: Cellule) => c.valeur;
        const differences = [
          [publie(ligne.inscrits), publie(ligne.presents)],
          [publie(ligne.presents), publie(ligne.admis)],
          [publie(ligne.admis), ...Object.values(ligne.mentions ?? {}).map(publie)],
        ];
        for (const [total, ...parties] of differences) {
          if (total === null || parties.length === 0 || parties.some((p) => p === null)) continue;
          const reste = total - (parties as number[]).reduce((s, p) => s + p, 0);
          expect(reste === 0 || reste >= seuil).toBe(true);
        }
        if (ligne.taux_reussite !== null) expect(ligne.presents.valeur).not.toBeNull();
        if (ligne.presents.valeur === null || ligne.admis.valeur === null) expect(ligne.taux_reussite).toBeNull();
      }
    }
    expect(masquees).toBeGreaterThan(0);
  });

  it('are not personal data: never journaled', async () => {
    const avant = await t.db('journal').count({ n: '*' });
    const rep = await appeler(t, `${bilan.sessionCourante}/examens/dnb/territoires/commune/35238`, jetons['demo-mairie-rennes']);
    expect(rep.status).toBe(200);
    expect(rep.body.territoire).toEqual({ niveau: 'commune', code: '35238', libelle: 'Rennes', nombre_etablissements: expect.any(Number) });
    expect(await t.db('journal').count({ n: '*' })).toEqual(avant);
  });
});

describe('territoire', () => {
  async function etablissement(codeCommune: string, examen: string): Promise<string> {
    const l = await t
      .db('candidats_examens as c')
      .join('etablissements as e', 'e.uai', 'c.uai')
      .where({ 'e.code_commune': codeCommune, 'c.examen': examen, 'c.session': bilan.sessionCourante })
      .first('c.uai');
    return l.uai;
  }

  it("refuses Rennes' client a Saint-Malo lycée and Saint-Malo's territory, not its own establishments", async () => {
    const lyceeMalouin = await etablissement('35288', 'bac');
    const refus = await appeler(t, `${bilan.sessionCourante}/examens/bac/etablissements/${lyceeMalouin}`, jetons['demo-mairie-rennes']);
    expect(refus.status).toBe(403);
    expect(refus.body.code).toBe('hors_territoire');
    expect(refus.body.inscrits).toBeUndefined();
    expect((await appeler(t, `${bilan.sessionCourante}/examens/bac/territoires/commune/35288`, jetons['demo-mairie-rennes'])).status).toBe(403);
    expect((await appeler(t, `${bilan.sessionCourante}/examens/bac/territoires/departement/35`, jetons['demo-mairie-rennes'])).status).toBe(403);
    const rennais = await etablissement('35238', 'bac');
    expect((await appeler(t, `${bilan.sessionCourante}/examens/bac/etablissements/${rennais}`, jetons['demo-mairie-rennes'])).status).toBe(200);
  });

  it('refuses a département another département and its région, grants its own and its communes', async () => {
    const d = jetons['demo-departement-35'];
    for (const chemin of ['territoires/departement/22', 'territoires/region/53', 'territoires/commune/22278']) {
      const rep = await appeler(t, `${bilan.sessionCourante}/examens/dnb/${chemin}`, d);
      expect([chemin, rep.status, rep.body.code]).toEqual([chemin, 403, 'hors_territoire']);
    }
    expect((await appeler(t, `${bilan.sessionCourante}/examens/dnb/territoires/departement/35`, d)).status).toBe(200);
    expect((await appeler(t, `${bilan.sessionCourante}/examens/dnb/territoires/commune/35288`, d)).status).toBe(200);
  });

  it('answers 400 for malformed input, 404 for an unknown territory or no candidates', async () => {
    const r = jetons['demo-region-bretagne'];
    expect((await appeler(t, `${bilan.sessionCourante}/examens/bac/etablissements/0350024B`, r)).status).toBe(400);
    expect((await appeler(t, `${bilan.sessionCourante}/examens/licence/territoires/region/53`, r)).status).toBe(400);
    expect((await appeler(t, `${bilan.sessionCourante}/examens/bac/territoires/departement/3x`, r)).status).toBe(400);
    expect((await appeler(t, `${bilan.sessionCourante}/examens/bac/territoires/region/99`, r)).status).toBe(404);
    expect((await appeler(t, '1995/examens/bac/territoires/region/53', r)).status).toBe(404);
    const college = await etablissement('35238', 'dnb');
    expect((await appeler(t, `${bilan.sessionCourante}/examens/bac/etablissements/${college}`, r)).status).toBe(404);
  });
});
