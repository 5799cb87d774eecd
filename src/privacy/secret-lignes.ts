import { SEUIL_SECRET_STATISTIQUE } from './secret-statistique';

/**
 * Secret statistique for individual rows (DEPP–ARF convention art. 4: nothing may identify a
 * person): every published combination of quasi-identifiers is shared by at least `seuil` rows
 * (k-anonymity, k = the aggregates' threshold). Rows whose combination is rarer are generalised,
 * one step of the ladder at a time and only them, so common rows keep their detail; rows still
 * singled out after the last step are withheld, and counted.
 */

/** One step of the ladder: a coarser value of one attribute (échelon → boursier, MEF → niveau…). */
export interface Generalisation<L> {
  code: string;
  /** False when the step would change nothing for this row (a non-boursier has no échelon to coarsen). */
  applicable(ligne: L): boolean;
  appliquer(ligne: L): L;
}

export interface LignesPubliees<L> {
  seuil: number;
  lignes: Array<{ ligne: L; generalisations: string[] }>;
  /** Rows withheld: their combination stayed rarer than the threshold after every step. */
  retenues: number;
  /** Rows each step was applied to. */
  generalisations: Record<string, number>;
}

function effectifs<L>(lignes: readonly L[], combinaison: (l: L) => string): Map<string, number> {
  const n = new Map<string, number>();
  for (const l of lignes) {
    const c = combinaison(l);
    n.set(c, (n.get(c) ?? 0) + 1);
  }
  return n;
}

/** Deterministic: the same rows in the same order give the same publication. */
export function publierSousSecret<L>(
  source: readonly L[],
  combinaison: (l: L) => string,
  echelle: ReadonlyArray<Generalisation<L>>,
  seuil = SEUIL_SECRET_STATISTIQUE,
): LignesPubliees<L> {
  const lignes = [...source];
  const appliquees = lignes.map(() => [] as string[]);
  const generalisations: Record<string, number> = {};
  for (const etape of echelle) {
    const n = effectifs(lignes, combinaison);
    generalisations[etape.code] = 0;
    lignes.forEach((l, i) => {
      if (n.get(combinaison(l))! >= seuil || !etape.applicable(l)) return;
      lignes[i] = etape.appliquer(l);
      appliquees[i].push(etape.code);
      generalisations[etape.code]++;
    });
  }
  const n = effectifs(lignes, combinaison);
  const publiees = lignes.flatMap((ligne, i) => (n.get(combinaison(ligne))! >= seuil ? [{ ligne, generalisations: appliquees[i] }] : []));
  return { seuil, lignes: publiees, retenues: lignes.length - publiees.length, generalisations };
}
