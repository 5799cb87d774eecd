import { createHash } from 'node:crypto';
import type { Db } from '../db/knex';

/**
 * A publication under statistical secret covers every table a reader may combine — a whole
 * région's — so it costs far more than one route's slice of it: it is computed once per content
 * of its sources and kept, the routes serving their slices from it. The key says what is
 * published; the fingerprint, what it was computed from: a changed source gives a new computation.
 */

const CAPACITE = 64;
const memoires = new WeakMap<Db, Map<string, { empreinte: string; publication: Promise<unknown> }>>();

/** A fingerprint of any JSON-serialisable source (rows of a query). */
export function empreinte(source: unknown): string {
  return createHash('sha256').update(JSON.stringify(source)).digest('base64url');
}

export function publicationMemorisee<T>(db: Db, cle: string, empreinteSources: string, calculer: () => T | Promise<T>): Promise<T> {
  let memoire = memoires.get(db);
  if (!memoire) memoires.set(db, (memoire = new Map()));
  const connue = memoire.get(cle);
  if (connue && connue.empreinte === empreinteSources) {
    // Most recently used last: the oldest entry goes first when the memory is full.
    memoire.delete(cle);
    memoire.set(cle, connue);
    return connue.publication as Promise<T>;
  }
  const publication = Promise.resolve().then(calculer);
  const entree = { empreinte: empreinteSources, publication };
  memoire.delete(cle);
  memoire.set(cle, entree);
  if (memoire.size > CAPACITE) memoire.delete(memoire.keys().next().value!);
  // A failed computation is not kept: the next request tries again.
  publication.catch(() => {
    if (memoire!.get(cle) === entree) memoire!.delete(cle);
  });
  return publication;
}
