import type { Db } from '../../src/db/knex';
import type { ListeVersionLigne } from '../../src/db/tables-eleves';
import type { DescripteurListe } from '../../src/listes/descripteur';
import { sourceGenerique, type VersionGenerique } from '../../src/listes/generique';
import { HistoriqueListe } from '../../src/listes/historique';
import { inscrireAuJournal } from '../../src/listes/journal';
import { divulgationsPersonne, type EntreeAJournaliser, journaliser } from '../../src/privacy/journal';
import { ouvrirBase } from '../support/base';

/**
 * The resolver every list descriptor registers for the data-subject report, on the generic
 * tables (migration 100): a whole-list journal entry is joined back to the published list with
 * the list's own query — key, date, the scope's perimeter — restricted to the person.
 */
const DATES = ['2026-06-01', '2026-09-01', '2026-10-01', '2026-11-01'];
const LISTE = 'essai-journal';
const CLE = 'cle-journal-de-test';

type Etat = { cle: string; donnees: Record<string, unknown> } | null;
/** a: on X, then leaves; b: X, then moves to Y; c: always on Y. */
const ETATS: Record<string, Etat[]> = {
  a: [{ cle: 'X', donnees: {} }, { cle: 'X', donnees: {} }, { cle: 'X', donnees: {} }, null],
  b: [null, { cle: 'X', donnees: {} }, { cle: 'Y', donnees: {} }, { cle: 'Y', donnees: {} }],
  c: [
    { cle: 'Y', donnees: {} },
    { cle: 'Y', donnees: {} },
    { cle: 'Y', donnees: {} },
    { cle: 'Y', donnees: {} },
  ],
};

/** Only what the resolver reads: the source and the perimeters by scope. */
const DESCRIPTEUR = {
  source: sourceGenerique(LISTE),
  perimetres: {
    'essai:tout': { complet: true },
    // A part of the list: persons a and c only.
    'essai:partie': { complet: false, restreindre: (q) => void q.whereIn('v.eleve_id', ['a', 'c']) },
  },
} as Pick<DescripteurListe<VersionGenerique, { id: string }>, 'source' | 'perimetres'> as DescripteurListe<VersionGenerique, { id: string }>;

let db: Db;
let fermer: () => Promise<void>;

async function nouvelleGeneration(): Promise<number> {
  const [ligne] = await db('generations')
    .insert({
      graine: 1,
      perimetre: '{}',
      echelle: 1,
      aujourdhui: '2026-11-02',
      annee_scolaire: '2026-2027',
      dates_publication: JSON.stringify(DATES),
      cree_le: 'x',
    })
    .returning('id');
  return typeof ligne === 'object' ? (ligne as { id: number }).id : Number(ligne);
}

function entreeDeListe(cle: string, date: string, scope: string, generation: number): EntreeAJournaliser {
  return {
    requestId: `req-${cle}-${date}-${scope}`,
    clientId: 'client-essai',
    siret: '21350238800019',
    api: 'api-essai',
    operation: 'ListeEssai',
    finalite: 'obligation_scolaire',
    baseLegale: 'essai',
    scopes: [scope],
    champs: ['nom'],
    personnes: [],
    liste: { type: LISTE, cle, date_reference: date, generation, perimetre: scope, exclues: [] },
    nombrePersonnes: 2,
    resultat: 'communique',
  };
}

async function sequences(id: string): Promise<{ communications: number[]; nonVerifiables: number[] }> {
  const r = await divulgationsPersonne(db, CLE, id);
  return { communications: r.communications.map((e) => e.sequence), nonVerifiables: r.nonVerifiables.map((e) => e.sequence) };
}

beforeAll(async () => {
  ({ db, fermer } = await ouvrirBase());
  const generation = await nouvelleGeneration();
  const versions: ListeVersionLigne[] = [];
  const historique = new HistoriqueListe(
    LISTE,
    DATES,
    (i) => (i === 0 ? '2025-2026' : '2026-2027'),
    (v) => versions.push({ ...v }),
  );
  for (const [id, etats] of Object.entries(ETATS)) historique.suivre(id, etats, (i) => (etats[i] ? 'changement_liste' : 'depart'));
  await db('liste_versions').insert(versions);
  await db('liste_publications').insert([...historique.bilan(generation)]);
  inscrireAuJournal(DESCRIPTEUR);
});
afterAll(() => fermer());

it('rejoint chaque liste nommée au journal par la requête de la liste, et dit quand il ne peut plus le faire', async () => {
  const generation = Number((await db('liste_publications').first('generation_id')).generation_id);
  const journal = async (cle: string, date: string, scope: string) => (await journaliser(db, entreeDeListe(cle, date, scope, generation))).sequence;
  const xSeptembre = await journal('X', '2026-09-01', 'essai:tout');
  const yNovembre = await journal('Y', '2026-11-01', 'essai:tout');
  const xNovembre = await journal('X', '2026-11-01', 'essai:tout');
  const partieYOctobre = await journal('Y', '2026-10-01', 'essai:partie');
  const scopeDisparu = await journal('Y', '2026-11-01', 'essai:disparu');

  expect(xNovembre).toBeGreaterThan(0);
  expect(await sequences('a')).toEqual({ communications: [xSeptembre], nonVerifiables: [] });
  // b was on Y in October, outside the part `essai:partie` covers; a scope the descriptor no longer has cannot be judged.
  expect(await sequences('b')).toEqual({ communications: [xSeptembre, yNovembre], nonVerifiables: [scopeDisparu] });
  expect(await sequences('c')).toEqual({ communications: [yNovembre, partieYOctobre], nonVerifiables: [scopeDisparu] });
  expect(await sequences('inconnu')).toEqual({ communications: [], nonVerifiables: [] });

  // Regenerated: every list of the old generation is gone, none can be joined any more.
  const nouvelle = await nouvelleGeneration();
  await db('liste_publications').where({ liste: LISTE }).update({ generation_id: nouvelle });
  const toutes = [xSeptembre, yNovembre, xNovembre, partieYOctobre, scopeDisparu];
  for (const id of ['a', 'b', 'c', 'inconnu']) expect(await sequences(id)).toEqual({ communications: [], nonVerifiables: toutes });
});
