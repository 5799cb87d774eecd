// The one establishment model: the annuaire's columns of table `etablissements`, as API école
// publishes them. The import adds `nom_normalise`; the published columns are derived from here.
// (Line comments: a JSDoc block here would become the description of the schema below it.)

export type TypeEtablissement = 'ecole' | 'college' | 'lycee' | 'erea' | 'medico_social' | 'information_orientation' | 'service_administratif' | 'autre';
export type StatutEtablissement = 'public' | 'prive';
export type EtatEtablissement = 'OUVERT' | 'FERME' | 'A OUVRIR' | 'A FERMER';

/** Un établissement de l'annuaire de l'éducation (donnée ouverte, Licence Ouverte). */
export interface Etablissement {
  /** @example "0350001A" */
  uai: string;
  /** @example "Collège Anne de Bretagne" */
  nom: string;
  type: TypeEtablissement;
  /** @example "Collège" */
  type_libelle: string | null;
  statut: StatutEtablissement | null;
  /** @example "CONTRAT D'ASSOCIATION" */
  type_contrat_prive: string | null;
  /** @example "340" */
  nature_code: string | null;
  /** @example "COLLEGE" */
  nature_libelle: string | null;
  adresse_1: string | null;
  adresse_2: string | null;
  adresse_3: string | null;
  /** @example "35000" */
  code_postal: string | null;
  /** @example "35238" */
  code_commune: string;
  /** @example "Rennes" */
  nom_commune: string | null;
  /** @example "35" */
  code_departement: string;
  /** @example "14" */
  code_academie: string | null;
  /** @example "53" */
  code_region: string | null;
  ecole_maternelle: boolean | null;
  ecole_elementaire: boolean | null;
  voie_generale: boolean | null;
  voie_technologique: boolean | null;
  voie_professionnelle: boolean | null;
  restauration: boolean | null;
  hebergement: boolean | null;
  ulis: boolean | null;
  segpa: boolean | null;
  /** @example "REP" */
  education_prioritaire: string | null;
  siret: string | null;
  /** Effectif déclaré dans l'annuaire (donnée ouverte, non soumise au secret). */
  nombre_eleves: number | null;
  latitude: number | null;
  longitude: number | null;
  etat: EtatEtablissement;
  date_ouverture: string | null;
  date_fermeture: string | null;
  /** Dernière mise à jour de la ligne dans l'annuaire. */
  date_maj: string | null;
  ministere_tutelle: string | null;
}

/** The yes/no fields of `Etablissement` (SQLite stores them as 0/1). */
export const CHAMPS_BOOLEENS_ETABLISSEMENT = Object.keys({
  ecole_maternelle: true,
  ecole_elementaire: true,
  voie_generale: true,
  voie_technologique: true,
  voie_professionnelle: true,
  restauration: true,
  hebergement: true,
  ulis: true,
  segpa: true,
} satisfies { [K in keyof Etablissement as Etablissement[K] extends boolean | null ? K : never]-?: true }) as Array<keyof Etablissement>;

/** Every field of `Etablissement`, or the list does not compile. */
function toutesLesColonnes<const C extends ReadonlyArray<keyof Etablissement>>(
  colonnes: C & ([Exclude<keyof Etablissement, C[number]>] extends [never] ? unknown : never),
): C {
  return colonnes;
}

/** The published columns, in the order of `Etablissement`. */
export const COLONNES_ETABLISSEMENT = toutesLesColonnes([
  'uai',
  'nom',
  'type',
  'type_libelle',
  'statut',
  'type_contrat_prive',
  'nature_code',
  'nature_libelle',
  'adresse_1',
  'adresse_2',
  'adresse_3',
  'code_postal',
  'code_commune',
  'nom_commune',
  'code_departement',
  'code_academie',
  'code_region',
  'ecole_maternelle',
  'ecole_elementaire',
  'voie_generale',
  'voie_technologique',
  'voie_professionnelle',
  'restauration',
  'hebergement',
  'ulis',
  'segpa',
  'education_prioritaire',
  'siret',
  'nombre_eleves',
  'latitude',
  'longitude',
  'etat',
  'date_ouverture',
  'date_fermeture',
  'date_maj',
  'ministere_tutelle',
]);
