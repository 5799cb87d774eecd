import type { Db } from '../db/knex';

/**
 * A whole list disclosed (a commune's mairie list, a 16–18 list…) is journaled as one entry of
 * constant size that names the list — not one hash per person of it. The data-subject report
 * then asks the list's kind whether the person was on it: each kind registers a resolver here.
 */

/** The list a journal entry names: hashed with the entry (`journal.liste`), so it cannot be edited unseen. */
export interface ListeJournalisee {
  /** The list's kind, the key of its resolver, e.g. 'enfants_soumis_obligation'. */
  type: string;
  /** Which list of that kind: a commune's INSEE code, an establishment's UAI… */
  cle: string;
  /** Publication date of the list disclosed, 'YYYY-MM-DD'. */
  date_reference: string;
  /** Generation of the data the publication belongs to: a regenerated dataset replaces the lists. */
  generation: number;
  /** Which part of the list the recipient's scope covers, as the resolver names it. */
  perimetre: string;
  /** hacherPersonne of the persons of the list withheld (opposition): few, sorted. */
  exclues: string[];
}

/** The list fields a resolver needs to place a person; exclusions are the journal's business. */
export type ListeAResoudre = Pick<ListeJournalisee, 'cle' | 'date_reference' | 'perimetre' | 'generation'>;

export interface ResolveurListe {
  /** Generations whose lists can still be joined; entries of any other were of a replaced dataset. */
  generationsDisponibles(db: Db): Promise<number[]>;
  /** Keys of the lists of this kind the person is on in some available generation (narrows the journal read). */
  clesDe(db: Db, idInterne: string): Promise<string[]>;
  /**
   * For each list (of an available generation), whether the person was on it, in its perimeter,
   * at its date; null when the resolver cannot tell (a perimeter it no longer knows).
   */
  figuraitSur(db: Db, idInterne: string, listes: readonly ListeAResoudre[]): Promise<Array<boolean | null>>;
}

const resolveurs = new Map<string, ResolveurListe>();

/** Called once by each list kind's module; the same kind twice is a programming error. */
export function enregistrerTypeDeListe(type: string, resolveur: ResolveurListe): void {
  const existant = resolveurs.get(type);
  if (existant && existant !== resolveur) throw new TypeError(`Type de liste déjà enregistré : ${type}`);
  resolveurs.set(type, resolveur);
}

export function resolveurDe(type: string): ResolveurListe | undefined {
  return resolveurs.get(type);
}

export function typesDeListe(): string[] {
  return [...resolveurs.keys()].sort();
}
