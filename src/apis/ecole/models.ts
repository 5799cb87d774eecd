import type { Etablissement, TypeEtablissement } from '../../referentiels/etablissement';
import type { CelluleStatistique } from '../../privacy/secret-statistique';
import type { SecretStatistique } from './effectifs';

// The published models of API école; those of the head-counts are in effectifs.ts, the establishment in src/referentiels.

/** Une page de l'annuaire. */
export interface PageEtablissements {
  etablissements: Etablissement[];
  /** À passer en paramètre `curseur` pour la page suivante ; null sur la dernière page (voir aussi l'en-tête Link). */
  curseur_suivant: string | null;
}

/** Capacité d'accueil d'un niveau. */
export interface CapaciteNiveau {
  /** @example "6E" */
  code: string;
  /** @example "Sixième" */
  libelle: string;
  /** Nombre de divisions (classes). */
  divisions: number;
  /** Places par division prévues par la structure. */
  places_par_division: number;
  /** divisions × places_par_division. */
  places: number;
}

/** Structure d'une année scolaire : divisions et places par niveau, et leurs totaux. */
export interface CapacitesAnnee {
  /** @example "2025-2026" */
  annee_scolaire: string;
  /** « structure » : année constatée ; « prevision » : structure prévisionnelle de l'année suivante. */
  nature: 'structure' | 'prevision';
  niveaux: CapaciteNiveau[];
  divisions: number;
  places: number;
}

/** Capacités d'accueil d'un établissement. */
export interface CapacitesEtablissement {
  /** @example "0350024A" */
  uai: string;
  /** Année demandée ; la réponse donne aussi l'année suivante quand elle est connue. */
  annee_scolaire: string;
  source: string;
  annees: CapacitesAnnee[];
}

/** Le territoire projeté (un seul code renseigné). */
export interface TerritoirePrevisions {
  /** @example "35238" */
  code_commune?: string;
  /** @example "35" */
  code_departement?: string;
  /** @example "53" */
  code_region?: string;
  /** Types d'établissement dont les niveaux sont projetés (ceux de l'habilitation). */
  types_etablissement: TypeEtablissement[] | null;
}

/** Effectif d'un niveau, sous secret statistique. */
export interface EffectifNiveau {
  /** @example "6E" */
  code: string;
  /** @example "Sixième" */
  libelle: string;
  effectif: CelluleStatistique;
}

/** Effectifs d'une année scolaire par niveau, et leur total. */
export interface EffectifsAnnee {
  /** @example "2026-2027" */
  annee_scolaire: string;
  niveaux: EffectifNiveau[];
  total: CelluleStatistique;
}

/** Un coefficient de la matrice de passage. */
export interface TauxPublie {
  /** @example "6E" */
  niveau: string;
  /** Niveaux de l'année t dont la somme alimente ce niveau en t+1. @example ["CM2"] */
  depuis: string[];
  /** Taux de passage apparent estimé sur l'historique ; null pour un niveau d'entrée. @example 0.9873 */
  taux: number | null;
  /** Niveau d'entrée : effectif moyen de l'historique, maintenu constant (sous secret statistique). */
  entree_moyenne: CelluleStatistique | null;
}

/** La méthode de projection et ses paramètres, pour refaire le calcul. */
export interface MethodePrevision {
  /** @example "matrice_de_passage" */
  code: 'matrice_de_passage';
  description: string;
  /** Années scolaires de l'historique sur lesquelles les taux sont estimés. */
  annees_historique: string[];
  taux: TauxPublie[];
  /** Effectifs constatés de l'année de référence pour chaque niveau utilisé par la projection. */
  constat: EffectifsAnnee;
}

/** Prévisions d'effectifs d'un territoire. */
export interface Previsions {
  territoire: TerritoirePrevisions;
  /** Dernière année constatée, point de départ de la projection. @example "2025-2026" */
  annee_reference: string;
  /** @example 5 */
  horizon: number;
  source: string;
  methode: MethodePrevision;
  previsions: EffectifsAnnee[];
  secret_statistique: SecretStatistique;
}
