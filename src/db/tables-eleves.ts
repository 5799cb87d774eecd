// Rows of the pupil tables (migration 030): written by the generator (src/synthetique), read by the APIs.

import type { CodeLien, CodeModeInstruction, MotifDebut, MotifFin, Sexe } from '../referentiels/nomenclatures';

/** One pupil (or child subject to compulsory instruction) as the ministry knows him today. */
export interface EleveLigne {
  /** Internal, stable for a seed; never disclosed (APIs expose pseudonyms). */
  id: string;
  /** 10 characters [0-9A-Z] then a check letter (the 10 as a base-36 number, modulo 23, read in ABCDEFGHJKLMNPRSTUVWXYZ). */
  ine: string;
  nom: string;
  /** In civil-registry order, space-separated. */
  prenoms: string;
  sexe: Sexe;
  date_naissance: string;
  /** INSEE commune code, or 99xxx country code for births abroad. */
  code_commune_naissance: string;
  libelle_commune_naissance: string;
  nom_normalise: string;
  foyer_id: string;
  adresse_ligne: string;
  code_postal: string;
  code_commune_residence: string;
}

/** A legal guardian of the children of one household (`foyer_id`), current state. */
export interface ResponsableLigne {
  foyer_id: string;
  /** 1 or 2: the order of the responsables on the child's file. */
  rang: number;
  lien: CodeLien;
  nom: string;
  prenoms: string;
  sexe: Sexe;
  adresse_ligne: string;
  code_postal: string;
  code_commune: string;
  /** Occupation, PCS two-digit code (`PCS` in nomenclatures); '99' not stated. */
  pcs: string | null;
}

/** A pupil's schooling for one school year (state at the last publication, or when he left the territory). */
export interface ScolariteLigne {
  eleve_id: string;
  annee_scolaire: string;
  mode_instruction: CodeModeInstruction;
  uai: string | null;
  niveau_code: string | null;
  niveau_libelle: string | null;
  code_mef_stat: string | null;
  libelle_mef: string | null;
  /** 'ST' scolaire, 'AP' apprenti; null when not taught in an establishment. */
  statut_eleve: string | null;
  est_boursier: boolean;
  /** Collège 1–3, lycée 1–6. */
  echelon_bourse: number | null;
  /** '0' externe, '2' demi-pensionnaire, '3' interne; secondary only. */
  regime: string | null;
  redoublant: boolean;
  /** When the pupil entered this establishment (or mode) this year. */
  date_entree: string | null;
  /** When the pupil left the generated territory during the year (his new school is unknown here). */
  date_sortie: string | null;
}

/**
 * One state of a child's entry in a commune's mairie list, valid from one publication (a 1st
 * of month) until the next change. The list as of date D is the rows with
 * `valide_du <= D < valide_jusqu_au` (or no end); a row ending with `motif_fin` is a removal.
 */
export interface VersionLigne {
  eleve_id: string;
  code_commune: string;
  annee_scolaire: string;
  valide_du: string;
  valide_jusqu_au: string | null;
  motif_debut: MotifDebut;
  /** Set only when the child leaves this commune's list (tombstone); null when a newer version follows. */
  motif_fin: MotifFin | null;
  /** JSON array of the list fields changed since the previous version (null for an addition). */
  champs_modifies: string | null;
  date_evenement: string;
  nom: string;
  prenoms: string;
  sexe: Sexe;
  date_naissance: string;
  code_commune_naissance: string;
  libelle_commune_naissance: string;
  adresse_ligne: string;
  code_postal: string;
  mode_instruction: CodeModeInstruction;
  uai: string | null;
  niveau_code: string | null;
  mode_instruction_precedent: CodeModeInstruction | null;
  uai_precedent: string | null;
  niveau_precedent_code: string | null;
  /** JSON `ResponsableStocke[]`; read it with `responsablesDeLaVersion`. */
  responsables: string;
}

/**
 * A responsable as stored in a version: `adresse` only when he or she does not live with the
 * child (most do: the child's address is then theirs), which halves the size of the lists.
 */
export interface ResponsableStocke {
  nom: string;
  prenoms: string;
  lien: CodeLien;
  adresse?: { ligne: string; code_postal: string; code_insee: string };
}

/** One monthly publication of one commune's list: its version number and what changed. */
export interface PublicationLigne {
  code_commune: string;
  date_publication: string;
  annee_scolaire: string;
  /** 1 for the first publication of the generation, then +1 each month. */
  numero: number;
  nombre_enfants: number;
  nombre_ajouts: number;
  nombre_modifications: number;
  nombre_retraits: number;
  generation_id: number;
}

/** The list fields a version compares, and the API field each belongs to (for `champs_modifies`). */
export const CHAMPS_LISTE: ReadonlyArray<readonly [keyof VersionLigne, string]> = [
  ['nom', 'nom'],
  ['prenoms', 'prenoms'],
  ['sexe', 'sexe'],
  ['date_naissance', 'date_naissance'],
  ['code_commune_naissance', 'lieu_naissance'],
  ['libelle_commune_naissance', 'lieu_naissance'],
  ['adresse_ligne', 'adresse'],
  ['code_postal', 'adresse'],
  ['mode_instruction', 'mode_instruction'],
  ['uai', 'etablissement'],
  ['niveau_code', 'niveau'],
  ['mode_instruction_precedent', 'annee_precedente'],
  ['uai_precedent', 'annee_precedente'],
  ['niveau_precedent_code', 'annee_precedente'],
  ['responsables', 'responsables'],
];

/**
 * One state of a person's entry in a list of the generic tables (migration 100): `liste` the
 * kind, `cle` which list of that kind, `donnees` the entry as JSON (its descriptor reads it).
 */
export interface ListeVersionLigne {
  liste: string;
  cle: string;
  eleve_id: string;
  annee_scolaire: string;
  valide_du: string;
  valide_jusqu_au: string | null;
  motif_debut: string;
  /** Set only when the person leaves this list (tombstone); null when a newer version follows. */
  motif_fin: string | null;
  /** JSON array of the `donnees` fields changed since the previous version (null for an addition). */
  champs_modifies: string | null;
  donnees: string;
}

/** One monthly publication of one list of the generic tables. */
export interface ListePublicationLigne {
  liste: string;
  cle: string;
  date_publication: string;
  annee_scolaire: string;
  numero: number;
  nombre_total: number;
  nombre_ajouts: number;
  nombre_modifications: number;
  nombre_retraits: number;
  generation_id: number;
}

export const COLONNES = {
  eleves: [
    'id',
    'ine',
    'nom',
    'prenoms',
    'sexe',
    'date_naissance',
    'code_commune_naissance',
    'libelle_commune_naissance',
    'nom_normalise',
    'foyer_id',
    'adresse_ligne',
    'code_postal',
    'code_commune_residence',
  ] satisfies ReadonlyArray<keyof EleveLigne>,
  responsables: ['foyer_id', 'rang', 'lien', 'nom', 'prenoms', 'sexe', 'adresse_ligne', 'code_postal', 'code_commune', 'pcs'] satisfies ReadonlyArray<
    keyof ResponsableLigne
  >,
  scolarites: [
    'eleve_id',
    'annee_scolaire',
    'mode_instruction',
    'uai',
    'niveau_code',
    'niveau_libelle',
    'code_mef_stat',
    'libelle_mef',
    'statut_eleve',
    'est_boursier',
    'echelon_bourse',
    'regime',
    'redoublant',
    'date_entree',
    'date_sortie',
  ] satisfies ReadonlyArray<keyof ScolariteLigne>,
  obligation_versions: [
    'eleve_id',
    'code_commune',
    'annee_scolaire',
    'valide_du',
    'valide_jusqu_au',
    'motif_debut',
    'motif_fin',
    'champs_modifies',
    'date_evenement',
    'nom',
    'prenoms',
    'sexe',
    'date_naissance',
    'code_commune_naissance',
    'libelle_commune_naissance',
    'adresse_ligne',
    'code_postal',
    'mode_instruction',
    'uai',
    'niveau_code',
    'mode_instruction_precedent',
    'uai_precedent',
    'niveau_precedent_code',
    'responsables',
  ] satisfies ReadonlyArray<keyof VersionLigne>,
  obligation_publications: [
    'code_commune',
    'date_publication',
    'annee_scolaire',
    'numero',
    'nombre_enfants',
    'nombre_ajouts',
    'nombre_modifications',
    'nombre_retraits',
    'generation_id',
  ] satisfies ReadonlyArray<keyof PublicationLigne>,
  liste_versions: [
    'liste',
    'cle',
    'eleve_id',
    'annee_scolaire',
    'valide_du',
    'valide_jusqu_au',
    'motif_debut',
    'motif_fin',
    'champs_modifies',
    'donnees',
  ] satisfies ReadonlyArray<keyof ListeVersionLigne>,
  liste_publications: [
    'liste',
    'cle',
    'date_publication',
    'annee_scolaire',
    'numero',
    'nombre_total',
    'nombre_ajouts',
    'nombre_modifications',
    'nombre_retraits',
    'generation_id',
  ] satisfies ReadonlyArray<keyof ListePublicationLigne>,
} as const;

export type TableSynthetique = keyof typeof COLONNES;

/** Child tables first: the order in which a generation's rows are deleted. */
export const TABLES_SYNTHETIQUES: readonly TableSynthetique[] = [
  'liste_publications',
  'liste_versions',
  'obligation_publications',
  'obligation_versions',
  'scolarites',
  'responsables',
  'eleves',
];
