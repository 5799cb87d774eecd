/**
 * CSV for French Excel: UTF-8 with BOM, `;` separator, CRLF. A cell starting with = + - @ is
 * prefixed with an apostrophe so a spreadsheet never evaluates it as a formula.
 */
export function versCsv(entetes: string[], lignes: Array<Array<string | number | boolean | null>>): string {
  const cellule = (v: string | number | boolean | null): string => {
    let s = v === null ? '' : typeof v === 'boolean' ? (v ? 'oui' : 'non') : String(v);
    if (/^[=+\-@]/.test(s)) s = `'${s}`;
    return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[entetes, ...lignes].map((l) => l.map(cellule).join(';')).join('\r\n')}\r\n`;
}
