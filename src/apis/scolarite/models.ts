/**
 * The published contract of API données de scolarité (API Particulier's `scolarites/identite`
 * fields). Every field is optional: each appears only when a scope of the caller reveals it
 * (registry table `scopes.json`).
 */

import type { Sexe } from '../../referentiels/nomenclatures';

export type { Sexe };

/**
 * Un prénom de l'état civil.
 * @maxLength 100
 * @example "Gabriel"
 */
export type Prenom = string;

/**
 * Code d'un département ou d'une région (INSEE).
 * @maxLength 3
 * @example "35"
 */
export type CodeTerritoire = string;

/** Code et libellé d'une nomenclature de SIÈCLE. */
export interface CodeNomenclatureSiecle {
  code: string;
  libelle: string;
}

/** Identité de l'élève telle qu'enregistrée par le ministère (scope `scolarite:identite`). */
export interface IdentiteEleve {
  /** @example "Jégou" */
  nom: string;
  /** Prénoms dans l'ordre de l'état civil. @example ["Gabriel"] */
  prenoms: string[];
  sexe: Sexe;
  /** AAAA-MM-JJ. @example "2012-07-15" */
  date_naissance: string;
}

export interface EtablissementScolarite {
  /** @example "0352260S" */
  uai: string;
  /** @example "Collège François Truffaut" */
  nom: string;
  /** Code du ministère de tutelle : "06" pour l'Éducation nationale ; null si la tutelle n'a pas de code connu. @example "06" */
  code_ministere_tutelle: string | null;
}

/** Module élémentaire de formation (nomenclature MEF_STAT_11 de la DEPP). */
export interface ModuleElementaireFormation {
  /** @example "10310019110" */
  code_mef_stat: string;
  /** @example "3EME" */
  libelle: string;
}

/**
 * Statut de scolarité d'un élève du second degré (collège, lycée, BTS d'un établissement public
 * ou privé sous contrat) pour l'année scolaire demandée.
 */
export interface StatutEleve {
  /** Scope `scolarite:identite`. */
  identite?: IdentiteEleve;
  /** Inscrit dans l'établissement sans en être sorti en cours d'année. Scope `scolarite:statut`. */
  est_scolarise?: boolean;
  /** Scope `scolarite:statut`. */
  etablissement?: EtablissementScolarite;
  /** Scope `scolarite:statut`. */
  module_elementaire_formation?: ModuleElementaireFormation | null;
  /** ST : scolaire ; AP : apprenti. Scope `scolarite:statut`. */
  statut_eleve?: CodeNomenclatureSiecle | null;
  /** @example "2026-2027" */
  annee_scolaire?: string;
  /** Boursier national de collège ou de lycée. Scope `scolarite:boursier`. */
  est_boursier?: boolean;
  /** 1 à 3 au collège, 1 à 6 au lycée ; null si non boursier. Scope `scolarite:echelon-bourse`. */
  echelon_bourse?: number | null;
  /** 0 externe, 2 demi-pensionnaire, 3 interne ; scope `scolarite:regime`. */
  regime_pensionnat?: CodeNomenclatureSiecle | null;
}
