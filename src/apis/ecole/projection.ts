/**
 * Prévisions d'effectifs by the *matrice de passage* (2015 DEPP–ARF convention): each level of
 * year t+1 is fed by one or more levels of year t at an apparent passage rate estimated on the
 * history (it folds in repeats, moves and departures); entry levels, fed by no level of the
 * chain, are held at their mean over the history.
 */

/** Which levels of year t feed a level of year t+1 (several sources are summed: 3e feeds 2de GT, 2de pro and CAP). */
export interface Passage {
  niveau: string;
  depuis: string[];
}

/** The French school path, from petite section to BTS, in the order levels are projected. */
export const PASSAGES: readonly Passage[] = [
  { niveau: 'PS', depuis: [] },
  { niveau: 'MS', depuis: ['PS'] },
  { niveau: 'GS', depuis: ['MS'] },
  { niveau: 'CP', depuis: ['GS'] },
  { niveau: 'CE1', depuis: ['CP'] },
  { niveau: 'CE2', depuis: ['CE1'] },
  { niveau: 'CM1', depuis: ['CE2'] },
  { niveau: 'CM2', depuis: ['CM1'] },
  { niveau: '6E', depuis: ['CM2'] },
  { niveau: '5E', depuis: ['6E'] },
  { niveau: '4E', depuis: ['5E'] },
  { niveau: '3E', depuis: ['4E'] },
  { niveau: '2GT', depuis: ['3E'] },
  { niveau: '2PRO', depuis: ['3E'] },
  { niveau: '1CAP', depuis: ['3E'] },
  { niveau: '1G', depuis: ['2GT'] },
  { niveau: '1T', depuis: ['2GT'] },
  { niveau: '1PRO', depuis: ['2PRO'] },
  { niveau: '2CAP', depuis: ['1CAP'] },
  { niveau: 'TG', depuis: ['1G'] },
  { niveau: 'TT', depuis: ['1T'] },
  { niveau: 'TPRO', depuis: ['1PRO'] },
  { niveau: 'BTS1', depuis: ['TG', 'TT', 'TPRO'] },
  { niveau: 'BTS2', depuis: ['BTS1'] },
];

/** Head-counts by level, per rentrée year (2025 for 2025-2026). */
export type Historique = ReadonlyMap<number, ReadonlyMap<string, number>>;

export interface TauxDePassage {
  niveau: string;
  depuis: string[];
  /** Σ effectif(niveau, t+1) / Σ effectif(depuis, t) over the history's consecutive years; null for an entry level. */
  taux: number | null;
  /** For an entry level: the mean head-count held constant. */
  entree_moyenne: number | null;
}

export interface Projection {
  annee_reference: number;
  annees_historique: number[];
  taux: TauxDePassage[];
  /** Unrounded projected head-counts for years annee_reference+1 … +horizon. */
  annees: Array<{ annee: number; effectifs: Map<string, number> }>;
}

const valeur = (annee: ReadonlyMap<string, number> | undefined, niveau: string): number => annee?.get(niveau) ?? 0;

/** Estimates the passage matrix on `historique` and projects from its latest year. */
export function projeter(historique: Historique, horizon: number, passages: readonly Passage[] = PASSAGES): Projection {
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError("L'horizon est un nombre entier d'années ≥ 1");
  const annees = [...historique.keys()].sort((a, b) => a - b);
  if (annees.length === 0) throw new RangeError('Aucun effectif historique');
  const reference = annees[annees.length - 1];
  const paires = annees.filter((a) => historique.has(a + 1));

  const taux: TauxDePassage[] = passages.map(({ niveau, depuis }) => {
    const sources = paires.reduce((s, a) => s + depuis.reduce((x, d) => x + valeur(historique.get(a), d), 0), 0);
    if (sources > 0) {
      const arrivees = paires.reduce((s, a) => s + valeur(historique.get(a + 1), niveau), 0);
      return { niveau, depuis: [...depuis], taux: arrivees / sources, entree_moyenne: null };
    }
    const moyenne = annees.reduce((s, a) => s + valeur(historique.get(a), niveau), 0) / annees.length;
    return { niveau, depuis: [...depuis], taux: null, entree_moyenne: moyenne };
  });

  const projetees: Projection['annees'] = [];
  let precedente: ReadonlyMap<string, number> = historique.get(reference)!;
  for (let h = 1; h <= horizon; h++) {
    const effectifs = new Map<string, number>();
    for (const t of taux) {
      effectifs.set(t.niveau, t.taux === null ? t.entree_moyenne! : t.taux * t.depuis.reduce((s, d) => s + valeur(precedente, d), 0));
    }
    projetees.push({ annee: reference + h, effectifs });
    precedente = effectifs;
  }
  return { annee_reference: reference, annees_historique: annees, taux, annees: projetees };
}
