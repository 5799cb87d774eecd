import { type Commune, Geographie, geographieOfficielle } from '../territoire/geographie';
import { type Alea, TablePonderee } from './alea';

/** A birthplace: an INSEE commune, or a country (99xxx) for births abroad. */
export interface CommuneOuPays {
  code: string;
  libelle: string;
}

/** Births abroad are recorded with the INSEE country code (99xxx) in place of a commune. */
const PAYS_NAISSANCE = TablePonderee.depuis<CommuneOuPays>([
  [{ code: '99350', libelle: 'Maroc' }, 14],
  [{ code: '99352', libelle: 'Algérie' }, 14],
  [{ code: '99351', libelle: 'Tunisie' }, 6],
  [{ code: '99139', libelle: 'Portugal' }, 6],
  [{ code: '99341', libelle: 'Sénégal' }, 4],
  [{ code: '99132', libelle: 'Royaume-Uni' }, 4],
  [{ code: '99131', libelle: 'Belgique' }, 4],
  [{ code: '99109', libelle: 'Allemagne' }, 3],
  [{ code: '99134', libelle: 'Espagne' }, 3],
  [{ code: '99127', libelle: 'Italie' }, 3],
  [{ code: '99114', libelle: 'Roumanie' }, 3],
  [{ code: '99155', libelle: 'Ukraine' }, 3],
  [{ code: '99208', libelle: 'Turquie' }, 3],
  [{ code: '99140', libelle: 'Suisse' }, 2],
  [{ code: '99404', libelle: 'États-Unis' }, 1],
  [{ code: '99401', libelle: 'Canada' }, 1],
]);

/** The official geography, with the weighted pools the generator draws places from. */
export class CarteDesCommunes extends Geographie {
  private readonly ordinaux: Map<string, number>;
  private readonly tables = new Map<string, TablePonderee<Commune>>();

  constructor(communes: readonly Commune[]) {
    super(communes);
    this.ordinaux = new Map(this.communes.map((c, i) => [c.code, i]));
  }

  /** Position of the commune in the national list: a stable number for identifiers. */
  ordinal(code: string): number {
    return this.ordinaux.get(code) ?? -1;
  }

  /** Where a child was born: mostly a maternity town of the département, some elsewhere in France, a few abroad. */
  lieuNaissance(alea: Alea, departement: string, venuDAilleurs: boolean): CommuneOuPays {
    const u = alea.nombre();
    const ailleurs = venuDAilleurs ? 0.55 : 0.12;
    const commune =
      u < 0.03 ? null : u < 0.03 + ailleurs ? this.table('france', 1).tirer(alea) : this.table(`naissances:${departement}`, 1.5, departement).tirer(alea);
    if (!commune) return PAYS_NAISSANCE.tirer(alea);
    return { code: commune.code, libelle: commune.nom };
  }

  /** Where a household moves to: mostly within the département, otherwise anywhere in France. */
  destination(alea: Alea, origine: Commune): Commune {
    const table = alea.probabilite(0.65) ? this.table(`departement:${origine.departement}`, 1, origine.departement) : this.table('france', 1);
    for (let essai = 0; essai < 8; essai++) {
      const c = table.tirer(alea);
      if (c.code !== origine.code) return c;
    }
    return this.voisine(alea, origine);
  }

  /** A commune next door (same intercommunality, else same département): where a wrongly attached household really lives. */
  voisine(alea: Alea, origine: Commune): Commune {
    const proches = (origine.epci ? this.communesDeLEpci(origine.epci) : this.communesDuDepartement(origine.departement)).filter(
      (c) => c.code !== origine.code,
    );
    if (proches.length === 0) return origine;
    return proches[Math.floor(alea.nombre() * proches.length)];
  }

  /** Communes weighted by population^exposant (births concentrate in towns with a maternity). */
  private table(cle: string, exposant: number, departement?: string): TablePonderee<Commune> {
    let table = this.tables.get(cle);
    if (!table) {
      const communes = departement ? this.communesDuDepartement(departement) : this.communes;
      const peuplees = communes.filter((c) => c.population > 0);
      table = new TablePonderee(
        peuplees,
        peuplees.map((c) => Math.pow(c.population, exposant)),
      );
      this.tables.set(cle, table);
    }
    return table;
  }
}

let officielle: CarteDesCommunes | undefined;

/** All current communes of France, from the one official geography. */
export function carteOfficielleDesCommunes(): CarteDesCommunes {
  if (!officielle) officielle = new CarteDesCommunes(geographieOfficielle().communes);
  return officielle;
}

/** The communes to generate: the listed communes, else those of the listed départements, else all of France. */
export function communesDuPerimetre(territoire: Geographie, perimetre: { departements?: string[]; communes?: string[] }): Commune[] {
  if (perimetre.communes && perimetre.communes.length > 0) {
    return [...new Set(perimetre.communes)].sort().map((code) => territoire.commune(code));
  }
  if (perimetre.departements && perimetre.departements.length > 0) {
    const inconnus = perimetre.departements.filter((d) => territoire.communesDuDepartement(d).length === 0);
    if (inconnus.length > 0) throw new RangeError(`Département inconnu : ${inconnus.join(', ')}`);
    return territoire.communes.filter((c) => perimetre.departements!.includes(c.departement));
  }
  return [...territoire.communes];
}
