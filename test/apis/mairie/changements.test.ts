import { emettreJeton, lireJeton, VALIDITE_MOIS } from '../../../src/apis/mairie/jeton-synchronisation';
import { ajouterMoisMemeJour } from '../../../src/referentiels/calendrier';
import { annoncerDernieresPublications } from '../../../src/apis/mairie/annonces';
import { readJson } from '../../../src/db/knex';
import { CLIENTS_DEMO } from '../../../src/demo/demo';
import type { Probleme } from '../../../src/http/problemes';
import { enregistrerOpposition } from '../../../src/privacy/opposition';
import { pseudonyme } from '../../../src/privacy/pseudonyme';
import { demarrerAppDeTest, type AppDeTest } from '../../support/app';
import {
  appeler,
  appliquerChangements,
  CHEMIN_RENNES,
  compterListe,
  derniereSequenceJournal,
  entreesJournalDepuis,
  RENNES,
  SAINT_MALO,
  toutesLesPages,
} from './client-mairie';
import { aujourdhui } from '../../../src/horloge';

const siretDe = (clientId: string) => CLIENTS_DEMO.find((c) => c.clientId === clientId)!.destinataire.siret;
const CHANGEMENTS = `${CHEMIN_RENNES}/changements`;

let t: AppDeTest;
let jetonRennes: string;
let jetonEditeur: string;
let dates: string[];

beforeAll(async () => {
  // Pagination and CSV tests make bursts of requests: the per-habilitation limit is tested in API scolarité.
  t = await demarrerAppDeTest({ LIMITE_REQUETES_PAR_SECONDE: '1000' });
  jetonRennes = await t.jeton('demo-mairie-rennes');
  jetonEditeur = await t.jeton('demo-editeur-restauration');
  dates = await t.db('obligation_publications').where({ code_commune: RENNES }).orderBy('date_publication').pluck('date_publication');
}, 120_000);
afterAll(() => t.fermer());

describe('flux de changements', () => {
  it('reproduit la dernière liste à partir de celle de chaque mois précédent (scope obligation scolaire)', async () => {
    // On the day after the rentrée, the June list and the rentrée list: two publications at least.
    expect(dates.length).toBeGreaterThanOrEqual(2);
    const derniere = await toutesLesPages(t, jetonRennes, `${CHEMIN_RENNES}?limit=1000`);
    const motifs = new Set<string>();
    // A token designates its list for thirteen months: older lists can only be downloaded again.
    const synchronisables = dates.slice(0, -1).filter((d) => ajouterMoisMemeJour(d, VALIDITE_MOIS) > aujourdhui());
    expect(synchronisables.length).toBeGreaterThan(0);
    for (const date of synchronisables) {
      const copie = await toutesLesPages(t, jetonRennes, `${CHEMIN_RENNES}?dateReference=${date}&limit=1000`);
      const bilan = await appliquerChangements(t, jetonRennes, CHEMIN_RENNES, copie.enfants, copie.jeton_synchronisation, 150);
      expect(bilan.date_reference).toBe(dates[dates.length - 1]);
      expect(bilan.jeton).toBe(derniere.jeton_synchronisation);
      expect(bilan.ajouts + bilan.modifications + bilan.retraits.length).toBeGreaterThan(0);
      expect(copie.enfants).toEqual(derniere.enfants);
      for (const r of bilan.retraits) {
        expect(Object.keys(r).sort()).toEqual(['id', 'motif']);
        motifs.add(r.motif);
      }
    }
    expect([...motifs].every((m) => ['demenagement', 'fin_obligation', 'correction'].includes(m))).toBe(true);
    expect(motifs.has('demenagement')).toBe(true);
  });

  it('nomme les champs modifiés, et reste vide quand rien n’a changé', async () => {
    const avant = await appeler(t, jetonRennes, `${CHEMIN_RENNES}?dateReference=${dates[dates.length - 2]}&limit=1`);
    const rep = await appeler(t, jetonRennes, `${CHANGEMENTS}?depuis=${encodeURIComponent(avant.body.jeton_synchronisation)}`);
    expect(rep.status).toBe(200);
    for (const m of rep.body.modifications) {
      expect(m.champs_modifies.length).toBeGreaterThan(0);
      expect(
        m.champs_modifies.every((c: string) =>
          /^(nom|prenoms|sexe|date_naissance|lieu_naissance|adresse|mode_instruction|responsables|scolarite_(actuelle|precedente)\.\w+)$/.test(c),
        ),
      ).toBe(true);
    }
    const aJour = await appeler(t, jetonRennes, `${CHANGEMENTS}?depuis=${encodeURIComponent(rep.body.jeton_synchronisation)}`);
    expect(aJour.body).toMatchObject({ ajouts: [], modifications: [], retraits: [], depuis: dates[dates.length - 1], date_reference: dates[dates.length - 1] });
  });

  it('reproduit la liste de restauration scolaire, y compris quand une opposition survient après le téléchargement', async () => {
    const precedente = dates[dates.length - 2];
    const copie = await toutesLesPages(t, jetonEditeur, `${CHEMIN_RENNES}?dateReference=${precedente}&limit=1000`);
    // A pupil of a public école of Rennes on both lists, whose family objects after the download.
    const actuels: string[] = await t
      .db('obligation_versions as v')
      .join('etablissements as e', 'e.uai', 'v.uai')
      .where({ 'v.code_commune': RENNES, 'e.statut': 'public', 'e.type': 'ecole', 'e.code_commune': RENNES, 'v.mode_instruction': 'public' })
      .whereNull('v.valide_jusqu_au')
      .orderBy('v.eleve_id')
      .pluck('v.eleve_id');
    const pseudonymeEditeur = (eleveId: string) => pseudonyme(t.config.cles.pseudonyme, eleveId, siretDe('demo-editeur-restauration'));
    const eleve = { eleve_id: actuels.find((e) => copie.enfants.has(pseudonymeEditeur(e)))! };
    expect(eleve.eleve_id).toBeDefined();
    const id = pseudonymeEditeur(eleve.eleve_id);
    await enregistrerOpposition(t.db, { personneId: eleve.eleve_id, finaliteCode: 'restauration_scolaire', dateDebut: aujourdhui(), origine: 'test' });

    const bilan = await appliquerChangements(t, jetonEditeur, CHEMIN_RENNES, copie.enfants, copie.jeton_synchronisation, 100);
    const fraiche = await toutesLesPages(t, jetonEditeur, `${CHEMIN_RENNES}?limit=1000`);
    expect(fraiche.nombre_exclus).toBe(1);
    expect(copie.enfants).toEqual(fraiche.enfants);
    expect(bilan.retraits).toContainEqual({ id, motif: 'hors_perimetre' });
    for (const fiche of copie.enfants.values()) expect(fiche).not.toHaveProperty('adresse');
  });

  it('journalise chaque page de changements communiquée, pas les 304', async () => {
    const avant = await appeler(t, jetonRennes, `${CHEMIN_RENNES}?dateReference=${dates[dates.length - 2]}&limit=1`);
    const sequence = await derniereSequenceJournal(t.db);
    const url = `${CHANGEMENTS}?depuis=${encodeURIComponent(avant.body.jeton_synchronisation)}`;
    const rep = await appeler(t, jetonRennes, url);
    expect(rep.headers.etag).toBeDefined();
    expect(rep.headers['cache-control']).toMatch(/private/);
    expect((await appeler(t, jetonRennes, url).set('If-None-Match', rep.headers.etag)).status).toBe(304);
    const entrees = await entreesJournalDepuis(t.db, sequence);
    expect(entrees).toHaveLength(1);
    expect(entrees[0]).toMatchObject({
      api: 'api-mairie',
      operation: 'ChangementsEnfantsSoumisObligation',
      siret: siretDe('demo-mairie-rennes'),
      finalite: 'obligation_scolaire',
      nombre_personnes: rep.body.ajouts.length + rep.body.modifications.length + rep.body.retraits.length,
    });
    expect(readJson<string[]>(entrees[0].personnes)).toHaveLength(entrees[0].nombre_personnes as number);
  });
});

describe('jeton de synchronisation', () => {
  const perime = async (jeton: string, client = jetonRennes, chemin = CHANGEMENTS) => {
    const rep = await appeler(t, client, `${chemin}?depuis=${encodeURIComponent(jeton)}`);
    expect(rep.status).toBe(410);
    expect(rep.body.code).toBe('jeton_synchronisation_perime');
    expect(rep.body.detail).toMatch(/retélécharger la liste/);
  };

  it('refuse (410) un jeton mal formé, altéré, d’un autre destinataire, d’une autre commune, d’un autre scope ou d’une autre génération', async () => {
    const liste = await appeler(t, jetonRennes, `${CHEMIN_RENNES}?limit=1`);
    const jeton: string = liste.body.jeton_synchronisation;
    await perime('abc');
    await perime(`${jeton}x`);
    await perime(jeton.replace(/^./, (c) => (c === 'W' ? 'X' : 'W')));
    await perime(jeton, jetonEditeur);
    const saintMalo = await t.jeton('demo-mairie-saint-malo');
    await perime(jeton, saintMalo, `/api-mairie/v1/communes/${SAINT_MALO}/enfants-soumis-obligation/changements`);
    const porteur = { siret: siretDe('demo-mairie-rennes'), cle: t.config.cles.pseudonyme };
    const generation = Number((await t.db('generations').max({ g: 'id' }).first())!.g);
    await perime(emettreJeton({ codeCommune: SAINT_MALO, generationId: generation, datePublication: dates[0], scope: 'mairie:obligation-scolaire' }, porteur));
    await perime(emettreJeton({ codeCommune: RENNES, generationId: generation, datePublication: dates[0], scope: 'mairie:restauration-scolaire' }, porteur));
    await perime(emettreJeton({ codeCommune: RENNES, generationId: generation + 1, datePublication: dates[0], scope: 'mairie:obligation-scolaire' }, porteur));
    // The same token, unaltered, is accepted.
    expect((await appeler(t, jetonRennes, `${CHANGEMENTS}?depuis=${encodeURIComponent(jeton)}`)).status).toBe(200);
  });

  it('expire treize mois après la liste qu’il désigne', () => {
    const porteur = { siret: siretDe('demo-mairie-rennes'), cle: t.config.cles.pseudonyme };
    const liste = { codeCommune: RENNES, generationId: 1, datePublication: '2026-06-01', scope: 'mairie:obligation-scolaire' };
    const jeton = emettreJeton(liste, porteur);
    const attendu = { codeCommune: RENNES, scope: 'mairie:obligation-scolaire' };
    expect(lireJeton(jeton, { ...attendu, aujourdhui: '2027-06-30' }, porteur)).toEqual(liste);
    expect(() => lireJeton(jeton, { ...attendu, aujourdhui: '2027-07-01' }, porteur)).toThrow(
      expect.objectContaining({ code: 'jeton_synchronisation_perime' }) as unknown as Probleme,
    );
  });
});

describe('publication d’un nouveau mois', () => {
  let publication: Record<string, unknown>;

  beforeAll(async () => {
    // The latest month is withdrawn, then published again during the test.
    publication = await t.db('obligation_publications').where({ code_commune: RENNES }).orderBy('date_publication', 'desc').first();
    await t.db('obligation_publications').where({ code_commune: RENNES, date_publication: publication.date_publication }).del();
  });

  it('change l’ETag de la liste et du flux, donne les changements du mois et les annonce au destinataire', async () => {
    const precedente = dates[dates.length - 2];
    const liste = await appeler(t, jetonRennes, `${CHEMIN_RENNES}?limit=100`);
    expect(liste.body.date_reference).toBe(precedente);
    const flux = await appeler(t, jetonRennes, `${CHANGEMENTS}?depuis=${encodeURIComponent(liste.body.jeton_synchronisation)}`);
    expect(flux.body).toMatchObject({ ajouts: [], modifications: [], retraits: [] });
    expect((await appeler(t, jetonRennes, `${CHEMIN_RENNES}?limit=100`).set('If-None-Match', liste.headers.etag)).status).toBe(304);

    await t.db('obligation_publications').insert(publication);
    const nouvelle = await appeler(t, jetonRennes, `${CHEMIN_RENNES}?limit=100`).set('If-None-Match', liste.headers.etag);
    expect(nouvelle.status).toBe(200);
    expect(nouvelle.body.date_reference).toBe(publication.date_publication);
    expect(nouvelle.body.nombre_total).toBe(await compterListe(t.db, RENNES, publication.date_publication as string));
    const changements = await appeler(t, jetonRennes, `${CHANGEMENTS}?depuis=${encodeURIComponent(liste.body.jeton_synchronisation)}`).set(
      'If-None-Match',
      flux.headers.etag,
    );
    expect(changements.status).toBe(200);
    // The rentrée's changes span several pages: count them all.
    const bilan = await appliquerChangements(t, jetonRennes, CHEMIN_RENNES, new Map(), liste.body.jeton_synchronisation);
    const nombre = bilan.ajouts + bilan.modifications + bilan.retraits.length;
    expect(nombre).toBe(Number(publication.nombre_ajouts) + Number(publication.nombre_modifications) + Number(publication.nombre_retraits));

    // Each recipient of a list is told, with the token that gives exactly this month's changes.
    const annoncees = await annoncerDernieresPublications(t);
    expect(annoncees).toBeGreaterThanOrEqual(2);
    const evenements = await t.db('evenements').where({ type: 'liste_modifiee' }).select('siret', 'donnees');
    const pourRennes = evenements.find((e: { siret: string }) => e.siret === siretDe('demo-mairie-rennes'));
    expect(readJson(pourRennes.donnees)).toEqual({
      code_commune: RENNES,
      nombre_changements: nombre,
      jeton_synchronisation: liste.body.jeton_synchronisation,
      ressource: `/api-mairie/v1/communes/${RENNES}/enfants-soumis-obligation/changements`,
    });
    expect(evenements.map((e: { siret: string }) => e.siret)).toContain(siretDe('demo-editeur-restauration'));
    for (const e of evenements) expect(String(e.donnees)).not.toMatch(/prenoms|naissance|adresse/);
  });
});
