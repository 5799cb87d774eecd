import type { Db } from '../../src/db/knex';
import type { ListeVersionLigne } from '../../src/db/tables-eleves';
import { donneesDe, sourceGenerique, type VersionGenerique } from '../../src/listes/generique';
import { HistoriqueListe } from '../../src/listes/historique';
import { idsDeLaListe, idsTouches, motifsDeRetrait, publicationsDeLaListe, versionsDe } from '../../src/listes/repository';
import { ouvrirBase } from '../support/base';

/**
 * The generic tables (migration 100) written by `HistoriqueListe` and read by the list
 * machinery: the list as of each publication is exactly the states given, and the change
 * feed's queries (persons touched, removal reasons) find every difference between two lists.
 */
const DATES = ['2026-06-01', '2026-09-01', '2026-10-01', '2026-11-01'];
const annee = (i: number) => (i === 0 ? '2025-2026' : '2026-2027');
const LISTE = 'essai';
const source = sourceGenerique(LISTE);

type Etat = { cle: string; donnees: Record<string, unknown> } | null;
/** Each person's entry at each date: arrival, change, move to another list, departure. */
const ETATS: Record<string, Etat[]> = {
  a: [
    { cle: 'X', donnees: { nom: 'A', classe: '6e' } },
    { cle: 'X', donnees: { nom: 'A', classe: '5e' } },
    { cle: 'X', donnees: { nom: 'A', classe: '5e' } },
    null,
  ],
  b: [null, { cle: 'X', donnees: { nom: 'B' } }, { cle: 'Y', donnees: { nom: 'B' } }, { cle: 'Y', donnees: { nom: 'B' } }],
  c: [
    { cle: 'Y', donnees: { nom: 'C' } },
    { cle: 'Y', donnees: { nom: 'C' } },
    { cle: 'Y', donnees: { nom: 'C' } },
    { cle: 'Y', donnees: { nom: 'C' } },
  ],
};

describe('listes génériques : écriture des versions et lecture par la mécanique des listes', () => {
  let db: Db;
  let fermer: () => Promise<void>;

  beforeAll(async () => {
    ({ db, fermer } = await ouvrirBase());
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
    const generationId = typeof ligne === 'object' ? (ligne as { id: number }).id : Number(ligne);
    const versions: ListeVersionLigne[] = [];
    const historique = new HistoriqueListe(LISTE, DATES, annee, (v) => versions.push({ ...v }));
    historique.declarerCle('Z');
    for (const [id, etats] of Object.entries(ETATS)) historique.suivre(id, etats, (i) => (etats[i] ? 'changement_liste' : 'depart'));
    await db('liste_versions').insert(versions);
    await db('liste_publications').insert([...historique.bilan(generationId)]);
  });

  afterAll(async () => {
    await fermer();
  });

  const lecture = (cle: string) => ({ source, cle, perimetre: { complet: true } });

  it('rend à chaque date la liste des états donnés, et compte chaque publication', async () => {
    for (const cle of ['X', 'Y']) {
      const publications = await publicationsDeLaListe(db, source, cle);
      expect(publications.map((p) => p.numero)).toEqual([1, 2, 3, 4]);
      for (const [i, date] of DATES.entries()) {
        const attendus = Object.keys(ETATS).filter((id) => ETATS[id][i]?.cle === cle);
        expect(await idsDeLaListe(db, lecture(cle), date)).toEqual(attendus);
        const versions = await versionsDe<VersionGenerique>(db, lecture(cle), date, attendus);
        expect(versions.map((v) => donneesDe(v))).toEqual(attendus.map((id) => ETATS[id][i]!.donnees));
        expect(publications[i].nombre_total).toBe(attendus.length);
        expect(publications[i].annee_scolaire).toBe(annee(i));
      }
    }
    // A list nobody was on is published all the same, empty.
    expect((await publicationsDeLaListe(db, source, 'Z')).map((p) => p.nombre_total)).toEqual([0, 0, 0, 0]);
    expect(await publicationsDeLaListe(db, sourceGenerique('autre'), 'X')).toEqual([]);
  });

  it('trouve entre deux publications chaque personne touchée, et le motif de chaque départ', async () => {
    const touches = (cle: string, depuis: string, jusquAu: string) =>
      idsTouches(db, source, cle, { depuis, jusquAu, oppositionsDe: null }, { apres: null, limit: 100 });
    expect(await touches('X', DATES[0], DATES[1])).toEqual(['a', 'b']);
    expect(await touches('X', DATES[1], DATES[3])).toEqual(['a', 'b']);
    expect(await touches('Y', DATES[0], DATES[3])).toEqual(['b']);
    expect(await touches('Y', DATES[1], DATES[2])).toEqual(['b']);
    expect(await motifsDeRetrait(db, source, 'X', DATES[1], DATES[3], ['a', 'b'])).toEqual(
      new Map([
        ['b', 'changement_liste'],
        ['a', 'depart'],
      ]),
    );
    const [modifiee] = await db('liste_versions').where({ liste: LISTE, cle: 'X', eleve_id: 'a', valide_du: DATES[1] });
    expect(JSON.parse(modifiee.champs_modifies)).toEqual(['classe']);
  });
});
