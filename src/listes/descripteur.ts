import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import type { Lieu } from '../territoire/perimetre';
import type { ColonneCsv } from './csv';

/**
 * What makes one kind of incremental nominative list (the mairie's R131-3 list, a collège's
 * demi-pensionnaires, the 16–18 training obligation…): where its versions are stored, what
 * selects one list (its key: a commune, an establishment, a département), how a version
 * becomes an entry, which entries each scope sees. The machinery (`service.ts`) does the rest:
 * publications, pages, CSV/NDJSON, ETag, sync token, change feed, oppositions, journal.
 */

/** A version row as the machinery reads it: the person's internal id, and the columns the descriptor asks for. */
export interface VersionBase {
  eleve_id: string;
}

/** Where a kind of list is stored. Both tables have `valide_du`, `valide_jusqu_au`, `motif_fin`, `eleve_id` (versions) and the publication columns. */
export interface SourceListe {
  /** The kind a whole-list journal entry names (src/listes/journal.ts); the versions table when absent. */
  type?: string;
  versions: string;
  publications: string;
  /** Column → value selecting one list in both tables: `{ code_commune }`, or `{ liste, cle }` in the generic tables. */
  selection(cle: string): Record<string, string>;
  /** The publications' column that counts the entries of the whole list. */
  colonneNombre: string;
  /** The versions' columns an entry is built from (`eleve_id` is always read). */
  colonnes: readonly string[];
  /** The versions' index on the selection, then `eleve_id`, `valide_du`, `valide_jusqu_au`: a list as of a date, in its order, from the index alone. */
  index: string;
}

/** Which entries of a list a scope sees. */
export interface Perimetre {
  /** The whole list: its size is the publication's count, and nobody leaves it `hors_perimetre`. */
  complet: boolean;
  /** Narrows the list as of a date; `v` is the versions table's alias. */
  /**
   * `etendue`: the communes of the recipient's grouping when its habilitation's territory is a
   * grouping of communes (a perimeter may then span them all), else null.
   */
  restreindre?(q: Knex.QueryBuilder, db: Db, cle: string, etendue: readonly string[] | null): void;
}

export interface DescripteurListe<V extends VersionBase, E extends { id: string }> {
  source: SourceListe;
  /**
   * Validates the key from the path (404 unknown, 422 wrong kind…) and gives its canonical form
   * and where it lies (with `type_etablissement` for an establishment, which the registry rule's
   * perimeter may restrict); the machinery then answers 403 `hors_territoire` outside the
   * recipient's habilitation.
   */
  resoudre(db: Db, cle: string): Promise<{ cle: string; territoire: Lieu }>;
  /** Message of the 404 when the key exists but nothing is published for it. */
  aucunePublication: string;
  /** By scope (the operation's scopes, broadest first: the machinery takes the first one the recipient holds). */
  perimetres: Readonly<Record<string, Perimetre>>;
  /** The key in the tokens and ETags: distinct lists sharing a key (a UAI) must name their kind. */
  cleDuJeton(cle: string): string;
  /** How the bodies name the key (`{ code_commune }`, `{ uai }`), first field of lists and change feeds. */
  entete(cle: string): Record<string, string>;
  /** The body field holding the entries (`enfants`, `eleves`) and, in a modification, the entry (`enfant`, `eleve`). */
  champs: { entrees: string; entree: string };
  /**
   * Per request: turns versions into whole entries (before the mask), `ids` being their
   * pseudonyms; may read referentials once per request (establishment names…).
   */
  lecteur(db: Db): (versions: readonly V[], ids: readonly string[]) => Promise<E[]>;
  csv: { colonnes: ReadonlyArray<ColonneCsv<E>>; nomFichier(cle: string, date: string): string };
  /** Object fields compared one level down in `champs_modifies` (`scolarite_actuelle.niveau`). */
  detailler?(champ: string): boolean;
}
