import type { Db } from '../../../src/db/knex';
import { anneeScolaireDe } from '../../../src/referentiels/calendrier';
import { aujourdhui } from '../../../src/horloge';

export const CHEMIN = '/api-scolarite/v1/eleves/statut';
export const CAF = '53408918800013';
export const TOUS_LES_SCOPES = ['scolarite:statut', 'scolarite:boursier', 'scolarite:echelon-bourse', 'scolarite:regime', 'scolarite:identite'];

/** A pupil as the source tables hold him, read independently of the API's code. */
export interface Temoin {
  id: string;
  nom: string;
  prenoms: string;
  sexe: 'M' | 'F';
  date_naissance: string;
  annee_scolaire: string;
  uai: string;
  niveau_code: string;
  code_mef_stat: string;
  libelle_mef: string;
  statut_eleve: string;
  est_boursier: boolean | number;
  echelon_bourse: number | null;
  regime: string | null;
  date_sortie: string | null;
  etablissement_nom: string;
  ministere_tutelle: string | null;
  code_departement: string;
  code_region: string;
}

export function anneeCourante(): string {
  return anneeScolaireDe(aujourdhui());
}

/**
 * Collège and lycée pupils of this school year whose identity (normalised name, birth date,
 * sex) no other pupil shares, in a stable order.
 */
export async function temoins(db: Db, filtre: (q: ReturnType<Db>) => void = () => {}): Promise<Temoin[]> {
  const uniques = db('eleves').select('nom_normalise', 'date_naissance', 'sexe').groupBy('nom_normalise', 'date_naissance', 'sexe').havingRaw('count(*) = 1');
  const q = db('eleves as e')
    .join('scolarites as s', 's.eleve_id', 'e.id')
    .join('etablissements as et', 'et.uai', 's.uai')
    .whereIn(['e.nom_normalise', 'e.date_naissance', 'e.sexe'], uniques)
    .where('s.annee_scolaire', anneeCourante())
    .whereIn('s.niveau_code', ['6E', '5E', '4E', '3E', '2GT', '1G', 'TG', '2PRO', '1PRO', 'TPRO'])
    .whereIn('s.mode_instruction', ['public', 'prive_sous_contrat'])
    .orderBy('e.id')
    .select(
      'e.id',
      'e.nom',
      'e.prenoms',
      'e.sexe',
      'e.date_naissance',
      's.annee_scolaire',
      's.uai',
      's.niveau_code',
      's.code_mef_stat',
      's.libelle_mef',
      's.statut_eleve',
      's.est_boursier',
      's.echelon_bourse',
      's.regime',
      's.date_sortie',
      'et.nom as etablissement_nom',
      'et.ministere_tutelle',
      'et.code_departement',
      'et.code_region',
    );
  filtre(q);
  return (await q) as Temoin[];
}

/** The query of API Particulier's form: `prenoms=A&prenoms=B`, the CAF as recipient. */
export function requete(
  eleve: Pick<Temoin, 'nom' | 'prenoms' | 'sexe' | 'date_naissance'>,
  autres: Record<string, string | number | string[] | undefined> = {},
): string {
  const [annee, mois, jour] = eleve.date_naissance.split('-').map(Number);
  const parametres: Record<string, string | number | string[] | undefined> = {
    nomNaissance: eleve.nom,
    prenoms: eleve.prenoms.split(' ').slice(0, 2),
    sexeEtatCivil: eleve.sexe,
    anneeDateNaissance: annee,
    moisDateNaissance: mois,
    jourDateNaissance: jour,
    codesDepartements: ['35'],
    recipient: CAF,
    context: 'Allocation de rentrée scolaire',
    object: 'Dossier de test',
    ...autres,
  };
  const q = new URLSearchParams();
  for (const [cle, valeur] of Object.entries(parametres)) {
    if (valeur === undefined) continue;
    for (const v of Array.isArray(valeur) ? valeur : [valeur]) q.append(cle, String(v));
  }
  return `${CHEMIN}?${q.toString()}`;
}
