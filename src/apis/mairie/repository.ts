import type { Knex } from 'knex';
import { type Db, executer } from '../../db/knex';
import type { MotifFin } from '../../referentiels/nomenclatures';
import type { PublicationLigne, VersionLigne } from '../../db/tables-eleves';
import { oppositionsChangeesDepuis } from '../../privacy/opposition';

/**
 * The mairie lists as the synthetic generator publishes them (tables obligation_versions and
 * obligation_publications). The list of a commune as of D is the one query `versionsEnVigueur`:
 * every reader (pages, CSV, change feed, notifications) goes through it.
 */

/** One monthly publication of a commune's list. */
export type Publication = Omit<PublicationLigne, 'code_commune'>;

/** Which children of the commune's list a scope sees. */
export interface Perimetre {
  /**
   * Only pupils of the public écoles of these communes (school catering: the commune's own, or
   * those of every member of the grouping that runs the canteens); null: the whole list.
   */
  ecolesPubliques: readonly string[] | null;
}

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

/** Every request on a list reads these first (a 304 reads nothing else): through `executer`, not knex's runner. */
export async function publicationsDeLaCommune(db: Db, codeCommune: string): Promise<Publication[]> {
  const lignes = await executer<Publication[]>(
    db,
    db('obligation_publications')
      .where({ code_commune: codeCommune })
      .orderBy('date_publication')
      .select('date_publication', 'annee_scolaire', 'numero', 'nombre_enfants', 'nombre_ajouts', 'nombre_modifications', 'nombre_retraits', 'generation_id'),
  );
  return lignes.map((l: Publication) => ({ ...l, numero: Number(l.numero), generation_id: Number(l.generation_id) }));
}

/** The list as of `date`: `valide_du <= date < valide_jusqu_au` (or no end), within the scope's perimeter. */
function versionsEnVigueur(db: Db, codeCommune: string, date: string, perimetre: Perimetre): Knex.QueryBuilder {
  const q = db('obligation_versions as v')
    .where('v.code_commune', codeCommune)
    .andWhere('v.valide_du', '<=', date)
    .andWhere((w) => w.whereNull('v.valide_jusqu_au').orWhere('v.valide_jusqu_au', '>', date));
  if (perimetre.ecolesPubliques) {
    q.andWhere('v.mode_instruction', 'public').whereIn(
      'v.uai',
      db('etablissements').select('uai').whereIn('code_commune', perimetre.ecolesPubliques).andWhere({ statut: 'public', type: 'ecole' }),
    );
  }
  return q;
}

export async function tailleDeLaListe(db: Db, codeCommune: string, date: string, perimetre: Perimetre): Promise<number> {
  const [ligne] = await executer<Array<{ n: number | string }>>(db, versionsEnVigueur(db, codeCommune, date, perimetre).count({ n: '*' }));
  return Number(ligne.n);
}

/** The internal ids of the whole list, in the list's stable order: cheap, and what the journal needs first. */
export async function idsDeLaListe(db: Db, codeCommune: string, date: string, perimetre: Perimetre): Promise<string[]> {
  const lignes = await executer<Array<{ eleve_id: string }>>(
    db,
    versionsEnVigueur(db, codeCommune, date, perimetre).orderBy('v.eleve_id').select('v.eleve_id'),
  );
  return lignes.map((l: { eleve_id: string }) => l.eleve_id);
}

/** The versions of the list in the list's order; their establishments are read apart, see `EcolesDeLaListe`. */
function fichesEnVigueur(db: Db, codeCommune: string, date: string, perimetre: Perimetre): Knex.QueryBuilder {
  return versionsEnVigueur(db, codeCommune, date, perimetre)
    .orderBy('v.eleve_id')
    .select(...COLONNES_FICHE.map((c) => `v.${c}`));
}

/** The entries of these children as of `date` (at most a page: the ids are bound variables). */
export async function versionsDe(db: Db, codeCommune: string, date: string, perimetre: Perimetre, ids: readonly string[]): Promise<VersionDeListe[]> {
  if (ids.length === 0) return [];
  return executer(db, fichesEnVigueur(db, codeCommune, date, perimetre).whereIn('v.eleve_id', ids));
}

/** The next `limite` entries of the list after `apres` (from the start when undefined): a page costs its size, not the list's. */
export async function versionsApres(
  db: Db,
  codeCommune: string,
  date: string,
  perimetre: Perimetre,
  apres: string | undefined,
  limite: number,
): Promise<VersionDeListe[]> {
  const q = fichesEnVigueur(db, codeCommune, date, perimetre).limit(limite);
  if (apres !== undefined) q.andWhere('v.eleve_id', '>', apres);
  return executer(db, q);
}

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

/**
 * Children whose entry may differ between the lists of `depuis` and `jusquAu`: a version began or
 * ended in between, or (when opposition binds the finalité) an opposition began or ended since
 * `depuis`. One page of them, after `apres`, in the list's order.
 */
export async function idsTouches(
  db: Db,
  codeCommune: string,
  intervalle: { depuis: string; jusquAu: string; oppositionsDe: string | null },
  page: { apres: string | null; limit: number },
): Promise<string[]> {
  const { depuis, jusquAu, oppositionsDe } = intervalle;
  const versions = db('obligation_versions')
    .where('code_commune', codeCommune)
    .andWhere((w) =>
      w
        .where((d) => d.where('valide_du', '>', depuis).andWhere('valide_du', '<=', jusquAu))
        .orWhere((f) => f.where('valide_jusqu_au', '>', depuis).andWhere('valide_jusqu_au', '<=', jusquAu)),
    )
    .select('eleve_id');
  if (oppositionsDe) {
    versions.union(
      oppositionsChangeesDepuis(db, oppositionsDe, depuis)
        .whereIn('personne_id', db('obligation_versions').where('code_commune', codeCommune).select('eleve_id'))
        .select('personne_id as eleve_id'),
    );
  }
  const q = db.from(versions.as('t')).distinct('t.eleve_id').orderBy('t.eleve_id').limit(page.limit);
  if (page.apres !== null) q.where('t.eleve_id', '>', page.apres);
  const lignes = await q;
  return lignes.map((l: { eleve_id: string }) => l.eleve_id);
}

/** Why each of these children left the commune's list between the two dates (the last tombstone of the interval). */
export async function motifsDeRetrait(db: Db, codeCommune: string, depuis: string, jusquAu: string, ids: readonly string[]): Promise<Map<string, MotifFin>> {
  if (ids.length === 0) return new Map();
  const lignes: Array<{ eleve_id: string; motif_fin: MotifFin }> = await db('obligation_versions')
    .where('code_commune', codeCommune)
    .whereIn('eleve_id', ids)
    .whereNotNull('motif_fin')
    .andWhere('valide_jusqu_au', '>', depuis)
    .andWhere('valide_jusqu_au', '<=', jusquAu)
    .orderBy('valide_jusqu_au')
    .select('eleve_id', 'motif_fin');
  return new Map(lignes.map((l) => [l.eleve_id, l.motif_fin]));
}
