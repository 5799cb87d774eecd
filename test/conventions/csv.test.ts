import { parse } from 'csv-parse/sync';
import { versCsv } from '../../src/conventions/csv';

describe('recensement des conventions en CSV', () => {
  it('writes French Excel CSV through the one CSV writer: BOM, ";", CRLF, oui/non, every formula start guarded', () => {
    const csv = versCsv(
      ['intitule', 'tacite', 'duree'],
      [
        ['=HYPERLINK("http://x")', true, 12],
        ['\tcmd', false, null],
        ['Convention ; Bretagne', null, 6],
      ],
    );
    expect(csv.startsWith('\uFEFFintitule;tacite;duree\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parse(csv.slice(1), { delimiter: ';' })).toEqual([
      ['intitule', 'tacite', 'duree'],
      [`'=HYPERLINK("http://x")`, 'oui', '12'],
      ["'\tcmd", 'non', ''],
      ['Convention ; Bretagne', '', '6'],
    ]);
  });
});
