import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { type Db, readJson, sansTransaction, transaction, type Transaction } from '../db/knex';
import { enPaquets } from './paquets';
import { journalApplicatif } from '../http/journal-applicatif';
import { FORMAT_HACHAGE_PERSONNE, hacherPersonne } from './pseudonyme';
import { type ListeJournalisee, resolveurDe, typesDeListe } from './listes-journalisees';
import * as horloge from '../horloge';

/**
 * Journal of disclosures: every response carrying personal data is recorded here, committed
 * before its body leaves, hash-chained so that the DPO can prove it untouched.
 *
 * hash = SHA-256 of the entry's stored fields and the previous entry's hash. The sequence number
 * is not hashed: the position is bound by the chain, so a moved entry is reported as 'ordre'
 * rather than 'altere'. The chain proves integrity against edits, deletions and reordering in
 * the database; it does not stop someone who rewrites every following hash — publishing the
 * head (`journal_tete`) elsewhere from time to time does.
 */

export interface EntreeAJournaliser {
  requestId: string;
  clientId: string;
  /** SIRET of the recipient the data is for. */
  siret: string;
  api: string;
  operation: string;
  finalite: string;
  baseLegale: string;
  scopes: string[];
  /** Paths disclosed, e.g. champsDivulgues(masked response). */
  champs: string[];
  /** hacherPersonne(config.cles.journal, id) of each person disclosed — never the ids themselves. Empty for a list. */
  personnes: string[];
  /** A whole list disclosed: named here instead of its persons, whose number is `nombrePersonnes`. */
  liste?: ListeJournalisee;
  nombrePersonnes?: number;
  contexte?: string | null;
  objet?: string | null;
  resultat: string;
}

export interface EntreeJournal {
  sequence: number;
  horodatage: string;
  request_id: string;
  client_id: string;
  siret: string;
  api: string;
  operation: string;
  finalite: string;
  base_legale: string;
  scopes: string[];
  champs: string[];
  nombre_personnes: number;
  personnes: string[];
  contexte: string | null;
  objet: string | null;
  resultat: string;
  /** The list disclosed, for an entry naming a list rather than its persons. */
  liste: ListeJournalisee | null;
  hash_precedent: string;
  hash: string;
}

/** An entry without its list of person hashes, as the DPO reads it. */
export type ResumeJournal = Omit<EntreeJournal, 'personnes'>;

export type VerificationJournal = { ok: true; entrees: number } | { ok: false; sequence: number; raison: 'altere' | 'manquant' | 'ordre' };

export interface FiltresJournal {
  siret?: string;
  api?: string;
  finalite?: string;
  /** 'YYYY-MM-DD' or ISO instant, inclusive. */
  du?: string;
  /** 'YYYY-MM-DD' (the whole day) or ISO instant, inclusive. */
  au?: string;
  limit?: number;
  /** `curseur_suivant` of the previous page. */
  curseur?: string;
}

export interface PageJournal {
  entrees: ResumeJournal[];
  curseur_suivant: string | null;
}

interface LigneJournal {
  sequence: number | string;
  horodatage: string;
  request_id: string;
  client_id: string;
  siret: string;
  api: string;
  operation: string;
  finalite: string;
  base_legale: string;
  scopes: string;
  champs: string;
  nombre_personnes: number;
  personnes: string;
  contexte: string | null;
  objet: string | null;
  resultat: string;
  liste: string | null;
  hash_precedent: string;
  hash: string;
}

interface Maillon {
  sequence: number;
  hash: string;
}

const HASH_GENESE = '0'.repeat(64);
const CHAMPS_HACHES = [
  'horodatage',
  'request_id',
  'client_id',
  'siret',
  'api',
  'operation',
  'finalite',
  'base_legale',
  'scopes',
  'champs',
  'nombre_personnes',
  'personnes',
  'contexte',
  'objet',
  'resultat',
  'hash_precedent',
] as const;
const COLONNES_RESUME = ['sequence', ...CHAMPS_HACHES.filter((c) => c !== 'personnes'), 'liste', 'hash'];
const VERROU_JOURNAL = 0x4a4f55524e414c; // "JOURNAL": one advisory lock key for every process
const TAILLE_LOT = 500;
const LONGUEUR_MAX_TEXTE = 128;

/** `liste` is hashed only when present: entries written before it existed keep their hash. */
function hacherLigne(ligne: Omit<LigneJournal, 'sequence' | 'hash'>): string {
  const valeurs: unknown[] = CHAMPS_HACHES.map((c) => ligne[c]);
  if (ligne.liste !== null && ligne.liste !== undefined) valeurs.push(ligne.liste);
  return createHash('sha256').update(JSON.stringify(valeurs)).digest('hex');
}

function versResume(ligne: Omit<LigneJournal, 'personnes'>): ResumeJournal {
  return {
    ...ligne,
    sequence: Number(ligne.sequence),
    nombre_personnes: Number(ligne.nombre_personnes),
    scopes: readJson<string[]>(ligne.scopes),
    champs: readJson<string[]>(ligne.champs),
    liste: ligne.liste ? readJson<ListeJournalisee>(ligne.liste) : null,
  };
}

function texte(valeur: unknown, nom: string, obligatoire: boolean): string | null {
  if (valeur === undefined || valeur === null || valeur === '') {
    if (obligatoire) throw new TypeError(`Journal : ${nom} manquant`);
    return null;
  }
  if (typeof valeur !== 'string' || valeur.length > LONGUEUR_MAX_TEXTE) {
    throw new TypeError(`Journal : ${nom} invalide`);
  }
  return valeur;
}

function listeDeTextes(valeur: unknown, nom: string): string[] {
  if (!Array.isArray(valeur) || valeur.some((v) => typeof v !== 'string')) {
    throw new TypeError(`Journal : ${nom} doit être une liste de chaînes`);
  }
  return [...new Set(valeur as string[])].sort();
}

type LigneAChainer = Omit<LigneJournal, 'sequence' | 'horodatage' | 'hash_precedent' | 'hash'>;

function hachages(valeur: unknown, nom: string): string[] {
  const liste = listeDeTextes(valeur, nom);
  if (liste.some((p) => !FORMAT_HACHAGE_PERSONNE.test(p))) {
    throw new TypeError(`Journal : ${nom} doit contenir des hachages (hacherPersonne), jamais des identifiants`);
  }
  return liste;
}

/** The list an entry names, in a fixed key order: its JSON is what is hashed. */
function listeValide(liste: ListeJournalisee, personnes: string[], nombre: unknown): { liste: ListeJournalisee; nombre: number } {
  if (personnes.length > 0) throw new TypeError('Journal : une entrée de liste nomme la liste, pas ses personnes');
  if (!Number.isSafeInteger(nombre) || (nombre as number) < 0) throw new TypeError('Journal : nombrePersonnes invalide');
  if (!Number.isSafeInteger(liste.generation)) throw new TypeError('Journal : generation de liste invalide');
  if (typeof liste.date_reference !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(liste.date_reference)) {
    throw new TypeError('Journal : date_reference de liste invalide');
  }
  return {
    liste: {
      type: texte(liste.type, 'liste.type', true)!,
      cle: texte(liste.cle, 'liste.cle', true)!,
      date_reference: liste.date_reference,
      generation: liste.generation,
      perimetre: texte(liste.perimetre, 'liste.perimetre', true)!,
      exclues: hachages(liste.exclues, 'liste.exclues'),
    },
    nombre: nombre as number,
  };
}

/** Validation happens before queueing so that one malformed entry never fails a whole group commit. */
function preparer(entree: EntreeAJournaliser): { ligne: LigneAChainer; personnes: string[] } {
  const personnes = hachages(entree.personnes, 'personnes');
  const liste = entree.liste ? listeValide(entree.liste, personnes, entree.nombrePersonnes) : null;
  if (typeof entree.baseLegale !== 'string' || entree.baseLegale === '') {
    throw new TypeError('Journal : baseLegale manquant');
  }
  const ligne = {
    request_id: texte(entree.requestId, 'requestId', true)!,
    client_id: texte(entree.clientId, 'clientId', true)!,
    siret: texte(entree.siret, 'siret', true)!,
    api: texte(entree.api, 'api', true)!,
    operation: texte(entree.operation, 'operation', true)!,
    finalite: texte(entree.finalite, 'finalite', true)!,
    base_legale: entree.baseLegale,
    scopes: JSON.stringify(listeDeTextes(entree.scopes, 'scopes')),
    champs: JSON.stringify(listeDeTextes(entree.champs, 'champs')),
    nombre_personnes: liste ? liste.nombre : personnes.length,
    personnes: JSON.stringify(personnes),
    contexte: texte(entree.contexte, 'contexte', false),
    objet: texte(entree.objet, 'objet', false),
    resultat: texte(entree.resultat, 'resultat', true)!,
    liste: liste ? JSON.stringify(liste.liste) : null,
  };
  return { ligne, personnes };
}

/** Serialises writers across processes: an advisory lock on PostgreSQL; SQLite's BEGIN IMMEDIATE already holds the write lock. */
async function verrouiller(t: Transaction, cle: number | string = VERROU_JOURNAL): Promise<void> {
  if (t.postgres) await t.executer(t.knex.raw('select pg_advisory_xact_lock(?::bigint)', [cle]));
}

async function derniereAncre(t: Transaction): Promise<Maillon> {
  const ancre = await t.executer<{ sequence: number | string; hash: string } | undefined>(
    t.knex('journal_ancre').orderBy('sequence', 'desc').first('sequence', 'hash'),
  );
  return ancre ? { sequence: Number(ancre.sequence), hash: ancre.hash } : { sequence: 0, hash: HASH_GENESE };
}

async function lireTete(t: Transaction): Promise<Maillon | null> {
  const tete = await t.executer<{ sequence: number | string; hash: string } | undefined>(t.knex('journal_tete').where('id', 1).first('sequence', 'hash'));
  return tete ? { sequence: Number(tete.sequence), hash: tete.hash } : null;
}

/** What `journal_listes` indexes of a list entry (the exclusions stay in the hashed JSON). */
function champsIndexesDeListe(l: ListeJournalisee): { type: string; cle: string; date_reference: string; generation: number; perimetre: string } {
  return { type: l.type, cle: l.cle, date_reference: l.date_reference, generation: l.generation, perimetre: l.perimetre };
}

/** The chained rows, and the lookup row of each list entry; the per-person index follows (`indexerPersonnes`). */
async function ecrireLot(t: Transaction, lot: LigneAChainer[]): Promise<LigneJournal[]> {
  await verrouiller(t);
  let precedent = (await lireTete(t)) ?? (await derniereAncre(t));
  const horodatage = horloge.horodatage();
  const lignes: LigneJournal[] = lot.map((l) => {
    const sansHash = { ...l, horodatage, hash_precedent: precedent.hash };
    const ligne = { ...sansHash, sequence: precedent.sequence + 1, hash: hacherLigne(sansHash) };
    precedent = { sequence: ligne.sequence, hash: ligne.hash };
    return ligne;
  });
  for (const paquet of enPaquets(lignes, 100)) await t.executer(t.knex('journal').insert(paquet));
  const listes = lignes.filter((l) => l.liste !== null).map((l) => ({ sequence: l.sequence, ...champsIndexesDeListe(readJson<ListeJournalisee>(l.liste)) }));
  for (const paquet of enPaquets(listes, 100)) await t.executer(t.knex('journal_listes').insert(paquet));
  await t.executer(
    t
      .knex('journal_tete')
      .insert({ id: 1, ...precedent })
      .onConflict('id')
      .merge(),
  );
  return lignes;
}

/** Persons indexed per transaction: a whole commune's list is indexed in slices, between requests. */
const TRANCHE_INDEX = 5000;
const VERROU_INDEX = '5354592293955912792'; // "JOURNIDX" (0x4a4f55524e494458), as text: wider than a double's 53 bits

interface Avancement {
  sequence: number;
  position: number;
}

/**
 * One slice: the persons of the entries after the watermark, up to TRANCHE_INDEX (the last entry
 * possibly in part). False when caught up. Idempotent: a slice replayed after a crash inserts nothing twice.
 */
async function indexerTranche(t: Transaction): Promise<boolean> {
  await verrouiller(t, VERROU_INDEX);
  const etat = await t.executer<{ sequence: number | string; position: number | string } | undefined>(
    t.knex('journal_index').where('id', 1).first('sequence', 'position'),
  );
  const avancement: Avancement = { sequence: Number(etat?.sequence ?? 0), position: Number(etat?.position ?? 0) };
  // A list entry names no person: it costs the index nothing.
  const suivantes = await t.executer<Array<{ sequence: number | string; nombre_personnes: number | string }>>(
    t
      .knex('journal')
      .where('sequence', '>', avancement.sequence)
      .orderBy('sequence')
      .limit(TRANCHE_INDEX)
      .select('sequence', t.knex.raw('case when liste is null then nombre_personnes else 0 end as nombre_personnes')),
  );
  if (suivantes.length === 0) return false;
  // The partly indexed entry is the one right after the watermark, unless a purge took it.
  if (Number(suivantes[0].sequence) !== avancement.sequence + 1) avancement.position = 0;
  let retenues = 0;
  let budget = TRANCHE_INDEX + avancement.position;
  while (retenues < suivantes.length && budget > 0) budget -= Number(suivantes[retenues++].nombre_personnes);
  const entrees = await t.executer<Array<{ sequence: number | string; personnes: string }>>(
    t
      .knex('journal')
      .whereBetween('sequence', [Number(suivantes[0].sequence), Number(suivantes[retenues - 1].sequence)])
      .orderBy('sequence')
      .select('sequence', 'personnes'),
  );
  const lignes: Array<{ personne_hash: string; sequence: number }> = [];
  for (const entree of entrees) {
    const sequence = Number(entree.sequence);
    const personnes = readJson<string[]>(entree.personnes);
    const fin = Math.min(personnes.length, avancement.position + TRANCHE_INDEX - lignes.length);
    for (let i = avancement.position; i < fin; i++) lignes.push({ personne_hash: personnes[i], sequence });
    if (fin < personnes.length) {
      avancement.position = fin;
      break;
    }
    avancement.sequence = sequence;
    avancement.position = 0;
  }
  for (const paquet of enPaquets(lignes)) await t.executer(t.knex('journal_personnes').insert(paquet).onConflict(['personne_hash', 'sequence']).ignore());
  await t.executer(
    t
      .knex('journal_index')
      .insert({ id: 1, ...avancement })
      .onConflict('id')
      .merge(),
  );
  return true;
}

/**
 * Brings the per-person index (the data-subject report's lookup table) up to the journal. The
 * persons are in each chained entry already, so the index is derived data: appends do not wait
 * for it (a whole list is ≈ 33 000 index rows), it follows within moments, and the report calls
 * this first. Slices yield to requests in between.
 */
export async function indexerPersonnes(db: Db): Promise<void> {
  while (await transaction(db, indexerTranche)) await new Promise((r) => setImmediate(r));
}

const indexations = new WeakMap<Db, Promise<void>>();

/** At most one indexation per database at a time; appends meanwhile are picked up by its loop or the next. */
function planifierIndexation(db: Db): void {
  if (indexations.has(db)) return;
  const enCours = new Promise<void>((r) => setTimeout(r, DELAI_INDEX_MS).unref())
    .then(() => indexerPersonnes(db))
    .catch((err: Error) => journalApplicatif.warn({ erreur: err.name }, 'index des personnes du journal en retard : repris à la prochaine écriture'))
    .finally(() => indexations.delete(db));
  indexations.set(db, enCours);
}

/** Once the burst that wrote the entries has passed: a whole list's stream is not slowed by its own index. */
const DELAI_INDEX_MS = 1000;

interface EnAttente {
  ligne: LigneAChainer;
  /** The same persons as `ligne.personnes`, unparsed: handed back without re-reading the JSON. */
  personnes: string[];
  resoudre: (entree: EntreeJournal) => void;
  rejeter: (erreur: unknown) => void;
}

/** How appends are grouped into transactions: `npm run bench:journal-lots` compares settings (docs/benchmarks.md). */
export interface ReglageLots {
  /** At most this many entries per transaction. */
  taille: number;
  /**
   * When the transaction of an append arriving with none in flight starts: at once, on the next turn
   * of the event loop (the appends of the requests handled in the same turn join it), or after that many ms.
   */
  depart: 'aussitot' | 'tour' | number;
  /** Transactions of this process in flight at once: a later one waits for the chain's lock while an earlier one commits. */
  enVol: number;
}

/**
 * Measured on both engines, alone and with two processes sharing the chain: starting on the next
 * turn is needed on SQLite, whose transaction never yields the event loop (at once, every entry
 * commits alone) and no worse on PostgreSQL; a wait or a second transaction in flight only slowed
 * appends; 500 entries (batches under the bench's load stayed near 50) only bounds a burst.
 */
const REGLAGE_LOTS: ReglageLots = { taille: TAILLE_LOT, depart: 'tour', enVol: 1 };

/**
 * Group commit: appends that arrive while a transaction runs are written together in the next one.
 * An entry's promise resolves only after the transaction holding it has committed.
 */
class FileJournal {
  private attente: EnAttente[] = [];
  private enVol = 0;
  private planifie = false;
  /** Transactions committed so far. */
  lots = 0;

  constructor(
    private readonly db: Db,
    public reglage: ReglageLots,
  ) {}

  ajouter(ligne: LigneAChainer, personnes: string[]): Promise<EntreeJournal> {
    return new Promise((resoudre, rejeter) => {
      this.attente.push({ ligne, personnes, resoudre, rejeter });
      if (this.enVol < this.reglage.enVol) this.planifier();
    });
  }

  private planifier(): void {
    if (this.planifie) return;
    this.planifie = true;
    const partir = () => {
      this.planifie = false;
      this.lancer();
    };
    const { depart } = this.reglage;
    if (depart === 'aussitot') queueMicrotask(partir);
    else if (depart === 'tour') setImmediate(partir);
    else setTimeout(partir, depart);
  }

  /** Starts transactions while appends wait and fewer than `enVol` are in flight; each one that ends takes what gathered meanwhile. */
  private lancer(): void {
    while (this.attente.length > 0 && this.enVol < this.reglage.enVol) {
      const lot = this.attente.splice(0, this.reglage.taille);
      this.enVol++;
      void this.ecrire(lot).finally(() => {
        this.enVol--;
        this.lancer();
      });
    }
  }

  private async ecrire(lot: EnAttente[]): Promise<void> {
    try {
      const lignes = await transaction(this.db, (t) =>
        ecrireLot(
          t,
          lot.map((a) => a.ligne),
        ),
      );
      this.lots++;
      planifierIndexation(this.db);
      lot.forEach((a, i) => a.resoudre({ ...versResume(lignes[i]), personnes: a.personnes }));
    } catch (erreur) {
      lot.forEach((a) => a.rejeter(erreur));
    }
  }
}

const files = new WeakMap<Db, FileJournal>();

/** Resolves once the entry is committed; a rejection means the data must not be sent (503). */
export function journaliser(db: Db, entree: EntreeAJournaliser): Promise<EntreeJournal> {
  let preparee: ReturnType<typeof preparer>;
  try {
    preparee = preparer(entree);
  } catch (erreur) {
    return Promise.reject(erreur);
  }
  return fileDe(db).ajouter(preparee.ligne, preparee.personnes);
}

function fileDe(db: Db): FileJournal {
  let file = files.get(db);
  if (!file) {
    file = new FileJournal(db, REGLAGE_LOTS);
    files.set(db, file);
  }
  return file;
}

/** Other group commit settings for this database's appends from now on: the bench compares them. */
export function reglerLots(db: Db, reglage: Partial<ReglageLots>): void {
  const file = fileDe(db);
  file.reglage = { ...file.reglage, ...reglage };
}

/** Transactions the group commit has committed for this database in this process. */
export function lotsEcrits(db: Db): number {
  return fileDe(db).lots;
}

/** Recomputes the chain from the latest anchor and names the first entry at fault. */
export async function verifierJournal(db: Db): Promise<VerificationJournal> {
  const tete = await lireTete(sansTransaction(db));
  const ancre = await derniereAncre(sansTransaction(db));
  let precedent = ancre;
  let entrees = 0;
  for (;;) {
    let requete = db('journal').where('sequence', '>', precedent.sequence).orderBy('sequence').limit(100);
    if (tete) requete = requete.andWhere('sequence', '<=', tete.sequence); // later appends are not ours to judge
    const page: LigneJournal[] = await requete;
    if (page.length === 0) break;
    for (const ligne of page) {
      const sequence = Number(ligne.sequence);
      if (sequence !== precedent.sequence + 1) return { ok: false, sequence: precedent.sequence + 1, raison: 'manquant' };
      if (hacherLigne(ligne) !== ligne.hash) return { ok: false, sequence, raison: 'altere' };
      if (ligne.hash_precedent !== precedent.hash) {
        const deplace = await db('journal').where('hash', ligne.hash_precedent).first('sequence');
        if (deplace) return { ok: false, sequence, raison: 'ordre' };
        // The predecessor is not the entry this one was chained to: it was rewritten, or never there.
        return precedent === ancre ? { ok: false, sequence, raison: 'manquant' } : { ok: false, sequence: precedent.sequence, raison: 'altere' };
      }
      precedent = { sequence, hash: ligne.hash };
      entrees++;
    }
  }
  if (!tete) {
    return entrees === 0 ? { ok: true, entrees } : { ok: false, sequence: precedent.sequence + 1, raison: 'manquant' };
  }
  if (tete.sequence > precedent.sequence) return { ok: false, sequence: precedent.sequence + 1, raison: 'manquant' };
  if (tete.hash !== precedent.hash) return { ok: false, sequence: precedent.sequence, raison: 'altere' };
  return { ok: true, entrees };
}

/**
 * Retention: deletes the oldest entries up to the first one recorded at or after `avant`
 * (a prefix, so the rest stays one chain) and anchors the chain on the last deleted entry.
 */
export async function purgerJournal(db: Db, avant: string): Promise<{ supprimees: number; ancre: Maillon | null }> {
  return transaction(db, async (t) => {
    await verrouiller(t);
    const premierGarde = await t.executer<{ s: number | string | null } | undefined>(
      t.knex('journal').where('horodatage', '>=', avant).min({ s: 'sequence' }).first(),
    );
    const dernier = await t.executer<{ s: number | string | null } | undefined>(t.knex('journal').max({ s: 'sequence' }).first());
    if (dernier?.s === null || dernier?.s === undefined) return { supprimees: 0, ancre: null };
    const limite = premierGarde?.s !== null && premierGarde?.s !== undefined ? Number(premierGarde.s) - 1 : Number(dernier.s);
    const maillon = await t.executer<{ hash: string } | undefined>(t.knex('journal').where('sequence', limite).first('hash'));
    if (!maillon) return { supprimees: 0, ancre: null };
    const ancre = { sequence: limite, hash: maillon.hash };
    await t.executer(t.knex('journal_personnes').where('sequence', '<=', limite).delete());
    await t.executer(t.knex('journal_listes').where('sequence', '<=', limite).delete());
    const supprimees = await t.executer<number>(t.knex('journal').where('sequence', '<=', limite).delete());
    await t.executer(t.knex('journal_ancre').insert({ ...ancre, cree_le: horloge.horodatage() }));
    return { supprimees, ancre };
  });
}

function lendemain(jour: string): string {
  const date = new Date(`${jour}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

function filtrerPeriode(requete: Knex.QueryBuilder, du?: string, au?: string): Knex.QueryBuilder {
  if (du) requete.where('journal.horodatage', '>=', du);
  if (au) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(au)) requete.where('journal.horodatage', '<', lendemain(au));
    else requete.where('journal.horodatage', '<=', au);
  }
  return requete;
}

/** DPO search, most recent first, by pages. */
export async function rechercherJournal(db: Db, filtres: FiltresJournal): Promise<PageJournal> {
  const limit = Math.min(Math.max(Math.trunc(filtres.limit ?? 100), 1), 1000);
  const requete = db('journal')
    .select(COLONNES_RESUME)
    .orderBy('sequence', 'desc')
    .limit(limit + 1);
  if (filtres.siret) requete.where('siret', filtres.siret);
  if (filtres.api) requete.where('api', filtres.api);
  if (filtres.finalite) requete.where('finalite', filtres.finalite);
  if (filtres.curseur) {
    if (!/^\d+$/.test(filtres.curseur)) throw new TypeError('Curseur de pagination invalide');
    requete.where('sequence', '<', Number(filtres.curseur));
  }
  filtrerPeriode(requete, filtres.du, filtres.au);
  const lignes: LigneJournal[] = await requete;
  const entrees = lignes.slice(0, limit).map(versResume);
  return {
    entrees,
    curseur_suivant: lignes.length > limit ? String(entrees[entrees.length - 1].sequence) : null,
  };
}

/** What the journal knows of one person's disclosures. */
export interface DivulgationsPersonne {
  /** Entries that disclosed data about the person, oldest first: naming the person, or a list the person was on. */
  communications: ResumeJournal[];
  /**
   * Entries naming a list that can no longer be joined (its generation of data was replaced, or its
   * kind is unknown to this version) and that did not exclude the person: the person may have been on it.
   */
  nonVerifiables: ResumeJournal[];
}

/** Entries of lists the person may be on: of the person's keys in a joinable generation, or of no joinable generation. */
async function entreesDeListes(db: Db, idInterne: string, periode: { du?: string; au?: string }): Promise<DivulgationsPersonne> {
  const communications: ResumeJournal[] = [];
  const nonVerifiables: ResumeJournal[] = [];
  const colonnes = COLONNES_RESUME.map((c) => `journal.${c}`);
  const types = typesDeListe();
  for (const type of types) {
    const resolveur = resolveurDe(type)!;
    const [generations, cles] = await Promise.all([resolveur.generationsDisponibles(db), resolveur.clesDe(db, idInterne)]);
    const requete = db('journal_listes as l')
      .join('journal', 'journal.sequence', 'l.sequence')
      .where('l.type', type)
      // knex renders whereIn([]) as false and whereNotIn([]) as true.
      .andWhere((w) => w.where((d) => d.whereIn('l.cle', cles).whereIn('l.generation', generations)).orWhereNotIn('l.generation', generations))
      .select(colonnes)
      .orderBy('journal.sequence');
    const entrees: ResumeJournal[] = ((await filtrerPeriode(requete, periode.du, periode.au)) as LigneJournal[]).map(versResume);
    const joignables = new Set(generations);
    const aResoudre = entrees.filter((e) => joignables.has(e.liste!.generation));
    nonVerifiables.push(...entrees.filter((e) => !joignables.has(e.liste!.generation)));
    const presences =
      aResoudre.length > 0
        ? await resolveur.figuraitSur(
            db,
            idInterne,
            aResoudre.map((e) => e.liste!),
          )
        : [];
    aResoudre.forEach((e, i) => {
      if (presences[i] === null) nonVerifiables.push(e);
      else if (presences[i]) communications.push(e);
    });
  }
  // A kind this version no longer knows cannot be joined either.
  const inconnus = db('journal_listes as l').join('journal', 'journal.sequence', 'l.sequence').whereNotIn('l.type', types).select(colonnes);
  nonVerifiables.push(...((await filtrerPeriode(inconnus, periode.du, periode.au)) as LigneJournal[]).map(versResume));
  return { communications, nonVerifiables };
}

/** Data-subject report (RGPD art. 15): every disclosure about one person, oldest first. */
export async function divulgationsPersonne(db: Db, cle: string, idInterne: string, periode: { du?: string; au?: string } = {}): Promise<DivulgationsPersonne> {
  await indexerPersonnes(db);
  const hachage = hacherPersonne(cle, idInterne);
  const requete = db('journal_personnes')
    .join('journal', 'journal.sequence', 'journal_personnes.sequence')
    .where('journal_personnes.personne_hash', hachage)
    .select(COLONNES_RESUME.map((c) => `journal.${c}`))
    .orderBy('journal.sequence');
  filtrerPeriode(requete, periode.du, periode.au);
  const lignes: LigneJournal[] = await requete;
  const listes = await entreesDeListes(db, idInterne, periode);
  // Withheld from a list (opposition): not disclosed by it, whether or not the list can still be joined.
  const exclue = (e: ResumeJournal) => e.liste!.exclues.includes(hachage);
  const parSequence = (a: ResumeJournal, b: ResumeJournal) => a.sequence - b.sequence;
  return {
    communications: [...lignes.map(versResume), ...listes.communications.filter((e) => !exclue(e))].sort(parSequence),
    nonVerifiables: listes.nonVerifiables.filter((e) => !exclue(e)).sort(parSequence),
  };
}
