import type { Adresse, CodeLibelle } from '../mairie/models';

/** Classe d'un élève : niveau et formation (MEF de SIÈCLE). */
export interface ClasseEleve {
  /** @example {"code": "4E", "libelle": "Quatrième"} */
  niveau: CodeLibelle | null;
  /** Module élémentaire de formation (code MEF_STAT à 11 caractères). @example {"code": "10310019110", "libelle": "4EME"} */
  mef: CodeLibelle | null;
}

export interface ResponsableEleve {
  /** @example "Le Gall" */
  nom: string;
  /** @example "Anne" */
  prenoms: string;
  /** @example {"code": "mere", "libelle": "Mère"} */
  lien: CodeLibelle;
  adresse: Adresse;
}

/**
 * Un élève d'une liste d'établissement. Les champs présents sont ceux du scope du jeton :
 * `scolarite:restauration` et `scolarite:hebergement` donnent l'identité, la classe et le
 * régime ; `scolarite:bourse-collectivite` y ajoute l'échelon de bourse et les responsables
 * légaux avec leur adresse.
 */
export interface EleveListeEtablissement {
  /** Identifiant pseudonyme, stable pour votre organisme, différent pour tout autre destinataire. @example "k3v9x2m4q7t1w8r5y6z0a2b4cd" */
  id: string;
  /** @example "Le Gall" */
  nom?: string;
  /** Prénoms dans l'ordre de l'état civil. @example "Léa Marie" */
  prenoms?: string;
  /** @example "2013-04-23" */
  date_naissance?: string;
  classe?: ClasseEleve;
  /** Régime SIÈCLE : `2` demi-pensionnaire, `3` interne. @example {"code": "2", "libelle": "Demi-pensionnaire dans l'établissement"} */
  regime?: CodeLibelle;
  /** Échelon de la bourse nationale : 1 à 3 au collège, 1 à 6 au lycée. @example 2 */
  echelon_bourse?: number;
  responsables?: ResponsableEleve[];
  /** Publication (1er du mois) où la fiche a changé pour la dernière fois. @example "2026-11-01" */
  date_mise_a_jour?: string;
}

/** Une page d'une liste mensuelle d'établissement (demi-pensionnaires, internes ou boursiers). */
export interface ListeElevesEtablissement {
  /** @example "0350027P" */
  uai: string;
  /** Publication de la liste (1er du mois). @example "2026-11-01" */
  date_reference: string;
  /** @example "2026-2027" */
  annee_scolaire: string;
  /** Nombre d'élèves de la liste entière (toutes pages) communiqués à votre organisme. @example 412 */
  nombre_total: number;
  /** Présent quand des élèves sont écartés en raison d'une opposition : leur nombre seulement. @example 1 */
  nombre_exclus?: number;
  eleves: EleveListeEtablissement[];
  /** À passer en paramètre `curseur` pour la page suivante ; null sur la dernière page (voir aussi l'en-tête Link). */
  curseur_suivant: string | null;
  /** À conserver après la dernière page : passé en `depuis` à /changements, il donne ce qui a changé depuis cette liste. */
  jeton_synchronisation: string;
}

/** Une fiche modifiée : la fiche entière, et les champs qui ont changé. */
export interface ModificationEleve {
  /** @example ["classe"] */
  champs_modifies: string[];
  eleve: EleveListeEtablissement;
}

/**
 * Motif d'un retrait : `demenagement` (l'élève a quitté le territoire), `changement_etablissement`
 * (il n'est plus scolarisé dans cet établissement public), `changement_regime` (il n'est plus
 * demi-pensionnaire ou interne), `fin_bourse` (il n'est plus boursier), `correction` (inscrit à
 * tort), `hors_perimetre` (il sort du périmètre de votre habilitation, par exemple à la suite
 * d'une opposition).
 */
export type MotifRetraitEleve = 'demenagement' | 'changement_etablissement' | 'changement_regime' | 'fin_bourse' | 'correction' | 'hors_perimetre';

/** Un élève à retirer de votre copie de la liste : seul son identifiant pseudonyme est donné. */
export interface RetraitEleve {
  /** @example "k3v9x2m4q7t1w8r5y6z0a2b4cd" */
  id: string;
  /** @example "changement_regime" */
  motif: MotifRetraitEleve;
}

/**
 * Ce qui a changé entre la liste de `depuis` (celle du jeton) et la dernière publiée : ajouter les
 * `ajouts`, remplacer les fiches des `modifications` (par `id`), supprimer les `retraits`, page
 * après page ; on obtient la liste de `date_reference`. Un élève dont l'opposition a été
 * enregistrée ou levée depuis est redonné dans son état courant.
 */
export interface ChangementsElevesEtablissement {
  /** @example "0350027P" */
  uai: string;
  /** Publication de la liste du jeton reçu. @example "2026-10-01" */
  depuis: string;
  /** Publication atteinte en appliquant les changements. @example "2026-11-01" */
  date_reference: string;
  ajouts: EleveListeEtablissement[];
  modifications: ModificationEleve[];
  retraits: RetraitEleve[];
  /** Page suivante des changements ; null sur la dernière page (voir aussi l'en-tête Link). */
  curseur_suivant: string | null;
  /** Jeton de la liste de `date_reference`, à utiliser la prochaine fois, après la dernière page. */
  jeton_synchronisation: string;
}
