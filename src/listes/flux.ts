import { Readable } from 'node:stream';

/**
 * Bytes per chunk sent. Chunks are buffers outside V8's heap, filled as lines come: a line is
 * encoded once, straight into the chunk, instead of being joined to others in a string that the
 * socket would flatten and encode again.
 */
const MORCEAU = 64 * 1024;

/** UTF-8 takes at most three bytes per UTF-16 unit (a surrogate pair: four for two). */
const OCTETS_PAR_UNITE = 3;

/**
 * Lines, a page at a time, each followed by `terminaison`, sent in chunks; the next page is read
 * only when the socket has taken the previous chunks: memory holds one page, whatever the list's size.
 */
export function fluxDeLignes(pages: AsyncIterable<readonly string[]>, terminaison = ''): Readable {
  const fin = Buffer.from(terminaison, 'utf8');
  async function* morceaux(): AsyncGenerator<Buffer> {
    let morceau = Buffer.allocUnsafe(MORCEAU);
    let taille = 0;
    for await (const lignes of pages) {
      for (const ligne of lignes) {
        const auPlus = ligne.length * OCTETS_PAR_UNITE + fin.length;
        if (taille + auPlus > MORCEAU) {
          if (taille > 0) yield morceau.subarray(0, taille);
          morceau = Buffer.allocUnsafe(Math.max(MORCEAU, auPlus));
          taille = 0;
        }
        taille += morceau.write(ligne, taille, 'utf8');
        taille += fin.copy(morceau, taille);
      }
    }
    if (taille > 0) yield morceau.subarray(0, taille);
  }
  return Readable.from(morceaux(), { highWaterMark: 1 });
}

/**
 * The whole list as NDJSON (one JSON document per line): first the list's header (its key,
 * date, counts, sync token), then one entry per line.
 */
export function ndjsonDeLaListe(entete: object, pages: AsyncIterable<readonly object[]>): Readable {
  async function* lignes(): AsyncGenerator<string[]> {
    yield [JSON.stringify(entete)];
    for await (const entrees of pages) yield entrees.map((e) => JSON.stringify(e));
  }
  return fluxDeLignes(lignes(), '\n');
}
