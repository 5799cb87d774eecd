/**
 * Code tables of the simulated source systems (ONDE, SIÈCLE, bourses): one code, one French
 * label. The APIs read their labels here; the tables store only the codes where a label can be
 * derived.
 */

export interface Code {
  code: string;
  libelle: string;
}

// Sex as the civil registry records it (no JSDoc: it would become the published schema's description).
export type Sexe = 'M' | 'F';

function indexer<T extends Code>(entrees: readonly T[]): Readonly<Record<string, T>> {
  return Object.fromEntries(entrees.map((e) => [e.code, e]));
}

export type CodeModeInstruction =
  'public' | 'prive_sous_contrat' | 'prive_hors_contrat' | 'instruction_famille' | 'cned' | 'etablissement_specialise' | 'inconnu';

/** R131-3's "mode d'instruction"; `inconnu` is a child the mairie must find (no known schooling). */
const MODES_INSTRUCTION: ReadonlyArray<Code & { code: CodeModeInstruction }> = [
  { code: 'public', libelle: 'Établissement public' },
  { code: 'prive_sous_contrat', libelle: "Établissement privé sous contrat d'association" },
  { code: 'prive_hors_contrat', libelle: 'Établissement privé hors contrat' },
  { code: 'instruction_famille', libelle: 'Instruction dans la famille' },
  { code: 'cned', libelle: 'Enseignement à distance (CNED, classe réglementée)' },
  { code: 'etablissement_specialise', libelle: 'Établissement ou service médico-social' },
  { code: 'inconnu', libelle: 'Scolarisation inconnue' },
];
export const MODE_INSTRUCTION = indexer(MODES_INSTRUCTION);

/** Cycles, in the order a pupil goes through them; `sts` is the BTS taught in lycées. */
export type Cycle = 'maternelle' | 'elementaire' | 'college' | 'lycee' | 'sts';

export interface Niveau extends Code {
  /** Years since petite section: 0 = PS … 11 = 3e, 12 = seconde, 14 = terminale, 15–16 = BTS. */
  rang: number;
  cycle: Cycle;
}

export const NIVEAUX: readonly Niveau[] = [
  { code: 'PS', libelle: 'Petite section', rang: 0, cycle: 'maternelle' },
  { code: 'MS', libelle: 'Moyenne section', rang: 1, cycle: 'maternelle' },
  { code: 'GS', libelle: 'Grande section', rang: 2, cycle: 'maternelle' },
  { code: 'CP', libelle: 'Cours préparatoire', rang: 3, cycle: 'elementaire' },
  { code: 'CE1', libelle: 'Cours élémentaire 1re année', rang: 4, cycle: 'elementaire' },
  { code: 'CE2', libelle: 'Cours élémentaire 2e année', rang: 5, cycle: 'elementaire' },
  { code: 'CM1', libelle: 'Cours moyen 1re année', rang: 6, cycle: 'elementaire' },
  { code: 'CM2', libelle: 'Cours moyen 2e année', rang: 7, cycle: 'elementaire' },
  { code: '6E', libelle: 'Sixième', rang: 8, cycle: 'college' },
  { code: '5E', libelle: 'Cinquième', rang: 9, cycle: 'college' },
  { code: '4E', libelle: 'Quatrième', rang: 10, cycle: 'college' },
  { code: '3E', libelle: 'Troisième', rang: 11, cycle: 'college' },
  { code: '2GT', libelle: 'Seconde générale et technologique', rang: 12, cycle: 'lycee' },
  { code: '2PRO', libelle: 'Seconde professionnelle', rang: 12, cycle: 'lycee' },
  { code: '1CAP', libelle: 'CAP 1re année', rang: 12, cycle: 'lycee' },
  { code: '1G', libelle: 'Première générale', rang: 13, cycle: 'lycee' },
  { code: '1T', libelle: 'Première technologique', rang: 13, cycle: 'lycee' },
  { code: '1PRO', libelle: 'Première professionnelle', rang: 13, cycle: 'lycee' },
  { code: '2CAP', libelle: 'CAP 2e année', rang: 13, cycle: 'lycee' },
  { code: 'TG', libelle: 'Terminale générale', rang: 14, cycle: 'lycee' },
  { code: 'TT', libelle: 'Terminale technologique', rang: 14, cycle: 'lycee' },
  { code: 'TPRO', libelle: 'Terminale professionnelle', rang: 14, cycle: 'lycee' },
  { code: 'BTS1', libelle: 'BTS 1re année', rang: 15, cycle: 'sts' },
  { code: 'BTS2', libelle: 'BTS 2e année', rang: 16, cycle: 'sts' },
];
export const NIVEAU = indexer(NIVEAUX);

/**
 * A *module élémentaire de formation* of the second degree. `code_mef_stat` has the 11
 * characters of the DEPP's MEF_STAT_11 (dispositif 3 + spécialité 3 + ordre 2 + durée 1 +
 * année 1 + 0); the values are plausible, not the official nomenclature.
 */
export interface Mef {
  code_mef_stat: string;
  libelle: string;
  niveau: string;
}

function mef(niveau: string, dispositif: string, specialite: string, ordre: string, duree: number, annee: number, libelle: string): Mef {
  return { code_mef_stat: `${dispositif}${specialite}${ordre}${duree}${annee}0`, libelle, niveau };
}

/** The specialities of a vocational or technological track, with their MEF for each year. */
interface Specialite {
  specialite: string;
  ordre: string;
  libelle: string;
}

const SERIES_TECHNOLOGIQUES: readonly Specialite[] = [
  { specialite: '312', ordre: '09', libelle: 'STMG' },
  { specialite: '200', ordre: '22', libelle: 'STI2D' },
  { specialite: '330', ordre: '06', libelle: 'ST2S' },
  { specialite: '110', ordre: '05', libelle: 'STL' },
  { specialite: '221', ordre: '03', libelle: 'STHR' },
];
const BACS_PROFESSIONNELS: readonly Specialite[] = [
  { specialite: '312', ordre: '13', libelle: 'METIERS DU COMMERCE ET DE LA VENTE' },
  { specialite: '324', ordre: '02', libelle: 'ASSISTANCE A LA GESTION DES ORGANISATIONS' },
  { specialite: '250', ordre: '04', libelle: 'MAINTENANCE DES SYSTEMES DE PRODUCTION CONNECTES' },
  { specialite: '233', ordre: '02', libelle: 'TECHNICIEN DU BATIMENT' },
  { specialite: '330', ordre: '03', libelle: 'ACCOMPAGNEMENT, SOINS ET SERVICES A LA PERSONNE' },
  { specialite: '252', ordre: '01', libelle: 'MAINTENANCE DES VEHICULES' },
  { specialite: '255', ordre: '06', libelle: 'METIERS DE L ELECTRICITE ET DE SES ENVIRONNEMENTS CONNECTES' },
  { specialite: '221', ordre: '04', libelle: 'CUISINE' },
];
const CAPS: readonly Specialite[] = [
  { specialite: '221', ordre: '04', libelle: 'CUISINE' },
  { specialite: '336', ordre: '01', libelle: 'ESTHETIQUE COSMETIQUE PARFUMERIE' },
  { specialite: '252', ordre: '02', libelle: 'MAINTENANCE DES VEHICULES OPTION VOITURES PARTICULIERES' },
  { specialite: '233', ordre: '05', libelle: 'MACON' },
  { specialite: '312', ordre: '09', libelle: 'EQUIPIER POLYVALENT DU COMMERCE' },
  { specialite: '255', ordre: '01', libelle: 'ELECTRICIEN' },
];
const BTS: readonly Specialite[] = [
  { specialite: '312', ordre: '14', libelle: 'MANAGEMENT COMMERCIAL OPERATIONNEL' },
  { specialite: '324', ordre: '05', libelle: 'GESTION DE LA PME' },
  { specialite: '326', ordre: '10', libelle: 'SERVICES INFORMATIQUES AUX ORGANISATIONS' },
  { specialite: '250', ordre: '08', libelle: 'CONCEPTION DES PROCESSUS DE REALISATION DE PRODUITS' },
  { specialite: '330', ordre: '02', libelle: 'SERVICES ET PRESTATIONS DES SECTEURS SANITAIRE ET SOCIAL' },
];

/** MEF by level code; several for a level means one per speciality (drawn once per pupil). */
export const MEFS: Readonly<Record<string, readonly Mef[]>> = {
  '6E': [mef('6E', '100', '100', '12', 1, 1, '6EME')],
  '5E': [mef('5E', '101', '100', '01', 1, 1, '5EME')],
  '4E': [mef('4E', '102', '100', '01', 1, 1, '4EME')],
  '3E': [mef('3E', '103', '100', '19', 1, 1, '3EME')],
  '2GT': [mef('2GT', '200', '100', '18', 1, 1, '2NDE GENERALE ET TECHNOLOGIQUE')],
  '1G': [mef('1G', '201', '100', '19', 1, 1, '1ERE GENERALE')],
  TG: [mef('TG', '202', '100', '19', 1, 1, 'TERMINALE GENERALE')],
  '1T': SERIES_TECHNOLOGIQUES.map((s) => mef('1T', '211', s.specialite, s.ordre, 1, 1, `1ERE ${s.libelle}`)),
  TT: SERIES_TECHNOLOGIQUES.map((s) => mef('TT', '212', s.specialite, s.ordre, 1, 1, `TERMINALE ${s.libelle}`)),
  '2PRO': BACS_PROFESSIONNELS.map((s) => mef('2PRO', '247', s.specialite, s.ordre, 3, 1, `2NDPRO ${s.libelle}`)),
  '1PRO': BACS_PROFESSIONNELS.map((s) => mef('1PRO', '247', s.specialite, s.ordre, 3, 2, `1ERE PRO ${s.libelle}`)),
  TPRO: BACS_PROFESSIONNELS.map((s) => mef('TPRO', '247', s.specialite, s.ordre, 3, 3, `TLEPRO ${s.libelle}`)),
  '1CAP': CAPS.map((s) => mef('1CAP', '241', s.specialite, s.ordre, 2, 1, `1CAP2 ${s.libelle}`)),
  '2CAP': CAPS.map((s) => mef('2CAP', '241', s.specialite, s.ordre, 2, 2, `2CAP2 ${s.libelle}`)),
  BTS1: BTS.map((s) => mef('BTS1', '320', s.specialite, s.ordre, 2, 1, `1BTS2 ${s.libelle}`)),
  BTS2: BTS.map((s) => mef('BTS2', '320', s.specialite, s.ordre, 2, 2, `2BTS2 ${s.libelle}`)),
};

/** A pupil keeps one speciality across the years of a track: `indice` is drawn once. */
export function mefDuNiveau(niveau: string, indice: number): Mef | null {
  const mefs = MEFS[niveau];
  return mefs ? mefs[indice % mefs.length] : null;
}

/** SIÈCLE's pupil status (API Particulier's `statut_eleve`). */
const STATUTS_ELEVE: readonly Code[] = [
  { code: 'ST', libelle: 'Scolaire' },
  { code: 'AP', libelle: 'Apprenti' },
];
export const STATUT_ELEVE = indexer(STATUTS_ELEVE);

/** SIÈCLE's boarding regime (API Particulier's `regime_pensionnat`). */
const REGIMES: readonly Code[] = [
  { code: '0', libelle: 'Externe libre' },
  { code: '2', libelle: "Demi-pensionnaire dans l'établissement" },
  { code: '3', libelle: "Interne dans l'établissement" },
];
export const REGIME = indexer(REGIMES);

/** National means-tested grants: collège échelons 1–3, lycée échelons 1–6. */
export const ECHELON_MAX = { college: 3, lycee: 6 } as const;

export type CodeLien = 'mere' | 'pere' | 'tuteur' | 'autre_membre_famille';
const LIENS_RESPONSABLE: ReadonlyArray<Code & { code: CodeLien }> = [
  { code: 'mere', libelle: 'Mère' },
  { code: 'pere', libelle: 'Père' },
  { code: 'tuteur', libelle: 'Tuteur ou tutrice' },
  { code: 'autre_membre_famille', libelle: 'Autre membre de la famille' },
];
export const LIEN_RESPONSABLE = indexer(LIENS_RESPONSABLE);

/** Why a child entered a commune's list (additions) or why his entry changed (modifications). */
export type MotifDebut =
  | 'publication_initiale'
  | 'entree_obligation'
  | 'arrivee'
  | 'rattachement'
  | 'rentree'
  | 'changement_etablissement'
  | 'changement_mode'
  | 'changement_adresse'
  | 'correction';
export const MOTIFS_AJOUT: readonly MotifDebut[] = ['publication_initiale', 'entree_obligation', 'arrivee', 'rattachement'];

/** Why a child left a commune's list: the tombstone reasons of the change feed. */
export type MotifFin = 'demenagement' | 'fin_obligation' | 'correction';

/** The DEPP's four social-origin groups of a pupil, from the PCS of his first responsable; `non_renseignee` when unknown. */
export type CodeOrigineSociale = 'tres_favorisee' | 'favorisee' | 'moyenne' | 'defavorisee' | 'non_renseignee';
const ORIGINES_SOCIALES: ReadonlyArray<Code & { code: CodeOrigineSociale }> = [
  { code: 'tres_favorisee', libelle: 'Très favorisée' },
  { code: 'favorisee', libelle: 'Favorisée' },
  { code: 'moyenne', libelle: 'Moyenne' },
  { code: 'defavorisee', libelle: 'Défavorisée' },
  { code: 'non_renseignee', libelle: 'Non renseignée' },
];
export const ORIGINE_SOCIALE = indexer(ORIGINES_SOCIALES);

/**
 * The PCS codes (INSEE, two digits, as SIÈCLE records a responsable's occupation) and the DEPP
 * group each falls in ("PCS regroupée"); 99: not stated.
 */
export const PCS: Readonly<Record<string, { libelle: string; origine: CodeOrigineSociale }>> = {
  '10': { libelle: 'Agriculteurs exploitants', origine: 'moyenne' },
  '21': { libelle: 'Artisans', origine: 'moyenne' },
  '22': { libelle: 'Commerçants et assimilés', origine: 'moyenne' },
  '23': { libelle: "Chefs d'entreprise de 10 salariés ou plus", origine: 'tres_favorisee' },
  '31': { libelle: 'Professions libérales', origine: 'tres_favorisee' },
  '33': { libelle: 'Cadres de la fonction publique', origine: 'tres_favorisee' },
  '34': { libelle: 'Professeurs, professions scientifiques', origine: 'tres_favorisee' },
  '37': { libelle: "Cadres administratifs et commerciaux d'entreprise", origine: 'tres_favorisee' },
  '38': { libelle: "Ingénieurs et cadres techniques d'entreprise", origine: 'tres_favorisee' },
  '42': { libelle: 'Professeurs des écoles, instituteurs', origine: 'favorisee' },
  '43': { libelle: 'Professions intermédiaires de la santé et du travail social', origine: 'favorisee' },
  '46': { libelle: 'Professions intermédiaires administratives et commerciales des entreprises', origine: 'favorisee' },
  '47': { libelle: 'Techniciens', origine: 'favorisee' },
  '52': { libelle: 'Employés civils et agents de service de la fonction publique', origine: 'moyenne' },
  '54': { libelle: "Employés administratifs d'entreprise", origine: 'moyenne' },
  '55': { libelle: 'Employés de commerce', origine: 'moyenne' },
  '56': { libelle: 'Personnels des services directs aux particuliers', origine: 'moyenne' },
  '62': { libelle: 'Ouvriers qualifiés', origine: 'defavorisee' },
  '67': { libelle: 'Ouvriers non qualifiés', origine: 'defavorisee' },
  '69': { libelle: 'Ouvriers agricoles', origine: 'defavorisee' },
  '81': { libelle: "Chômeurs n'ayant jamais travaillé", origine: 'defavorisee' },
  '84': { libelle: 'Personnes sans activité professionnelle', origine: 'defavorisee' },
  '99': { libelle: 'Non renseignée', origine: 'non_renseignee' },
};

/** The DEPP group of a PCS code; an absent or unknown code is `non_renseignee`. */
export function origineSociale(pcs: string | null | undefined): CodeOrigineSociale {
  return (pcs && PCS[pcs]?.origine) || 'non_renseignee';
}
