import { geographieOfficielle } from './geographie';

/**
 * Nested perimeters: establishments in communes, communes in départements, départements in
 * régions. Aggregates published on several of them add up to one another, so they are protected
 * together (src/privacy/secret-statistique.ts), one région at a time: no route adds up régions.
 */

/** Where an establishment lies (columns of table `etablissements`). */
export interface Implantation {
  uai: string;
  code_commune: string;
  code_departement: string;
  code_region: string | null;
}

export type Perimetre = 'etablissement' | 'commune' | 'departement' | 'region';

/** Key of a perimeter's table in a publication: 'etablissement:0350024A', 'commune:35238'… */
export function clePerimetre(perimetre: Perimetre, code: string): string {
  return `${perimetre}:${code}`;
}

/** Code order, the same on every database and machine: the secret's choices depend on it. */
export function comparerCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The set of establishments protected together: those of the départements of one région of the
 * official geography (a département it does not know is a set of its own). Every perimeter a route
 * serves lies in exactly one such set.
 */
export function ensembleDuDepartement(codeDepartement: string): { cle: string; departements: string[] } {
  const region = geographieOfficielle().territoire('departement', codeDepartement)?.code_region;
  if (region === undefined) return { cle: `departement:${codeDepartement}`, departements: [codeDepartement] };
  return ensembleDeLaRegion(region);
}

export function ensembleDeLaRegion(codeRegion: string): { cle: string; departements: string[] } {
  return { cle: `region:${codeRegion}`, departements: geographieOfficielle().departementsDeLaRegion(codeRegion) };
}

export interface PerimetreEmboite {
  cle: string;
  perimetre: Exclude<Perimetre, 'etablissement'>;
  code: string;
  /** Establishments counted in it, in UAI order. */
  etablissements: string[];
  /** Keys of the smaller perimeters it is the sum of (communes of a département…). */
  parties: string[];
}

/**
 * The communes, départements and régions of the given establishments, each with the perimeters it
 * adds up. A perimeter is a part of a larger one only if all its establishments lie in it; any
 * establishment left over (data straddling the geography) is a part by itself.
 */
export function perimetresEmboites(etablissements: readonly Implantation[]): PerimetreEmboite[] {
  const tries = [...etablissements].sort((a, b) => comparerCodes(a.uai, b.uai));
  const niveaux: Array<[PerimetreEmboite['perimetre'], (e: Implantation) => string | null]> = [
    ['commune', (e) => e.code_commune],
    ['departement', (e) => e.code_departement],
    ['region', (e) => e.code_region],
  ];
  const resultat: PerimetreEmboite[] = [];
  // Each level's perimeters, with the set of their establishments, to find those nested in the next level.
  let precedents: Array<{ cle: string; uais: Set<string> }> = [];
  for (const [perimetre, code] of niveaux) {
    const groupes = new Map<string, string[]>();
    for (const e of tries) {
      const c = code(e);
      if (c === null) continue;
      if (!groupes.has(c)) groupes.set(c, []);
      groupes.get(c)!.push(e.uai);
    }
    const courants: Array<{ cle: string; uais: Set<string> }> = [];
    for (const [c, uais] of [...groupes].sort(([a], [b]) => comparerCodes(a, b))) {
      const dedans = new Set(uais);
      const emboites = precedents.filter((p) => [...p.uais].every((u) => dedans.has(u)));
      const couverts = new Set(emboites.flatMap((p) => [...p.uais]));
      const parties = [...emboites.map((p) => p.cle), ...uais.filter((u) => !couverts.has(u)).map((u) => clePerimetre('etablissement', u))];
      const cle = clePerimetre(perimetre, c);
      resultat.push({ cle, perimetre, code: c, etablissements: uais, parties });
      courants.push({ cle, uais: dedans });
    }
    precedents = courants;
  }
  return resultat;
}
