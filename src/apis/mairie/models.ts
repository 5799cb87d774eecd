/** Un code et son libellé. */
export interface CodeLibelle {
  /** @example "public" */
  code: string;
  /** @example "Établissement public" */
  libelle: string;
}

/** Lieu de naissance : commune (code INSEE) ou pays étranger (code 99xxx). */
export interface LieuNaissance {
  /** @example "35238" */
  code_insee: string;
  /** @example "Rennes" */
  libelle: string;
}

export interface Adresse {
  /** @example "12 rue de la Monnaie" */
  ligne: string;
  /** @example "35000" */
  code_postal: string;
  /** @example "35238" */
  code_insee: string;
  /** @example "Rennes" */
  commune: string;
}

export interface EtablissementFrequente {
  /** @example "0350122T" */
  uai: string;
  /** @example "École élémentaire publique Liberté" */
  nom: string | null;
  /** Commune de l'établissement. @example "35238" */
  code_insee: string | null;
}

/** Scolarité d'une année : établissement (absent pour l'instruction en famille, le CNED ou une scolarité inconnue) et niveau. */
export interface Scolarite {
  /** @example "2026-2027" */
  annee_scolaire: string;
  mode_instruction?: CodeLibelle | null;
  etablissement: EtablissementFrequente | null;
  /** @example {"code": "CE2", "libelle": "Cours élémentaire 2e année"} */
  niveau: CodeLibelle | null;
}

export interface Responsable {
  /** @example "Le Gall" */
  nom: string;
  /** @example "Anne" */
  prenoms: string;
  /** @example {"code": "mere", "libelle": "Mère"} */
  lien: CodeLibelle;
  adresse: Adresse;
}

/**
 * Un enfant de la liste R131-3. Les champs présents sont ceux des scopes du jeton : le scope
 * `mairie:restauration-scolaire` ne donne que `id`, `nom`, `prenoms`, `date_naissance` et
 * l'établissement et le niveau de l'année en cours.
 */
export interface EnfantSoumisObligation {
  /** Identifiant pseudonyme, stable pour votre organisme, différent pour tout autre destinataire. @example "k3v9x2m4q7t1w8r5y6z0a2b4cd" */
  id: string;
  /** @example "Le Gall" */
  nom?: string;
  /** Prénoms dans l'ordre de l'état civil. @example "Léa Marie" */
  prenoms?: string;
  /** @example "F" */
  sexe?: 'F' | 'M';
  /** @example "2018-04-23" */
  date_naissance?: string;
  lieu_naissance?: LieuNaissance;
  adresse?: Adresse;
  mode_instruction?: CodeLibelle;
  scolarite_actuelle?: Scolarite;
  scolarite_precedente?: Scolarite;
  responsables?: Responsable[];
  /** Publication (1er du mois) où la fiche a changé pour la dernière fois. @example "2026-11-01" */
  date_mise_a_jour?: string;
}

/** Une page de la liste mensuelle. */
export interface ListeEnfantsSoumisObligation {
  /** @example "35238" */
  code_commune: string;
  /** Publication de la liste (1er du mois). @example "2026-11-01" */
  date_reference: string;
  /** @example "2026-2027" */
  annee_scolaire: string;
  /** Nombre d'enfants de la liste entière (toutes pages) communiqués à votre organisme. @example 1723 */
  nombre_total: number;
  /** Présent quand des enfants sont écartés en raison d'une opposition ou d'un consentement manquant : leur nombre seulement. @example 2 */
  nombre_exclus?: number;
  enfants: EnfantSoumisObligation[];
  /** À passer en paramètre `curseur` pour la page suivante ; null sur la dernière page (voir aussi l'en-tête Link). */
  curseur_suivant: string | null;
  /**
   * À conserver après la dernière page : passé en `depuis` à /changements le mois suivant, il
   * donne ce qui a changé depuis cette liste.
   */
  jeton_synchronisation: string;
}

/** Une fiche modifiée : la fiche entière, et les champs qui ont changé. */
export interface ModificationEnfant {
  /** @example ["adresse", "responsables"] */
  champs_modifies: string[];
  enfant: EnfantSoumisObligation;
}

/**
 * Motif d'un retrait : `demenagement` (l'enfant ne réside plus dans la commune),
 * `fin_obligation` (16 ans révolus), `correction` (inscrit à tort), `hors_perimetre` (l'enfant
 * n'entre plus dans le périmètre de votre habilitation, par exemple hors des écoles publiques de
 * la commune pour la restauration scolaire).
 */
export type MotifRetrait = 'demenagement' | 'fin_obligation' | 'correction' | 'hors_perimetre';

/** Un enfant à retirer de votre copie de la liste : seul son identifiant pseudonyme est donné. */
export interface RetraitEnfant {
  /** @example "k3v9x2m4q7t1w8r5y6z0a2b4cd" */
  id: string;
  /** @example "demenagement" */
  motif: MotifRetrait;
}

/**
 * Ce qui a changé entre la liste de `depuis` (celle du jeton) et la dernière publiée. Appliquer,
 * page après page : ajouter les `ajouts`, remplacer les fiches des `modifications` (par `id`),
 * supprimer les `retraits` ; on obtient la liste de `date_reference`. Un enfant dont l'opposition
 * a été enregistrée ou levée depuis la liste du jeton est redonné dans son état courant (retrait,
 * ou ajout d'une fiche peut-être déjà présente : l'ajouter ou la remplacer).
 */
export interface ChangementsEnfantsSoumisObligation {
  /** @example "35238" */
  code_commune: string;
  /** Publication de la liste du jeton reçu. @example "2026-10-01" */
  depuis: string;
  /** Publication atteinte en appliquant les changements. @example "2026-11-01" */
  date_reference: string;
  ajouts: EnfantSoumisObligation[];
  modifications: ModificationEnfant[];
  retraits: RetraitEnfant[];
  /** Page suivante des changements ; null sur la dernière page (voir aussi l'en-tête Link). */
  curseur_suivant: string | null;
  /** Jeton de la liste de `date_reference`, à utiliser le mois prochain, après la dernière page. */
  jeton_synchronisation: string;
}
