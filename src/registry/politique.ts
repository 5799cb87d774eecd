import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import traitements from './data/traitements.json';
import finalites from './data/finalites.json';
import categories from './data/categories.json';
import apis from './data/apis.json';
import scopes from './data/scopes.json';
import regles from './data/regles.json';

/** RGPD art. 21: the right to object applies to processing based on 6.1.e (and 6.1.f), never on a legal obligation. */
function oppositionApplicable(baseRgpd: string): boolean {
  return baseRgpd === '6.1.e' || baseRgpd === '6.1.f';
}

/** The registry's data files (src/registry/data/*.json), as loaded. */
export interface DonneesPolitique {
  traitements: Array<Record<string, unknown> & { code: string }>;
  finalites: Array<Record<string, unknown> & { code: string; base_rgpd: string }>;
  categories: Array<Record<string, unknown> & { code: string }>;
  apis: Array<Record<string, unknown> & { id: string }>;
  scopes: Array<Record<string, unknown> & { code: string; champs: string[] }>;
  regles: Array<Record<string, unknown> & { code: string; scopes: string[]; perimetre?: unknown }>;
}

export const POLITIQUE: DonneesPolitique = { traitements, finalites, categories, apis, scopes, regles };

/** A policy row the data no longer lists, still named by a recipient, a habilitation or a person's right. */
export class PolitiqueIncoherente extends Error {
  constructor(readonly references: string[]) {
    super(
      `Politique refusée : des éléments retirés de src/registry/data sont encore employés (${references.join(' ; ')}). ` +
        'Révoquer ou modifier ces habilitations et destinataires, ou remettre ces éléments dans les données.',
    );
    this.name = 'PolitiqueIncoherente';
  }
}

/** Who may still name a row of each table: a deletion they would orphan is refused, never cascaded. */
const REFERENCES: Readonly<Record<string, ReadonlyArray<{ table: string; colonne: string }>>> = {
  traitements: [],
  finalites: [
    { table: 'habilitations', colonne: 'finalite_code' },
    { table: 'oppositions', colonne: 'finalite_code' },
    { table: 'consentements', colonne: 'finalite_code' },
  ],
  categories_destinataires: [{ table: 'destinataires', colonne: 'categorie_code' }],
  apis: [{ table: 'habilitations', colonne: 'api_id' }],
  scopes: [],
  regles: [{ table: 'habilitations', colonne: 'regle_code' }],
};

/**
 * Policy is versioned data loaded by this one mechanism, in one transaction: afterwards the
 * tables hold exactly the data, deletions included. Rows removed from the data are deleted
 * (dependents first) unless a habilitation, a recipient or a person's opposition or consent still
 * names them: then nothing changes and startup fails, naming them — silently deleting would
 * orphan a habilitation (or, through the foreign keys, erase it and its history), and keeping the
 * row would leave a rule the data no longer grants.
 */
export async function chargerPolitique(db: Db, donnees: DonneesPolitique = POLITIQUE): Promise<void> {
  const lignes: ReadonlyArray<{ table: string; cle: string; lignes: Record<string, unknown>[] }> = [
    { table: 'traitements', cle: 'code', lignes: donnees.traitements },
    { table: 'finalites', cle: 'code', lignes: donnees.finalites.map((f) => ({ ...f, opposition_applicable: oppositionApplicable(f.base_rgpd) })) },
    { table: 'categories_destinataires', cle: 'code', lignes: donnees.categories },
    { table: 'apis', cle: 'id', lignes: donnees.apis },
    { table: 'scopes', cle: 'code', lignes: donnees.scopes.map((s) => ({ ...s, champs: JSON.stringify(s.champs) })) },
    {
      table: 'regles',
      cle: 'code',
      lignes: donnees.regles.map((r) => ({ ...r, scopes: JSON.stringify(r.scopes), perimetre: r.perimetre ? JSON.stringify(r.perimetre) : null })),
    },
  ];
  await db.transaction(async (trx) => {
    // Dependents first: a rule goes before its finalité, a scope before its API.
    const retires: Array<{ table: string; cle: string; codes: string[] }> = [];
    for (const { table, cle, lignes: l } of [...lignes].reverse()) {
      const gardes = l.map((x) => String(x[cle]));
      const codes = (await trx(table).whereNotIn(cle, gardes).pluck(cle)).map(String);
      if (codes.length > 0) retires.push({ table, cle, codes });
    }
    const references: string[] = [];
    for (const r of retires) references.push(...(await referencesA(trx, r.table, r.codes)));
    if (references.length > 0) throw new PolitiqueIncoherente(references);
    // Upserts before deletions: a kept rule moved to a new finalité no longer names the old one when it goes.
    for (const { table, cle, lignes: l } of lignes) {
      if (l.length > 0) await trx(table).insert(l).onConflict(cle).merge();
    }
    for (const { table, cle, codes } of retires) await trx(table).whereIn(cle, codes).delete();
  });
}

async function referencesA(trx: Knex.Transaction, table: string, codes: string[]): Promise<string[]> {
  const trouvees: string[] = [];
  for (const { table: dependante, colonne } of REFERENCES[table]) {
    const employes = (await trx(dependante).whereIn(colonne, codes).distinct(colonne).pluck(colonne)).map(String);
    for (const code of employes) trouvees.push(`${table} « ${code} » employé par ${dependante}.${colonne}`);
  }
  return trouvees;
}
