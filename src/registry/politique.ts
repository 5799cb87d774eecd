import type { Db } from '../db/knex';
import traitements from './data/traitements.json';
import finalites from './data/finalites.json';
import categories from './data/categories.json';
import apis from './data/apis.json';
import scopes from './data/scopes.json';
import regles from './data/regles.json';

/** RGPD art. 21: the right to object applies to processing based on 6.1.e (and 6.1.f), never on a legal obligation. */
export function oppositionApplicable(baseRgpd: string): boolean {
  return baseRgpd === '6.1.e' || baseRgpd === '6.1.f';
}

/**
 * Policy is versioned data (src/registry/data/*.json) loaded by this one mechanism, in
 * dependency order, in one transaction: the tables always hold exactly one version of it.
 */
export async function chargerPolitique(db: Db): Promise<void> {
  await db.transaction(async (trx) => {
    const upsert = async (table: string, cle: string, lignes: Record<string, unknown>[]) => {
      if (lignes.length > 0) await trx(table).insert(lignes).onConflict(cle).merge();
    };
    await upsert('traitements', 'code', traitements);
    await upsert(
      'finalites',
      'code',
      finalites.map((f) => ({ ...f, opposition_applicable: oppositionApplicable(f.base_rgpd) })),
    );
    await upsert('categories_destinataires', 'code', categories);
    await upsert('apis', 'id', apis);
    await upsert('scopes', 'code', scopes.map((s) => ({ ...s, champs: JSON.stringify(s.champs) })));
    await upsert(
      'regles',
      'code',
      regles.map((r) => ({
        ...r,
        scopes: JSON.stringify(r.scopes),
        perimetre: 'perimetre' in r && r.perimetre ? JSON.stringify(r.perimetre) : null,
      })),
    );
  });
}
