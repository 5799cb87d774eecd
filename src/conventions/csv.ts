import { BOM, ligneCsv } from '../privacy/csv';

/**
 * The census as a spreadsheet: the gateway's one CSV writer (src/privacy/csv.ts: BOM, `;`, CRLF,
 * formula guard), booleans said in French.
 */
export function versCsv(entetes: string[], lignes: Array<Array<string | number | boolean | null>>): string {
  const valeur = (v: string | number | boolean | null) => (typeof v === 'boolean' ? (v ? 'oui' : 'non') : v);
  return BOM + [entetes, ...lignes].map((l) => ligneCsv(l.map(valeur))).join('');
}
