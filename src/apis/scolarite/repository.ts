import { type Db, executer } from '../../db/knex';
import { normaliserNom } from '../../referentiels/texte';
import { NIVEAUX, REGIME, STATUT_ELEVE } from '../../referentiels/nomenclatures';
import type { Lieu } from '../../territoire/perimetre';
import type { DemandeStatut } from './demande';
import type { Sexe, StatutEleve } from './models';

/** SIÈCLE's pupils: second degree (collège, lycée, BTS) in public or private-under-contract establishments. */
const NIVEAUX_SECOND_DEGRE = NIVEAUX.filter((n) => n.cycle === 'college' || n.cycle === 'lycee' || n.cycle === 'sts').map((n) => n.code);
const MODES_SIECLE = ['public', 'prive_sous_contrat'];

/** The annuaire names the supervising ministry; API Particulier gives its code (only Éducation nationale's is certain). */
const CODES_MINISTERE_TUTELLE: Readonly<Record<string, string>> = {
  [normaliserNom("MINISTERE DE L'EDUCATION NATIONALE")]: '06',
};

/** One pupil and his schooling of the requested year, joined to his establishment. */
export interface EleveScolarise {
  id: string;
  nom: string;
  prenoms: string;
  sexe: Sexe;
  date_naissance: string;
  annee_scolaire: string;
  uai: string;
  code_mef_stat: string | null;
  libelle_mef: string | null;
  statut_eleve: string | null;
  est_boursier: boolean | number;
  echelon_bourse: number | null;
  regime: string | null;
  date_sortie: string | null;
  etablissement_nom: string;
  ministere_tutelle: string | null;
  type_etablissement: string;
  code_commune: string;
  code_departement: string;
  code_region: string | null;
}

/**
 * First names match when the given ones are the first registered ones, in civil-registry order,
 * compared whole but insensitive to accents, case, hyphens and spacing: "Jean Baptiste" finds
 * "Jean-Baptiste Louis", "Jean" does not.
 */
export function prenomsCorrespondent(donnes: readonly string[], enregistres: string): boolean {
  const mots = donnes.flatMap((p) => normaliserNom(p).split(' ')).filter(Boolean);
  if (mots.length === 0) return false;
  let lus = 0;
  for (const prenom of enregistres.split(' ').filter(Boolean)) {
    for (const mot of normaliserNom(prenom).split(' ').filter(Boolean)) {
      if (mots[lus] !== mot) return false;
      lus++;
    }
    if (lus === mots.length) return true;
  }
  return false;
}

/**
 * Pupils whose identity matches, schooled in the perimeter that year. Names are compared through
 * `nom_normalise` (index on nom_normalise, date_naissance); several rows mean an ambiguous identity.
 */
export async function rechercherEleves(db: Db, demande: DemandeStatut): Promise<EleveScolarise[]> {
  const requete = db('eleves as e')
    .join('scolarites as s', 's.eleve_id', 'e.id')
    .join('etablissements as et', 'et.uai', 's.uai')
    .where({ 'e.nom_normalise': demande.nom, 'e.date_naissance': demande.dateNaissance, 'e.sexe': demande.sexe, 's.annee_scolaire': demande.anneeScolaire })
    .whereIn('s.niveau_code', NIVEAUX_SECOND_DEGRE)
    .whereIn('s.mode_instruction', MODES_SIECLE)
    .orderBy('e.id')
    .select(
      'e.id',
      'e.nom',
      'e.prenoms',
      'e.sexe',
      'e.date_naissance',
      's.annee_scolaire',
      's.uai',
      's.code_mef_stat',
      's.libelle_mef',
      's.statut_eleve',
      's.est_boursier',
      's.echelon_bourse',
      's.regime',
      's.date_sortie',
      'et.nom as etablissement_nom',
      'et.ministere_tutelle',
      'et.type as type_etablissement',
      'et.code_commune',
      'et.code_departement',
      'et.code_region',
    );
  const p = demande.perimetre;
  if ('uai' in p) requete.where('s.uai', p.uai);
  else if ('departements' in p) requete.whereIn('et.code_departement', p.departements);
  else requete.whereIn('et.code_region', p.regions);
  const lignes = await executer<EleveScolarise[]>(db, requete);
  return lignes.filter((l) => prenomsCorrespondent(demande.prenoms, l.prenoms));
}

/** Where the pupil is schooled: what the territory rule of the habilitation is checked against. */
export function lieuDeScolarisation(eleve: EleveScolarise): Lieu {
  return {
    code_commune: eleve.code_commune,
    code_departement: eleve.code_departement,
    code_region: eleve.code_region,
    type_etablissement: eleve.type_etablissement,
  };
}

function codeLibelle(table: Readonly<Record<string, { code: string; libelle: string }>>, code: string | null): { code: string; libelle: string } | null {
  const entree = code === null ? undefined : table[code];
  return entree ? { code: entree.code, libelle: entree.libelle } : null;
}

/** Every field of the contract; the caller's scopes then mask it. */
export function statutComplet(eleve: EleveScolarise): Required<StatutEleve> {
  const boursier = Boolean(eleve.est_boursier);
  return {
    identite: { nom: eleve.nom, prenoms: eleve.prenoms.split(' ').filter(Boolean), sexe: eleve.sexe, date_naissance: eleve.date_naissance },
    est_scolarise: eleve.date_sortie === null,
    etablissement: {
      uai: eleve.uai,
      nom: eleve.etablissement_nom,
      code_ministere_tutelle: CODES_MINISTERE_TUTELLE[normaliserNom(eleve.ministere_tutelle ?? '')] ?? null,
    },
    module_elementaire_formation: eleve.code_mef_stat ? { code_mef_stat: eleve.code_mef_stat, libelle: eleve.libelle_mef ?? '' } : null,
    statut_eleve: codeLibelle(STATUT_ELEVE, eleve.statut_eleve),
    annee_scolaire: eleve.annee_scolaire,
    est_boursier: boursier,
    echelon_bourse: boursier ? (eleve.echelon_bourse ?? null) : null,
    regime_pensionnat: codeLibelle(REGIME, eleve.regime),
  };
}
