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

/** Knex's result shapes: rows (one row for `first`), or the number of rows a write changed. */
function executerSqlite<T>(db: Db, conn: ConnexionSqlite, requete: Requete): T {
  const { sql, bindings } = requete.toSQL().toNative();
  const instruction = conn.prepare(sql);
  const valeurs = (db.client as unknown as ClientSqlite)._formatBindings(bindings);
  if (!instruction.reader) return instruction.run(valeurs).changes as T;
  const lignes = instruction.all(valeurs);
  return ((requete as { _method?: string })._method === 'first' ? lignes[0] : lignes) as T;
}

/**
 * Runs a statement built with knex. On SQLite the compiled SQL runs directly on the connection,
 * at once when it is free, else once acquired: knex's runner (pool acquire, timers, events)
 * costs more than an indexed read (≈ 50–100 µs against a few). PostgreSQL goes through knex.
 */
export async function executer<T>(db: Db, requete: Requete): Promise<T> {
  if (isPostgres(db)) return (await requete) as T;
  const libre = connexionLibre(db);
  if (libre) return executerSqlite<T>(db, libre, requete);
  return surConnexion(db, (conn) => executerSqlite<T>(db, conn, requete));
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
 * machinery (≈ 0.8 ms each). PostgreSQL: a knex transaction.
 */
export async function transaction<T>(db: Db, travail: (t: Transaction) => Promise<T>): Promise<T> {
  if (isPostgres(db)) return db.transaction((trx) => travail({ knex: trx, executer: async <R>(r: Requete) => (await r) as R, postgres: true }));
  return surConnexion(db, async (conn) => {
    conn.exec('BEGIN IMMEDIATE');
    try {
      const resultat = await travail({ knex: db, executer: async <R>(r: Requete) => executerSqlite<R>(db, conn, r), postgres: false });
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
