import fc from 'fast-check';
import { fluxDeLignes } from '../../src/listes/flux';

async function octets(pages: string[][], terminaison?: string): Promise<{ corps: Buffer; morceaux: number[] }> {
  async function* source(): AsyncGenerator<string[]> {
    for (const page of pages) yield page;
  }
  const morceaux: Buffer[] = [];
  for await (const m of fluxDeLignes(source(), terminaison)) morceaux.push(m as Buffer);
  return { corps: Buffer.concat(morceaux), morceaux: morceaux.map((m) => m.length) };
}

describe('fluxDeLignes', () => {
  it('envoie exactement les octets UTF-8 des lignes, chacune suivie de sa terminaison, quelle que soit leur taille', async () => {
    // Lines from empty to several chunks long, with accents, emoji and lone surrogates (encoded as U+FFFD, as a string write does).
    const caractere = fc.oneof(fc.constantFrom('é', '\u{1F600}', '\ud83d', '"', 'a'), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }));
    const ligne = fc.oneof(
      fc.string({ maxLength: 40, unit: caractere }),
      fc.tuple(fc.integer({ min: 10_000, max: 40_000 }), fc.constantFrom('x', 'é', '\u{1F600}')).map(([n, c]) => c.repeat(n)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(ligne, { maxLength: 12 }), { maxLength: 6 }), fc.constantFrom('', '\n', '\r\n'), async (pages, terminaison) => {
        const { corps } = await octets(pages, terminaison);
        expect(
          corps.equals(
            Buffer.from(
              pages
                .flat()
                .map((l) => l + terminaison)
                .join(''),
              'utf8',
            ),
          ),
        ).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('regroupe les lignes en morceaux de 64 Kio au plus, hors ligne plus longue à elle seule', async () => {
    const pages = [Array.from({ length: 300 }, (_, i) => `{"n":${i},"nom":"Élodie ${'x'.repeat(900)}"}`)];
    const { corps, morceaux } = await octets(pages, '\n');
    expect(corps.length).toBe(Buffer.byteLength(pages[0].join('\n') + '\n'));
    expect(morceaux.length).toBeGreaterThan(1);
    expect(Math.max(...morceaux)).toBeLessThanOrEqual(64 * 1024);
    // Nearly full: a chunk leaves only the room a next line might have needed.
    expect(morceaux.slice(0, -1).every((m) => m > 60 * 1024)).toBe(true);
  });
});
