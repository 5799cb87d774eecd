/** SQLite caps bound variables per statement: IN lists and multi-row inserts go by slices. */
const TAILLE_PAQUET = 500;

export function enPaquets<T>(elements: readonly T[], taille = TAILLE_PAQUET): T[][] {
  const paquets: T[][] = [];
  for (let i = 0; i < elements.length; i += taille) paquets.push(elements.slice(i, i + taille));
  return paquets;
}
