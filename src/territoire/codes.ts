/** SIRET: 14 digits whose Luhn sum is a multiple of 10 (the INSEE check). */
export function estSiretValide(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  let somme = 0;
  for (let i = 0; i < 14; i++) {
    let chiffre = Number(siret[13 - i]);
    if (i % 2 === 1) {
      chiffre *= 2;
      if (chiffre > 9) chiffre -= 9;
    }
    somme += chiffre;
  }
  return somme % 10 === 0;
}

/** INSEE commune code: 5 characters, digits except Corsica's 2A/2B départements. */
export const MOTIF_CODE_INSEE = '^(?:\\d{5}|2[AB]\\d{3})$';
export function estCodeInseeValide(code: string): boolean {
  return new RegExp(MOTIF_CODE_INSEE).test(code);
}

/** Département code: 01–95, 2A/2B, 971–976. */
export const MOTIF_CODE_DEPARTEMENT = '^(?:0[1-9]|[1-8]\\d|9[0-5]|2[AB]|97[1-6])$';

/** Région code (INSEE, two digits). */
export const MOTIF_CODE_REGION = '^\\d{2}$';
