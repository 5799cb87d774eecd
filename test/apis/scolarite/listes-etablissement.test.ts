import request from 'supertest';
import { CLIENTS_DEMO } from '../../../src/demo/demo';
import { aujourdhui } from '../../../src/horloge';
import { VALIDITE_MOIS } from '../../../src/listes/jeton-synchronisation';
import { ajouterMoisMemeJour } from '../../../src/referentiels/calendrier';
import { pseudonyme } from '../../../src/privacy/pseudonyme';
import { demarrerAppDeTest, type AppDeTest } from '../../support/app';
import { appeler, derniereSequenceJournal, entreesJournalDepuis, type Fiche, listeNdjson } from '../mairie/client-mairie';

/**
 * The catering, boarding and grant lists of public collèges (département) and lycées (région):
 * the list machinery of API mairie on the generic list tables, as a collectivité's software
 * uses it.
 */
const DEPARTEMENT = 'demo-departement-35';
const REGION = 'demo-region-bretagne';
const siretDe = (clientId: string) => CLIENTS_DEMO.find((c) => c.clientId === clientId)!.destinataire.siret;
const chemin = (uai: string, liste: string) => `/api-scolarite/v1/etablissements/${uai}/${liste}`;

let t: AppDeTest;
let restauration: string;
let hebergementRegion: string;
let bourse: string;
/** The collège with the most demi-pensionnaires at the latest publication, the lycée with the most internes. */
let college: string;
let lycee: string;
let dates: string[];

/** The establishment of this type with the longest list of this kind at the latest publication. */
async function plusLongue(liste: string, type: string): Promise<string> {
  const derniere = (await t.db('liste_publications').where({ liste }).max({ d: 'date_publication' }).first())!.d;
  const ligne = await t
    .db('liste_publications as p')
    .join('etablissements as e', 'e.uai', 'p.cle')
    .where({ 'p.liste': liste, 'p.date_publication': derniere, 'e.type': type, 'e.statut': 'public' })
    .orderBy([{ column: 'p.nombre_total', order: 'desc' }, 'p.cle'])
    .first('p.cle');
  return ligne!.cle;
}

/** Independent of the API's code: the internal ids of a list as of `date`, in SQL. */
async function idsEnSql(liste: string, uai: string, date: string): Promise<string[]> {
  const lignes = await t
    .db('liste_versions')
    .where({ liste, cle: uai })
    .andWhere('valide_du', '<=', date)
    .andWhere((q) => q.whereNull('valide_jusqu_au').orWhere('valide_jusqu_au', '>', date))
    .orderBy('eleve_id')
    .select('eleve_id');
  return lignes.map((l: { eleve_id: string }) => l.eleve_id);
}

/** Every page, following `Link: rel="next"`. */
async function toutesLesPages(jeton: string, url: string): Promise<{ eleves: Map<string, Fiche>; corps: Record<string, unknown>; pages: number }> {
  const eleves = new Map<string, Fiche>();
  let suivante: string | undefined = url;
  let corps: Record<string, unknown> = {};
  let pages = 0;
  while (suivante) {
    const rep = await appeler(t, jeton, suivante);
    if (rep.status !== 200) throw new Error(`${rep.status} ${JSON.stringify(rep.body)}`);
    pages++;
    for (const e of rep.body.eleves as Fiche[]) {
      if (eleves.has(e.id)) throw new Error(`élève en double : ${e.id}`);
      eleves.set(e.id, e);
    }
    corps = rep.body;
    suivante = /<([^>]+)>; rel="next"/.exec(rep.headers.link ?? '')?.[1];
  }
  return { eleves, corps, pages };
}

beforeAll(async () => {
  t = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '1000' });
  restauration = await t.jeton(DEPARTEMENT, 'scolarite:restauration');
  hebergementRegion = await t.jeton(REGION, 'scolarite:hebergement');
  bourse = await t.jeton(DEPARTEMENT, 'scolarite:bourse-collectivite');
  college = await plusLongue('demi-pensionnaires', 'college');
  lycee = await plusLongue('internes', 'lycee');
  dates = (await t.db('liste_publications').where({ liste: 'demi-pensionnaires', cle: college }).orderBy('date_publication').select('date_publication')).map(
    (l: { date_publication: string }) => l.date_publication,
  );
}, 180_000);
afterAll(() => t.fermer());

describe('listes des collèges et lycées publics : pages, masques, formats', () => {
  it('donne chaque demi-pensionnaire exactement une fois, page après page, comme la liste en SQL, réduit aux champs du scope', async () => {
    const derniere = dates[dates.length - 1];
    const attendus = await idsEnSql('demi-pensionnaires', college, derniere);
    expect(attendus.length).toBeGreaterThan(3);
    const { eleves, corps, pages } = await toutesLesPages(restauration, `${chemin(college, 'demi-pensionnaires')}?limit=3`);
    expect(pages).toBe(Math.ceil(attendus.length / 3));
    expect(corps).toMatchObject({ uai: college, date_reference: derniere, nombre_total: attendus.length });
    const siret = siretDe(DEPARTEMENT);
    expect([...eleves.keys()].sort()).toEqual(attendus.map((id) => pseudonyme(t.config.cles.pseudonyme, id, siret)).sort());
    for (const e of eleves.values()) {
      expect(Object.keys(e).every((c) => ['id', 'nom', 'prenoms', 'date_naissance', 'classe', 'regime', 'date_mise_a_jour'].includes(c))).toBe(true);
      expect(e.regime).toEqual({ code: '2', libelle: "Demi-pensionnaire dans l'établissement" });
      expect(e).toHaveProperty('classe.niveau.code');
    }
  });

  it('donne aux internes du lycée la région, et aux boursiers leur échelon et leurs responsables avec adresse', async () => {
    const internes = await toutesLesPages(hebergementRegion, chemin(lycee, 'internes'));
    expect(internes.eleves.size).toBeGreaterThan(0);
    for (const e of internes.eleves.values()) expect((e.regime as { code: string }).code).toBe('3');

    const boursierCollege = await plusLongue('boursiers', 'college');
    const boursiers = await toutesLesPages(bourse, chemin(boursierCollege, 'boursiers'));
    expect(boursiers.eleves.size).toBeGreaterThan(0);
    for (const e of boursiers.eleves.values()) {
      expect(e.echelon_bourse).toEqual(expect.any(Number));
      expect(e.echelon_bourse as number).toBeGreaterThanOrEqual(1);
      expect(e.echelon_bourse as number).toBeLessThanOrEqual(3);
      expect((e.responsables as unknown[]).length).toBeGreaterThan(0);
      expect(e).toHaveProperty('responsables.0.adresse.code_postal');
    }
    // The catering scope never sees the grant nor the guardians, even on a list of grant holders' establishment.
    const dp = await toutesLesPages(restauration, chemin(college, 'demi-pensionnaires'));
    for (const e of dp.eleves.values()) {
      expect(e).not.toHaveProperty('responsables');
      expect(e).not.toHaveProperty('echelon_bourse');
    }
  });

  it('donne la liste entière en NDJSON et en CSV, telle que les pages JSON, avec un ETag (304)', async () => {
    const url = chemin(college, 'demi-pensionnaires');
    const json = await toutesLesPages(restauration, url);
    const nd = await listeNdjson(t, restauration, `${url}?format=ndjson`);
    expect(nd.rep.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(nd.entete).toMatchObject({ uai: college, nombre_total: json.eleves.size, jeton_synchronisation: json.corps.jeton_synchronisation });
    expect(new Map(nd.enfants.map((e) => [e.id, e]))).toEqual(json.eleves);

    const csv = await appeler(t, restauration, url).set('Accept', 'text/csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toContain(`demi-pensionnaires-${college}-`);
    const lignes = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lignes[0]).toBe('identifiant;nom;prenoms;date_naissance;niveau;code_mef;formation;regime;date_mise_a_jour');
    expect(lignes).toHaveLength(json.eleves.size + 1);

    const premiere = await appeler(t, restauration, `${url}?limit=5`);
    const etag = premiere.headers.etag;
    const sequence = await derniereSequenceJournal(t.db);
    expect((await appeler(t, restauration, `${url}?limit=5`).set('If-None-Match', etag)).status).toBe(304);
    expect(await entreesJournalDepuis(t.db, sequence)).toEqual([]);
  });
});

describe('flux de changements', () => {
  it('la plus ancienne liste dont le jeton vaut encore, plus les changements, donne la dernière liste', async () => {
    const url = chemin(college, 'demi-pensionnaires');
    // A token is worth VALIDITE_MOIS months: the oldest list still within them, whatever the day.
    const depart = dates.find((d) => ajouterMoisMemeJour(d, VALIDITE_MOIS) > aujourdhui())!;
    expect(depart).not.toBe(dates[dates.length - 1]);
    const premiere = await toutesLesPages(restauration, `${url}?dateReference=${depart}`);
    const derniere = await toutesLesPages(restauration, url);
    const copie = new Map(premiere.eleves);
    let depuis = premiere.corps.jeton_synchronisation as string;
    let suivante: string | undefined = `${url}/changements?limit=4&depuis=${encodeURIComponent(depuis)}`;
    let changes = 0;
    while (suivante) {
      const rep = await appeler(t, restauration, suivante);
      expect(rep.status).toBe(200);
      changes += rep.body.ajouts.length + rep.body.modifications.length + rep.body.retraits.length;
      for (const e of rep.body.ajouts as Fiche[]) copie.set(e.id, e);
      for (const m of rep.body.modifications as Array<{ eleve: Fiche; champs_modifies: string[] }>) {
        expect(copie.has(m.eleve.id)).toBe(true);
        expect(m.champs_modifies.length).toBeGreaterThan(0);
        copie.set(m.eleve.id, m.eleve);
      }
      for (const r of rep.body.retraits as Array<{ id: string; motif: string }>) {
        expect(['demenagement', 'changement_etablissement', 'changement_regime', 'correction', 'hors_perimetre']).toContain(r.motif);
        copie.delete(r.id);
      }
      depuis = rep.body.jeton_synchronisation;
      suivante = /<([^>]+)>; rel="next"/.exec(rep.headers.link ?? '')?.[1];
    }
    expect(copie).toEqual(derniere.eleves);
    // Months have passed between the two lists (a rentrée, moves): the feed was not empty.
    expect(changes).toBeGreaterThan(0);
    expect(depuis).toBe(derniere.corps.jeton_synchronisation);
    // The token of this list is worth nothing for another list of the same establishment, nor for another establishment: 410.
    const perime = await appeler(t, bourse, `${chemin(college, 'boursiers')}/changements?depuis=${encodeURIComponent(depuis)}`);
    expect(perime.status).toBe(410);
    expect(perime.body.code).toBe('jeton_synchronisation_perime');
    const autre = (await t.db('liste_publications').where({ liste: 'demi-pensionnaires' }).whereNot({ cle: college }).orderBy('cle').first('cle'))!.cle;
    const ailleurs = await appeler(t, restauration, `${chemin(autre, 'demi-pensionnaires')}/changements?depuis=${encodeURIComponent(depuis)}`);
    expect([403, 410]).toContain(ailleurs.status);
  });
});

describe('opposition, territoire, journal', () => {
  it("écarte l'élève dont la famille s'est opposée, en le comptant, et journalise chaque page communiquée", async () => {
    const url = `${chemin(college, 'demi-pensionnaires')}?limit=1000`;
    const avant = await appeler(t, restauration, url);
    const [premier] = await idsEnSql('demi-pensionnaires', college, avant.body.date_reference);
    const dpo = await t.jeton('demo-operateur', 'dpo');
    const opp = await request(t.app)
      .post('/dpo/oppositions')
      .set('Authorization', `Bearer ${dpo}`)
      .send({ id_interne: premier, finalite: 'restauration_hebergement_secondaire', origine: 'courrier des parents' });
    expect(opp.status).toBe(201);
    const sequence = await derniereSequenceJournal(t.db);
    const apres = await appeler(t, restauration, url);
    expect(apres.status).toBe(200);
    expect(apres.body.nombre_exclus).toBe(1);
    expect(apres.body.nombre_total).toBe(avant.body.nombre_total - 1);
    const id = pseudonyme(t.config.cles.pseudonyme, premier, siretDe(DEPARTEMENT));
    expect((apres.body.eleves as Fiche[]).some((e) => e.id === id)).toBe(false);
    const journal = await entreesJournalDepuis(t.db, sequence);
    expect(journal).toHaveLength(1);
    expect(journal[0]).toMatchObject({
      siret: siretDe(DEPARTEMENT),
      finalite: 'restauration_hebergement_secondaire',
      operation: 'DemiPensionnaires',
      nombre_personnes: apres.body.nombre_total,
    });
    await request(t.app)
      .post('/dpo/oppositions/levees')
      .set('Authorization', `Bearer ${dpo}`)
      .send({ id_interne: premier, finalite: 'restauration_hebergement_secondaire' });
  });

  it('refuse un lycée au département, un collège à la région (403), un UAI inconnu (404), une école (422), un jeton sans le scope (403)', async () => {
    const hebergementDep = await t.jeton(DEPARTEMENT, 'scolarite:hebergement');
    const refus = await appeler(t, hebergementDep, chemin(lycee, 'internes'));
    expect(refus.status).toBe(403);
    expect(refus.body.code).toBe('hors_territoire');
    const restaurationRegion = await t.jeton(REGION, 'scolarite:restauration');
    expect((await appeler(t, restaurationRegion, chemin(college, 'demi-pensionnaires'))).body.code).toBe('hors_territoire');
    expect((await appeler(t, restauration, chemin('0350000A', 'demi-pensionnaires'))).status).toBe(404);
    const ecole = await t.db('etablissements').where({ type: 'ecole', code_departement: '35' }).orderBy('uai').first('uai');
    const mauvaisType = await appeler(t, restauration, chemin(ecole.uai, 'demi-pensionnaires'));
    expect(mauvaisType.status).toBe(422);
    expect((await appeler(t, restauration, chemin(college, 'boursiers'))).status).toBe(403);
    const mairie = await t.jeton('demo-mairie-rennes');
    expect((await appeler(t, mairie, chemin(college, 'demi-pensionnaires'))).status).toBe(403);
    // A collège of another département.
    const ailleurs = await t.db('etablissements').where({ type: 'college', statut: 'public' }).whereNot({ code_departement: '35' }).orderBy('uai').first('uai');
    if (ailleurs) expect((await appeler(t, restauration, chemin(ailleurs.uai, 'demi-pensionnaires'))).status).toBe(403);
  });
});
