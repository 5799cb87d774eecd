/** Check letters of the UAI (Unité Administrative Immatriculée): I, O and Q are never used. */
const LETTRES_CLE = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** A UAI as written in the ministry's files: 7 digits then a capital letter. */
const MOTIF_UAI = '^\\d{7}[A-HJ-NPR-Z]$';
const motifUai = new RegExp(MOTIF_UAI);

/** The check letter of a UAI: its 7-digit number modulo 23, read in `LETTRES_CLE`. */
export function lettreCleUai(septChiffres: string): string {
  if (!/^\d{7}$/.test(septChiffres)) throw new RangeError('Un UAI commence par 7 chiffres');
  return LETTRES_CLE[Number(septChiffres) % 23];
}

/** Strict: upper-case letter, no spaces; pass user input through `normaliserUai` first. */
export function estUaiValide(uai: string): boolean {
  return motifUai.test(uai) && lettreCleUai(uai.slice(0, 7)) === uai[7];
}

/** Users type `0350122t` or ` 0350122T `: the same establishment. */
export function normaliserUai(saisie: string): string {
  return saisie.trim().toUpperCase();
}
