/** Bookkeeping, not content: a new date alone is no change a recipient must act on. */
const HORS_COMPARAISON = new Set(['id', 'date_mise_a_jour']);

/**
 * Fields that differ between two (masked) entries of the same person: top-level fields, and the
 * parts of the objects the descriptor details (`scolarite_actuelle.niveau`…), so a recipient
 * sees what to update.
 */
export function champsModifies(avant: object, apres: object, detailler: (champ: string) => boolean = () => false): string[] {
  const a = avant as Record<string, unknown>;
  const b = apres as Record<string, unknown>;
  const champs: string[] = [];
  for (const cle of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    if (HORS_COMPARAISON.has(cle) || JSON.stringify(a[cle]) === JSON.stringify(b[cle])) continue;
    const x = a[cle];
    const y = b[cle];
    if (detailler(cle) && x && y && typeof x === 'object' && typeof y === 'object') {
      champs.push(...champsModifies(x, y).map((sous) => `${cle}.${sous}`));
    } else {
      champs.push(cle);
    }
  }
  return champs;
}
