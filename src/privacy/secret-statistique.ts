/**
 * Secret statistique for published counts (DEPP–ARF convention art. 4: nothing may identify a person).
 *
 * Whatever a reader can obtain — one table, or all the tables it may combine (an establishment
 * and its commune, a commune and its département, a total and its mentions) — is one system of
 * equations "sum of parts = total". The one algorithm, deterministic, runs on the whole system:
 * 1. primary: every count with 0 < n < seuil is masked (and the counts a caller must mask); a
 *    term never shown (absents = inscrits − présents) is unknown to readers, protected when small;
 * 2. secondary, to a fixpoint: an equation with a single unknown term would give it away by
 *    subtraction, so one more term is masked there: the smallest non-zero shown part, the total
 *    only when no part qualifies (ties: first term);
 * 3. audit, two readers: one combines equations linearly (Gauss–Jordan elimination on the
 *    unknown terms, kept up to date as terms get masked: a term isolated by a combination, e.g.
 *    across nested tables, gets a shown term of that combination masked); the other propagates
 *    bounds (zeros are published, so a masked count is at least 1: two masked 1s whose sum is
 *    published are found), a term it pins gets the nearest shown term masked; then back to 2.
 * A reader who combines equations *and* bounds (integer programming) is approximated, not modelled.
 */

export type Secret = 'primaire' | 'secondaire';
export type Cellule = { valeur: number } | { valeur: null; secret: Secret };

/**
 * Un effectif publié, ou masqué (`valeur` null, `secret` true) au titre du secret statistique.
 * La règle qui l'a masqué (seuil ou masquage secondaire) n'est pas dite : quand plusieurs
 * ventilations partagent un total, elle suffirait parfois à retrouver la valeur.
 */
export type CelluleStatistique = { valeur: number } | { valeur: null; secret: true };

/** The masked cell as the APIs show it (its reason withheld). */
export const CELLULE_MASQUEE: CelluleStatistique = Object.freeze({ valeur: null, secret: true } as const);

export function sansRaison(cellule: Cellule): CelluleStatistique {
  return cellule.valeur === null ? CELLULE_MASQUEE : { valeur: cellule.valeur };
}

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

/** Smallest count published as is: also the least number of rows sharing a published combination of quasi-identifiers. */
export const SEUIL_SECRET_STATISTIQUE = 5;

interface Terme {
  valeur: number;
  secret: Secret | null;
  /** False for a term no reader is shown, only its relations: always unknown, marked only when small. */
  publie: boolean;
}

interface Equation {
  parties: number[];
  total: number;
}

interface Lecture {
  /** The mark says why a term is masked: a reader then knows 'primaire' < seuil ≤ 'secondaire'. */
  raisonsPubliees: boolean;
}

/** What the reader does not read: a masked term, or one never shown. */
const inconnu = (t: Terme): boolean => t.secret !== null || !t.publie;

/**
 * Suppression over any system of "sum of parts = total" equations; mutates termes[].secret and
 * returns what combining the final publication's equations tells a reader. A term never shown is
 * unknown to the reader; it is marked (and protected) only when small.
 */
function proteger(termes: Terme[], equations: Equation[], seuil: number, imposes: ReadonlySet<number>, lecture: Lecture): Elimination {
  const membres = equations.map((e) => [...e.parties, e.total]);
  const equationsDe = termes.map(() => [] as number[]);
  membres.forEach((m, e) => m.forEach((t) => equationsDe[t].push(e)));
  const inconnus = new Int32Array(equations.length);
  membres.forEach((m, e) => {
    inconnus[e] = m.filter((t) => inconnu(termes[t])).length;
  });
  const aRevoir: number[] = [];
  let elimination: Elimination | null = null;
  const masquer = (t: number, secret: Secret): void => {
    const etaitConnu = !inconnu(termes[t]);
    termes[t].secret = secret;
    if (!etaitConnu) return;
    for (const e of equationsDe[t]) if (++inconnus[e] === 1) aRevoir.push(e);
    elimination?.rendreInconnu(t);
  };

  /** The shown term to mask next to the given equations' unknowns (see 2. above), or null. */
  const compagnon = (eqs: number[]): number | null => {
    let meilleur: number | null = null;
    let rang: number[] = [];
    for (const e of eqs) {
      for (const t of membres[e]) {
        if (inconnu(termes[t]) || termes[t].valeur === 0) continue;
        const r = [t === equations[e].total ? 1 : 0, termes[t].valeur, t];
        if (meilleur === null || compare(r, rang) < 0) {
          meilleur = t;
          rang = r;
        }
      }
    }
    return meilleur;
  };

  /**
   * The companion of a term, in its equations or, when all their terms are unknown or zero, in the
   * nearest equations through unknown terms; with the equations looked at.
   */
  const compagnonProche = (depart: number): { compagnon: number | null; vues: number[] } => {
    const vues = new Set(equationsDe[depart]);
    let front = [...vues];
    while (front.length > 0) {
      const c = compagnon(front);
      if (c !== null) return { compagnon: c, vues: [...vues] };
      const suivant: number[] = [];
      for (const e of front) {
        for (const t of membres[e]) {
          if (!inconnu(termes[t])) continue;
          for (const f of equationsDe[t])
            if (!vues.has(f)) {
              vues.add(f);
              suivant.push(f);
            }
        }
      }
      front = suivant;
    }
    return { compagnon: null, vues: [...vues] };
  };

  const regleDesEquations = (): void => {
    while (aRevoir.length > 0) {
      const e = aRevoir.pop()!;
      if (inconnus[e] !== 1 || !membres[e].some((t) => termes[t].secret !== null)) continue;
      const c = compagnon([e]);
      if (c !== null) masquer(c, 'secondaire');
    }
  };

  termes.forEach((terme, t) => {
    if (terme.valeur > 0 && terme.valeur < seuil) masquer(t, 'primaire');
    else if (terme.valeur > 0 && imposes.has(t) && terme.publie) masquer(t, 'secondaire');
  });
  equations.forEach((_, e) => {
    if (inconnus[e] === 1) aRevoir.push(e);
  });
  regleDesEquations();
  elimination = new Elimination(termes, equations);

  for (;;) {
    let ajout = false;
    // A term some combination isolates: mask a shown term of that combination, one at a time.
    for (let d = elimination.premierDetermine(); d !== null; d = elimination.premierDetermine()) {
      const c = elimination.compagnon(d) ?? compagnonProche(d).compagnon;
      if (c === null) break;
      masquer(c, 'secondaire');
      regleDesEquations();
      ajout = true;
    }
    // Pinned by bounds: one more suppression near each, unless one was just made where it was looked for.
    const touchees = new Set<number>();
    for (const t of bornesAtteintes(termes, equations, equationsDe, seuil, lecture)) {
      if (equationsDe[t].some((e) => touchees.has(e))) continue;
      const { compagnon: c, vues } = compagnonProche(t);
      if (c === null) continue;
      masquer(c, 'secondaire');
      for (const e of [...vues, ...equationsDe[c]]) touchees.add(e);
      ajout = true;
    }
    regleDesEquations();
    if (!ajout) return elimination;
  }
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/**
 * Marked terms a reader pins to one value from shown terms and what masks tell (a masked count is
 * at least 1, or within its reason's range; a term never shown is at least 0), bounds being
 * propagated through the equations.
 */
function bornesAtteintes(termes: Terme[], equations: Equation[], equationsDe: number[][], seuil: number, lecture: Lecture): number[] {
  const bas = termes.map((t) => (!inconnu(t) ? t.valeur : !t.publie ? 0 : lecture.raisonsPubliees && t.secret === 'secondaire' ? seuil : 1));
  const haut = termes.map((t) => (!inconnu(t) ? t.valeur : t.publie && lecture.raisonsPubliees && t.secret === 'primaire' ? seuil - 1 : Infinity));
  const enFile = new Uint8Array(equations.length);
  const file: number[] = [];
  equations.forEach((e, i) => {
    if (e.parties.some((p) => inconnu(termes[p])) || inconnu(termes[e.total])) {
      file.push(i);
      enFile[i] = 1;
    }
  });
  // Integer bounds only tighten, so this terminates; the budget keeps pathological systems cheap.
  let budget = 50 * equations.length + 1000;
  const resserrer = (t: number, b: number, h: number): void => {
    let change = false;
    if (b > bas[t]) {
      bas[t] = b;
      change = true;
    }
    if (h < haut[t]) {
      haut[t] = h;
      change = true;
    }
    if (change)
      for (const e of equationsDe[t])
        if (!enFile[e]) {
          enFile[e] = 1;
          file.push(e);
        }
  };
  for (let k = 0; k < file.length && budget > 0; k++, budget--) {
    const e = file[k];
    enFile[e] = 0;
    const { parties, total } = equations[e];
    let sommeBas = 0;
    let sommeHaut = 0;
    let infinis = 0;
    for (const p of parties) {
      sommeBas += bas[p];
      if (haut[p] === Infinity) infinis++;
      else sommeHaut += haut[p];
    }
    resserrer(total, sommeBas, infinis > 0 ? Infinity : sommeHaut);
    for (const p of parties) {
      const autresInfinis = infinis - (haut[p] === Infinity ? 1 : 0);
      const hautDesAutres = autresInfinis > 0 ? Infinity : sommeHaut - (haut[p] === Infinity ? 0 : haut[p]);
      resserrer(p, bas[total] - hautDesAutres, haut[total] - (sommeBas - bas[p]));
    }
  }
  return termes.flatMap((t, i) => (t.secret !== null && bas[i] === haut[i] ? [i] : []));
}

/** A prime below 2^26: products of two residues stay exact in a double. */
const PREMIER = 67108859;

function inverse(a: number): number {
  let [r0, r1, s0, s1] = [a, PREMIER, 1, 0];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % PREMIER) + PREMIER) % PREMIER;
}

/**
 * What combining the equations tells a reader: Gauss–Jordan elimination on the unknown terms,
 * modulo a prime (the coefficients are ±1: a false alarm would only mask one cell more), kept up
 * to date as terms get masked. Shown non-zero terms ride along as constants: a row that isolates
 * a term says which shown terms its combination uses, and a row left without unknowns is an
 * identity between shown terms, which "ties" them (masking one of those alone gives it back).
 */
class Elimination {
  private readonly lignes: Array<Map<number, number>> = [];
  /** Unknown terms in each row. */
  private readonly inconnues: number[] = [];
  /** Rows of each term (unknown or shown). */
  private readonly lignesDe = new Map<number, Set<number>>();

  private ajouterLigneDe(terme: number, ligne: number): void {
    const lignes = this.lignesDe.get(terme);
    if (lignes) lignes.add(ligne);
    else this.lignesDe.set(terme, new Set([ligne]));
  }
  /** Pivot term → its row: 1 at the pivot, 0 at every other pivot. */
  private readonly pivots = new Map<number, number>();
  /** Rows with a single unknown: their pivot is isolated. */
  private readonly isolantes = new Set<number>();

  constructor(
    private readonly termes: Terme[],
    equations: Equation[],
  ) {
    for (const { parties, total } of equations) {
      const ligne = new Map<number, number>();
      const ajouter = (t: number, c: number) => {
        if (!inconnu(termes[t]) && termes[t].valeur === 0) return;
        const v = ((ligne.get(t) ?? 0) + c + PREMIER) % PREMIER;
        if (v === 0) ligne.delete(t);
        else ligne.set(t, v);
      };
      parties.forEach((p) => ajouter(p, 1));
      ajouter(total, PREMIER - 1);
      if (ligne.size === 0) continue;
      const r = this.lignes.push(ligne) - 1;
      this.inconnues.push([...ligne.keys()].filter((t) => inconnu(termes[t])).length);
      for (const t of ligne.keys()) this.ajouterLigneDe(t, r);
    }
    this.lignes.forEach((_, r) => this.compter(r, 0));
    const ordre = this.lignes.map((_, r) => r).sort((a, b) => this.inconnues[a] - this.inconnues[b] || a - b);
    for (const r of ordre) {
      if (this.inconnues[r] === 0) continue;
      // The unknown in fewest rows keeps the fill-in small.
      let colonne = -1;
      for (const t of this.lignes[r].keys()) {
        if (!inconnu(termes[t])) continue;
        const n = this.lignesDe.get(t)!.size;
        if (colonne < 0 || n < this.lignesDe.get(colonne)!.size || (n === this.lignesDe.get(colonne)!.size && t < colonne)) colonne = t;
      }
      this.pivoter(r, colonne);
    }
  }

  /** Makes `colonne` the pivot of row r and clears it from every other row. */
  private pivoter(r: number, colonne: number): void {
    const ligne = this.lignes[r];
    const inv = inverse(ligne.get(colonne)!);
    for (const [t, c] of ligne) ligne.set(t, (c * inv) % PREMIER);
    this.pivots.set(colonne, r);
    this.compter(r, 0);
    for (const autre of [...this.lignesDe.get(colonne)!]) {
      if (autre === r) continue;
      const cible = this.lignes[autre];
      const facteur = cible.get(colonne)!;
      let delta = 0;
      for (const [t, c] of ligne) {
        const v = ((((cible.get(t) ?? 0) - ((facteur * c) % PREMIER)) % PREMIER) + PREMIER) % PREMIER;
        const etait = cible.has(t);
        if (v === 0) cible.delete(t);
        else cible.set(t, v);
        if (etait === (v !== 0)) continue;
        if (v === 0) this.lignesDe.get(t)!.delete(autre);
        else this.ajouterLigneDe(t, autre);
        if (inconnu(this.termes[t])) delta += v === 0 ? -1 : 1;
      }
      this.compter(autre, delta);
    }
  }

  private compter(r: number, delta: number): void {
    this.inconnues[r] += delta;
    if (this.inconnues[r] === 1) this.isolantes.add(r);
    else this.isolantes.delete(r);
  }

  /** Term t, shown until now, is masked: it becomes an unknown of every row it is in. */
  rendreInconnu(t: number): void {
    const lignes = [...(this.lignesDe.get(t) ?? [])];
    // In an identity between shown terms, t is now isolated by it: it becomes that row's pivot.
    const identite = lignes.filter((r) => this.inconnues[r] === 0).sort((a, b) => this.lignes[a].size - this.lignes[b].size || a - b)[0];
    for (const r of lignes) this.compter(r, 1);
    if (identite !== undefined) this.pivoter(identite, t);
  }

  /** The first marked term a combination isolates, or null. */
  premierDetermine(): number | null {
    let premier: number | null = null;
    for (const r of this.isolantes) {
      const t = [...this.lignes[r].keys()].find((u) => inconnu(this.termes[u]))!;
      // A term never shown and not small may be computed: it stays so, unless its row changes.
      if (this.termes[t].secret === null) this.isolantes.delete(r);
      else if (premier === null || t < premier) premier = t;
    }
    return premier;
  }

  /**
   * The shown term of the combination isolating d whose masking frees it: one no identity ties
   * (else masking it alone would isolate it in turn), the smallest; else the smallest.
   */
  compagnon(d: number): number | null {
    const lie = (c: number) => [...this.lignesDe.get(c)!].some((r) => this.inconnues[r] === 0);
    const rang = (c: number) => [lie(c) ? 1 : 0, this.termes[c].valeur, c];
    const candidats = [...this.lignes[this.pivots.get(d)!].keys()].filter((c) => !inconnu(this.termes[c]));
    return candidats.length === 0 ? null : candidats.reduce((a, b) => (compare(rang(b), rang(a)) < 0 ? b : a));
  }

  /**
   * What is left of an unknown term once every combination is used: nothing for an isolated one,
   * free unknowns otherwise. A sum is given exactly when its terms' remainders cancel out.
   */
  reste(t: number): Map<number, number> {
    const pivot = this.pivots.get(t);
    if (pivot === undefined) return new Map([[t, 1]]);
    return new Map([...this.lignes[pivot]].flatMap(([u, c]) => (u !== t && inconnu(this.termes[u]) ? [[u, PREMIER - c] as [number, number]] : [])));
  }
}

/** Whether the remainders of some terms cancel out, i.e. a reader computes their sum. */
function sommeDeterminee(restes: ReadonlyArray<ReadonlyMap<number, number>>): boolean {
  const somme = new Map<number, number>();
  for (const reste of restes) {
    for (const [u, c] of reste) {
      const v = ((somme.get(u) ?? 0) + c) % PREMIER;
      if (v === 0) somme.delete(u);
      else somme.set(u, v);
    }
  }
  return somme.size === 0;
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

function verifierEquations(termes: Terme[], equations: Equation[]): void {
  for (const { parties, total } of equations) {
    if ([...parties, total].some((t) => !Number.isInteger(t) || t < 0 || t >= termes.length)) {
      throw new TypeError('Une équation désigne un terme inexistant');
    }
    if (parties.reduce((s, p) => s + termes[p].valeur, 0) !== termes[total].valeur) {
      throw new TypeError('Une équation est fausse : la somme des parties diffère du total');
    }
  }
}

function publier(terme: Terme): Cellule {
  return terme.secret === null ? { valeur: terme.valeur } : { valeur: null, secret: terme.secret };
}

const terme = (valeur: number): Terme => ({ valeur: verifierComptage(valeur), secret: null, publie: true });

/** 2-D table with row, column and grand totals computed from the real counts; the marks say why. */
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
  for (const ligne of valeurs) for (const v of ligne) termes.push(terme(v));
  for (const ligne of valeurs) termes.push(terme(ligne.reduce((s, v) => s + v, 0)));
  for (let j = 0; j < n; j++) termes.push(terme(valeurs.reduce((s, l) => s + l[j], 0)));
  termes.push(terme(valeurs.flat().reduce((s, v) => s + v, 0)));

  const indices = (k: number): number[] => Array.from({ length: k }, (_, x) => x);
  const equations: Equation[] = [
    ...indices(m).map((i) => ({ parties: indices(n).map((j) => cellule(i, j)), total: totalLigne(i) })),
    ...indices(n).map((j) => ({ parties: indices(m).map((i) => cellule(i, j)), total: totalColonne(j) })),
    { parties: indices(m).map(totalLigne), total: totalGeneral },
    { parties: indices(n).map(totalColonne), total: totalGeneral },
  ];
  proteger(termes, equations, seuil, new Set(), { raisonsPubliees: true });

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

/**
 * 1-D variant: labelled counts and their total; the marks say why. `masquer` masks a non-zero count
 * whatever its size (e.g. an estimate computed from a masked count), then its complement as any other.
 */
export function appliquerSecretStatistiqueListe(
  comptages: { libelle: string; valeur: number; masquer?: boolean }[],
  options: OptionsSecret = {},
): ListePubliee {
  const seuil = verifierSeuil(options);
  const termes: Terme[] = comptages.map((c) => terme(c.valeur));
  termes.push(terme(comptages.reduce((s, c) => s + c.valeur, 0)));
  const imposes = new Set(comptages.flatMap((c, i) => (c.masquer ? [i] : [])));
  proteger(termes, [{ parties: comptages.map((_, i) => i), total: comptages.length }], seuil, imposes, { raisonsPubliees: true });
  return {
    seuil,
    cellules: comptages.map((c, i) => ({ libelle: c.libelle, ...publier(termes[i]) })),
    total: publier(termes[comptages.length]),
  };
}

/** A relation between rows (or columns) of a table: the parts add up to the total, in every column (row). */
export interface SommeDe {
  total: string;
  parties: readonly string[];
}

/**
 * One table of a publication. Every table a reader may obtain of the same counts (an
 * establishment's, its commune's, its département's…) goes into one call, so that the relations
 * between tables are protected like those within one.
 */
export interface TableauDeComptages {
  /** Key of the table, unique in the publication (e.g. an establishment, a territory). */
  cle: string;
  /** Count of each cell: row → column → count. */
  cellules: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Rows adding up to another row, column by column (total = Σ niveaux, voie = Σ séries). */
  sommesDeLignes?: readonly SommeDe[];
  /** Columns adding up to another column, row by row (inscrits = absents + présents). */
  sommesDeColonnes?: readonly SommeDe[];
  /**
   * Lists of tables adding up to this one, cell by cell (a commune = Σ its establishments). A table
   * of the list without a cell of this one has none of its count there.
   */
  decompositions?: ReadonlyArray<readonly string[]>;
  /** Rows and columns computed but never shown (only their relations are): masked for free. */
  lignesCachees?: ReadonlySet<string>;
  colonnesCachees?: ReadonlySet<string>;
}

/** Published cells, table → row → column; a mask carries its reason, for the caller to show or not. */
export type TableauxPublies = Map<string, Map<string, Map<string, Cellule>>>;

/** A published table as the APIs show it: (row, column) → cell, the reason of a mask withheld. */
export function lecteurDuTableau(tableaux: TableauxPublies, cle: string): (ligne: string, colonne: string) => CelluleStatistique {
  const lignes = tableaux.get(cle);
  if (!lignes) throw new TypeError(`Tableau non publié : ${cle}`);
  return (ligne, colonne) => {
    const cellule = lignes.get(ligne)?.get(colonne);
    if (!cellule) throw new TypeError(`Cellule non publiée : ${cle} ${ligne} ${colonne}`);
    return sansRaison(cellule);
  };
}

export interface Publication {
  tableaux: TableauxPublies;
  /**
   * Whether a reader computes the sum of these cells from the publication (e.g. a subtotal over
   * levels chosen by the request): it may then be shown, it tells nothing more. Cells of the
   * tables named in `sousTotaux` only.
   */
  sommeConnue(cellules: ReadonlyArray<{ tableau: string; ligne: string; colonne: string }>): boolean;
}

export interface OptionsPublication extends OptionsSecret {
  /** Tables whose subtotals `sommeConnue` will be asked about (what it needs is kept, the rest freed). */
  sousTotaux?: Iterable<string>;
}

/**
 * The publication of many tables a reader may combine, under one statistical secret: the
 * masking of a cell is the same in every table and every route that shows it, and no masked
 * cell is found again by combining them. Callers that do not show the reasons of masks get a
 * reader who only knows that a masked count is not zero.
 */
export function publierTableaux(tableaux: readonly TableauDeComptages[], options: OptionsPublication = {}): Publication {
  const seuil = verifierSeuil(options);
  const termes: Terme[] = [];
  const indices = new Map<string, Map<string, Map<string, number>>>();
  for (const tableau of tableaux) {
    if (indices.has(tableau.cle)) throw new TypeError(`Tableau en double : ${tableau.cle}`);
    const lignes = new Map<string, Map<string, number>>();
    for (const [ligne, colonnes] of tableau.cellules) {
      const cellules = new Map<string, number>();
      for (const [colonne, valeur] of colonnes) {
        const publie = !tableau.lignesCachees?.has(ligne) && !tableau.colonnesCachees?.has(colonne);
        cellules.set(colonne, termes.push({ ...terme(valeur), publie }) - 1);
      }
      lignes.set(ligne, cellules);
    }
    indices.set(tableau.cle, lignes);
  }

  const equations: Equation[] = [];
  for (const tableau of tableaux) {
    const lignes = indices.get(tableau.cle)!;
    for (const { total, parties } of tableau.sommesDeLignes ?? []) {
      for (const [colonne, t] of lignes.get(total) ?? []) {
        equations.push({ total: t, parties: parties.flatMap((p) => lignes.get(p)?.get(colonne) ?? []) });
      }
    }
    for (const { total, parties } of tableau.sommesDeColonnes ?? []) {
      for (const cellules of lignes.values()) {
        const t = cellules.get(total);
        if (t !== undefined) equations.push({ total: t, parties: parties.flatMap((p) => cellules.get(p) ?? []) });
      }
    }
    for (const decomposition of tableau.decompositions ?? []) {
      const parties = decomposition.map((cle) => {
        const partie = indices.get(cle);
        if (!partie) throw new TypeError(`Décomposition de ${tableau.cle} : tableau inconnu ${cle}`);
        return partie;
      });
      for (const [ligne, cellules] of lignes) {
        for (const [colonne, t] of cellules) {
          equations.push({ total: t, parties: parties.flatMap((p) => p.get(ligne)?.get(colonne) ?? []) });
        }
      }
    }
  }
  verifierEquations(termes, equations);
  const elimination = proteger(termes, equations, seuil, new Set(), { raisonsPubliees: false });

  const publies: TableauxPublies = new Map();
  for (const [cle, lignes] of indices) {
    publies.set(cle, new Map([...lignes].map(([ligne, cellules]) => [ligne, new Map([...cellules].map(([colonne, t]) => [colonne, publier(termes[t])]))])));
  }
  // Only the remainders of the cells subtotals may be asked about are kept: the elimination is large.
  const restes = new Map<string, ReadonlyMap<number, number>>();
  const cleCellule = (tableau: string, ligne: string, colonne: string) => JSON.stringify([tableau, ligne, colonne]);
  for (const tableau of options.sousTotaux ?? []) {
    for (const [ligne, cellules] of indices.get(tableau) ?? []) {
      for (const [colonne, t] of cellules) restes.set(cleCellule(tableau, ligne, colonne), inconnu(termes[t]) ? elimination.reste(t) : new Map());
    }
  }
  return {
    tableaux: publies,
    sommeConnue: (cellules) =>
      sommeDeterminee(
        cellules.map(({ tableau, ligne, colonne }) => {
          const reste = restes.get(cleCellule(tableau, ligne, colonne));
          if (!reste) throw new TypeError(`Cellule sans sous-total prévu : ${tableau} ${ligne} ${colonne}`);
          return reste;
        }),
      ),
  };
}
