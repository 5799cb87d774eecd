/**
 * The one scope filter: every response object goes through it, so a field the registry does not
 * list for the caller's scopes never leaves the gateway (minimisation, RGPD art. 5.1.c).
 *
 * Field paths are dotted (`identite.nom`); arrays are transparent (`responsables.nom` applies to
 * every element); listing a parent keeps its whole subtree. Whatever a listed path does not
 * reach is omitted — including objects and arrays that would be left empty.
 */

/** `true`: keep the whole subtree; a map: keep only these children. */
type Noeud = true | Map<string, Noeud>;

export type Masque = <T>(valeur: T) => Partial<T>;

function compilerArbre(champs: readonly string[]): Map<string, Noeud> {
  const racine = new Map<string, Noeud>();
  for (const champ of champs) {
    const segments = champ.split('.');
    let noeud = racine;
    for (const [i, segment] of segments.entries()) {
      if (segment === '') throw new TypeError(`Chemin de champ invalide dans le masque : « ${champ} »`);
      const existant = noeud.get(segment);
      if (existant === true) break; // an ancestor already keeps everything below
      if (i === segments.length - 1) {
        noeud.set(segment, true);
      } else {
        const enfant = existant ?? new Map<string, Noeud>();
        noeud.set(segment, enfant);
        noeud = enfant;
      }
    }
  }
  return racine;
}

function estObjet(valeur: unknown): valeur is Record<string, unknown> {
  return typeof valeur === 'object' && valeur !== null && !Array.isArray(valeur) && !(valeur instanceof Date);
}

type Filtre = (valeur: unknown) => unknown;

/**
 * The tree turned into nested closures, once per mask: each object level walks its own listed
 * keys, with no map lookup, and builds its result key by key (the same shape for every row).
 * A filter returns undefined when nothing listed is present, so the caller omits the key.
 */
function compilerFiltre(arbre: Map<string, Noeud>): Filtre {
  const listes = [...arbre].map(([cle, noeud]) => ({ cle, sous: noeud === true ? undefined : compilerFiltre(noeud), proto: cle === '__proto__' }));
  const filtre = (valeur: unknown): unknown => {
    if (Array.isArray(valeur)) {
      const elements: unknown[] = [];
      for (const element of valeur) {
        const garde = filtre(element);
        if (garde !== undefined) elements.push(garde);
      }
      return elements.length > 0 ? elements : undefined;
    }
    if (!estObjet(valeur)) return undefined;
    let gardes: Record<string, unknown> | undefined;
    for (const { cle, sous, proto } of listes) {
      if (!Object.prototype.hasOwnProperty.call(valeur, cle)) continue;
      const sousValeur = sous === undefined ? valeur[cle] : sous(valeur[cle]);
      if (sousValeur === undefined) continue;
      gardes ??= {};
      // Defined, not assigned, so a key such as "__proto__" cannot touch the prototype.
      if (proto) Object.defineProperty(gardes, cle, { value: sousValeur, enumerable: true, writable: true, configurable: true });
      else gardes[cle] = sousValeur;
    }
    return gardes;
  };
  return filtre;
}

/** Compile once, apply to every row of a list. */
export function compilerMasque(champs: readonly string[]): Masque {
  const filtre = compilerFiltre(compilerArbre(champs));
  return <T>(valeur: T): Partial<T> => {
    if (Array.isArray(valeur)) {
      return valeur.map((element) => filtre(element) ?? {}) as unknown as Partial<T>;
    }
    return (filtre(valeur) ?? {}) as Partial<T>;
  };
}

export function appliquerMasque<T>(valeur: T, champs: readonly string[]): Partial<T> {
  return compilerMasque(champs)(valeur);
}

/** Fields opened by a set of scopes: the union of the registry's scope→fields table. An unknown scope opens nothing. */
export function champsDesScopes(table: Readonly<Record<string, readonly string[]>>, scopes: readonly string[]): string[] {
  const champs = new Set<string>();
  for (const scope of scopes) {
    if (!Object.prototype.hasOwnProperty.call(table, scope)) continue;
    for (const champ of table[scope]) champs.add(champ);
  }
  return [...champs].sort();
}

/**
 * Paths actually present in a (masked) value, for the journal: leaves, with arrays transparent.
 * An array of scalars or an empty object/array counts as one leaf at its own path.
 */
export function champsDivulgues(valeur: unknown): string[] {
  const chemins = new Set<string>();
  const parcourir = (v: unknown, prefixe: string): void => {
    if (Array.isArray(v)) {
      const objets = v.filter((e) => estObjet(e) || Array.isArray(e));
      if ((v.length === 0 || objets.length < v.length) && prefixe) chemins.add(prefixe);
      for (const e of objets) parcourir(e, prefixe);
      return;
    }
    if (estObjet(v)) {
      const cles = Object.keys(v);
      if (cles.length === 0 && prefixe) chemins.add(prefixe);
      for (const cle of cles) parcourir(v[cle], prefixe ? `${prefixe}.${cle}` : cle);
      return;
    }
    if (prefixe) chemins.add(prefixe);
  };
  parcourir(valeur, '');
  return [...chemins].sort();
}
