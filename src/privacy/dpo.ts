import { Readable } from 'node:stream';
import type { Db } from '../db/knex';
import { normaliserLibelle } from '../referentiels/texte';
import { Probleme } from '../http/problemes';
import { BOM, ligneCsv, TexteCsv } from './csv';
import type { ListeJournalisee } from './listes-journalisees';
import { divulgationsPersonne, type FiltresJournal, rechercherJournal, type ResumeJournal, type VerificationJournal, verifierJournal } from './journal';
import { enPaquets } from './paquets';
import { API_DROITS } from './oppositions';

/**
 * What the DPO reads: the journal of disclosures by recipient, API, finalité and period, its CSV
 * export, the data-subject report (RGPD art. 15) and the proof that the chain is untouched.
 */

/** La liste entière communiquée par une entrée du journal, nommée au lieu de ses personnes. */
export interface ListeCommuniquee {
  /**
   * Sorte de liste.
   * @example "enfants_soumis_obligation"
   */
  type: string;
  /**
   * Quelle liste de cette sorte (commune, établissement…).
   * @example "35238"
   */
  cle: string;
  /**
   * Date de publication de la liste communiquée.
   * @example "2026-11-01"
   */
  date_reference: string;
  /**
   * Génération des données synthétiques dont la liste faisait partie.
   * @example 1
   */
  generation: number;
  /**
   * Partie de la liste que couvre le scope du destinataire.
   * @example "commune"
   */
  perimetre: string;
  /**
   * Personnes de la liste non communiquées (opposition).
   * @example 2
   */
  nombre_exclus: number;
}

/** Une communication de données personnelles, telle que le journal l'a enregistrée. */
export interface CommunicationJournalisee {
  /**
   * Numéro de l'entrée dans la chaîne du journal.
   * @example 1284
   */
  sequence: number;
  /**
   * Instant de la communication (UTC, ISO 8601).
   * @example "2026-03-02T08:15:00.000Z"
   */
  horodatage: string;
  /** Identifiant de la requête (en-tête X-Request-Id), pour rapprocher des journaux techniques. */
  request_id: string;
  /** @example "demo-mairie-rennes" */
  client_id: string;
  /**
   * SIRET du destinataire des données.
   * @example "21350238800019"
   */
  siret: string;
  /**
   * Nom du destinataire au registre (null s'il n'y figure plus).
   * @example "Mairie de Rennes"
   */
  destinataire_nom: string | null;
  /** @example "api-mairie" */
  api: string;
  /** @example "listeObligationScolaire" */
  operation: string;
  /** @example "obligation_scolaire" */
  finalite: string;
  /** @example "Contrôle de l'obligation d'instruction" */
  finalite_libelle: string | null;
  /** @example "Code de l'éducation, art. R131-3 ; arrêté du 25 mai 2023 (ONDE) ; RGPD art. 6.1.c" */
  base_legale: string;
  /** @example ["mairie:obligation-scolaire"] */
  scopes: string[];
  /**
   * Champs communiqués.
   * @example ["adresse", "date_naissance", "nom", "prenoms"]
   */
  champs: string[];
  /** @example 312 */
  nombre_personnes: number;
  /**
   * Cadre déclaré par l'appelant (`context`).
   * @example "Contrôle mensuel"
   */
  contexte: string | null;
  /**
   * Objet déclaré par l'appelant (`object`).
   * @example "Liste R131-3 de mars"
   */
  objet: string | null;
  /** @example "communique" */
  resultat: string;
  /** Pour une liste entière : la liste communiquée (ses personnes ne sont pas énumérées dans l'entrée). */
  liste?: ListeCommuniquee;
  /** Empreinte de l'entrée précédente (chaînage). */
  hash_precedent: string;
  /** Empreinte SHA-256 de cette entrée. */
  hash: string;
}

export interface PageJournalDpo {
  entrees: CommunicationJournalisee[];
  /** À passer en `curseur` pour la page suivante (aussi dans l'en-tête Link) ; null en fin de journal. */
  curseur_suivant: string | null;
}

/** Un destinataire ayant reçu des données sur la personne. */
export interface SyntheseDestinataire {
  /** @example "21350238800019" */
  siret: string;
  /** @example "Mairie de Rennes" */
  nom: string | null;
  /** @example ["obligation_scolaire"] */
  finalites: string[];
  /** @example 6 */
  nombre_communications: number;
  /** @example "2026-03-02T08:15:00.000Z" */
  derniere_communication: string;
}

/** L'enregistrement ou la levée d'une opposition de la personne, tel que le journal l'a consigné. */
export interface OppositionJournalisee {
  /** @example 1290 */
  sequence: number;
  /** @example "2026-12-01T09:30:00.000Z" */
  horodatage: string;
  /** enregistrerOpposition ou leverOpposition. */
  operation: string;
  /** @example "restauration_scolaire" */
  finalite: string;
  /** @example "Gestion de la restauration scolaire" */
  finalite_libelle: string | null;
  /**
   * Qui l'a fait : client OAuth2 du DPO ou de l'opérateur, ou `cli:<utilisateur>` (ligne de commande).
   * @example "demo-operateur"
   */
  client_id: string;
  /** @example "opposition_enregistree" */
  resultat: string;
}

/**
 * Listes communiquées dont on ne peut plus dire si la personne y figurait : les données de leur
 * génération ont été remplacées depuis (ou leur sorte n'est plus connue). La personne a pu y figurer.
 */
export interface ListeNonVerifiable {
  /** @example "enfants_soumis_obligation" */
  type: string;
  /** @example "35238" */
  cle: string;
  /** @example 1 */
  generation: number;
  /** @example ["2026-10-01", "2026-11-01"] */
  dates_reference: string[];
  /** SIRET des destinataires de ces listes. */
  destinataires: string[];
  /** @example 3 */
  nombre_communications: number;
  /** @example "2026-10-02T08:15:00.000Z" */
  premiere_communication: string;
  /** @example "2026-11-02T08:15:00.000Z" */
  derniere_communication: string;
}

/** Rapport à la personne concernée (RGPD art. 15) : toutes les communications de ses données encore conservées. */
export interface RapportPersonne {
  /**
   * Identifiant interne de l'élève dans les bases élèves.
   * @example "eleve-000123"
   */
  id_interne: string;
  /** Période couverte (null : depuis la plus ancienne entrée conservée, ou jusqu'à aujourd'hui). */
  du: string | null;
  au: string | null;
  nombre_communications: number;
  /** Qui a reçu des données, pour quelles finalités. */
  destinataires: SyntheseDestinataire[];
  /** Chaque communication, de la plus ancienne à la plus récente. */
  communications: CommunicationJournalisee[];
  /** Ses oppositions enregistrées ou levées (RGPD art. 21), de la plus ancienne à la plus récente. */
  oppositions: OppositionJournalisee[];
  /**
   * Listes entières communiquées qui ne peuvent plus être rapprochées de la personne (génération
   * de données remplacée) : elle a pu y figurer. Vide quand toutes ont pu l'être.
   */
  listes_non_verifiables: ListeNonVerifiable[];
}

export interface PersonneRecherchee {
  idInterne?: string;
  nom?: string;
  prenoms?: string;
  /** 'YYYY-MM-DD' */
  dateNaissance?: string;
  du?: string;
  au?: string;
}

/** Résultat de la vérification de la chaîne du journal. */
export interface VerificationJournalDpo {
  /** Vrai si la chaîne est intacte depuis la dernière ancre de purge. */
  ok: boolean;
  /** Nombre d'entrées vérifiées (chaîne intacte). */
  entrees?: number;
  /** Première entrée fautive (chaîne compromise). */
  sequence?: number;
  /** altere : contenu modifié ; manquant : entrée supprimée ; ordre : entrée déplacée. */
  raison?: 'altere' | 'manquant' | 'ordre';
  /** @example "Journal intègre : 1284 entrée(s) vérifiée(s), chaîne de hachage continue." */
  message: string;
}

const RAISONS: Record<NonNullable<VerificationJournalDpo['raison']>, string> = {
  altere: 'altérée',
  manquant: 'manquante',
  ordre: 'déplacée',
};

export function decrireVerification(resultat: VerificationJournal): string {
  return resultat.ok
    ? `Journal intègre : ${resultat.entrees} entrée(s) vérifiée(s), chaîne de hachage continue.`
    : `Journal compromis : l'entrée n° ${resultat.sequence} est ${RAISONS[resultat.raison]}.`;
}

export async function verifierJournalDpo(db: Db): Promise<VerificationJournalDpo> {
  const resultat = await verifierJournal(db);
  return { ...resultat, message: decrireVerification(resultat) };
}

async function libelles(db: Db, table: string, cle: string, colonne: string, valeurs: string[]): Promise<Map<string, string>> {
  const connus = new Map<string, string>();
  for (const paquet of enPaquets([...new Set(valeurs)])) {
    const lignes: Array<Record<string, string>> = await db(table).whereIn(cle, paquet).select(cle, colonne);
    for (const l of lignes) connus.set(l[cle], l[colonne]);
  }
  return connus;
}

/** The journal keeps codes (it must not change when the registry does); the DPO reads names. */
async function nommer(db: Db, entrees: ResumeJournal[]): Promise<CommunicationJournalisee[]> {
  const noms = await libelles(
    db,
    'destinataires',
    'siret',
    'nom',
    entrees.map((e) => e.siret),
  );
  const finalites = await libelles(
    db,
    'finalites',
    'code',
    'libelle',
    entrees.map((e) => e.finalite),
  );
  return entrees.map(({ liste, ...e }) => ({
    ...e,
    ...(liste ? { liste: listeCommuniquee(liste) } : {}),
    destinataire_nom: noms.get(e.siret) ?? null,
    finalite_libelle: finalites.get(e.finalite) ?? null,
  }));
}

/** The DPO reads how many were withheld, not their hashes. */
function listeCommuniquee(l: ListeJournalisee): ListeCommuniquee {
  return { type: l.type, cle: l.cle, date_reference: l.date_reference, generation: l.generation, perimetre: l.perimetre, nombre_exclus: l.exclues.length };
}

/** One line per list (kind, key, generation): a replaced generation may leave many entries of the same list. */
function listesNonVerifiables(entrees: ResumeJournal[]): ListeNonVerifiable[] {
  const parListe = new Map<string, ListeNonVerifiable>();
  for (const e of entrees) {
    const l = e.liste!;
    const cle = JSON.stringify([l.type, l.cle, l.generation]);
    const g = parListe.get(cle) ?? {
      type: l.type,
      cle: l.cle,
      generation: l.generation,
      dates_reference: [],
      destinataires: [],
      nombre_communications: 0,
      premiere_communication: e.horodatage,
      derniere_communication: e.horodatage,
    };
    if (!g.dates_reference.includes(l.date_reference)) g.dates_reference.push(l.date_reference);
    if (!g.destinataires.includes(e.siret)) g.destinataires.push(e.siret);
    g.nombre_communications++;
    if (e.horodatage < g.premiere_communication) g.premiere_communication = e.horodatage;
    if (e.horodatage > g.derniere_communication) g.derniere_communication = e.horodatage;
    parListe.set(cle, g);
  }
  return [...parListe.values()].map((g) => ({ ...g, dates_reference: g.dates_reference.sort(), destinataires: g.destinataires.sort() }));
}

export async function consulterJournal(db: Db, filtres: FiltresJournal): Promise<PageJournalDpo> {
  const page = await rechercherJournal(db, filtres);
  return { entrees: await nommer(db, page.entrees), curseur_suivant: page.curseur_suivant };
}

const HEURE_DE_PARIS = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'medium' });

/** Header and cell of each column in one table, so they cannot drift apart. */
const COLONNES_CSV: ReadonlyArray<readonly [string, (c: CommunicationJournalisee) => unknown]> = [
  ['N° d’entrée', (c) => c.sequence],
  ['Date (heure de Paris)', (c) => HEURE_DE_PARIS.format(new Date(c.horodatage))],
  ['SIRET du destinataire', (c) => new TexteCsv(c.siret)],
  ['Destinataire', (c) => c.destinataire_nom],
  ['API', (c) => c.api],
  ['Opération', (c) => c.operation],
  ['Finalité', (c) => c.finalite_libelle ?? c.finalite],
  ['Code finalité', (c) => c.finalite],
  ['Base légale', (c) => c.base_legale],
  ['Scopes', (c) => c.scopes],
  ['Champs communiqués', (c) => c.champs],
  ['Nombre de personnes', (c) => c.nombre_personnes],
  ['Liste communiquée', (c) => (c.liste ? decrireListe(c.liste) : null)],
  ['Cadre (context)', (c) => c.contexte],
  ['Objet (object)', (c) => c.objet],
  ['Résultat', (c) => c.resultat],
  ['Client OAuth2', (c) => c.client_id],
  ['Identifiant de requête', (c) => c.request_id],
  ['Empreinte', (c) => c.hash],
];
function decrireListe(l: ListeCommuniquee): string {
  return `${l.type} ${l.cle} du ${l.date_reference} (génération ${l.generation}, périmètre ${l.perimetre}, ${l.nombre_exclus} exclue(s))`;
}
export const ENTETES_CSV_JOURNAL = COLONNES_CSV.map(([entete]) => entete);
const TAILLE_PAGE_EXPORT = 1000;

/**
 * CSV for French Excel, read page by page while it is sent: memory stays flat whatever the
 * journal's size. The first page is read before returning so that an unavailable database is
 * still a proper error response rather than a truncated file.
 */
export async function exporterJournalCsv(db: Db, filtres: Omit<FiltresJournal, 'limit' | 'curseur'>): Promise<Readable> {
  const lire = (curseur?: string) => rechercherJournal(db, { ...filtres, limit: TAILLE_PAGE_EXPORT, curseur });
  const premiere = await lire();
  async function* lignes(): AsyncGenerator<string> {
    yield BOM + ligneCsv(ENTETES_CSV_JOURNAL);
    for (let page = premiere; ; page = await lire(page.curseur_suivant!)) {
      const entrees = await nommer(db, page.entrees);
      yield entrees.map((e) => ligneCsv(COLONNES_CSV.map(([, cellule]) => cellule(e)))).join('');
      if (!page.curseur_suivant) return;
    }
  }
  return Readable.from(lignes());
}

/** Given first names match when they are the stored ones or their beginning ("Léa" for "Léa Marie"). */
function prenomsConcordent(stockes: string, donnes: string): boolean {
  const enregistres = normaliserLibelle(stockes);
  const recherches = normaliserLibelle(donnes);
  return recherches !== '' && (enregistres === recherches || enregistres.startsWith(`${recherches} `));
}

async function idInterneDe(db: Db, p: PersonneRecherchee): Promise<string> {
  const parIdentite = [p.nom, p.prenoms, p.dateNaissance].some((v) => v !== undefined);
  if (p.idInterne !== undefined && parIdentite) {
    throw new Probleme('entite_non_traitable', 'Désigner la personne soit par idInterne, soit par nom, prenoms et dateNaissance, pas les deux.');
  }
  if (p.idInterne !== undefined) return p.idInterne;
  const { nom, prenoms, dateNaissance } = p;
  if (!nom || !prenoms || !dateNaissance) {
    throw new Probleme('entite_non_traitable', 'Désigner la personne par idInterne, ou par nom, prenoms et dateNaissance ensemble.');
  }
  const homonymes: Array<{ id: string; prenoms: string }> = await db('eleves')
    .where({ nom_normalise: normaliserLibelle(nom), date_naissance: dateNaissance })
    .select('id', 'prenoms');
  const ids = homonymes.filter((e) => prenomsConcordent(e.prenoms, prenoms)).map((e) => String(e.id));
  if (ids.length === 0) throw new Probleme('ressource_introuvable', 'Aucun élève des bases élèves ne correspond à cette identité.');
  if (ids.length > 1) {
    throw new Probleme('entite_non_traitable', `${ids.length} élèves correspondent à cette identité : préciser la personne par idInterne.`, {
      nombre_correspondances: ids.length,
    });
  }
  return ids[0];
}

function synthese(communications: CommunicationJournalisee[]): SyntheseDestinataire[] {
  const parSiret = new Map<string, SyntheseDestinataire>();
  for (const c of communications) {
    const s = parSiret.get(c.siret) ?? {
      siret: c.siret,
      nom: c.destinataire_nom,
      finalites: [],
      nombre_communications: 0,
      derniere_communication: c.horodatage,
    };
    if (!s.finalites.includes(c.finalite)) s.finalites.push(c.finalite);
    s.nombre_communications++;
    if (c.horodatage > s.derniere_communication) s.derniere_communication = c.horodatage;
    parSiret.set(c.siret, s);
  }
  return [...parSiret.values()].sort((a, b) => a.siret.localeCompare(b.siret));
}

/** RGPD art. 15: every disclosure about one pupil still within the journal's retention. */
export async function rapportPersonne(db: Db, cleJournal: string, p: PersonneRecherchee): Promise<RapportPersonne> {
  const idInterne = await idInterneDe(db, p);
  const journal = await divulgationsPersonne(db, cleJournal, idInterne, { du: p.du, au: p.au });
  const entrees = await nommer(db, journal.communications);
  // The same journal records the rights the person exercised: they are not disclosures.
  const communications = entrees.filter((e) => e.api !== API_DROITS);
  const oppositions = entrees
    .filter((e) => e.api === API_DROITS)
    .map(({ sequence, horodatage, operation, finalite, finalite_libelle, client_id, resultat }) => ({
      sequence,
      horodatage,
      operation,
      finalite,
      finalite_libelle,
      client_id,
      resultat,
    }));
  return {
    id_interne: idInterne,
    du: p.du ?? null,
    au: p.au ?? null,
    nombre_communications: communications.length,
    destinataires: synthese(communications),
    communications,
    oppositions,
    listes_non_verifiables: listesNonVerifiables(journal.nonVerifiables),
  };
}
