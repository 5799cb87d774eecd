import { importerAnnuaire } from '../import/annuaire';
import type { Db } from '../db/knex';
import { anneeScolaireDe, datesPublication, lireDate } from '../referentiels/calendrier';
import type { EtablissementSource } from './carte-scolaire';
import { type Comptes, ouvrirEcrivain } from './ecriture';
import { enregistrementsSynthetiques, etablissementsSynthetiques } from './etablissements-synthetiques';
import { GenerateurPopulation, type Puits } from './generateur';
import type { Commune, Geographie } from '../territoire/geographie';
import { carteOfficielleDesCommunes, communesDuPerimetre } from './territoire';
import { horodatage } from '../horloge';

export interface OptionsGeneration {
  /** Départements to generate ('35', '2A'…); with neither this nor `communes`, all of France. */
  departements?: string[];
  /** Communes to generate (INSEE codes): a subset, for tests and demos. */
  communes?: string[];
  /** Same seed and inputs → same rows. An integer from 0 to 2 147 483 647. */
  seed: number;
  /** Scale factor on the number of children (default 1). */
  echelle?: number;
  /** 'YYYY-MM-DD': the school year and the months published follow from it. */
  aujourdhui: string;
  /** Progress messages (counts only, never personal data). */
  journal?: (message: string) => void;
  /** Establishments to place the pupils in, instead of table `etablissements`. */
  etablissements?: readonly EtablissementSource[];
  /** Annuaire CSV imported first if table `etablissements` is empty. */
  annuaire?: string;
}

export interface BilanGeneration {
  generationId: number;
  communes: number;
  eleves: number;
  responsables: number;
  scolarites: number;
  versions: number;
  publications: number;
  /** Rows of the generic list tables: catering, boarding and grant lists of secondary schools. */
  versionsListes: number;
  publicationsListes: number;
}

const COLONNES_ETABLISSEMENT = [
  'uai',
  'nom',
  'type',
  'statut',
  'type_contrat_prive',
  'code_commune',
  'code_departement',
  'code_region',
  'ecole_maternelle',
  'ecole_elementaire',
  'voie_generale',
  'voie_technologique',
  'voie_professionnelle',
  'hebergement',
  'etat',
  'nombre_eleves',
  'latitude',
  'longitude',
];

/**
 * Replaces the synthetic pupils (tables eleves, responsables, scolarites, obligation_versions,
 * obligation_publications) with a new generation, streamed commune by commune in one
 * transaction, and records it in `generations`.
 */
export async function genererDonnees(db: Db, options: OptionsGeneration): Promise<BilanGeneration> {
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 2 ** 31 - 1) {
    throw new RangeError('La graine doit être un entier de 0 à 2147483647');
  }
  lireDate(options.aujourdhui);
  const echelle = options.echelle ?? 1;
  if (!(echelle > 0)) throw new RangeError("L'échelle doit être un nombre positif");
  const journal = options.journal ?? (() => {});
  const territoire = carteOfficielleDesCommunes();
  const communes = communesDuPerimetre(territoire, options);
  const etablissements = options.etablissements ?? (await etablissementsDuPerimetre(db, territoire, communes, options, journal));
  const generateur = new GenerateurPopulation({
    graine: options.seed,
    aujourdhui: options.aujourdhui,
    echelle,
    etablissements,
    perimetre: new Set(communes.map((c) => c.code)),
    territoire,
  });
  journal(`génération de ${communes.length} communes (graine ${options.seed}, échelle ${echelle}, ${etablissements.length} établissements)`);
  if (etablissements.length === 0) journal('aucun établissement : les élèves seront générés sans établissement (importez un annuaire)');

  const ecrivain = await ouvrirEcrivain(db);
  const comptes = { eleves: 0, responsables: 0, scolarites: 0, versions: 0, publications: 0, versionsListes: 0, publicationsListes: 0 };
  try {
    const generationId = await ecrivain.commencer({
      graine: options.seed,
      perimetre: JSON.stringify({ departements: options.departements ?? null, communes: options.communes ?? null }),
      echelle,
      aujourdhui: options.aujourdhui,
      annee_scolaire: anneeScolaireDe(options.aujourdhui),
      dates_publication: JSON.stringify(datesPublication(options.aujourdhui)),
      nombre_communes: communes.length,
      cree_le: horodatage(),
    });
    const puits: Puits = {
      eleve: (l) => (comptes.eleves++, ecrivain.ecrire('eleves', l)),
      responsable: (l) => (comptes.responsables++, ecrivain.ecrire('responsables', l)),
      scolarite: (l) => (comptes.scolarites++, ecrivain.ecrire('scolarites', l)),
      version: (l) => (comptes.versions++, ecrivain.ecrire('obligation_versions', l)),
      versionListe: (l) => (comptes.versionsListes++, ecrivain.ecrire('liste_versions', l)),
    };
    const progression = new Progression(
      communes.length,
      communes.reduce((n, c) => n + c.population, 0),
      journal,
    );
    for (const [i, commune] of communes.entries()) {
      for (const _ of generateur.foyersDeLaCommune(commune, puits)) if (ecrivain.plein()) await ecrivain.vider();
      await ecrivain.vider();
      progression.avancer(i + 1, commune.population, `${comptes.eleves} élèves, ${comptes.versions} versions de liste`);
    }
    for (const publication of generateur.bilanPublications(generationId)) {
      comptes.publications++;
      ecrivain.ecrire('obligation_publications', publication);
    }
    for (const publication of generateur.bilanListesSecondaire(generationId)) {
      comptes.publicationsListes++;
      ecrivain.ecrire('liste_publications', publication);
    }
    const fin: Comptes = {
      nombre_eleves: comptes.eleves,
      nombre_responsables: comptes.responsables,
      nombre_scolarites: comptes.scolarites,
      nombre_versions: comptes.versions,
      termine_le: horodatage(),
    };
    journal('écriture des index');
    await ecrivain.terminer(fin);
    return { generationId, communes: communes.length, ...comptes };
  } catch (erreur) {
    await ecrivain.annuler();
    throw erreur;
  }
}

/**
 * Progress: every tenth of the communes and at least every two seconds, with a bar weighted by
 * population (Paris weighs as much as thousands of villages) and the time left.
 */
class Progression {
  private fait = 0;
  private dernier = Date.now();
  private readonly debut = Date.now();
  private readonly pas: number;

  constructor(
    private readonly communes: number,
    private readonly population: number,
    private readonly journal: (message: string) => void,
  ) {
    this.pas = Math.max(1, Math.ceil(communes / 10));
  }

  avancer(rang: number, population: number, detail: string): void {
    this.fait += population;
    const maintenant = Date.now();
    const fin = rang === this.communes;
    if (rang % this.pas !== 0 && !fin && maintenant - this.dernier < 2000) return;
    this.dernier = maintenant;
    const part = this.population > 0 ? this.fait / this.population : rang / this.communes;
    const ecoule = (maintenant - this.debut) / 1000;
    const reste = part > 0 && !fin ? ` ; reste ≈ ${formaterDuree((ecoule * (1 - part)) / part)}` : '';
    this.journal(`${rang}/${this.communes} communes, ${detail} [${'#'.repeat(Math.round(part * 20)).padEnd(20, '.')}] ${(part * 100).toFixed(1)} %${reste}`);
  }
}

function formaterDuree(secondes: number): string {
  return secondes < 90 ? `${Math.round(secondes)} s` : secondes < 5400 ? `${Math.round(secondes / 60)} min` : `${(secondes / 3600).toFixed(1)} h`;
}

/**
 * The real establishments of table `etablissements` (the annuaire is imported first when there
 * are none), plus synthetic ones for the départements of the perimeter it does not cover: those
 * of the previous generation are replaced, so they always follow the seed.
 */
async function etablissementsDuPerimetre(
  db: Db,
  territoire: Geographie,
  communes: readonly Commune[],
  options: Pick<OptionsGeneration, 'annuaire' | 'seed'>,
  journal: (message: string) => void,
): Promise<EtablissementSource[]> {
  const lire = () => db('etablissements').where({ synthetique: false }).select(COLONNES_ETABLISSEMENT).orderBy('uai') as Promise<EtablissementSource[]>;
  let reels = await lire();
  if (reels.length === 0 && options.annuaire) {
    const rapport = await importerAnnuaire(db, options.annuaire);
    journal(`annuaire importé : ${rapport.importes} établissements, ${rapport.rejetes} lignes rejetées`);
    reels = await lire();
  }
  const couverts = new Set(reels.map((e) => e.code_departement));
  const manquants = [...new Set(communes.map((c) => c.departement))].filter((d) => !couverts.has(d));
  const synthetiques = etablissementsSynthetiques(territoire, manquants, options.seed);
  await db.transaction(async (trx) => {
    await trx('etablissements').where({ synthetique: true }).del();
    const lignes = enregistrementsSynthetiques(synthetiques, horodatage());
    for (let i = 0; i < lignes.length; i += LIGNES_PAR_INSERTION) await trx('etablissements').insert(lignes.slice(i, i + LIGNES_PAR_INSERTION));
  });
  if (synthetiques.length > 0) journal(`${synthetiques.length} établissements synthétiques pour ${manquants.length} départements absents de l'annuaire`);
  return [...reels, ...synthetiques];
}

/** 33 columns per row: well under SQLite's limit on bound variables. */
const LIGNES_PAR_INSERTION = 500;
