// The simulated people: households, their guardians and children, as the generator evolves them.

import type { Adresse } from './adresses';
import type { Alea } from './alea';
import type { Secteur } from './carte-scolaire';
import type { Suivi } from './historique-listes';
import type { CodeLien, CodeModeInstruction, Mef, MotifDebut, MotifFin, Sexe } from '../referentiels/nomenclatures';
import type { Commune } from '../territoire/geographie';
import type { CommuneOuPays } from './territoire';

export interface EtatScolaire {
  mode: CodeModeInstruction;
  uai: string | null;
  niveau: string | null;
  mef: Mef | null;
  dateEntree: string | null;
}

export interface Responsable {
  rang: number;
  lien: CodeLien;
  nom: string;
  prenoms: string;
  sexe: Sexe;
  adresse: Adresse;
  /** Separated parents keep their own address when the household moves. */
  suitLeFoyer: boolean;
}

/** An identity error in the source file, corrected at publication `indice`. */
export interface Erreur {
  indice: number;
  nom?: string;
  prenoms?: string;
  date_naissance?: string;
  naissance?: CommuneOuPays;
}

export interface Enfant extends Suivi {
  id: string;
  ine: string;
  alea: Alea;
  nom: string;
  prenoms: string;
  sexe: Sexe;
  dateNaissance: string;
  anneeNaissance: number;
  /** 16th birthday: the end of compulsory instruction. */
  seize: string;
  naissance: CommuneOuPays;
  /** Age reached during the calendar year of the current rentrée. */
  age: number;
  /** Years since petite section in the current school year. */
  rang: number;
  redoublant: boolean;
  filiere: 'gt' | 'pro' | 'cap';
  technologique: boolean;
  indiceMef: number;
  uRegime: number;
  uApprenti: number;
  modes: [CodeModeInstruction, CodeModeInstruction];
  /** School years N-2, N-1 and N (null: not schooled yet, or unknown for arrivals). */
  annees: [EtatScolaire | null, EtatScolaire | null, EtatScolaire | null];
  erreur: Erreur | null;
  /** Left the territory during the current year. */
  dateSortie: string | null;
  /** Something of his entry changed since the last publication. */
  modifie: boolean;
}

export interface Foyer {
  id: string;
  alea: Alea;
  commune: Commune;
  adresse: Adresse;
  responsables: Responsable[];
  enfants: Enfant[];
  /** Lower is poorer: drives the grants. */
  ressources: number;
  secteur: Secteur;
  instructionFamille: boolean;
  /** Establishments chosen for the siblings, by kind and sector. */
  ecoles: Map<string, string | null>;
  /** First publication at which the household lives in its commune (0 for the June list). */
  arrivee: number;
  venuDAilleurs: boolean;
  dansPerimetre: boolean;
  /** Why its children appear in, or leave, a list at the next publication. */
  motifEntree: MotifDebut | null;
  motifSortie: MotifFin | null;
  dateEvenement: string | null;
  responsablesJson: string | null;
  /** Something of its children's entries changed since the last publication. */
  modifie: boolean;
}
