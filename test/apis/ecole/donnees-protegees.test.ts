import fc from 'fast-check';
import request from 'supertest';
import type { Express } from 'express';
import { creerApp } from '../../../src/app';
import { genererConstatsEtCapacites } from '../../../src/synthetique/constats-capacites';
import type { EffectifsEtablissement, LigneEffectifs } from '../../../src/apis/ecole/effectifs';
import type { EffectifsAnnee, Previsions } from '../../../src/apis/ecole/models';
import { CHAMPS_PAR_SCOPE } from '../../../src/registry/scopes';
import { demarrerAppDeTest, type AppDeTest } from '../../support/app';
import { cellulesRetrouvees, COLONNES, vueDuLecteur, type Cellule, type Colonne } from './lecteur';

const RENNES = '35238';
const SAINT_MALO = '35288';

let t: AppDeTest;
const jetons: Record<string, string> = {};
let reference: string;

beforeAll(async () => {
  t = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '10000' }, { communes: [RENNES, SAINT_MALO], echelle: 0.3 });
  reference = (await genererConstatsEtCapacites(t.db, { graine: 7 })).annee_reference!;
  for (const client of ['demo-mairie-rennes', 'demo-mairie-saint-malo', 'demo-departement-35', 'demo-region-bretagne', 'demo-caf-35']) {
    jetons[client] = await t.jeton(client);
  }
}, 120_000);
afterAll(async () => t.fermer());

const appel = (client: string, chemin: string, app: Express = t.app) => request(app).get(chemin).set('Authorization', `Bearer ${jetons[client]}`);

/** Establishments of a type with pupils this year, optionally in one commune. */
async function peuples(type: string, codeCommune?: string): Promise<string[]> {
  const q = t
    .db('etablissements as e')
    .join('constats_effectifs as c', 'c.uai', 'e.uai')
    .where({ 'e.type': type, 'c.annee_scolaire': reference })
    .distinct('e.uai')
    .orderBy('e.uai');
  if (codeCommune) q.where('e.code_commune', codeCommune);
  return (await q).map((l: { uai: string }) => l.uai);
}

describe('territoire de chaque collectivité (403 hors_territoire)', () => {
  const operations = ['effectifs', 'capacites'];

  it('une commune lit ses écoles, pas un collège de la commune ni l’école d’une autre commune', async () => {
    const [ecoleRennes] = await peuples('ecole', RENNES);
    const [collegeRennes] = await peuples('college', RENNES);
    const [ecoleSaintMalo] = await peuples('ecole', SAINT_MALO);
    for (const op of operations) {
      const lue = await appel('demo-mairie-rennes', `/api-ecole/v1/etablissements/${ecoleRennes}/${op}`).expect(200);
      expect(lue.headers['ratelimit-limit']).toBe('10000');
      for (const uai of [collegeRennes, ecoleSaintMalo]) {
        const rep = await appel('demo-mairie-rennes', `/api-ecole/v1/etablissements/${uai}/${op}`).expect(403);
        expect(rep.body.code).toBe('hors_territoire');
      }
    }
  });

  it('un département lit ses collèges, pas une école', async () => {
    const [college] = await peuples('college');
    const [ecole] = await peuples('ecole');
    for (const op of operations) {
      await appel('demo-departement-35', `/api-ecole/v1/etablissements/${college}/${op}`).expect(200);
      expect((await appel('demo-departement-35', `/api-ecole/v1/etablissements/${ecole}/${op}`).expect(403)).body.code).toBe('hors_territoire');
    }
  });

  it('une région lit ses lycées, pas un collège', async () => {
    const [lycee] = await peuples('lycee');
    const [college] = await peuples('college');
    for (const op of operations) {
      await appel('demo-region-bretagne', `/api-ecole/v1/etablissements/${lycee}/${op}`).expect(200);
      expect((await appel('demo-region-bretagne', `/api-ecole/v1/etablissements/${college}/${op}`).expect(403)).body.code).toBe('hors_territoire');
    }
  });

  it('les prévisions suivent la même règle : territoire inclus dans celui du destinataire', async () => {
    await appel('demo-mairie-rennes', `/api-ecole/v1/previsions?codeCommune=${RENNES}&horizon=1`).expect(200);
    await appel('demo-departement-35', `/api-ecole/v1/previsions?codeCommune=${SAINT_MALO}&horizon=1`).expect(200);
    await appel('demo-region-bretagne', '/api-ecole/v1/previsions?codeDepartement=35&horizon=1').expect(200);
    for (const [client, requete] of [
      ['demo-mairie-rennes', `codeCommune=${SAINT_MALO}`],
      ['demo-mairie-rennes', 'codeDepartement=35'],
      ['demo-departement-35', 'codeRegion=53'],
    ]) {
      expect((await appel(client, `/api-ecole/v1/previsions?${requete}`).expect(403)).body.code).toBe('hors_territoire');
    }
  });

  it('sans jeton : 401 ; sans le scope : 403 scope_insuffisant', async () => {
    const [ecole] = await peuples('ecole', RENNES);
    await request(t.app).get(`/api-ecole/v1/etablissements/${ecole}/effectifs`).expect(401);
    expect((await appel('demo-caf-35', `/api-ecole/v1/etablissements/${ecole}/effectifs`).expect(403)).body.code).toBe('scope_insuffisant');
    expect((await appel('demo-caf-35', `/api-ecole/v1/previsions?codeCommune=${RENNES}`).expect(403)).body.code).toBe('scope_insuffisant');
  });
});

/** Real counts of one establishment, straight from the pupil tables. */
async function verite(uai: string): Promise<Map<string, number>> {
  const lignes = await t
    .db('scolarites as s')
    .join('eleves as e', 'e.id', 's.eleve_id')
    .where({ 's.uai': uai, 's.annee_scolaire': reference })
    .whereNull('s.date_sortie')
    .select('s.niveau_code', 's.code_mef_stat', 'e.sexe', 's.est_boursier', 's.regime');
  const comptes = new Map<string, number>();
  const ajouter = (cle: string) => comptes.set(cle, (comptes.get(cle) ?? 0) + 1);
  for (const l of lignes as Array<{ niveau_code: string; code_mef_stat: string | null; sexe: string; est_boursier: unknown; regime: string | null }>) {
    const colonnes: Colonne[] = [
      'effectif',
      l.sexe === 'F' ? 'filles' : 'garcons',
      l.est_boursier ? 'boursiers' : 'non_boursiers',
      ...(l.regime ? [({ '0': 'externes', '2': 'demi_pensionnaires', '3': 'internes' } as const)[l.regime as '0' | '2' | '3']] : []),
    ];
    for (const c of colonnes) for (const ligne of ['total', l.niveau_code, `${l.niveau_code}/${l.code_mef_stat}`]) ajouter(`${ligne}|${c}`);
  }
  return comptes;
}

function verifierTableau(publie: EffectifsEtablissement, reel: Map<string, number>, seuil: number): void {
  const verifier = (ligne: LigneEffectifs, cle: string) => {
    for (const c of COLONNES) {
      const cellule = ligne[c] as Cellule | undefined;
      if (!cellule) continue;
      const n = reel.get(`${cle}|${c}`) ?? 0;
      if (cellule.valeur === null) {
        expect([cle, c, cellule.secret]).toEqual([cle, c, true]);
        expect(n).toBeGreaterThan(0);
      } else {
        expect([cle, c, cellule.valeur]).toEqual([cle, c, n]);
        expect(n === 0 || n >= seuil).toBe(true);
      }
    }
  };
  verifier(publie.total, 'total');
  for (const niveau of publie.niveaux) {
    verifier(niveau, niveau.code);
    for (const f of niveau.formations ?? []) verifier(f, `${niveau.code}/${f.code_mef_stat}`);
  }
  const { cellules, equations } = vueDuLecteur(publie.total, publie.niveaux);
  expect(cellulesRetrouvees(cellules, equations, seuil)).toEqual([]);
}

describe('effectifs sous secret statistique, sur les données générées', () => {
  it('publie par niveau et formation les vrais comptes, masque et marque les autres, et rien ne se recalcule', async () => {
    const apps = new Map<number, Express>();
    const appAuSeuil = (seuil: number): Express => {
      if (!apps.has(seuil)) apps.set(seuil, creerApp({ db: t.db, config: { ...t.config, seuilSecretStatistique: seuil } }));
      return apps.get(seuil)!;
    };
    const cas = [
      ...(await peuples('ecole', RENNES)).map((uai) => ['demo-mairie-rennes', uai] as const),
      ...(await peuples('college')).map((uai) => ['demo-departement-35', uai] as const),
      ...(await peuples('lycee')).map((uai) => ['demo-region-bretagne', uai] as const),
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cas), fc.integer({ min: 3, max: 15 }), async ([client, uai], seuil) => {
        const rep = await appel(client, `/api-ecole/v1/etablissements/${uai}/effectifs`, appAuSeuil(seuil)).expect(200);
        expect(rep.body.secret_statistique.seuil).toBe(seuil);
        verifierTableau(rep.body, await verite(uai), seuil);
      }),
      { numRuns: 60 },
    );
  });

  it('ventile le second degré par formation, bourse et régime, et le premier degré par sexe', async () => {
    const [college] = await peuples('college');
    const rep = await appel('demo-departement-35', `/api-ecole/v1/etablissements/${college}/effectifs?anneeScolaire=${reference}`).expect(200);
    const corps = rep.body as EffectifsEtablissement;
    expect(corps.annee_scolaire).toBe(reference);
    expect(corps.source).toMatch(/Éducation nationale/);
    expect(Object.keys(corps).sort()).toEqual([...CHAMPS_PAR_SCOPE['ecole:effectifs']].sort());
    expect(corps.niveaux.map((n) => n.code).every((c) => ['6E', '5E', '4E', '3E'].includes(c))).toBe(true);
    expect(corps.total).toHaveProperty('boursiers');
    expect(corps.total).toHaveProperty('demi_pensionnaires');
    expect(corps.niveaux[0].formations?.length).toBeGreaterThan(0);
    const [ecole] = await peuples('ecole', RENNES);
    const primaire = (await appel('demo-mairie-rennes', `/api-ecole/v1/etablissements/${ecole}/effectifs`).expect(200)).body as EffectifsEtablissement;
    expect(Object.keys(primaire.total).sort()).toEqual(['effectif', 'filles', 'garcons']);
  });

  it('refuse une année mal formée (400) et répond 404 pour une année sans constat', async () => {
    const [ecole] = await peuples('ecole', RENNES);
    const mal = await appel('demo-mairie-rennes', `/api-ecole/v1/etablissements/${ecole}/effectifs?anneeScolaire=2025-2027`).expect(400);
    expect(mal.body.erreurs[0].champ).toBe('anneeScolaire');
    await appel('demo-mairie-rennes', `/api-ecole/v1/etablissements/${ecole}/effectifs?anneeScolaire=1999-2000`).expect(404);
    await appel('demo-mairie-rennes', '/api-ecole/v1/etablissements/0350122A/effectifs').expect(400);
  });
});

describe('capacités d’accueil', () => {
  it('donnent divisions et places de l’année constatée et de la suivante, assez pour les élèves constatés', async () => {
    const [college] = await peuples('college');
    const rep = await appel('demo-departement-35', `/api-ecole/v1/etablissements/${college}/capacites`).expect(200);
    const [annee, suivante] = rep.body.annees;
    expect(rep.body.annee_scolaire).toBe(reference);
    expect([annee.annee_scolaire, annee.nature]).toEqual([reference, 'structure']);
    expect(suivante.annee_scolaire).toBe(`${Number(reference.slice(0, 4)) + 1}-${Number(reference.slice(0, 4)) + 2}`);
    expect(suivante.nature).toBe('prevision');
    const constat = await t.db('constats_effectifs').where({ uai: college, annee_scolaire: reference });
    for (const niveau of annee.niveaux) {
      expect(niveau.places).toBe(niveau.divisions * niveau.places_par_division);
      const effectif = constat.find((c: { niveau_code: string }) => c.niveau_code === niveau.code).effectif;
      expect(niveau.places).toBeGreaterThanOrEqual(effectif);
      expect((niveau.divisions - 1) * niveau.places_par_division).toBeLessThan(effectif);
    }
    expect(annee.divisions).toBe(annee.niveaux.reduce((s: number, n: { divisions: number }) => s + n.divisions, 0));
  });
});

describe('prévisions d’effectifs', () => {
  it('projettent les niveaux de l’habilitation avec la méthode, ses taux et le constat de référence', async () => {
    const rep = await appel('demo-departement-35', '/api-ecole/v1/previsions?codeDepartement=35&horizon=3').expect(200);
    const p = rep.body as Previsions;
    expect(Object.keys(p).sort()).toEqual([...CHAMPS_PAR_SCOPE['ecole:previsions']].sort());
    expect(p.annee_reference).toBe(reference);
    expect(p.territoire).toEqual({ code_departement: '35', types_etablissement: ['college'] });
    expect(p.methode.code).toBe('matrice_de_passage');
    expect(p.methode.annees_historique.at(-1)).toBe(reference);
    expect(p.previsions.map((a) => a.annee_scolaire)).toEqual(
      [1, 2, 3].map((h) => `${Number(reference.slice(0, 4)) + h}-${Number(reference.slice(0, 4)) + h + 1}`),
    );
    for (const annee of p.previsions) expect(annee.niveaux.map((n) => n.code)).toEqual(['6E', '5E', '4E', '3E']);

    // The figures follow from the inputs returned beside them (rates rounded to 4 decimals).
    const valeur = (a: EffectifsAnnee, code: string) => a.niveaux.find((n) => n.code === code)!.effectif.valeur;
    const taux = (code: string) => p.methode.taux.find((x) => x.niveau === code)!;
    expect(taux('6E').depuis).toEqual(['CM2']);
    const cm2 = valeur(p.methode.constat, 'CM2');
    const sixieme = valeur(p.previsions[0], '6E');
    if (cm2 !== null && sixieme !== null) expect(Math.abs(sixieme - taux('6E').taux! * cm2)).toBeLessThanOrEqual(1);
    const cinquiemeEnSuite = valeur(p.previsions[1], '5E');
    if (sixieme !== null && cinquiemeEnSuite !== null) expect(Math.abs(cinquiemeEnSuite - taux('5E').taux! * sixieme)).toBeLessThanOrEqual(1);

    const cellules: Cellule[] = [p.methode.constat, ...p.previsions].flatMap((a) => [a.total, ...a.niveaux.map((n) => n.effectif)]);
    for (const c of cellules) expect(c.valeur === null || c.valeur === 0 || c.valeur >= p.secret_statistique.seuil).toBe(true);
  });

  it('n’entrent dans le passé des niveaux amont que jusqu’à la profondeur de l’horizon', async () => {
    const un = (await appel('demo-region-bretagne', '/api-ecole/v1/previsions?codeRegion=53&horizon=1').expect(200)).body as Previsions;
    const cinq = (await appel('demo-region-bretagne', '/api-ecole/v1/previsions?codeRegion=53&horizon=5').expect(200)).body as Previsions;
    const niveaux = (p: Previsions) => p.methode.constat.niveaux.map((n) => n.code);
    expect(niveaux(un)).toContain('3E');
    expect(niveaux(un)).not.toContain('4E');
    expect(niveaux(cinq)).toContain('CM2');
    expect(niveaux(cinq)).not.toContain('CM1');
    expect(cinq.previsions.every((a) => a.niveaux.every((n) => !['6E', '5E', '4E', '3E', 'CM2'].includes(n.code)))).toBe(true);
  });

  it('exigent exactement un territoire connu (422, 404) et un horizon de 1 à 5 (400)', async () => {
    for (const requete of ['', `codeCommune=${RENNES}&codeDepartement=35`]) {
      expect((await appel('demo-departement-35', `/api-ecole/v1/previsions?${requete}`).expect(422)).body.code).toBe('entite_non_traitable');
    }
    await appel('demo-departement-35', '/api-ecole/v1/previsions?codeCommune=35999').expect(404);
    for (const horizon of ['0', '6']) {
      const rep = await appel('demo-departement-35', `/api-ecole/v1/previsions?codeDepartement=35&horizon=${horizon}`).expect(400);
      expect(rep.body.erreurs[0].champ).toBe('horizon');
    }
  });
});

describe('historique et capacités générés pour la démonstration', () => {
  const lignes = async () => ({
    constats: await t.db('constats_effectifs').orderBy(['uai', 'annee_scolaire', 'niveau_code']),
    capacites: await t.db('capacites').orderBy(['uai', 'annee_scolaire', 'niveau_code']),
  });

  it('reprennent les effectifs constatés de l’année de référence et remontent cinq années en arrière', async () => {
    const [college] = await peuples('college');
    const reel = await verite(college);
    const constat = await t.db('constats_effectifs').where({ uai: college, annee_scolaire: reference, origine: 'constat' });
    for (const c of constat) expect(c.effectif).toBe(reel.get(`${c.niveau_code}|effectif`));
    const annees = await t.db('constats_effectifs').where({ uai: college }).distinct('annee_scolaire').orderBy('annee_scolaire');
    const rentree = Number(reference.slice(0, 4));
    expect(annees.map((a: { annee_scolaire: string }) => a.annee_scolaire)).toEqual([5, 4, 3, 2, 1, 0].map((k) => `${rentree - k}-${rentree - k + 1}`));
  });

  it('sont les mêmes pour la même graine, et la graine ne change que le passé rétropolé', async () => {
    const avant = await lignes();
    await genererConstatsEtCapacites(t.db, { graine: 7 });
    expect(await lignes()).toEqual(avant);
    await genererConstatsEtCapacites(t.db, { graine: 8 });
    const autre = await lignes();
    const constates = (l: typeof avant) => l.constats.filter((c: { origine: string }) => c.origine === 'constat');
    expect(constates(autre)).toEqual(constates(avant));
    expect(autre.constats).not.toEqual(avant.constats);
    await genererConstatsEtCapacites(t.db, { graine: 7 });
  });
});
