import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { parse, type Options } from 'csv-parse';
import type { Db } from '../db/knex';
import { estCodeInseeValide } from '../territoire/codes';
import { lettreCleUai, normaliserUai } from '../territoire/uai';
import { RACINE } from '../racine';
import { horodatage } from '../horloge';
import type { Etablissement, EtatEtablissement, StatutEtablissement, TypeEtablissement } from '../referentiels/etablissement';
import { normaliserLibelle } from '../referentiels/texte';

/** Ille-et-Vilaine's export, shipped with the code so a clean clone has a demo annuaire. */
export const FICHIER_ANNUAIRE_DEMO = path.join(RACINE, 'src', 'import', 'donnees', 'fr-en-annuaire-education-035.csv');

/** One establishment as imported: the published model and its search key, the imported columns of table `etablissements`. */
export interface EtablissementAnnuaire extends Etablissement {
  nom_normalise: string;
}

export interface RejetImport {
  /** Line of the file where the rejected record starts (the header is line 1). */
  ligne: number;
  uai?: string;
  raison: string;
}

export interface RapportImport {
  importes: number;
  mis_a_jour: number;
  inchanges: number;
  rejetes: number;
  rejets: RejetImport[];
}

/**
 * The one mapping from the annuaire's columns to ours, by normalised header name: every
 * export's spelling of a column (`Code postal`, `Code_postal`, `code_postal`) meets here.
 */
const ENTETES = {
  uai: ['identifiant_de_l_etablissement', 'uai', 'numero_uai'],
  nom: ['nom_etablissement', 'appellation_officielle'],
  type: ['type_etablissement'],
  statut: ['statut_public_prive', 'secteur_public_prive'],
  type_contrat_prive: ['type_contrat_prive'],
  nature_code: ['code_nature'],
  nature_libelle: ['libelle_nature'],
  adresse_1: ['adresse_1'],
  adresse_2: ['adresse_2'],
  adresse_3: ['adresse_3'],
  code_postal: ['code_postal'],
  code_commune: ['code_commune'],
  nom_commune: ['nom_commune'],
  code_departement: ['code_departement'],
  code_academie: ['code_academie'],
  code_region: ['code_region'],
  ecole_maternelle: ['ecole_maternelle'],
  ecole_elementaire: ['ecole_elementaire'],
  voie_generale: ['voie_generale'],
  voie_technologique: ['voie_technologique'],
  voie_professionnelle: ['voie_professionnelle'],
  restauration: ['restauration'],
  hebergement: ['hebergement'],
  ulis: ['ulis'],
  segpa: ['segpa'],
  education_prioritaire: ['appartenance_education_prioritaire', 'education_prioritaire'],
  siret: ['siren_siret', 'siret'],
  nombre_eleves: ['nombre_d_eleves', 'nombre_eleves'],
  latitude: ['latitude'],
  longitude: ['longitude'],
  etat: ['etat'],
  date_ouverture: ['date_ouverture'],
  date_fermeture: ['date_fermeture'],
  date_maj: ['date_maj_ligne', 'date_maj'],
  ministere_tutelle: ['ministere_tutelle'],
} as const;
type Champ = keyof typeof ENTETES;

/** Without these columns no line can be placed or classified: the file is refused as a whole. */
const CHAMPS_OBLIGATOIRES: Champ[] = ['uai', 'nom', 'type', 'statut', 'code_commune', 'code_departement', 'etat'];

const TYPES: Record<string, TypeEtablissement> = {
  ecole: 'ecole',
  college: 'college',
  lycee: 'lycee',
  erea: 'erea',
  medico_social: 'medico_social',
  information_et_orientation: 'information_orientation',
  information_orientation: 'information_orientation',
  service_administratif: 'service_administratif',
  autre: 'autre',
};
const STATUTS: Record<string, StatutEtablissement> = { public: 'public', prive: 'prive' };
const ETATS: EtatEtablissement[] = ['OUVERT', 'FERME', 'A OUVRIR', 'A FERMER'];
const BOOLEENS: Record<string, boolean> = { '1': true, '0': false, true: true, false: false, oui: true, non: false };

/** The annuaire writes '035' and '02A'; INSEE writes '35' and '2A'. Overseas collectivities (975–988) are in the annuaire. */
const MOTIF_DEPARTEMENT_ANNUAIRE = /^(?:\d{2}|2[AB]|9[78]\d)$/;

/** SQLite accepts at most 32 766 bound values per statement: 200 rows × 42 columns stay far below. */
const LIGNES_PAR_INSERTION = 200;

class LigneRejetee extends Error {}

function positionsDesColonnes(entetes: string[]): Map<Champ, number> {
  const positions = new Map<string, number>();
  entetes.forEach((entete, i) => {
    const nom = normaliserLibelle(entete, '_');
    if (!positions.has(nom)) positions.set(nom, i);
  });
  const resultat = new Map<Champ, number>();
  for (const [champ, noms] of Object.entries(ENTETES) as [Champ, readonly string[]][]) {
    const nom = noms.find((n) => positions.has(n));
    if (nom !== undefined) resultat.set(champ, positions.get(nom)!);
  }
  const absents = CHAMPS_OBLIGATOIRES.filter((champ) => !resultat.has(champ));
  if (absents.length > 0) {
    throw new Error(`Colonnes obligatoires absentes de l’en-tête : ${absents.map((c) => ENTETES[c][0]).join(', ')}`);
  }
  return resultat;
}

function lireUai(brut: string): string {
  if (brut === '') throw new LigneRejetee('UAI manquant');
  const uai = normaliserUai(brut);
  if (!/^\d{7}[A-Z]$/.test(uai)) throw new LigneRejetee('UAI mal formé : 7 chiffres suivis d’une lettre attendus');
  const attendue = lettreCleUai(uai.slice(0, 7));
  if (uai[7] !== attendue) throw new LigneRejetee(`UAI invalide : la lettre clé de ${uai.slice(0, 7)} est ${attendue}`);
  return uai;
}

function lireDate(brut: string, champ: Champ): string | null {
  if (brut === '') return null;
  // French spreadsheets re-export dates as DD/MM/YYYY.
  const francaise = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(brut);
  const iso = francaise ? `${francaise[3]}-${francaise[2]}-${francaise[1]}` : brut;
  const jour = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : undefined;
  if (!jour || Number.isNaN(jour.getTime()) || jour.toISOString().slice(0, 10) !== iso) {
    throw new LigneRejetee(`${champ} : date invalide`);
  }
  return iso;
}

function lireNombre(brut: string, champ: Champ, min: number, max: number, entier = false): number | null {
  if (brut === '') return null;
  // French spreadsheets re-export decimals with a comma.
  const texte = brut.replace(',', '.');
  const n = Number(texte);
  if (!(entier ? /^\d+$/ : /^-?\d+(?:\.\d+)?$/).test(texte) || n < min || n > max) {
    throw new LigneRejetee(`${champ} : ${entier ? 'entier' : 'nombre'} invalide`);
  }
  return n;
}

/** Reads one data line into an establishment; throws `LigneRejetee` with the first reason found. */
function lireEtablissement(valeurs: string[], positions: Map<Champ, number>): EtablissementAnnuaire {
  const brut = (champ: Champ): string => {
    const i = positions.get(champ);
    return i === undefined ? '' : valeurs[i].trim();
  };
  const texte = (champ: Champ): string | null => brut(champ) || null;
  const code = (champ: Champ, motif: RegExp): string | null => {
    const valeur = brut(champ).toUpperCase();
    if (valeur === '') return null;
    if (!motif.test(valeur)) throw new LigneRejetee(`${champ} : code invalide`);
    return valeur;
  };
  const booleen = (champ: Champ): boolean | null => {
    const valeur = normaliserLibelle(brut(champ));
    if (valeur === '') return null;
    if (!(valeur in BOOLEENS)) throw new LigneRejetee(`${champ} : 0 ou 1 attendu`);
    return BOOLEENS[valeur];
  };
  const enumeration = <T>(champ: Champ, table: Record<string, T>, libelle: string): T | null => {
    const valeur = brut(champ);
    if (valeur === '') return null;
    const trouve = table[normaliserLibelle(valeur, '_')];
    if (trouve === undefined) throw new LigneRejetee(`${libelle} inconnu : « ${valeur} »`);
    return trouve;
  };

  const uai = lireUai(brut('uai'));
  const nom = texte('nom');
  if (nom === null) throw new LigneRejetee('nom de l’établissement manquant');
  const codeCommune = brut('code_commune').toUpperCase();
  if (!estCodeInseeValide(codeCommune)) throw new LigneRejetee('code_commune : code INSEE invalide');
  const codeDepartement = brut('code_departement')
    .toUpperCase()
    .replace(/^0(?=\d{2}$|2[AB]$)/, '');
  if (!MOTIF_DEPARTEMENT_ANNUAIRE.test(codeDepartement)) throw new LigneRejetee('code_departement : code invalide');
  const etat = normaliserLibelle(brut('etat')).toUpperCase() as EtatEtablissement;
  if (!ETATS.includes(etat)) throw new LigneRejetee(etat ? `état inconnu : « ${brut('etat')} »` : 'état manquant');
  const siret = brut('siret').replace(/\s/g, '');
  if (siret !== '' && !/^\d{9}(?:\d{5})?$/.test(siret)) throw new LigneRejetee('siret : 9 ou 14 chiffres attendus');
  const typeContratPrive = texte('type_contrat_prive');

  return {
    uai,
    nom,
    nom_normalise: normaliserLibelle(nom),
    // The file leaves the type empty for some post-bac schools (nature 400): they are still establishments.
    type: enumeration('type', TYPES, 'type d’établissement') ?? 'autre',
    type_libelle: texte('type'),
    statut: enumeration('statut', STATUTS, 'statut'),
    type_contrat_prive: typeContratPrive === 'SANS OBJET' ? null : typeContratPrive,
    nature_code: code('nature_code', /^\d{3}$/),
    nature_libelle: texte('nature_libelle'),
    adresse_1: texte('adresse_1'),
    adresse_2: texte('adresse_2'),
    adresse_3: texte('adresse_3'),
    code_postal: code('code_postal', /^\d{5}$/),
    code_commune: codeCommune,
    nom_commune: texte('nom_commune'),
    code_departement: codeDepartement,
    code_academie: code('code_academie', /^\d{2,3}$/),
    code_region: code('code_region', /^\d{2,3}$/),
    ecole_maternelle: booleen('ecole_maternelle'),
    ecole_elementaire: booleen('ecole_elementaire'),
    voie_generale: booleen('voie_generale'),
    voie_technologique: booleen('voie_technologique'),
    voie_professionnelle: booleen('voie_professionnelle'),
    restauration: booleen('restauration'),
    hebergement: booleen('hebergement'),
    ulis: booleen('ulis'),
    segpa: booleen('segpa'),
    education_prioritaire: texte('education_prioritaire'),
    siret: siret || null,
    nombre_eleves: lireNombre(brut('nombre_eleves').replace(/\s/g, ''), 'nombre_eleves', 0, 2_147_483_647, true),
    latitude: lireNombre(brut('latitude'), 'latitude', -90, 90),
    longitude: lireNombre(brut('longitude'), 'longitude', -180, 180),
    etat,
    date_ouverture: lireDate(brut('date_ouverture'), 'date_ouverture'),
    date_fermeture: lireDate(brut('date_fermeture'), 'date_fermeture'),
    date_maj: lireDate(brut('date_maj'), 'date_maj'),
    ministere_tutelle: texte('ministere_tutelle'),
  };
}

interface LigneValide {
  ligne: number;
  etablissement: EtablissementAnnuaire;
  empreinte: string;
}

function empreinte(etablissement: EtablissementAnnuaire): string {
  return crypto.createHash('sha256').update(JSON.stringify(etablissement)).digest('hex');
}

function rejeter(rapport: RapportImport, ligne: number, raison: string, uai?: string): void {
  rapport.rejetes++;
  rapport.rejets.push(uai ? { ligne, uai, raison } : { ligne, raison });
}

/** The driver's own words only: knex prefixes them with the SQL and its bound values. */
/** csv-parse errors that survive its relaxed options, said in the report's language. */
const ERREURS_CSV: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'guillemet ouvert jamais refermé, la suite du fichier n’a pas pu être lue',
  CSV_MAX_RECORD_SIZE: 'ligne trop longue',
};

function resumerErreur(erreur: unknown): string {
  const { code, message = '' } = erreur as { code?: string; message?: string };
  const debut = message.lastIndexOf(' - ');
  const cause = (debut < 0 ? message : message.slice(debut + 3)).split('\n')[0];
  return [code, cause].filter(Boolean).join(' : ').slice(0, 200);
}

async function enregistrer(db: Db, lignes: LigneValide[]): Promise<void> {
  const maintenant = horodatage();
  const enregistrements = lignes.map((l) => ({
    ...l.etablissement,
    empreinte: l.empreinte,
    importe_le: maintenant,
    modifie_le: maintenant,
  }));
  const colonnesMisesAJour = Object.keys(enregistrements[0]).filter((c) => c !== 'uai' && c !== 'importe_le');
  await db.transaction(async (trx) => {
    for (let i = 0; i < enregistrements.length; i += LIGNES_PAR_INSERTION) {
      await trx('etablissements')
        .insert(enregistrements.slice(i, i + LIGNES_PAR_INSERTION))
        .onConflict('uai')
        .merge(colonnesMisesAJour);
    }
  });
}

async function ecrireLot(db: Db, lot: LigneValide[], rapport: RapportImport): Promise<void> {
  const existants = await db('etablissements')
    .whereIn(
      'uai',
      lot.map((l) => l.etablissement.uai),
    )
    .select<{ uai: string; empreinte: string }[]>('uai', 'empreinte');
  const empreintes = new Map(existants.map((e) => [e.uai, e.empreinte]));
  const aEcrire = lot.filter((l) => empreintes.get(l.etablissement.uai) !== l.empreinte);
  rapport.inchanges += lot.length - aEcrire.length;
  const compter = (l: LigneValide) => {
    if (empreintes.has(l.etablissement.uai)) rapport.mis_a_jour++;
    else rapport.importes++;
  };
  if (aEcrire.length === 0) return;
  try {
    await enregistrer(db, aEcrire);
    aEcrire.forEach(compter);
  } catch {
    // One line the database refuses must not cost the lot its good lines: retry them one by one.
    for (const l of aEcrire) {
      try {
        await enregistrer(db, [l]);
        compter(l);
      } catch (erreur) {
        rejeter(rapport, l.ligne, `refusée par la base de données : ${resumerErreur(erreur)}`, l.etablissement.uai);
      }
    }
  }
}

function finsDeLigne(texte: string): number {
  return texte.match(/\r\n|\r|\n/g)?.length ?? 0;
}

interface LigneLue {
  valeurs: string[];
  ligne: number;
}

/**
 * Imports an export of the ministry's annuaire (`fr-en-annuaire-education`, `;`-separated,
 * UTF-8 with or without BOM, CRLF or LF) into `etablissements`, upserting by UAI.
 * `source` is a file path or a stream. Bad lines are reported, one reason each, and never stop
 * the import; establishments absent from the file are kept (closed ones keep their state).
 */
export async function importerAnnuaire(db: Db, source: string | NodeJS.ReadableStream, options: { lot?: number } = {}): Promise<RapportImport> {
  const taille = options.lot ?? 500;
  const rapport: RapportImport = { importes: 0, mis_a_jour: 0, inchanges: 0, rejetes: 0, rejets: [] };

  // csv-parse counts a CRLF inside a quoted field as two lines: count them from the raw text.
  let lignesLues = 0;
  const situer = (brut: string): number => {
    const debut = lignesLues + finsDeLigne(/^[\r\n]*/.exec(brut)![0]) + 1;
    lignesLues += finsDeLigne(brut);
    return debut;
  };
  // `on_skip` is missing from csv-parse's type declarations, not from csv-parse.
  const optionsCsv: Options & { on_skip: (erreur: Error | undefined, brut?: string) => void } = {
    delimiter: ';',
    bom: true,
    raw: true,
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    on_record: ({ record, raw }: { record: string[]; raw: string }): LigneLue => ({ valeurs: record, ligne: situer(raw) }),
    on_skip: (erreur, brut) => {
      const code = (erreur as { code?: string } | undefined)?.code ?? '';
      rejeter(rapport, situer(brut ?? ''), `ligne illisible : ${ERREURS_CSV[code] ?? resumerErreur(erreur)}`);
    },
  };
  const lecteur = parse(optionsCsv);
  const entree = typeof source === 'string' ? fs.createReadStream(source) : source;
  pipeline(entree, lecteur, () => undefined);

  let positions: Map<Champ, number> | undefined;
  let nombreColonnes = 0;
  const premieresLignes = new Map<string, number>();
  let lot: LigneValide[] = [];
  for await (const { valeurs, ligne } of lecteur as AsyncIterable<LigneLue>) {
    if (!positions) {
      positions = positionsDesColonnes(valeurs);
      nombreColonnes = valeurs.length;
      continue;
    }
    if (valeurs.length !== nombreColonnes) {
      rejeter(rapport, ligne, `nombre de colonnes incorrect : ${valeurs.length} au lieu de ${nombreColonnes}`);
      continue;
    }
    const uaiLu = normaliserUai(valeurs[positions.get('uai')!]).slice(0, 16) || undefined;
    let etablissement: EtablissementAnnuaire;
    try {
      etablissement = lireEtablissement(valeurs, positions);
    } catch (erreur) {
      if (!(erreur instanceof LigneRejetee)) throw erreur;
      rejeter(rapport, ligne, erreur.message, uaiLu);
      continue;
    }
    const premiere = premieresLignes.get(etablissement.uai);
    if (premiere !== undefined) {
      // The annuaire repeats a UAI for establishments on several sites: the first line is the one kept.
      rejeter(rapport, ligne, `UAI déjà présent ligne ${premiere} : seule la première ligne est importée`, etablissement.uai);
      continue;
    }
    premieresLignes.set(etablissement.uai, ligne);
    lot.push({ ligne, etablissement, empreinte: empreinte(etablissement) });
    if (lot.length >= taille) {
      await ecrireLot(db, lot, rapport);
      lot = [];
    }
  }
  if (!positions) throw new Error('Fichier vide : aucune ligne d’en-tête');
  if (lot.length > 0) await ecrireLot(db, lot, rapport);
  rapport.rejets.sort((a, b) => a.ligne - b.ligne);
  return rapport;
}
