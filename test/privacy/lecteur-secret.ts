/**
 * A reader attacking published aggregates with everything they tell together: every published
 * cell of every table it can obtain, and every "sum of parts = total" relation between them,
 * within a table and across tables (an establishment and its commune, a commune and its
 * département, a total and its mentions…). Written independently of the gateway's kernel.
 *
 * Three attacks, each stronger than the one before:
 * - `difference`: a relation with a single unknown gives it by subtraction, repeated with what it learnt;
 * - `bornes`: zeros are published, so a masked cell is at least 1; bounds are narrowed through the relations;
 * - `combinaison`: any linear combination of relations (exact Gauss–Jordan elimination over the rationals).
 */

/** What the reader knows of one count. */
export type Etat =
  | { connue: number }
  /** Published as masked: the reader knows it is not zero. */
  | { masquee: true }
  /** Not published to this reader (another recipient's table, or a count no table shows): zero or more. */
  | { invisible: true };

export interface Retrouvee {
  cle: string;
  valeur: number;
  attaque: 'difference' | 'bornes' | 'combinaison';
  /** The cell was published masked (otherwise: a count no reader may see, found under the threshold). */
  masquee: boolean;
}

interface Variable {
  cle: string;
  etat: Etat;
  reel: number;
}

export class Lecteur {
  private readonly variables: Variable[] = [];
  private readonly indices = new Map<string, number>();
  private readonly relations: Array<{ parties: number[]; total: number }> = [];
  /** Cells published with a value in one answer and masked in another: the reader has the value. */
  readonly incoherences: string[] = [];

  /**
   * Records a count. The same count met in several answers (a commune's level in two prévisions)
   * must be masked the same way everywhere; the reader keeps the best knowledge.
   */
  cellule(cle: string, etat: Etat, reel: number): void {
    const i = this.indices.get(cle);
    if (i === undefined) {
      this.indices.set(cle, this.variables.push({ cle, etat, reel }) - 1);
      return;
    }
    const v = this.variables[i];
    const connue = (e: Etat) => 'connue' in e;
    if (connue(v.etat) !== connue(etat) && !('invisible' in v.etat) && !('invisible' in etat)) this.incoherences.push(cle);
    if (connue(etat) || 'invisible' in v.etat) v.etat = etat;
  }

  connait(cle: string): boolean {
    return this.indices.has(cle);
  }

  relation(total: string, parties: string[]): void {
    const indice = (c: string) => {
      const i = this.indices.get(c);
      if (i === undefined) throw new Error(`relation sur une cellule inconnue : ${c}`);
      return i;
    };
    this.relations.push({ total: indice(total), parties: parties.map(indice) });
  }

  get nombreMasquees(): number {
    return this.variables.filter((v) => 'masquee' in v.etat).length;
  }

  /** Every masked cell the reader pins to one value, and every unseen count it finds in [1, seuil−1]. */
  attaquer(seuil: number): Retrouvee[] {
    const retrouvees: Retrouvee[] = [];
    const signaler = (i: number, valeur: number, attaque: Retrouvee['attaque']) => {
      const v = this.variables[i];
      // The model of the reader is checked against the truth: an attack that finds a wrong value is a bug of the test.
      if (valeur !== v.reel) throw new Error(`${attaque} : ${v.cle} vaudrait ${valeur}, vaut ${v.reel}`);
      const masquee = 'masquee' in v.etat;
      if (masquee || (valeur > 0 && valeur < seuil)) retrouvees.push({ cle: v.cle, valeur, attaque, masquee });
    };
    const connues = this.variables.map((v) => ('connue' in v.etat ? v.etat.connue : null));
    this.difference(connues, (i, x) => signaler(i, x, 'difference'));
    const dejaSignalees = new Set(retrouvees.map((r) => r.cle));
    this.bornes(connues, (i, x) => {
      if (!dejaSignalees.has(this.variables[i].cle)) signaler(i, x, 'bornes');
    });
    for (const r of retrouvees) dejaSignalees.add(r.cle);
    this.combinaison(connues, (i, x) => {
      if (!dejaSignalees.has(this.variables[i].cle)) signaler(i, x, 'combinaison');
    });
    return retrouvees;
  }

  /** Solves every relation with one unknown, until nothing moves; `connues` is completed in place. */
  private difference(connues: (number | null)[], trouve: (i: number, valeur: number) => void): void {
    for (let progres = true; progres;) {
      progres = false;
      for (const { parties, total } of this.relations) {
        const inconnues = [...parties, total].filter((t) => connues[t] === null);
        if (inconnues.length !== 1) continue;
        const [x] = inconnues;
        const somme = parties.reduce((s, p) => (p === x ? s : s + connues[p]!), 0);
        connues[x] = x === total ? somme : connues[total]! - somme;
        trouve(x, connues[x]!);
        progres = true;
      }
    }
  }

  private bornes(connues: (number | null)[], trouve: (i: number, valeur: number) => void): void {
    const bas = this.variables.map((v, i) => connues[i] ?? ('masquee' in v.etat ? 1 : 0));
    const haut = this.variables.map((_, i) => connues[i] ?? Infinity);
    for (let change = true, tour = 0; change && tour < 500; tour++) {
      change = false;
      const borner = (t: number, b: number, h: number) => {
        if (b > bas[t]) {
          bas[t] = b;
          change = true;
        }
        if (h < haut[t]) {
          haut[t] = h;
          change = true;
        }
      };
      for (const { parties, total } of this.relations) {
        const sommeBas = parties.reduce((s, p) => s + bas[p], 0);
        // Sum of the finite upper bounds and how many are infinite, so that "all but p" stays exact.
        const sommeHaut = parties.reduce((s, p) => (haut[p] === Infinity ? s : s + haut[p]), 0);
        const infinis = parties.filter((p) => haut[p] === Infinity).length;
        borner(total, sommeBas, infinis > 0 ? Infinity : sommeHaut);
        for (const p of parties) {
          const autresInfinis = infinis - (haut[p] === Infinity ? 1 : 0);
          const hautDesAutres = autresInfinis > 0 ? Infinity : sommeHaut - (haut[p] === Infinity ? 0 : haut[p]);
          borner(p, bas[total] - hautDesAutres, haut[total] - (sommeBas - bas[p]));
        }
      }
    }
    this.variables.forEach((_, i) => {
      if (connues[i] === null && bas[i] === haut[i]) trouve(i, bas[i]);
    });
  }

  /** Gauss–Jordan elimination over the rationals, on integer rows kept primitive (divided by their gcd). */
  private combinaison(connues: (number | null)[], trouve: (i: number, valeur: number) => void): void {
    type Ligne = { coefs: Map<number, bigint>; rhs: bigint };
    const lignes: Ligne[] = [];
    for (const { parties, total } of this.relations) {
      // Σ parts − total = 0, known terms moved to the right-hand side.
      const coefs = new Map<number, bigint>();
      let rhs = 0n;
      const ajouter = (t: number, c: bigint) => {
        if (connues[t] !== null) rhs -= c * BigInt(connues[t]!);
        else coefs.set(t, (coefs.get(t) ?? 0n) + c);
      };
      parties.forEach((p) => ajouter(p, 1n));
      ajouter(total, -1n);
      for (const [t, c] of coefs) if (c === 0n) coefs.delete(t);
      if (coefs.size > 0) lignes.push({ coefs, rhs });
    }
    const abs = (x: bigint) => (x < 0n ? -x : x);
    const pgcd = (a: bigint, b: bigint): bigint => (b === 0n ? abs(a) : pgcd(b, a % b));
    const normaliser = (l: Ligne) => {
      let g = abs(l.rhs);
      for (const c of l.coefs.values()) g = pgcd(g, c);
      if (g > 1n) {
        for (const [t, c] of l.coefs) l.coefs.set(t, c / g);
        l.rhs /= g;
      }
    };
    const lignesDe = new Map<number, Set<number>>();
    lignes.forEach((l, r) => l.coefs.forEach((_, t) => (lignesDe.get(t) ?? lignesDe.set(t, new Set()).get(t)!).add(r)));
    const pivots = new Set<number>();
    // Shortest rows first keeps the fill-in small.
    const ordre = lignes.map((_, r) => r).sort((a, b) => lignes[a].coefs.size - lignes[b].coefs.size);
    for (const r of ordre) {
      const l = lignes[r];
      if (l.coefs.size === 0) continue;
      const [colonne, a] = [...l.coefs].sort(([x], [y]) => lignesDe.get(x)!.size - lignesDe.get(y)!.size)[0];
      pivots.add(r);
      for (const autre of [...lignesDe.get(colonne)!]) {
        if (autre === r) continue;
        const m = lignes[autre];
        const b = m.coefs.get(colonne)!;
        for (const t of m.coefs.keys()) lignesDe.get(t)!.delete(autre);
        const coefs = new Map<number, bigint>();
        for (const [t, c] of m.coefs) coefs.set(t, a * c);
        for (const [t, c] of l.coefs) {
          const v = (coefs.get(t) ?? 0n) - b * c;
          if (v === 0n) coefs.delete(t);
          else coefs.set(t, v);
        }
        m.coefs = coefs;
        m.rhs = a * m.rhs - b * l.rhs;
        normaliser(m);
        for (const t of m.coefs.keys()) lignesDe.get(t)!.add(autre);
      }
    }
    for (const r of pivots) {
      const l = lignes[r];
      if (l.coefs.size !== 1) continue;
      const [[t, c]] = [...l.coefs];
      trouve(t, Number(l.rhs / c));
    }
  }
}
