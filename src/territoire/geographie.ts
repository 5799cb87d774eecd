import fs from 'node:fs';

/**
 * The one official geography of the gateway (`@etalab/decoupage-administratif`): current
 * communes with their intercommunality, départements and régions, read once, on first use.
 */

/** A current commune. */
export interface Commune {
  code: string;
  nom: string;
  departement: string;
  region: string;
  population: number;
  codesPostaux: string[];
  arrondissement: string | null;
  epci: string | null;
}

interface Departement {
  code: string;
  nom: string;
  region: string;
}

interface Region {
  code: string;
  nom: string;
}

/** An EPCI à fiscalité propre; `type`: METRO, CU, CA or CC (métropole, communautés urbaine, d'agglomération, de communes). */
export interface Epci {
  code: string;
  nom: string;
  type: string;
}

export type NiveauGeographique = 'commune' | 'departement' | 'region';

/** A territory of the official geography, and the codes of those it lies in (its own included). */
interface TerritoireOfficiel {
  niveau: NiveauGeographique;
  code: string;
  nom: string;
  code_commune: string | null;
  code_departement: string | null;
  code_region: string;
}

export class Geographie {
  /** Sorted by code. */
  readonly communes: readonly Commune[];
  private readonly parCode: Map<string, Commune>;
  private readonly parDepartement = new Map<string, Commune[]>();
  private readonly parEpci = new Map<string, Commune[]>();
  private readonly departements: Map<string, Departement>;
  private readonly regions: Map<string, Region>;
  private readonly epcis: Map<string, Epci>;

  constructor(communes: readonly Commune[], departements: readonly Departement[] = [], regions: readonly Region[] = [], epcis: readonly Epci[] = []) {
    this.communes = [...communes].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    this.parCode = new Map(this.communes.map((c) => [c.code, c]));
    for (const c of this.communes) {
      ajouter(this.parDepartement, c.departement, c);
      if (c.epci) ajouter(this.parEpci, c.epci, c);
    }
    this.departements = new Map(departements.map((d) => [d.code, d]));
    this.regions = new Map(regions.map((r) => [r.code, r]));
    this.epcis = new Map(epcis.map((e) => [e.code, e]));
  }

  /** The EPCI of this code (its SIREN), undefined when unknown. */
  epci(code: string): Epci | undefined {
    return this.epcis.get(code);
  }

  commune(code: string): Commune {
    const c = this.parCode.get(code);
    if (!c) throw new RangeError(`Commune inconnue : ${code}`);
    return c;
  }

  existe(code: string): boolean {
    return this.parCode.has(code);
  }

  /** Name of a current commune, for postal addresses. */
  nomCommune(code: string): string | null {
    return this.parCode.get(code)?.nom ?? null;
  }

  communesDuDepartement(departement: string): readonly Commune[] {
    return this.parDepartement.get(departement) ?? [];
  }

  communesDeLEpci(epci: string): readonly Commune[] {
    return this.parEpci.get(epci) ?? [];
  }

  /** Codes of a région's départements, in code order; empty for a région it does not know. */
  departementsDeLaRegion(region: string): string[] {
    return [...this.departements.values()]
      .filter((d) => d.region === region)
      .map((d) => d.code)
      .sort();
  }

  /** The commune, département or région of this code, placed in those above it; undefined when unknown. */
  territoire(niveau: NiveauGeographique, code: string): TerritoireOfficiel | undefined {
    switch (niveau) {
      case 'commune': {
        const c = this.parCode.get(code);
        return c && { niveau, code, nom: c.nom, code_commune: code, code_departement: c.departement, code_region: c.region };
      }
      case 'departement': {
        const d = this.departements.get(code);
        return d && { niveau, code, nom: d.nom, code_commune: null, code_departement: code, code_region: d.region };
      }
      case 'region': {
        const r = this.regions.get(code);
        return r && { niveau, code, nom: r.nom, code_commune: null, code_departement: null, code_region: code };
      }
    }
  }
}

function ajouter<K, V>(index: Map<K, V[]>, cle: K, valeur: V): void {
  const liste = index.get(cle);
  if (liste) liste.push(valeur);
  else index.set(cle, [valeur]);
}

interface CommuneBrute {
  code: string;
  nom: string;
  type: string;
  departement: string;
  region: string;
  population?: number;
  codesPostaux?: string[];
  arrondissement?: string;
}

/** Read on first use, not at import: most processes (scripts, workers without a geography route) never need these megabytes. */
function donnees<T>(fichier: string): T {
  return JSON.parse(fs.readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${fichier}`), 'utf8')) as T;
}

let officielle: Geographie | undefined;

/** The official geography, loaded once. */
export function geographieOfficielle(): Geographie {
  if (!officielle) {
    const epciParCommune = new Map<string, string>();
    const epcis = donnees<Array<Epci & { membres: Array<{ code: string }> }>>('epci.json');
    for (const e of epcis) {
      for (const m of e.membres) epciParCommune.set(m.code, e.code);
    }
    const communes = donnees<CommuneBrute[]>('communes.json')
      .filter((c) => c.type === 'commune-actuelle')
      .map((c): Commune => ({
        code: c.code,
        nom: c.nom,
        departement: c.departement,
        region: c.region,
        population: c.population ?? 0,
        codesPostaux: c.codesPostaux ?? [],
        arrondissement: c.arrondissement ?? null,
        epci: epciParCommune.get(c.code) ?? null,
      }));
    officielle = new Geographie(
      communes,
      donnees<Departement[]>('departements.json'),
      donnees<Region[]>('regions.json'),
      epcis.map(({ code, nom, type }) => ({ code, nom, type })),
    );
  }
  return officielle;
}
