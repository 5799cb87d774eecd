import { Readable } from 'node:stream';

/**
 * Characters per chunk sent: well under V8's large-object size, so a chunk dies young in a
 * scavenge instead of waiting in old space for a full collection (peak memory would then grow
 * with the list).
 */
const MORCEAU = 32 * 1024;

/**
 * Lines, a page at a time, sent in small chunks; the next page is read only when the socket has
 * taken the previous chunks: memory holds one page, whatever the list's size.
 */
export function fluxDeLignes(pages: AsyncIterable<readonly string[]>): Readable {
  async function* morceaux(): AsyncGenerator<string> {
    let morceau = '';
    for await (const lignes of pages) {
      for (const ligne of lignes) {
        morceau += ligne;
        if (morceau.length >= MORCEAU) {
          yield morceau;
          morceau = '';
        }
      }
    }
    if (morceau.length > 0) yield morceau;
  }
  return Readable.from(morceaux(), { highWaterMark: 1 });
}

/**
 * The whole list as NDJSON (one JSON document per line): first the list's header (its key,
 * date, counts, sync token), then one entry per line.
 */
export function ndjsonDeLaListe(entete: object, pages: AsyncIterable<readonly object[]>): Readable {
  async function* lignes(): AsyncGenerator<string[]> {
    yield [`${JSON.stringify(entete)}\n`];
    for await (const entrees of pages) yield entrees.map((e) => `${JSON.stringify(e)}\n`);
  }
  return fluxDeLignes(lignes());
}
