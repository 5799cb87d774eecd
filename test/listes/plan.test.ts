import type { Knex } from 'knex';
import { PERIMETRES_MAIRIE, SOURCE_MAIRIE } from '../../src/apis/mairie/repository';
import { type Db, isPostgres } from '../../src/db/knex';
import { sourceGenerique } from '../../src/listes/generique';
import { type Lecture, requeteDePage } from '../../src/listes/repository';
import { ouvrirBase } from '../support/base';

// A page of a list reads its list index, whatever the statistics SQLite's planner holds. Those of
// the national base (ANALYZE after `npm run generate -- --scale national`, 20 M mairie versions,
// ≈ 334 per commune index entry) made it pick the (commune, valide_du) index and sort a commune's
// whole history for each page of 100. They are written here into sqlite_stat1, then reloaded.

const STATISTIQUES_NATIONALES: ReadonlyArray<readonly [string, string, string]> = [
  ['obligation_versions', 'obligation_versions_liste_index', '20014677 334 2 1 1'],
  ['obligation_versions', 'obligation_versions_eleve_index', '20014677 2 2'],
  ['obligation_versions', 'obligation_versions_code_commune_valide_du_index', '20014677 334 126'],
  ['obligation_versions', 'obligation_versions_code_commune_valide_jusqu_au_index', '20014677 334 112'],
  ['liste_versions', 'liste_versions_liste_index', '7899281 2633094 1688 2 1 1'],
  ['liste_versions', 'liste_versions_debut_index', '7899281 2633094 1688 170'],
  ['liste_versions', 'liste_versions_fin_index', '7899281 2633094 1688 400'],
];

let base: { db: Db; fermer: () => Promise<void> };
beforeAll(async () => {
  base = await ouvrirBase();
});
afterAll(() => base.fermer());

async function plan(db: Db, l: Lecture, apres: string | undefined): Promise<string[]> {
  const { sql, bindings } = requeteDePage(db, l, '2026-12-01', apres, 100).toSQL().toNative();
  const lignes: Array<{ detail: string }> = await db.raw(`explain query plan ${sql}`, bindings as Knex.RawBinding[]);
  return lignes.map((l) => l.detail);
}

const siSqlite = process.env.DATABASE_URL?.startsWith('postgres') ? it.skip : it;

describe('the page of a list, on SQLite with the national base statistics', () => {
  beforeAll(async () => {
    if (isPostgres(base.db)) return;
    await base.db.raw('analyze');
    await base.db.raw('delete from sqlite_stat1');
    for (const [table, index, stat] of STATISTIQUES_NATIONALES) {
      await base.db.raw('insert into sqlite_stat1 (tbl, idx, stat) values (?, ?, ?)', [table, index, stat]);
    }
    await base.db.raw('analyze sqlite_schema');
  });

  siSqlite('a mairie list page is read from the list index, in its order, without sorting the commune', async () => {
    for (const perimetre of Object.values(PERIMETRES_MAIRIE)) {
      for (const apres of [undefined, 'q3vwmkq432npqha7kjdo6x']) {
        const detail = await plan(base.db, { source: SOURCE_MAIRIE, cle: '35238', perimetre }, apres);
        expect(detail[0]).toMatch(/^SEARCH v USING (COVERING )?INDEX obligation_versions_liste_index \(code_commune=\?/);
        expect(detail.join('\n')).not.toMatch(/TEMP B-TREE/);
      }
    }
  });

  siSqlite('a generic list page (an establishment’s boarders) too', async () => {
    const detail = await plan(base.db, { source: sourceGenerique('internes'), cle: '0350024L', perimetre: { complet: true } }, undefined);
    expect(detail[0]).toMatch(/^SEARCH v USING (COVERING )?INDEX liste_versions_liste_index \(liste=\? AND cle=\?\)/);
    expect(detail.join('\n')).not.toMatch(/TEMP B-TREE/);
  });
});
