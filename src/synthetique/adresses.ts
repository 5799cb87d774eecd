import { Alea, hacher32 } from './alea';
import { NOMS_VOIE, TYPES_VOIE } from './donnees/voies';
import { lireTablePonderee } from './identites';
import type { Commune } from '../territoire/geographie';

export interface Adresse {
  /** Number and street: "12 bis rue des Lilas". */
  ligne: string;
  code_postal: string;
  code_commune: string;
  commune: string;
}

interface Voie {
  libelle: string;
  codePostal: string;
  numeroMax: number;
}

const typesVoie = lireTablePonderee(TYPES_VOIE);
const nomsVoie = lireTablePonderee(NOMS_VOIE);
const VOIES_COURTES = new Set(['impasse', 'allée', 'square', 'résidence', 'place']);
const MEMOIRE_MAX = 2000;

/** The streets of each commune, the same for a given seed whichever commune asks first. */
export class Voirie {
  private readonly voies = new Map<string, Voie[]>();

  /** `communes`: those generated, whose streets recur from one household to the next; elsewhere each address is drawn alone. */
  constructor(
    private readonly graine: number,
    private readonly communes: ReadonlySet<string>,
  ) {}

  adresse(alea: Alea, commune: Commune): Adresse {
    const voie = this.communes.has(commune.code) ? alea.choisir(this.voiesDe(commune)) : inventerVoie(alea, commune);
    const numero = 1 + Math.floor(voie.numeroMax * alea.nombre() * alea.nombre());
    const u = alea.nombre();
    const suffixe = u < 0.04 ? ' bis' : u < 0.05 ? ' ter' : '';
    return { ligne: `${numero}${suffixe} ${voie.libelle}`, code_postal: voie.codePostal, code_commune: commune.code, commune: commune.nom };
  }

  private voiesDe(commune: Commune): Voie[] {
    let voies = this.voies.get(commune.code);
    if (!voies) {
      if (this.voies.size >= MEMOIRE_MAX) this.voies.clear();
      voies = inventerVoies(new Alea(hacher32(`voies:${commune.code}`, this.graine)), commune);
      this.voies.set(commune.code, voies);
    }
    return voies;
  }
}

function inventerVoies(alea: Alea, commune: Commune): Voie[] {
  const nombre = Math.min(1000, 5 + Math.round(commune.population / 150));
  const vues = new Set<string>();
  const voies: Voie[] = [];
  for (let essai = 0; voies.length < nombre && essai < nombre * 3; essai++) {
    const voie = inventerVoie(alea, commune);
    if (vues.has(voie.libelle)) continue;
    vues.add(voie.libelle);
    voies.push(voie);
  }
  return voies;
}

function inventerVoie(alea: Alea, commune: Commune): Voie {
  const type = typesVoie.tirer(alea);
  const libelle = `${type} ${nomsVoie.tirer(alea)}`;
  const codePostal = commune.codesPostaux.length > 0 ? alea.choisir(commune.codesPostaux) : commune.code;
  return { libelle, codePostal, numeroMax: VOIES_COURTES.has(type) ? 25 : 120 };
}
