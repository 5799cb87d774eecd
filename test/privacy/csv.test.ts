import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { BOM, celluleCsv, ligneCsv, TexteCsv } from '../../src/privacy/csv';

describe('CSV pour Excel', () => {
  it('round-trips any cell through a standard CSV parser with ";"', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 6 }), (cellules) => {
        const [relue] = parse(ligneCsv(cellules), { delimiter: ';', relax_column_count: true }) as string[][];
        expect(relue).toEqual(cellules.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
      }),
    );
  });

  it('never lets a cell start a formula, and keeps identifiers as text', () => {
    expect(celluleCsv('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(celluleCsv('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(celluleCsv(new TexteCsv('21350238800019'))).toBe('"=""21350238800019"""');
    expect(celluleCsv(new TexteCsv('=1+1'))).toBe("'=1+1");
    expect(celluleCsv(['nom', 'prenoms'])).toBe('nom, prenoms');
    expect(celluleCsv(null)).toBe('');
    expect(BOM).toBe('\uFEFF');
  });
});
