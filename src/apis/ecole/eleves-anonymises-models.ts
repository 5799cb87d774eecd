import type { CodeOrigineSociale } from '../../referentiels/nomenclatures';
import type { CodeLibelle } from '../mairie/models';

// The published models of the anonymised pupil file (sectorisation, mixité sociale).

/**
 * Ce que le secret statistique a fait d'une ligne, dans l'ordre :
 * `zone_elargie` (zone de résidence remplacée par le département), `echelon_masque` (échelon
 * remplacé par le seul statut boursier), `mef_vers_niveau` (formation réduite au niveau),
 * `regime_masque`, `boursier_masque`, `formation_masquee`, `zone_masquee`.
 */
export type CodeGeneralisation =
  'echelon_masque' | 'mef_vers_niveau' | 'zone_elargie' | 'regime_masque' | 'boursier_masque' | 'formation_masquee' | 'zone_masquee';

/**
 * Zone de résidence : la commune quand elle compte assez d'élèves du fichier, sinon un
 * regroupement de petites communes (de la même intercommunalité, puis du même département), à la
 * manière des IRIS ; `departement` : zone élargie par le secret statistique d'une ligne.
 */
export interface ZoneResidence {
  /** Code INSEE de la commune, ou code du regroupement. @example "35238" */
  code: string;
  type: 'commune' | 'epci' | 'departement_autres' | 'autres' | 'departement';
  /** @example "Rennes" */
  libelle: string;
}

/** Une zone du fichier et les communes qu'elle réunit. */
export interface ZoneDuFichier extends ZoneResidence {
  /** Codes INSEE des communes de résidence des élèves de la zone. */
  communes: string[];
}

/** Formation suivie : le niveau, et le MEF quand le secret statistique le permet. */
export interface FormationAnonymisee {
  /** @example {"code": "4E", "libelle": "Quatrième"} */
  niveau: CodeLibelle;
  /** Module élémentaire de formation ; null quand réduit au niveau (`mef_vers_niveau`). */
  mef: { code_mef_stat: string; libelle: string } | null;
}

/** Origine sociale de l'élève : PCS regroupée (DEPP) de son premier responsable légal. */
export interface OrigineSociale {
  /** @example "moyenne" */
  code: CodeOrigineSociale;
  /** @example "Moyenne" */
  libelle: string;
}

/**
 * Un élève du fichier, sans nom, adresse ni date de naissance. Un `null` est une valeur masquée
 * par le secret statistique (voir `generalisations`) ou absente de la source.
 */
export interface EleveAnonymise {
  /** Pseudonyme propre au destinataire : stable d'une année et d'un fichier à l'autre pour lui, sans lien avec celui qu'un autre destinataire reçoit. */
  id: string;
  zone_residence: ZoneResidence | null;
  /** UAI de l'établissement. @example "0350005E" */
  uai: string;
  formation: FormationAnonymisee | null;
  /** Régime : externe, demi-pensionnaire, interne. */
  regime: CodeLibelle | null;
  boursier: boolean | null;
  /** Échelon de la bourse nationale (collège 1 à 3, lycée 1 à 6) : seulement avec le scope `ecole:eleves-anonymises-echelon`. */
  echelon_bourse?: number | null;
  origine_sociale: OrigineSociale;
  /** Les généralisations appliquées à cette ligne par le secret statistique (vide : ligne détaillée). */
  generalisations: CodeGeneralisation[];
}

/** Le secret statistique du fichier : seuil, attributs combinés et ce qui a été généralisé. */
export interface SecretDuFichier {
  /** Toute combinaison publiée des quasi-identifiants est partagée par au moins `seuil` lignes. @example 5 */
  seuil: number;
  /** Les attributs dont la combinaison pourrait désigner un élève. */
  quasi_identifiants: string[];
  /** Nombre de lignes touchées par chaque généralisation. */
  lignes_generalisees: Record<string, number>;
  /** Élèves retenus : leur combinaison restait plus rare que le seuil après toutes les généralisations. */
  lignes_retenues: number;
}

/** En-tête du fichier : territoire, date, secret statistique, zones. */
export interface EnteteFichierElevesAnonymises {
  /** @example "35" */
  code_territoire: string;
  niveau_territoire: 'departement' | 'region';
  /** Les établissements publics dont la collectivité a la charge, selon la règle de son habilitation : collèges (département), lycées (région). */
  types_etablissement: Array<'college' | 'lycee'>;
  /** @example "2026-2027" */
  annee_scolaire: string;
  /** Date de la publication dont le fichier est l'état : par défaut la dernière ; le 1er juin, celui de l'année scolaire précédente. @example "2026-11-01" */
  date_reference: string;
  /** Lignes du fichier entier. */
  nombre_eleves: number;
  secret_statistique: SecretDuFichier;
  zones: ZoneDuFichier[];
  /** À conserver : `/changements?depuis=<jeton>` donnera ce qui a changé depuis ce fichier. */
  jeton_synchronisation: string;
}

/** Une page du fichier (JSON), triée par pseudonyme. */
export interface FichierElevesAnonymises extends EnteteFichierElevesAnonymises {
  eleves: EleveAnonymise[];
  /** À passer en paramètre `curseur` pour la page suivante ; null sur la dernière page. */
  curseur_suivant: string | null;
}

/** Un élève dont la ligne a changé. */
export interface ModificationEleveAnonymise {
  /** Champs de la ligne qui diffèrent. */
  champs_modifies: string[];
  eleve: EleveAnonymise;
}

/** Ce qui sépare le fichier d'un jeton du fichier courant : lignes arrivées, modifiées, parties. */
export interface ChangementsElevesAnonymises {
  code_territoire: string;
  niveau_territoire: 'departement' | 'region';
  /** Date du fichier du jeton. */
  depuis: string;
  date_reference: string;
  ajouts: EleveAnonymise[];
  modifications: ModificationEleveAnonymise[];
  /** Pseudonymes des élèves sortis du fichier (départ, changement d'établissement, ligne retenue par le secret). */
  retraits: Array<{ id: string }>;
  curseur_suivant: string | null;
  jeton_synchronisation: string;
}
