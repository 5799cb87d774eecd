import type { Knex } from 'knex';
import { type Db, executer } from '../../db/knex';
import type { VersionLigne } from '../../db/tables-eleves';
import type { Perimetre, SourceListe } from '../../listes/descripteur';

/**
 * The mairie lists as the synthetic generator publishes them (tables obligation_versions and
 * obligation_publications, one list per commune), read by the list machinery (src/listes).
 */

/** The columns of a version the list shows: a row's bookkeeping (motifs, changed fields) stays in the database. */
const COLONNES_FICHE = [
  'eleve_id',
  'code_commune',
  'annee_scolaire',
  'valide_du',
  'nom',
  'prenoms',
  'sexe',
  'date_naissance',
  'code_commune_naissance',
  'libelle_commune_naissance',
  'adresse_ligne',
  'code_postal',
  'mode_instruction',
  'uai',
  'niveau_code',
  'mode_instruction_precedent',
  'uai_precedent',
  'niveau_precedent_code',
  'responsables',
] as const satisfies ReadonlyArray<keyof VersionLigne>;

/** A version of a child's entry: what the list shows of it. */
export type VersionDeListe = Pick<VersionLigne, (typeof COLONNES_FICHE)[number]>;

/** What the list shows of an establishment (null when the annuaire does not know its UAI). */
export interface EcoleDeListe {
  nom: string | null;
  code_commune: string | null;
}

/** Where the mairie lists are stored: one list per commune. */
export const SOURCE_MAIRIE: SourceListe = {
  type: 'enfants_soumis_obligation',
  versions: 'obligation_versions',
  publications: 'obligation_publications',
  selection: (codeCommune) => ({ code_commune: codeCommune }),
  colonneNombre: 'nombre_enfants',
  colonnes: COLONNES_FICHE,
  index: 'obligation_versions_liste_index',
};

/**
 * The pupils of the public écoles of the commune — or, for a grouping that runs the canteens, of
 * every member commune (regroupements pédagogiques: a child of A often goes to school in B).
 */
function ecolesPubliquesDeLaCommune(q: Knex.QueryBuilder, db: Db, codeCommune: string, etendue: readonly string[] | null): void {
  q.andWhere('v.mode_instruction', 'public').whereIn(
    'v.uai',
    db('etablissements')
      .select('uai')
      .whereIn('code_commune', etendue ?? [codeCommune])
      .andWhere({ statut: 'public', type: 'ecole' }),
  );
}

/** Which children each scope sees; the fields are the registry's mask (scopes.json). */
export const PERIMETRES_MAIRIE: Readonly<Record<string, Perimetre>> = {
  'mairie:obligation-scolaire': { complet: true },
  'mairie:restauration-scolaire': { complet: false, restreindre: ecolesPubliquesDeLaCommune },
};

/**
 * The establishments a list names, each read once per request: a commune's children attend a
 * few hundred at most, and a join would repeat their names on every row (40 % of a list's read).
 */
export class EcolesDeLaListe {
  private readonly connues = new Map<string, EcoleDeListe>();

  constructor(private readonly db: Db) {}

  /** The establishments of these versions, current and previous year, read if not yet known. */
  async de(versions: readonly VersionDeListe[]): Promise<ReadonlyMap<string, EcoleDeListe>> {
    const inconnues = new Set<string>();
    for (const v of versions) {
      if (v.uai && !this.connues.has(v.uai)) inconnues.add(v.uai);
      if (v.uai_precedent && !this.connues.has(v.uai_precedent)) inconnues.add(v.uai_precedent);
    }
    if (inconnues.size === 0) return this.connues;
    const lignes = await executer<Array<{ uai: string; nom: string; code_commune: string }>>(
      this.db,
      this.db('etablissements')
        .whereIn('uai', [...inconnues])
        .select('uai', 'nom', 'code_commune'),
    );
    for (const uai of inconnues) this.connues.set(uai, { nom: null, code_commune: null });
    for (const l of lignes) this.connues.set(l.uai, { nom: l.nom, code_commune: l.code_commune });
    return this.connues;
  }
}
