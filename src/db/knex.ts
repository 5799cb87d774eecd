import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import knex, { type Knex } from 'knex';
import { journalApplicatif } from '../http/journal-applicatif';
import { migrationSource } from './migrations';

export type Db = Knex;

/** The few better-sqlite3 methods the gateway relies on. */
interface InstructionSqlite {
  busy: boolean;
  reader: boolean;
  all(valeurs: unknown[]): unknown[];
  run(valeurs: unknown[]): { changes: number };
  raw(actif: boolean): InstructionSqlite;
  columns(): Array<{ name: string }>;
}

interface ConnexionSqlite {
  pragma(source: string): unknown;
  prepare(sql: string): InstructionSqlite;
  exec(sql: string): unknown;
  inTransaction: boolean;
  open: boolean;
}

/** SQLite databases' one pooled connection, seen when created: see `executer`. */
const connexionsSqlite = new WeakMap<Db, () => ConnexionSqlite | undefined>();

const PREPARATIONS_GARDEES = 500;

/**
 * Knex prepares every statement anew; the request path runs the same few dozen, so a bounded
 * per-connection cache (least recently used out) spares SQLite's compiler on each call.
 */
function memoriserPreparations(conn: ConnexionSqlite): void {
  const preparer = conn.prepare.bind(conn);
  const gardees = new Map<string, ReturnType<ConnexionSqlite['prepare']>>();
  conn.prepare = (sql) => {
    const gardee = gardees.get(sql);
    // A statement still being iterated cannot run twice at once: that caller gets a fresh one.
    if (gardee?.busy) return preparer(sql);
    if (gardee) {
      gardees.delete(sql);
      gardees.set(sql, gardee);
      return gardee;
    }
    const nouvelle = preparer(sql);
    gardees.set(sql, nouvelle);
    if (gardees.size > PREPARATIONS_GARDEES) gardees.delete(gardees.keys().next().value!);
    return nouvelle;
  };
}

/** `sqlite:<path>` (embedded, default) or `postgres://…` (several processes, scale). */
export function createDb(databaseUrl: string): Db {
  // Knex would otherwise interpolate bound values (names, birth dates) into error messages, and
  // print its warnings (e.g. a connection refused at shutdown) on the console: into the structured log, first line only.
  const avertir = (niveau: 'warn' | 'error') => (message: unknown) => journalApplicatif[niveau]({ knex: String(message).split('\n')[0] }, 'knex');
  const commun = { compileSqlOnError: false, log: { warn: avertir('warn'), error: avertir('error'), deprecate: avertir('warn'), debug: () => {} } };
  if (databaseUrl.startsWith('postgres://') || databaseUrl.startsWith('postgresql://')) {
    return knex({
      ...commun,
      client: 'pg',
      connection: databaseUrl,
      pool: { min: 0, max: 10 },
    });
  }
  if (!databaseUrl.startsWith('sqlite:')) {
    throw new Error('DATABASE_URL doit commencer par sqlite: ou postgres://');
  }
  const file = databaseUrl.slice('sqlite:'.length);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let connexion: ConnexionSqlite | undefined;
  const db = knex({
    ...commun,
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate: (conn: ConnexionSqlite, done: (err: Error | null, conn: unknown) => void) => {
        // WAL keeps readers going during writes; foreign keys are off by default in SQLite.
        conn.pragma('journal_mode = WAL');
        conn.pragma('synchronous = NORMAL');
        conn.pragma('foreign_keys = ON');
        conn.pragma('busy_timeout = 5000');
        memoriserPreparations(conn);
        connexion = conn;
        done(null, conn);
      },
    },
  });
  connexionsSqlite.set(db, () => connexion);
  return db;
}

export function isPostgres(db: Db): boolean {
  return db.client.config.client === 'pg';
}

type Requete = Knex.QueryBuilder | Knex.Raw;

interface ClientSqlite {
  acquireConnection(): Promise<ConnexionSqlite>;
  releaseConnection(conn: ConnexionSqlite): Promise<unknown>;
  /** Knex's own bindings conversion (Date → number, boolean → 0/1), so both runners bind alike. */
  _formatBindings(valeurs: readonly unknown[]): unknown[];
  pool?: { numUsed(): number; numFree(): number; numPendingAcquires(): number };
}

/**
 * The connection when nobody holds it (no knex query or transaction in flight, nobody waiting):
 * a synchronous statement run on it then cannot interleave with anything.
 */
function connexionLibre(db: Db): ConnexionSqlite | undefined {
  const pool = (db.client as unknown as ClientSqlite).pool;
  const conn = connexionsSqlite.get(db)?.();
  if (!pool || !conn?.open || conn.inTransaction) return undefined;
  return pool.numUsed() === 0 && pool.numFree() === 1 && pool.numPendingAcquires() === 0 ? conn : undefined;
}

/**
 * The pooled connection (there is one) held for `travail`: no other statement, and no knex
 * transaction, can run on it meanwhile.
 */
async function surConnexion<T>(db: Db, travail: (conn: ConnexionSqlite) => Promise<T> | T): Promise<T> {
  const client = db.client as unknown as ClientSqlite;
  const conn = await client.acquireConnection();
  try {
    return await travail(conn);
  } finally {
    await client.releaseConnection(conn);
  }
}

/** A statement as the database receives it: SQL text, values in order, and knex's result shape. */
interface Compilee {
  sql: string;
  valeurs: readonly unknown[];
  /** `first` (one row), `pluck` (one column), `raw` (the driver's result), else rows or a count. */
  methode?: string;
  colonne?: string;
  /** Hundreds of rows per call (a list's pages): see `lignesNombreuses`. */
  nombreuses?: boolean;
}

function compiler(requete: Requete): Compilee {
  const natif = requete.toSQL().toNative();
  const r = requete as { _method?: string; _single?: { pluck?: string } };
  return { sql: natif.sql, valeurs: natif.bindings, methode: r._method, colonne: r._single?.pluck };
}

/**
 * The same rows, read as arrays and named here: better-sqlite3 builds a row object field by
 * field from C++, ≈ 30 % of reading a list's page of 500. The statement is shared (cached per
 * connection), so its array mode is set and reset around this synchronous read.
 */
function lignesNombreuses(instruction: InstructionSqlite, valeurs: unknown[]): Array<Record<string, unknown>> {
  const noms = instruction.columns().map((c) => c.name);
  let tableaux: unknown[][];
  try {
    tableaux = instruction.raw(true).all(valeurs) as unknown[][];
  } finally {
    instruction.raw(false);
  }
  return tableaux.map((t) => {
    const ligne: Record<string, unknown> = {};
    for (let i = 0; i < noms.length; i++) ligne[noms[i]] = t[i];
    return ligne;
  });
}

/** Knex's result shapes: rows (one row for `first`, one column for `pluck`), or the number of rows a write changed. */
function executerSqlite<T>(db: Db, conn: ConnexionSqlite, c: Compilee): T {
  const instruction = conn.prepare(c.sql);
  const valeurs = (db.client as unknown as ClientSqlite)._formatBindings(c.valeurs);
  if (!instruction.reader) return instruction.run(valeurs).changes as T;
  const lignes = c.nombreuses ? lignesNombreuses(instruction, valeurs) : (instruction.all(valeurs) as Array<Record<string, unknown>>);
  if (c.methode === 'first') return lignes[0] as T;
  if (c.methode === 'pluck') return lignes.map((l) => l[c.colonne!]) as T;
  return lignes as T;
}

/** What the gateway uses of a `pg` client: a query, named (prepared once per connection) or not. */
interface ConnexionPg {
  query(config: { text: string; values: readonly unknown[]; name?: string }): Promise<ResultatPg>;
}

interface ResultatPg {
  command: string;
  rowCount: number | null;
  rows: Array<Record<string, unknown>>;
}

interface ClientPg {
  acquireConnection(): Promise<ConnexionPg>;
  releaseConnection(conn: ConnexionPg): Promise<unknown>;
}

/** Named statements per connection, at most this many: past it (lists of ids of every length), statements stay unnamed. */
const NOMMEES_PAR_CONNEXION = 300;
const nomsParConnexion = new WeakMap<ConnexionPg, Set<string>>();
const nomsDesTextes = new Map<string, string>();

/**
 * The statement's name on this connection, so PostgreSQL parses and plans it once per
 * connection rather than at each call (extended protocol, `pg`'s named queries).
 */
function nomDeLInstruction(conn: ConnexionPg, sql: string): string | undefined {
  let nom = nomsDesTextes.get(sql);
  if (nom === undefined) {
    nom = `apisation_${createHash('sha1').update(sql).digest('base64url').slice(0, 20)}`;
    if (nomsDesTextes.size >= PREPARATIONS_GARDEES) nomsDesTextes.delete(nomsDesTextes.keys().next().value!);
    nomsDesTextes.set(sql, nom);
  }
  let noms = nomsParConnexion.get(conn);
  if (!noms) nomsParConnexion.set(conn, (noms = new Set()));
  if (noms.has(nom)) return nom;
  if (noms.size >= NOMMEES_PAR_CONNEXION) return undefined;
  noms.add(nom);
  return nom;
}

/** Knex's PostgreSQL result shapes (its `processResponse`), a write answering its count as on SQLite. */
async function executerPg<T>(conn: ConnexionPg, c: Compilee): Promise<T> {
  const resultat = await conn.query({ text: c.sql, values: c.valeurs, name: nomDeLInstruction(conn, c.sql) });
  if (c.methode === 'raw') return resultat as T;
  // `pg`'s result object often reaches V8's old generation before its query ends: left there, it
  // would keep every page of a streamed list alive until a full collection (peak RSS growing with the list).
  const lignes = resultat.rows;
  resultat.rows = [];
  if (resultat.command === 'SELECT') {
    if (c.methode === 'first') return lignes[0] as T;
    if (c.methode === 'pluck') return lignes.map((l) => l[c.colonne!]) as T;
    return lignes as T;
  }
  if (/\breturning\b/i.test(c.sql)) return lignes as T;
  return (resultat.rowCount ?? 0) as T;
}

/** A pooled PostgreSQL connection held for `travail`, acquired without knex's runner. */
async function surConnexionPg<T>(db: Db, travail: (conn: ConnexionPg) => Promise<T>): Promise<T> {
  const client = db.client as unknown as ClientPg;
  const conn = await client.acquireConnection();
  try {
    return await travail(conn);
  } finally {
    await client.releaseConnection(conn);
  }
}

async function executerCompilee<T>(db: Db, c: Compilee): Promise<T> {
  if (isPostgres(db)) return surConnexionPg(db, (conn) => executerPg<T>(conn, c));
  const libre = connexionLibre(db);
  if (libre) return executerSqlite<T>(db, libre, c);
  return surConnexion(db, (conn) => executerSqlite<T>(db, conn, c));
}

/**
 * Runs a statement built with knex directly on a pooled connection: knex's runner (pool acquire
 * with events and timers, response processing) costs more than an indexed read (≈ 50–100 µs
 * against a few). SQLite runs it at once when its one connection is free, with the prepared
 * statement cached per connection; PostgreSQL names it, so it is parsed and planned once per
 * connection.
 */
export async function executer<T>(db: Db, requete: Requete): Promise<T> {
  return executerCompilee<T>(db, compiler(requete));
}

/** A value bound to a statement compiled once: a scalar, never a list (whose length would change the SQL). */
type Scalaire = string | number | boolean | null | Date;

const MARQUE = '\u0000apisation:';

/** A statement compiled with markers in place of its parameters' values. */
type Modele<P> = Omit<Compilee, 'valeurs'> & { valeurs: Array<{ parametre: keyof P & string } | { constante: unknown }> };

function modeleDe<P extends Record<string, Scalaire>>(requete: (p: P) => Requete): Modele<P> {
  const marques = new Proxy({} as P, { get: (_, nom) => `${MARQUE}${String(nom)}` });
  const c = compiler(requete(marques));
  const valeurs = c.valeurs.map((v) => (typeof v === 'string' && v.startsWith(MARQUE) ? { parametre: v.slice(MARQUE.length) } : { constante: v }));
  return { ...c, valeurs };
}

function lier<P extends Record<string, Scalaire>>(modele: Modele<P>, p: P): Compilee {
  const valeurs = modele.valeurs.map((v) => {
    if ('constante' in v) return v.constante;
    const valeur = p[v.parametre];
    if (valeur === undefined || (typeof valeur === 'object' && valeur !== null && !(valeur instanceof Date))) {
      throw new TypeError(`instruction : le paramètre ${v.parametre} doit être une valeur scalaire`);
    }
    return valeur;
  });
  return { ...modele, valeurs };
}

/**
 * A statement of the request path compiled once per database: each call binds its values to
 * the SQL knex built the first time, instead of building and compiling the query again.
 * `construire` receives markers for the parameters; bind them as values (`where`…), never as
 * `limit`/`offset` or a list.
 */
export function instruction<P extends Record<string, Scalaire>, T>(construire: (db: Db, p: P) => Requete): (db: Db, p: P) => Promise<T> {
  const modeles = new WeakMap<Db, Modele<P>>();
  return async (db, p) => {
    let modele = modeles.get(db);
    if (!modele) modeles.set(db, (modele = modeleDe<P>((marques) => construire(db, marques))));
    return executerCompilee<T>(db, lier(modele, p));
  };
}

/**
 * The same for one piece of work (a request's pages of a list): compiled now, with whatever
 * constants and lists it holds, then run as often as needed with new values for its markers;
 * its rows come many at a time (`lignesNombreuses` on SQLite).
 */
export function preparer<P extends Record<string, Scalaire>, T>(db: Db, construire: (p: P) => Requete): (p: P) => Promise<T> {
  const modele = { ...modeleDe(construire), nombreuses: true };
  return async (p) => executerCompilee<T>(db, lier(modele, p));
}

/** Statements of one transaction: built with `knex`, run with `executer`. */
export interface Transaction {
  knex: Knex;
  executer<T>(requete: Requete): Promise<T>;
  postgres: boolean;
}

/** The same interface for statements that need no transaction. */
export function sansTransaction(db: Db): Transaction {
  return { knex: db, executer: <R>(r: Requete) => executer<R>(db, r), postgres: isPostgres(db) };
}

/**
 * A transaction for hot write paths. SQLite: BEGIN IMMEDIATE (the write lock first, so two
 * processes never deadlock upgrading) on the held connection, without knex's transaction
 * machinery (≈ 0.8 ms each). PostgreSQL: BEGIN and COMMIT on a held connection, its statements
 * named like `executer`'s, without knex's transaction machinery either.
 */
export async function transaction<T>(db: Db, travail: (t: Transaction) => Promise<T>): Promise<T> {
  if (isPostgres(db)) {
    return surConnexionPg(db, async (conn) => {
      await conn.query({ text: 'BEGIN', values: [] });
      try {
        const resultat = await travail({ knex: db, executer: <R>(r: Requete) => executerPg<R>(conn, compiler(r)), postgres: true });
        await conn.query({ text: 'COMMIT', values: [] });
        return resultat;
      } catch (erreur) {
        // A broken connection rolls back by itself; its own error is the one worth reporting.
        await conn.query({ text: 'ROLLBACK', values: [] }).catch(() => undefined);
        throw erreur;
      }
    });
  }
  return surConnexion(db, async (conn) => {
    conn.exec('BEGIN IMMEDIATE');
    try {
      const resultat = await travail({ knex: db, executer: async <R>(r: Requete) => executerSqlite<R>(db, conn, compiler(r)), postgres: false });
      conn.exec('COMMIT');
      return resultat;
    } catch (erreur) {
      if (conn.inTransaction) conn.exec('ROLLBACK');
      throw erreur;
    }
  });
}

export async function migrate(db: Db): Promise<void> {
  await db.migrate.latest({ migrationSource });
}

/** JSON columns are text in SQLite and jsonb in PostgreSQL; read both the same way. */
export function readJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
