import type { Divulgation } from '../privacy/divulgation';

/** What a list disclosure sends: one JSON page, a whole list (CSV, NDJSON), or a page of the change feed. */
export type OccasionListe = 'page' | 'liste_entiere' | 'changements';

/**
 * The one place where a list disclosure is journaled, before the first byte of the response:
 * pages, whole lists and change feeds of every kind of list call it.
 */
export async function journaliserListe(divulgation: Divulgation, ids: readonly string[], champs: readonly string[], _occasion: OccasionListe): Promise<void> {
  if (ids.length > 0) await divulgation.journaliser(ids, champs);
}
