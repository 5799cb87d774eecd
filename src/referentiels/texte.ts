/**
 * Lower case, accents and ligatures removed, every run of other characters replaced by one
 * `separateur`: how headers are matched and how names are searched.
 */
export function normaliserLibelle(texte: string, separateur = ' '): string {
  return texte
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/ /g, separateur);
}

/**
 * How identities are compared (identity search of API données de scolarité, `nom_normalise`):
 * lower case, no accents, hyphens and apostrophes read as spaces.
 */
export function normaliserNom(texte: string): string {
  return normaliserLibelle(texte);
}
