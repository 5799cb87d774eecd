/**
 * Deterministic randomness for the synthetic data: the same seed and key always give the same
 * sequence, on every machine and Node version (no Math.random, no clock).
 */

/** 32-bit FNV-1a of a string, finalised with murmur3's mixer so that close keys diverge. */
export function hacher32(texte: string, graine = 0): number {
  let h = (0x811c9dc5 ^ graine) >>> 0;
  for (let i = 0; i < texte.length; i++) {
    h ^= texte.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return melanger32(h);
}

function melanger32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** xoshiro128** seeded through splitmix32: small, fast, and good enough for simulation. */
export class Alea {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** The 32-bit seed this stream was built from: `fils` derives sub-streams from it. */
  readonly graine: number;

  constructor(graine: number) {
    this.graine = graine >>> 0;
    let s = this.graine;
    const suivant = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      return melanger32(s);
    };
    this.a = suivant();
    this.b = suivant();
    this.c = suivant();
    this.d = suivant();
  }

  /** An independent stream for a named sub-part (a commune, a household): adding draws to one part never shifts another. */
  fils(cle: string): Alea {
    return new Alea(hacher32(cle, this.graine));
  }

  /** Uniform integer in [0, 2^32). */
  entier32(): number {
    const resultat = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return resultat;
  }

  /** Uniform in [0, 1). */
  nombre(): number {
    return this.entier32() / 4294967296;
  }

  /** Uniform integer in [min, max] (both included). */
  entre(min: number, max: number): number {
    return min + Math.floor(this.nombre() * (max - min + 1));
  }

  probabilite(p: number): boolean {
    return this.nombre() < p;
  }

  choisir<T>(valeurs: readonly T[]): T {
    return valeurs[Math.floor(this.nombre() * valeurs.length)];
  }

  /** Rounds 2.3 to 2 seven times out of ten and to 3 otherwise, so small expected counts add up right. */
  arrondir(valeur: number): number {
    const base = Math.floor(valeur);
    return base + (this.nombre() < valeur - base ? 1 : 0);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A weighted list drawn in O(log n): cumulative weights and a binary search. */
export class TablePonderee<T> {
  private readonly cumuls: Float64Array;
  readonly total: number;

  constructor(
    readonly valeurs: readonly T[],
    poids: readonly number[],
  ) {
    if (valeurs.length === 0 || valeurs.length !== poids.length) throw new RangeError('Table pondérée vide ou incohérente');
    this.cumuls = new Float64Array(poids.length);
    let somme = 0;
    poids.forEach((p, i) => {
      somme += Math.max(0, p);
      this.cumuls[i] = somme;
    });
    if (somme <= 0) throw new RangeError('Table pondérée sans poids');
    this.total = somme;
  }

  static depuis<T>(entrees: ReadonlyArray<readonly [T, number]>): TablePonderee<T> {
    return new TablePonderee(
      entrees.map(([v]) => v),
      entrees.map(([, p]) => p),
    );
  }

  tirer(alea: Alea): T {
    const cible = alea.nombre() * this.total;
    let bas = 0;
    let haut = this.cumuls.length - 1;
    while (bas < haut) {
      const milieu = (bas + haut) >>> 1;
      if (this.cumuls[milieu] > cible) haut = milieu;
      else bas = milieu + 1;
    }
    return this.valeurs[bas];
  }
}
