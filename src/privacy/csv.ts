/** French Excel reads UTF-8 only after a byte-order mark, and splits columns on ';'. */
export const BOM = '\uFEFF';
const SEPARATEUR = ';';
const A_PROTEGER = /[";\r\n]/;
// A cell starting like a formula would be executed by the spreadsheet (CSV injection).
const FORMULE = /^[=+\-@\t\r]/;

/** Digits Excel would turn into a number (SIRET in scientific notation, codes losing their leading zero). */
export class TexteCsv {
  constructor(readonly valeur: string) {}
}

export function celluleCsv(valeur: unknown): string {
  if (valeur === null || valeur === undefined) return '';
  if (valeur instanceof TexteCsv && /^\d+$/.test(valeur.valeur)) return `"=""${valeur.valeur}"""`;
  let texte = valeur instanceof TexteCsv ? valeur.valeur : Array.isArray(valeur) ? valeur.join(', ') : String(valeur);
  if (FORMULE.test(texte)) texte = `'${texte}`;
  return A_PROTEGER.test(texte) ? `"${texte.replace(/"/g, '""')}"` : texte;
}

/** One CSV record, CRLF-terminated as RFC 4180 and Excel expect. */
export function ligneCsv(valeurs: readonly unknown[]): string {
  return `${valeurs.map(celluleCsv).join(SEPARATEUR)}\r\n`;
}
