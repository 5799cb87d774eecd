import type { Knex } from 'knex';
import { type Db, executer, instruction, isPostgres, preparer } from '../db/knex';
import { oppositionsChangeesDepuis } from '../privacy/opposition';
import type { Perimetre, SourceListe, VersionBase } from './descripteur';

/**
 * The lists as the generator publishes them: versions valid from one publication to the next,
 * and one publication row per list and month. The list as of D is the one query
 * `versionsEnVigueur`: every reader (pages, CSV, change feed, notifications) goes through it.
 */

/** One monthly publication of a list. */
export interface Publication {
  date_publication: string;
  annee_scolaire: string;
  /** The list's version number: 1, 2, 3… within a generation. */
  numero: number;
  nombre_total: number;
  nombre_ajouts: number;
  nombre_modifications: number;
  nombre_retraits: number;
  generation_id: number;
}

/** `{ code_commune: x }` → `{ 'v.code_commune': x }`. */
function prefixer(selection: Record<string, string>, alias: string): Record<string, string> {
  return Object.fromEntries(Object.entries(selection).map(([c, v]) => [`${alias}.${c}`, v]));
}

type LecturePublications = (db: Db, p: { cle: string }) => Promise<Publication[]>;
const lecturesDesPublications = new WeakMap<SourceListe, LecturePublications>();

/** A source's publications read, compiled once (`instruction`): every request on a list, a 304 included, starts with it. */
function lecturePublications(source: SourceListe): LecturePublications {
  let lecture = lecturesDesPublications.get(source);
  if (!lecture) {
    lecture = instruction<{ cle: string }, Publication[]>((db, p) =>
      db(source.publications)
        .where(source.selection(p.cle))
        .orderBy('date_publication')
        .select(
          'date_publication',
          'annee_scolaire',
          'numero',
          `${source.colonneNombre} as nombre_total`,
          'nombre_ajouts',
          'nombre_modifications',
          'nombre_retraits',
          'generation_id',
        ),
    );
    lecturesDesPublications.set(source, lecture);
  }
  return lecture;
}

/** Every request on a list reads these first (a 304 reads nothing else). */
export async function publicationsDeLaListe(db: Db, source: SourceListe, cle: string): Promise<Publication[]> {
  const lignes = await lecturePublications(source)(db, { cle });
  return lignes.map((l: Publication) => ({
    ...l,
    numero: Number(l.numero),
    nombre_total: Number(l.nombre_total),
    nombre_ajouts: Number(l.nombre_ajouts),
    nombre_modifications: Number(l.nombre_modifications),
    nombre_retraits: Number(l.nombre_retraits),
    generation_id: Number(l.generation_id),
  }));
}

/** One list, its key and the scope's perimeter: what every query below reads. */
export interface Lecture {
  source: SourceListe;
  cle: string;
  perimetre: Perimetre;
  /** See `Perimetre.restreindre`: the grouping's communes, or null. */
  etendue?: readonly string[] | null;
}

/**
 * The versions table as `v`, read on SQLite through the list's index. With the statistics of a
 * large base (`ANALYZE`), SQLite's planner otherwise prefers the index on (commune, `valide_du`)
 * for `valide_du <= date`, then sorts the commune's whole history to find a page: 66 000 rows
 * for Rennes on the national base, ≈ 100 ms a page instead of ≈ 1 ms.
 */
function tableDesVersions(db: Db, source: SourceListe): Knex.QueryBuilder {
  return isPostgres(db) ? db(`${source.versions} as v`) : db.from(db.raw('?? as v indexed by ??', [source.versions, source.index]));
}

/** The list as of `date`: `valide_du <= date < valide_jusqu_au` (or no end), within the scope's perimeter. */
function versionsEnVigueur(db: Db, l: Lecture, date: string): Knex.QueryBuilder {
  const q = tableDesVersions(db, l.source)
    .where(prefixer(l.source.selection(l.cle), 'v'))
    .andWhere('v.valide_du', '<=', date)
    .andWhere((w) => w.whereNull('v.valide_jusqu_au').orWhere('v.valide_jusqu_au', '>', date));
  l.perimetre.restreindre?.(q, db, l.cle, l.etendue ?? null);
  return q;
}

export async function tailleDeLaListe(db: Db, l: Lecture, date: string): Promise<number> {
  const [ligne] = await executer<Array<{ n: number | string }>>(db, versionsEnVigueur(db, l, date).count({ n: '*' }));
  return Number(ligne.n);
}

/** The internal ids of the whole list, in the list's stable order: cheap, and what the journal needs first. */
export async function idsDeLaListe(db: Db, l: Lecture, date: string): Promise<string[]> {
  const lignes = await executer<Array<{ eleve_id: string }>>(db, versionsEnVigueur(db, l, date).orderBy('v.eleve_id').select('v.eleve_id'));
  return lignes.map((x: { eleve_id: string }) => x.eleve_id);
}

function fichesEnVigueur(db: Db, l: Lecture, date: string): Knex.QueryBuilder {
  return versionsEnVigueur(db, l, date)
    .orderBy('v.eleve_id')
    .select(...['eleve_id', ...l.source.colonnes.filter((c) => c !== 'eleve_id')].map((c) => `v.${c}`));
}

/** The entries of these persons as of `date` (at most a page: the ids are bound variables). */
export async function versionsDe<V extends VersionBase>(db: Db, l: Lecture, date: string, ids: readonly string[]): Promise<V[]> {
  if (ids.length === 0) return [];
  return executer(db, fichesEnVigueur(db, l, date).whereIn('v.eleve_id', ids));
}

/** The query of a page, for JSON pages and whole lists alike: the next `limite` entries of the list after `apres` (from the start when undefined). */
export function requeteDePage(db: Db, l: Lecture, date: string, apres: string | undefined, limite: number): Knex.QueryBuilder {
  const q = fichesEnVigueur(db, l, date).limit(limite);
  if (apres !== undefined) q.andWhere('v.eleve_id', '>', apres);
  return q;
}

/** The next `limite` entries of the list after `apres` (from the start when undefined): a page costs its size, not the list's. */
export async function versionsApres<V extends VersionBase>(db: Db, l: Lecture, date: string, apres: string | undefined, limite: number): Promise<V[]> {
  return executer(db, requeteDePage(db, l, date, apres, limite));
}

/**
 * The whole list as of `date`, `taille` entries at a time in the list's order: the page query is
 * compiled once, and the next page is asked for before the caller gets this one (PostgreSQL reads
 * it while the caller turns this one into entries; SQLite reads it at once). Two pages at most in memory.
 */
export async function* pagesDeLaListe<V extends VersionBase>(db: Db, l: Lecture, date: string, taille: number): AsyncGenerator<V[]> {
  const premiere = preparer<Record<string, never>, V[]>(db, () => requeteDePage(db, l, date, undefined, taille));
  const suivante = preparer<{ apres: string }, V[]>(db, (p) => requeteDePage(db, l, date, p.apres, taille));
  let page = premiere({});
  for (;;) {
    const versions = await page;
    if (versions.length === 0) return;
    if (versions.length < taille) {
      yield versions;
      return;
    }
    page = suivante({ apres: versions[versions.length - 1].eleve_id });
    // Awaited at the next turn; a download cut short leaves it unread, which must not be an unhandled rejection.
    page.catch(() => undefined);
    yield versions;
  }
}

/**
 * Persons whose entry may differ between the lists of `depuis` and `jusquAu`: a version began or
 * ended in between, or (when opposition binds the finalité) an opposition began or ended since
 * `depuis`. One page of them, after `apres`, in the list's order.
 */
export async function idsTouches(
  db: Db,
  source: SourceListe,
  cle: string,
  intervalle: { depuis: string; jusquAu: string; oppositionsDe: string | null },
  page: { apres: string | null; limit: number },
): Promise<string[]> {
  const { depuis, jusquAu, oppositionsDe } = intervalle;
  const selection = source.selection(cle);
  const versions = db(source.versions)
    .where(selection)
    .andWhere((w) =>
      w
        .where((d) => d.where('valide_du', '>', depuis).andWhere('valide_du', '<=', jusquAu))
        .orWhere((f) => f.where('valide_jusqu_au', '>', depuis).andWhere('valide_jusqu_au', '<=', jusquAu)),
    )
    .select('eleve_id');
  if (oppositionsDe) {
    versions.union(
      oppositionsChangeesDepuis(db, oppositionsDe, depuis)
        .whereIn('personne_id', db(source.versions).where(selection).select('eleve_id'))
        .select('personne_id as eleve_id'),
    );
  }
  const q = db.from(versions.as('t')).distinct('t.eleve_id').orderBy('t.eleve_id').limit(page.limit);
  if (page.apres !== null) q.where('t.eleve_id', '>', page.apres);
  const lignes = await q;
  return lignes.map((l: { eleve_id: string }) => l.eleve_id);
}

/** Why each of these persons left the list between the two dates (the last tombstone of the interval). */
export async function motifsDeRetrait(
  db: Db,
  source: SourceListe,
  cle: string,
  depuis: string,
  jusquAu: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const lignes: Array<{ eleve_id: string; motif_fin: string }> = await db(source.versions)
    .where(source.selection(cle))
    .whereIn('eleve_id', ids)
    .whereNotNull('motif_fin')
    .andWhere('valide_jusqu_au', '>', depuis)
    .andWhere('valide_jusqu_au', '<=', jusquAu)
    .orderBy('valide_jusqu_au')
    .select('eleve_id', 'motif_fin');
  return new Map(lignes.map((l) => [l.eleve_id, l.motif_fin]));
}

/**
 * The persons of the list as of `date` withheld by an opposition to the finalité active on
 * `jour`: an anti-join on the few oppositions, never the list's ids in memory.
 */
export async function idsOpposesDeLaListe(db: Db, l: Lecture, date: string, opposition: { finaliteCode: string; jour: string }): Promise<string[]> {
  const opposes = db('oppositions')
    .where('finalite_code', opposition.finaliteCode)
    .andWhere('date_debut', '<=', opposition.jour)
    .andWhere((w) => w.whereNull('date_fin').orWhere('date_fin', '>=', opposition.jour))
    .select('personne_id');
  const lignes = await executer<Array<{ eleve_id: string }>>(
    db,
    versionsEnVigueur(db, l, date).whereIn('v.eleve_id', opposes).distinct('v.eleve_id').orderBy('v.eleve_id'),
  );
  return lignes.map((x: { eleve_id: string }) => x.eleve_id);
}

/** Whether the person is on the list as of `date`, within the perimeter: the very query of the list. */
export async function figuraitSurLaListe(db: Db, l: Lecture, date: string, eleveId: string): Promise<boolean> {
  return Boolean(await versionsEnVigueur(db, l, date).where('v.eleve_id', eleveId).first('v.eleve_id'));
}

/** The column of `selection(cle)` that carries the key, and the columns fixed for every list of the source (`liste`). */
function partiesDeLaSelection(source: SourceListe): { colonneCle: string; constantes: Record<string, string> } {
  const temoin = '\u0000cle';
  const selection = source.selection(temoin);
  const colonneCle = Object.keys(selection).find((c) => selection[c] === temoin);
  if (!colonneCle) throw new TypeError(`La source ${source.versions} ne sélectionne pas une liste par sa clé`);
  const { [colonneCle]: _cle, ...constantes } = selection;
  return { colonneCle, constantes };
}

/** Keys of the lists of this source the person has a version on (any date). */
export async function clesDeLaPersonne(db: Db, source: SourceListe, eleveId: string): Promise<string[]> {
  const { colonneCle, constantes } = partiesDeLaSelection(source);
  const lignes: Array<Record<string, string>> = await db(source.versions).where(constantes).where('eleve_id', eleveId).distinct(`${colonneCle} as cle`);
  return lignes.map((x) => x.cle);
}

/** The generation the source's publications belong to (a generation replaces every list at once); null before the first. */
export async function generationDesListes(db: Db, source: SourceListe): Promise<number | null> {
  const ligne = await db(source.publications).where(partiesDeLaSelection(source).constantes).first('generation_id');
  return ligne ? Number(ligne.generation_id) : null;
}
