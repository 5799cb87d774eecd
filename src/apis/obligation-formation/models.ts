/** Un code et son libellé. */
export interface CodeLibelleFormation {
  /** @example "sortie_sans_diplome" */
  code: string;
  /** @example "Sorti de formation initiale sans diplôme" */
  libelle: string;
}

/** Commune de résidence du jeune. */
export interface CommuneResidence {
  /** @example "35238" */
  code_insee: string;
  /** @example "Rennes" */
  libelle: string;
}

/** Adresse de résidence, pour prendre contact avec le jeune (scope `scolarite:obligation-formation-contact`). */
export interface AdresseJeune {
  /** @example "12 rue de la Monnaie" */
  ligne: string;
  /** @example "35000" */
  code_postal: string;
  /** @example "35238" */
  code_insee: string;
  /** @example "Rennes" */
  commune: string;
}

/** Le dernier établissement fréquenté (null quand l'annuaire ne le connaît pas). */
export interface DernierEtablissement {
  /** @example "0350024C" */
  uai: string;
  /** @example "Lycée professionnel Coëtlogon" */
  nom: string | null;
  /** Commune de l'établissement. @example "35238" */
  code_insee: string | null;
}

/** La dernière classe suivie : année scolaire, niveau et formation (MEF). */
export interface DerniereClasse {
  /** @example "2025-2026" */
  annee_scolaire: string;
  /** @example {"code": "2PRO", "libelle": "Seconde professionnelle"} */
  niveau: CodeLibelleFormation;
  /** Module élémentaire de formation (MEF_STAT_11), quand il est connu. */
  mef: { code_mef_stat: string; libelle: string } | null;
}

/**
 * Un jeune de 16 à 18 ans soumis à l'obligation de formation (L114-1), sorti de formation initiale
 * sans diplôme et sans formation cette année. Les champs présents sont ceux des scopes du jeton :
 * l'adresse n'est donnée qu'avec `scolarite:obligation-formation-contact`.
 */
export interface JeuneObligationFormation {
  /** Identifiant pseudonyme, stable pour votre organisme, différent pour tout autre destinataire. @example "k3v9x2m4q7t1w8r5y6z0a2b4cd" */
  id: string;
  /** @example "Le Gall" */
  nom?: string;
  /** Prénoms dans l'ordre de l'état civil. @example "Enzo Pierre" */
  prenoms?: string;
  /** @example "M" */
  sexe?: 'F' | 'M';
  /** @example "2009-04-23" */
  date_naissance?: string;
  commune_residence?: CommuneResidence;
  adresse?: AdresseJeune;
  dernier_etablissement?: DernierEtablissement | null;
  derniere_classe?: DerniereClasse;
  /** Jour où le jeune a quitté sa formation (ou a eu 16 ans hors de toute formation). @example "2026-07-04" */
  date_sortie?: string;
  /**
   * Pourquoi le jeune est sur la liste : `sortie_sans_diplome` (sorti de formation sans diplôme ni
   * nouvelle inscription), `arrivee` (déjà sans formation, il vient s'installer dans le territoire).
   */
  motif_entree?: CodeLibelleFormation;
  /** Publication (1er du mois) où la fiche a changé pour la dernière fois. @example "2026-11-01" */
  date_mise_a_jour?: string;
}

/** Niveau du territoire demandé : un département ou une région. */
export type NiveauTerritoireFormation = 'departement' | 'region';

/** Une page de la liste mensuelle d'un territoire. */
export interface ListeJeunesObligationFormation {
  /** @example "departement" */
  niveau: NiveauTerritoireFormation;
  /** Code du département ou de la région. @example "35" */
  code: string;
  /** Publication de la liste (1er du mois). @example "2026-11-01" */
  date_reference: string;
  /** @example "2026-2027" */
  annee_scolaire: string;
  /** Nombre de jeunes de la liste entière (toutes pages). @example 412 */
  nombre_total: number;
  jeunes: JeuneObligationFormation[];
  /** À passer en paramètre `curseur` pour la page suivante ; null sur la dernière page (voir aussi l'en-tête Link). */
  curseur_suivant: string | null;
  /** À conserver après la dernière page : passé en `depuis` à /changements le mois suivant. */
  jeton_synchronisation: string;
}

/** Une fiche modifiée : la fiche entière, et les champs qui ont changé. */
export interface ModificationJeune {
  /** @example ["adresse", "commune_residence"] */
  champs_modifies: string[];
  jeune: JeuneObligationFormation;
}

/**
 * Motif d'un retrait : `fin_obligation` (18 ans révolus), `retour_formation` (de nouveau inscrit en
 * établissement), `apprentissage` (contrat d'apprentissage), `emploi_ou_service_civique`,
 * `demenagement` (ne réside plus dans le territoire), `correction` (inscrit à tort).
 */
export type MotifRetraitFormation = 'fin_obligation' | 'retour_formation' | 'apprentissage' | 'emploi_ou_service_civique' | 'demenagement' | 'correction';

/** Un jeune à retirer de votre copie de la liste : seul son identifiant pseudonyme est donné. */
export interface RetraitJeune {
  /** @example "k3v9x2m4q7t1w8r5y6z0a2b4cd" */
  id: string;
  /** @example "retour_formation" */
  motif: MotifRetraitFormation;
}

/**
 * Ce qui a changé entre la liste de `depuis` (celle du jeton) et la dernière publiée : ajouter les
 * `ajouts`, remplacer les fiches des `modifications` (par `id`), supprimer les `retraits`.
 */
export interface ChangementsJeunesObligationFormation {
  /** @example "departement" */
  niveau: NiveauTerritoireFormation;
  /** @example "35" */
  code: string;
  /** Publication de la liste du jeton reçu. @example "2026-10-01" */
  depuis: string;
  /** Publication atteinte en appliquant les changements. @example "2026-11-01" */
  date_reference: string;
  ajouts: JeuneObligationFormation[];
  modifications: ModificationJeune[];
  retraits: RetraitJeune[];
  /** Page suivante des changements ; null sur la dernière page (voir aussi l'en-tête Link). */
  curseur_suivant: string | null;
  /** Jeton de la liste de `date_reference`, à utiliser le mois prochain, après la dernière page. */
  jeton_synchronisation: string;
}
