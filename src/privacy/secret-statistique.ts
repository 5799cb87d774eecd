/**
 * Secret statistique for published counts (DEPP–ARF convention art. 4: nothing may identify a person).
 *
 * A table with its totals is a set of equations "sum of parts = total" (each row, each column,
 * the totals row and the totals column). Algorithm, deterministic:
 * 1. primary: every count — cell or total — with 0 < n < seuil is masked;
 * 2. secondary, to a fixpoint: an equation with exactly one masked term would give it away by
 *    subtraction, so mask one more term there: the smallest non-zero published cell, the total
 *    only when no cell qualifies (ties: first in reading order);
 * 3. audit: a reader also knows a 'primaire' term lies in [1, seuil-1] and a 'secondaire' one in
 *    [seuil, ∞[ (secondary terms are never zero, see 2). Bounds are propagated through the
 *    equations; a masked term pinned to a single value gets one more suppression in one of its
 *    equations, then back to 2. Propagation is an outer approximation of what linear programming
 *    would infer: it catches the usual leaks (two masked 1s in a row whose total is published).
 * Zeros are published: an empty cell identifies no one.
 */

export type Secret = 'primaire' | 'secondaire';
export type Cellule = { valeur: number } | { valeur: null; secret: Secret };

export interface OptionsSecret {
  /** Smallest count published as is (default 5). */
  seuil?: number;
}

export interface TableauComptages {
  lignes: string[];
  colonnes: string[];
  /** valeurs[i][j]: count for lignes[i] × colonnes[j]. */
  valeurs: number[][];
}

export interface TableauPublie {
  seuil: number;
  lignes: string[];
  colonnes: string[];
  cellules: Cellule[][];
  totaux_lignes: Cellule[];
  totaux_colonnes: Cellule[];
  total: Cellule;
}

export interface ListePubliee {
  seuil: number;
  cellules: ({ libelle: string } & Cellule)[];
  total: Cellule;
}

export const SEUIL_SECRET_STATISTIQUE = 5;

interface Terme {
  valeur: number;
  estTotal: boolean;
  secret: Secret | null;
}

interface Equation {
  parties: number[];
  total: number;
}

/** Suppression over any system of "sum of parts = total" equations; mutates termes[].secret. */
function proteger(termes: Terme[], equations: Equation[], seuil: number): void {
  for (const terme of termes) if (terme.valeur > 0 && terme.valeur < seuil) terme.secret = 'primaire';
  const membres = equations.map((e) => [...e.parties, e.total]);
  const equationsDe = termes.map(() => [] as number[]);
  membres.forEach((m, e) => m.forEach((t) => equationsDe[t].push(e)));

  const masquerPlusPetit = (candidats: number[]): boolean => {
    const libres = candidats.filter((t) => termes[t].secret === null && termes[t].valeur > 0);
    if (libres.length === 0) return false;
    libres.sort(
      (a, b) => Number(termes[a].estTotal) - Number(termes[b].estTotal) || termes[a].valeur - termes[b].valeur || a - b,
    );
    termes[libres[0]].secret = 'secondaire';
    return true;
  };

  for (;;) {
    let change = true;
    while (change) {
      change = false;
      for (const m of membres) {
        if (m.filter((t) => termes[t].secret !== null).length === 1 && masquerPlusPetit(m)) change = true;
      }
    }
    const { bas, haut } = bornesConnuesDuLecteur(termes, equations, seuil);
    const deduit = termes.findIndex(
      (t, i) => t.secret !== null && bas[i] === haut[i] &&
        equationsDe[i].some((e) => membres[e].some((u) => termes[u].secret === null && termes[u].valeur > 0)),
    );
    if (deduit < 0) return;
    masquerPlusPetit(equationsDe[deduit].flatMap((e) => membres[e]));
  }
}

/** What a reader can infer about each term from published terms, marks and equations. */
function bornesConnuesDuLecteur(termes: Terme[], equations: Equation[], seuil: number): { bas: number[]; haut: number[] } {
  const bas = termes.map((t) => (t.secret === null ? t.valeur : t.secret === 'primaire' ? 1 : seuil));
  const haut = termes.map((t) => (t.secret === null ? t.valeur : t.secret === 'primaire' ? seuil - 1 : Infinity));
  const somme = (indices: number[], bornes: number[], sauf: number): number =>
    indices.reduce((s, t) => (t === sauf ? s : s + bornes[t]), 0);
  // Integer bounds only tighten, so this terminates; the cap keeps pathological tables cheap.
  let change = true;
  for (let tour = 0; change && tour < 50; tour++) {
    change = false;
    const resserrer = (t: number, b: number, h: number): void => {
      if (b > bas[t]) { bas[t] = b; change = true; }
      if (h < haut[t]) { haut[t] = h; change = true; }
    };
    for (const { parties, total } of equations) {
      resserrer(total, somme(parties, bas, -1), somme(parties, haut, -1));
      for (const p of parties) {
        resserrer(p, bas[total] - somme(parties, haut, p), haut[total] - somme(parties, bas, p));
      }
    }
  }
  return { bas, haut };
}

function verifierComptage(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new TypeError('Un comptage doit être un entier positif ou nul');
  return n;
}

function verifierSeuil(options: OptionsSecret): number {
  const seuil = options.seuil ?? SEUIL_SECRET_STATISTIQUE;
  if (!Number.isSafeInteger(seuil) || seuil < 1) throw new TypeError('Le seuil doit être un entier ≥ 1');
  return seuil;
}

function publier(terme: Terme): Cellule {
  return terme.secret === null ? { valeur: terme.valeur } : { valeur: null, secret: terme.secret };
}

/** 2-D table with row, column and grand totals computed from the real counts. */
export function appliquerSecretStatistique(tableau: TableauComptages, options: OptionsSecret = {}): TableauPublie {
  const seuil = verifierSeuil(options);
  const { lignes, colonnes, valeurs } = tableau;
  if (valeurs.length !== lignes.length || valeurs.some((ligne) => ligne.length !== colonnes.length)) {
    throw new TypeError('Les dimensions du tableau ne correspondent pas à ses libellés');
  }
  const m = lignes.length;
  const n = colonnes.length;
  // Terms in reading order of the extended table: cells, then row totals, column totals, grand total.
  const termes: Terme[] = [];
  const cellule = (i: number, j: number): number => i * n + j;
  const totalLigne = (i: number): number => m * n + i;
  const totalColonne = (j: number): number => m * n + m + j;
  const totalGeneral = m * n + m + n;
  for (const ligne of valeurs) for (const v of ligne) termes.push({ valeur: verifierComptage(v), estTotal: false, secret: null });
  for (const ligne of valeurs) termes.push({ valeur: ligne.reduce((s, v) => s + v, 0), estTotal: true, secret: null });
  for (let j = 0; j < n; j++) termes.push({ valeur: valeurs.reduce((s, l) => s + l[j], 0), estTotal: true, secret: null });
  termes.push({ valeur: valeurs.flat().reduce((s, v) => s + v, 0), estTotal: true, secret: null });

  const indices = (k: number): number[] => Array.from({ length: k }, (_, x) => x);
  const equations: Equation[] = [
    ...indices(m).map((i) => ({ parties: indices(n).map((j) => cellule(i, j)), total: totalLigne(i) })),
    ...indices(n).map((j) => ({ parties: indices(m).map((i) => cellule(i, j)), total: totalColonne(j) })),
    { parties: indices(m).map(totalLigne), total: totalGeneral },
    { parties: indices(n).map(totalColonne), total: totalGeneral },
  ];
  proteger(termes, equations, seuil);

  return {
    seuil,
    lignes: [...lignes],
    colonnes: [...colonnes],
    cellules: indices(m).map((i) => indices(n).map((j) => publier(termes[cellule(i, j)]))),
    totaux_lignes: indices(m).map((i) => publier(termes[totalLigne(i)])),
    totaux_colonnes: indices(n).map((j) => publier(termes[totalColonne(j)])),
    total: publier(termes[totalGeneral]),
  };
}

/** 1-D variant: labelled counts and their total. */
export function appliquerSecretStatistiqueListe(
  comptages: { libelle: string; valeur: number }[],
  options: OptionsSecret = {},
): ListePubliee {
  const seuil = verifierSeuil(options);
  const termes: Terme[] = comptages.map((c) => ({ valeur: verifierComptage(c.valeur), estTotal: false, secret: null }));
  termes.push({ valeur: comptages.reduce((s, c) => s + c.valeur, 0), estTotal: true, secret: null });
  proteger(termes, [{ parties: comptages.map((_, i) => i), total: comptages.length }], seuil);
  return {
    seuil,
    cellules: comptages.map((c, i) => ({ libelle: c.libelle, ...publier(termes[i]) })),
    total: publier(termes[comptages.length]),
  };
}

/** One "sum of parts = total" relation a reader knows between published terms (indices into the values). */
export interface EquationComptage {
  parties: number[];
  total: number;
}

/**
 * Any system of such relations: several breakdowns of one total (sex, régime, boursiers),
 * nested rows (formations within a level). Each term that is the total of some equation is
 * treated as a total. Returns the published cells in the order of `valeurs`.
 * With several breakdowns the 'primaire'/'secondaire' marks alone can pin a value (e.g. a row
 * of three 'primaire' régimes whose total is split into two 'secondaire' sexes): the audit
 * cannot fix that by masking more, so publish such masks without their reason.
 */
export function appliquerSecretStatistiqueEquations(
  valeurs: number[],
  equations: EquationComptage[],
  options: OptionsSecret = {},
): { seuil: number; cellules: Cellule[] } {
  const seuil = verifierSeuil(options);
  const totaux = new Set(equations.map((e) => e.total));
  const termes: Terme[] = valeurs.map((v, i) => ({ valeur: verifierComptage(v), estTotal: totaux.has(i), secret: null }));
  for (const { parties, total } of equations) {
    if ([...parties, total].some((t) => !Number.isInteger(t) || t < 0 || t >= valeurs.length)) {
      throw new TypeError('Une équation désigne un terme inexistant');
    }
    if (parties.reduce((s, p) => s + valeurs[p], 0) !== valeurs[total]) {
      throw new TypeError('Une équation est fausse : la somme des parties diffère du total');
    }
  }
  proteger(termes, equations, seuil);
  return { seuil, cellules: termes.map(publier) };
}
