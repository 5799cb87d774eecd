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

const CHIFFRES = /^\d+$/;

export function celluleCsv(valeur: unknown): string {
  if (valeur === null || valeur === undefined) return '';
  let texte: string;
  if (typeof valeur === 'string') texte = valeur;
  else if (valeur instanceof TexteCsv) {
    if (CHIFFRES.test(valeur.valeur)) return `"=""${valeur.valeur}"""`;
    texte = valeur.valeur;
  } else texte = Array.isArray(valeur) ? valeur.join(', ') : String(valeur);
  if (FORMULE.test(texte)) texte = `'${texte}`;
  return A_PROTEGER.test(texte) ? `"${texte.replace(/"/g, '""')}"` : texte;
}

/** One CSV record, CRLF-terminated as RFC 4180 and Excel expect. */
export function ligneCsv(valeurs: readonly unknown[]): string {
  let ligne = valeurs.length > 0 ? celluleCsv(valeurs[0]) : '';
  for (let i = 1; i < valeurs.length; i++) ligne += SEPARATEUR + celluleCsv(valeurs[i]);
  return `${ligne}\r\n`;
}
