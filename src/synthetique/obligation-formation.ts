import { LISTE_OBLIGATION_FORMATION, type DonneesJeune } from '../apis/obligation-formation/service';
import type { Db } from '../db/knex';
import type { ListeVersionLigne } from '../db/tables-eleves';
import { HistoriqueListe } from '../listes/historique';
import {
  ajouterJours,
  anniversaire,
  anneeDeRentree,
  dateRentree,
  datesPublication,
  estBissextile,
  formaterDate,
  jourDeLAnnee,
  libelleAnneeScolaire,
} from '../referentiels/calendrier';
import { mefDuNiveau, type Sexe } from '../referentiels/nomenclatures';
import type { Commune } from '../territoire/geographie';
import { type Adresse, Voirie } from './adresses';
import { Alea, hacher32, TablePonderee } from './alea';
import { normaliserNomMemorise, tirerNom, tirerPrenoms } from './identites';
import { carteOfficielleDesCommunes, communesDuPerimetre, type CarteDesCommunes } from './territoire';

/**
 * The young people aged 16 to 18 who left school without a diploma and have no training place
 * (code de l'éducation L114-1, L313-7): the population of the training-obligation list. The
 * generator's pupils are those still at school, so these are drawn apart, per commune of the
 * generation, deterministically from the seed; their last schooling names a real collège or lycée
 * of their département. Month by month, a young person enters the list when he leaves school (or
 * turns 16 out of school), and leaves it on his 18th birthday, when he finds a training place,
 * an apprenticeship, a job or a civic service, or when he moves out of the generated territory.
 */

/** Share of a commune's population in one birth cohort (15 % aged 3–16 over 14 cohorts, as the pupils). */
const PART_PAR_COHORTE = 0.15 / 14;
/** Share of a cohort out of school without a diploma nor a training place at some point between 16 and 18. */
const PART_SANS_SOLUTION = 0.05;

/** Why a young person leaves a list: the tombstone reasons of the change feed. */
export type MotifSortieFormation = 'fin_obligation' | 'retour_formation' | 'apprentissage' | 'emploi_ou_service_civique' | 'demenagement' | 'correction';

const SOLUTIONS = TablePonderee.depuis<MotifSortieFormation>([
  ['retour_formation', 0.5],
  ['apprentissage', 0.35],
  ['emploi_ou_service_civique', 0.15],
]);

/** The class left, by age reached in the calendar year of the current rentrée. */
const CLASSES_QUITTEES: Readonly<Record<number, TablePonderee<string>>> = {
  16: TablePonderee.depuis<string>([
    ['3E', 0.35],
    ['2GT', 0.2],
    ['2PRO', 0.25],
    ['1CAP', 0.2],
  ]),
  17: TablePonderee.depuis<string>([
    ['2GT', 0.15],
    ['2PRO', 0.25],
    ['1CAP', 0.2],
    ['2CAP', 0.15],
    ['1PRO', 0.2],
    ['1G', 0.05],
  ]),
  18: TablePonderee.depuis<string>([
    ['1PRO', 0.3],
    ['2CAP', 0.2],
    ['TPRO', 0.3],
    ['1T', 0.1],
    ['TT', 0.1],
  ]),
};

/** An establishment a young person may have left (table `etablissements`). */
export interface EtablissementQuitte {
  uai: string;
  type: 'college' | 'lycee';
  code_commune: string;
  code_departement: string;
}

/** A simulated young person: identity, last schooling, and the dates of his timeline. */
export interface Jeune {
  id: string;
  ine: string;
  nom: string;
  prenoms: string;
  sexe: Sexe;
  dateNaissance: string;
  communeNaissance: Commune;
  /** Residence before and (if he moves) after `demenagement.date`. */
  residences: Array<{ depuis: string; commune: Commune; adresse: Adresse }>;
  uai: string | null;
  niveau: string;
  mef: string | null;
  anneeScolaireSortie: string;
  dateSortie: string;
  /** On the lists from `entree` (school left and 16 reached) until `fin` (exclusive), for `motifFin`. */
  entree: string;
  fin: string;
  motifFin: MotifSortieFormation;
}

export interface ParametresObligationFormation {
  graine: number;
  /** The generation's day: the last publication is on or before it. */
  aujourdhui: string;
  echelle: number;
  communes: readonly Commune[];
  etablissements: readonly EtablissementQuitte[];
  territoire?: CarteDesCommunes;
}

/** The young people of the generated communes who are, were or will be on a list during the generated school year. */
export function simulerJeunes(p: ParametresObligationFormation): Jeune[] {
  const territoire = p.territoire ?? carteOfficielleDesCommunes();
  const perimetre = new Set(p.communes.map((c) => c.code));
  const racine = new Alea(hacher32('obligation-formation', p.graine));
  const voirie = new Voirie(hacher32('voirie-formation', p.graine), perimetre);
  const rentree = anneeDeRentree(p.aujourdhui);
  const parDepartement = new Map<string, EtablissementQuitte[]>();
  for (const e of [...p.etablissements].sort((a, b) => (a.uai < b.uai ? -1 : 1))) {
    const liste = parDepartement.get(e.code_departement) ?? [];
    liste.push(e);
    parDepartement.set(e.code_departement, liste);
  }
  const jeunes: Jeune[] = [];
  for (const commune of p.communes) {
    const alea = racine.fils(`commune:${commune.code}`);
    const nombre = alea.fils('effectif').arrondir(commune.population * PART_PAR_COHORTE * 3 * PART_SANS_SOLUTION * p.echelle);
    for (let k = 0; k < nombre; k++) {
      const a = alea.fils(`jeune:${k}`);
      const sexe: Sexe = a.probabilite(0.55) ? 'M' : 'F';
      const age = a.choisir([16, 17, 18]);
      const anneeNaissance = rentree - age;
      const dateNaissance = jourDeLAnnee(anneeNaissance, Math.floor(a.nombre() * (estBissextile(anneeNaissance) ? 366 : 365)));
      const niveau = CLASSES_QUITTEES[age].tirer(a);
      // Left during the previous school year, at its end (not re-enrolled), or during this one.
      const u = a.nombre();
      let dateSortie =
        u < 0.45
          ? ajouterJours(dateRentree(rentree - 1), Math.floor(a.nombre() * 290))
          : u < 0.75
            ? formaterDate(rentree, 7, 4)
            : ajouterJours(dateRentree(rentree), Math.floor(a.nombre() * 300));
      // Compulsory instruction runs to 16: who left earlier was still at school that day.
      const seize = anniversaire(dateNaissance, 16);
      if (dateSortie < seize) dateSortie = seize;
      const anneeScolaireSortie = libelleAnneeScolaire(dateSortie < dateRentree(rentree) ? rentree - 1 : rentree);
      const dixHuit = anniversaire(dateNaissance, 18);
      const entree = dateSortie;
      let fin = dixHuit;
      let motifFin: MotifSortieFormation = 'fin_obligation';
      if (a.probabilite(0.4)) {
        const solution = ajouterJours(entree, 20 + Math.floor(a.nombre() * 230));
        if (solution < fin) [fin, motifFin] = [solution, SOLUTIONS.tirer(a)];
      }
      const adresse = voirie.adresse(a, commune);
      const residences: Jeune['residences'] = [{ depuis: entree, commune, adresse }];
      if (a.probabilite(0.08)) {
        const date = ajouterJours(entree, 15 + Math.floor(a.nombre() * 200));
        if (date < fin) {
          const destination = a.probabilite(0.6) ? a.choisir(p.communes) : territoire.destination(a, commune);
          if (perimetre.has(destination.code)) residences.push({ depuis: date, commune: destination, adresse: voirie.adresse(a, destination) });
          else [fin, motifFin] = [date, 'demenagement'];
        }
      }
      if (entree >= fin || entree > p.aujourdhui) continue;
      const etablissements = (parDepartement.get(commune.departement) ?? []).filter((e) => e.type === (niveau === '3E' ? 'college' : 'lycee'));
      const proches = etablissements.filter((e) => e.code_commune === commune.code);
      const etablissement = proches.length > 0 ? a.choisir(proches) : etablissements.length > 0 ? a.choisir(etablissements) : null;
      const id = `${commune.code}-J${String(k).padStart(5, '0')}`;
      jeunes.push({
        id,
        ine: ine(id, p.graine),
        nom: tirerNom(a),
        prenoms: tirerPrenoms(a, sexe, 'enfant'),
        sexe,
        dateNaissance,
        communeNaissance: commune,
        residences,
        uai: etablissement?.uai ?? null,
        niveau,
        mef: mefDuNiveau(niveau, a.entier32())?.code_mef_stat ?? null,
        anneeScolaireSortie,
        dateSortie,
        entree,
        fin,
        motifFin,
      });
    }
  }
  return jeunes;
}

const LETTRES_CLE = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** An INE of the same form as the pupils' (10 base-36 characters and a check letter), from a namespace of its own. */
function ine(id: string, graine: number): string {
  const n = BigInt(hacher32(`ine-formation:${id}`, graine)) * 4_294_967_296n + BigInt(hacher32(`ine-formation-bis:${id}`, graine));
  const valeur = n % 36n ** 10n;
  return valeur.toString(36).toUpperCase().padStart(10, '0') + LETTRES_CLE[Number(valeur % 23n)];
}

/** The young person's entry as of `date`, or null when he is on no list that day. */
export function ficheAuJour(j: Jeune, date: string): DonneesJeune | null {
  if (date < j.entree || date >= j.fin) return null;
  const residence = [...j.residences].reverse().find((r) => r.depuis <= date) ?? j.residences[0];
  return {
    nom: j.nom,
    prenoms: j.prenoms,
    sexe: j.sexe,
    date_naissance: j.dateNaissance,
    code_commune: residence.commune.code,
    adresse_ligne: residence.adresse.ligne,
    code_postal: residence.adresse.code_postal,
    uai: j.uai,
    annee_scolaire_sortie: j.anneeScolaireSortie,
    niveau_code: j.niveau,
    code_mef_stat: j.mef,
    date_sortie: j.dateSortie,
    motif_entree: residence === j.residences[0] ? 'sortie_sans_diplome' : 'arrivee',
  };
}

/** The generator's row of a young person in table `eleves` (the DPO finds him there by identity). */
function ligneEleve(j: Jeune): Record<string, string> {
  const r = j.residences[j.residences.length - 1];
  return {
    id: j.id,
    ine: j.ine,
    nom: j.nom,
    prenoms: j.prenoms,
    sexe: j.sexe,
    date_naissance: j.dateNaissance,
    code_commune_naissance: j.communeNaissance.code,
    libelle_commune_naissance: j.communeNaissance.nom,
    nom_normalise: normaliserNomMemorise(j.nom),
    foyer_id: j.id,
    adresse_ligne: r.adresse.ligne,
    code_postal: r.adresse.code_postal,
    code_commune_residence: r.commune.code,
  };
}

/** The generation's inputs as `genererDonnees` recorded them. */
export async function parametresDeLaGeneration(db: Db, graine: number): Promise<ParametresObligationFormation> {
  const generation = (await db('generations').orderBy('id', 'desc').first('perimetre', 'echelle', 'aujourdhui')) as
    { perimetre: string; echelle: number; aujourdhui: string } | undefined;
  if (!generation) throw new Error('Aucune génération d’élèves : appeler genererDonnees d’abord');
  const territoire = carteOfficielleDesCommunes();
  const communes = communesDuPerimetre(territoire, JSON.parse(generation.perimetre) as { departements?: string[]; communes?: string[] });
  const departements = [...new Set(communes.map((c) => c.departement))];
  const etablissements = (await db('etablissements')
    .whereIn('code_departement', departements)
    .whereIn('type', ['college', 'lycee'])
    .where({ statut: 'public' })
    .select('uai', 'type', 'code_commune', 'code_departement')) as EtablissementQuitte[];
  return { graine, aujourdhui: generation.aujourdhui, echelle: Number(generation.echelle), communes, etablissements, territoire };
}

/** The two lists a young person living in `codeCommune` is on: his département's and his région's. */
function clesDesListes(codeCommune: string, territoire: CarteDesCommunes): [string, string] {
  const commune = territoire.commune(codeCommune);
  return [`departement:${commune.departement}`, `region:${commune.region}`];
}

export interface BilanObligationFormation {
  jeunes: number;
  versions: number;
  publications: number;
}

/**
 * Replaces the training-obligation lists (kind `obligation_formation` of the generic list
 * tables) and their young people in `eleves`, from the latest generation's inputs, in one
 * transaction. Call after `genererDonnees`; the same seed and generation give the same rows.
 */
export async function genererObligationFormation(db: Db, options: { seed: number }): Promise<BilanObligationFormation> {
  const p = await parametresDeLaGeneration(db, options.seed);
  const territoire = p.territoire!;
  const { id: generationId } = (await db('generations').orderBy('id', 'desc').first('id')) as { id: number };
  const publications = datesPublication(p.aujourdhui);
  const rentree = anneeDeRentree(p.aujourdhui);
  const versions: ListeVersionLigne[] = [];
  const historique = new HistoriqueListe(
    LISTE_OBLIGATION_FORMATION,
    publications,
    (i) => libelleAnneeScolaire(i === 0 ? rentree - 1 : rentree),
    (v) => versions.push(v),
  );
  for (const c of p.communes) for (const cle of clesDesListes(c.code, territoire)) historique.declarerCle(cle);
  const eleves: Array<Record<string, string>> = [];
  for (const j of simulerJeunes(p)) {
    const fiches = publications.map((d) => ficheAuJour(j, d));
    if (fiches.every((f) => f === null)) continue;
    eleves.push(ligneEleve(j));
    // Département list, then région list: a move to another département leaves the first, not the second.
    for (const rang of [0, 1]) {
      historique.suivre(
        j.id,
        fiches.map(
          (f, i) =>
            f && { cle: clesDesListes(f.code_commune, territoire)[rang], donnees: { ...f }, motifEntree: i === 0 ? 'publication_initiale' : f.motif_entree },
        ),
        (i) => (fiches[i] ? 'demenagement' : j.motifFin),
      );
    }
  }
  const lignesPublications = [...historique.bilan(generationId)];
  await db.transaction(async (trx) => {
    await trx('liste_publications').where({ liste: LISTE_OBLIGATION_FORMATION }).delete();
    await trx('liste_versions').where({ liste: LISTE_OBLIGATION_FORMATION }).delete();
    await trx('eleves').where('id', 'like', '%-J%').delete();
    await trx.batchInsert('eleves', eleves, 200);
    await trx.batchInsert('liste_versions', versions, 200);
    await trx.batchInsert('liste_publications', lignesPublications, 200);
  });
  return { jeunes: eleves.length, versions: versions.length, publications: lignesPublications.length };
}
