import type { CodeMention, CodeVoie } from './examens';
import type { EtablissementExamen } from './resultats';

// The published models of API résultats examens; those of the aggregates are in resultats.ts.

/** Commune, département or région: the territories results are aggregated over. */
export type NiveauTerritoire = 'commune' | 'departement' | 'region';

/** Un territoire de la géographie officielle (découpage administratif en vigueur). */
export interface Territoire {
  niveau: NiveauTerritoire;
  /** @example "35238" */
  code: string;
  /** @example "Rennes" */
  libelle: string;
}

/** Adresse de l'élève, transmise seulement si son consentement le prévoit. */
export interface AdresseContact {
  /** @example "12 rue de la Monnaie" */
  ligne: string;
  /** @example "35000" */
  code_postal: string;
  /** @example "35238" */
  code_commune: string;
  /** @example "Rennes" */
  commune: string | null;
}

/** Un bachelier avec mention ayant consenti à la transmission de ses données à la région. */
export interface Laureat {
  /** Identifiant pseudonyme : stable pour la région, différent pour tout autre destinataire. */
  id: string;
  /** @example "MARTIN" */
  nom: string;
  /** @example "Léa Marie" */
  prenoms: string;
  /** @example "2008-03-14" */
  date_naissance: string;
  etablissement: EtablissementExamen;
  serie: {
    voie: CodeVoie;
    /** Série (technologique) ou spécialité (professionnelle) ; null en voie générale. @example "31209" */
    code: string | null;
    /** @example "STMG" */
    libelle: string;
  };
  mention: {
    code: CodeMention;
    /** @example "Très bien" */
    libelle: string;
  };
  /** Absente si le consentement ne couvre pas l'adresse de contact. */
  adresse_contact?: AdresseContact;
}

/** Une page de la liste des lauréats consentants. */
export interface ListeLaureats {
  /** @example 2026 */
  session: number;
  mention_minimale: CodeMention;
  /**
   * Lauréats de la région remplissant la condition de mention mais sans consentement valide pour
   * cette finalité et ce destinataire (recueilli, non retiré, non expiré) : leur nombre, jamais qui.
   */
  nombre_exclus_sans_consentement: number;
  laureats: Laureat[];
  /** À passer en paramètre `curseur` pour la page suivante ; null sur la dernière page (voir aussi l'en-tête Link). */
  curseur_suivant: string | null;
}
