import { Readable } from 'node:stream';

/**
 * A stream that asks for the next page only when the socket has taken the previous one: memory
 * holds one page of text, whatever the list's size.
 */
export function fluxDePages(pages: AsyncIterable<string>): Readable {
  return Readable.from(pages, { highWaterMark: 1 });
}

/**
 * The whole list as NDJSON (one JSON document per line): first the list's header (commune,
 * date, counts, sync token), then one child per line, as the socket drains.
 */
export function ndjsonDeLaListe(entete: object, pages: AsyncIterable<readonly object[]>): Readable {
  async function* lignes(): AsyncGenerator<string> {
    yield `${JSON.stringify(entete)}\n`;
    for await (const enfants of pages) {
      if (enfants.length > 0) yield enfants.map((e) => `${JSON.stringify(e)}\n`).join('');
    }
  }
  return fluxDePages(lignes());
}
