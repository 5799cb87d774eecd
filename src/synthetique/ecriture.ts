import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Knex } from 'knex';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type Db, isPostgres } from '../db/knex';
import { COLONNES, TABLES_SYNTHETIQUES, type TableSynthetique } from '../db/tables-eleves';

/** What `generations` records about a run, before its counts are known. */
export interface GenerationLigne {
  graine: number;
  perimetre: string;
  echelle: number;
  aujourdhui: string;
  annee_scolaire: string;
  dates_publication: string;
  nombre_communes: number;
  cree_le: string;
}

export interface Comptes {
  nombre_eleves: number;
  nombre_responsables: number;
  nombre_scolarites: number;
  nombre_versions: number;
  termine_le: string;
}

/**
 * Writes one generation atomically: the previous rows are deleted and the new ones inserted in
 * one transaction, so readers see either the old dataset or the new one.
 */
export interface Ecrivain {
  /** Deletes the previous dataset and records the run; returns its `generations.id`. */
  commencer(generation: GenerationLigne): Promise<number>;
  ecrire(table: TableSynthetique, ligne: object): void;
  /** Whether enough rows wait for `vider` to be worth a round trip (checked between households). */
  plein(): boolean;
  /** Writes what is buffered; called between whole households, parents before children. */
  vider(): Promise<void>;
  terminer(comptes: Comptes): Promise<void>;
  annuler(): Promise<void>;
}

export async function ouvrirEcrivain(db: Db): Promise<Ecrivain> {
  return isPostgres(db) ? new EcrivainPostgres(db, await db.transaction()) : EcrivainSqlite.ouvrir(db);
}

/** SQLite's limit on bound variables per statement. */
const VARIABLES_MAX = 32766;

interface Instruction {
  run(...valeurs: unknown[]): { lastInsertRowid: number | bigint };
}
interface ConnexionSqlite {
  prepare(sql: string): Instruction & { all(...valeurs: unknown[]): unknown[] };
  exec(sql: string): void;
  pragma(sql: string, options?: { simple: boolean }): unknown;
  readonly inTransaction: boolean;
}

/**
 * The fast path: better-sqlite3's synchronous prepared statements with as many rows per
 * statement as the variable limit allows, indexes dropped during the load and rebuilt at the
 * end (one sort instead of a B-tree insert per row), all inside one transaction.
 */
class EcrivainSqlite implements Ecrivain {
  private readonly tampons = new Map<TableSynthetique, Tampon>();
  private readonly instructions = new Map<string, Instruction>();
  private index: Array<{ name: string; sql: string }> = [];
  private cacheInitial: unknown;
  private journalInitial: unknown;
  private generationId = 0;
  private libere = false;

  private constructor(
    private readonly db: Db,
    private readonly connexion: ConnexionSqlite,
  ) {}

  static async ouvrir(db: Db): Promise<EcrivainSqlite> {
    // knex's pool holds one better-sqlite3 connection: borrow it for the whole load.
    const connexion = (await db.client.acquireConnection()) as ConnexionSqlite;
    return new EcrivainSqlite(db, connexion);
  }

  async commencer(generation: GenerationLigne): Promise<number> {
    const c = this.connexion;
    this.cacheInitial = c.pragma('cache_size', { simple: true });
    // Up to 1 GB of page cache: a département's load stays in memory until the commit writes it once.
    c.pragma('cache_size = -1048576');
    this.journalInitial = c.pragma('journal_mode', { simple: true });
    // WAL would write every page twice (log, then checkpoint); a rollback journal keeps only the
    // pages of the previous dataset. SQLite keeps WAL when another connection has the file open.
    c.pragma('journal_mode = DELETE');
    // The generator guarantees the references; checking them row by row only slows the load.
    c.pragma('foreign_keys = OFF');
    c.exec('BEGIN');
    const tables = TABLES_SYNTHETIQUES.map((t) => `'${t}'`).join(',');
    this.index = c
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables}) ORDER BY name`)
      .all() as Array<{
      name: string;
      sql: string;
    }>;
    for (const { name } of this.index) c.exec(`DROP INDEX "${name}"`);
    for (const table of TABLES_SYNTHETIQUES) c.exec(`DELETE FROM ${table}`);
    const colonnes = Object.keys(generation);
    const resultat = c
      .prepare(`INSERT INTO generations (${colonnes.join(', ')}) VALUES (${colonnes.map(() => '?').join(', ')})`)
      .run(...Object.values(generation));
    this.generationId = Number(resultat.lastInsertRowid);
    return this.generationId;
  }

  ecrire(table: TableSynthetique, ligne: object): void {
    let tampon = this.tampons.get(table);
    if (!tampon) {
      const colonnes = COLONNES[table];
      tampon = { colonnes, valeurs: new Array(lignesParInstruction(colonnes.length) * colonnes.length), rempli: 0 };
      this.tampons.set(table, tampon);
    }
    const { colonnes, valeurs } = tampon;
    const champs = ligne as Record<string, unknown>;
    let i = tampon.rempli;
    for (let c = 0; c < colonnes.length; c++) {
      const v = champs[colonnes[c]];
      valeurs[i++] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
    }
    tampon.rempli = i;
    if (i === valeurs.length) this.viderTable(table);
  }

  /** Rows are written as each statement's worth is buffered, synchronously. */
  plein(): boolean {
    return false;
  }

  async vider(): Promise<void> {}

  /** On failure the caller calls `annuler`, which rolls back and gives the connection back. */
  async terminer(comptes: Comptes): Promise<void> {
    const c = this.connexion;
    for (const table of this.tampons.keys()) this.viderTable(table);
    for (const { sql } of this.index) c.exec(sql);
    const colonnes = Object.keys(comptes);
    c.prepare(`UPDATE generations SET ${colonnes.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`).run(...Object.values(comptes), this.generationId);
    c.exec('COMMIT');
    // Statistics for the query planner, from a sample: exact counts are not worth seconds.
    c.pragma('analysis_limit = 1000');
    c.exec('ANALYZE');
    await this.liberer();
  }

  async annuler(): Promise<void> {
    try {
      if (this.connexion.inTransaction) this.connexion.exec('ROLLBACK');
    } finally {
      await this.liberer();
    }
  }

  private async liberer(): Promise<void> {
    if (this.libere) return;
    this.libere = true;
    this.connexion.pragma('foreign_keys = ON');
    this.connexion.pragma(`cache_size = ${Number(this.cacheInitial) || -2000}`);
    if (this.journalInitial === 'wal') this.connexion.pragma('journal_mode = WAL');
    await this.db.client.releaseConnection(this.connexion);
  }

  private viderTable(table: TableSynthetique): void {
    const tampon = this.tampons.get(table);
    if (!tampon || tampon.rempli === 0) return;
    const lignes = tampon.rempli / tampon.colonnes.length;
    this.instruction(table, lignes).run(tampon.rempli === tampon.valeurs.length ? tampon.valeurs : tampon.valeurs.slice(0, tampon.rempli));
    tampon.rempli = 0;
  }

  private instruction(table: TableSynthetique, lignes: number): Instruction {
    const cle = `${table}:${lignes}`;
    let instruction = this.instructions.get(cle);
    if (!instruction) {
      const colonnes = COLONNES[table];
      const ligne = `(${colonnes.map(() => '?').join(',')})`;
      instruction = this.connexion.prepare(`INSERT INTO ${table} (${colonnes.join(',')}) VALUES ${Array(lignes).fill(ligne).join(',')}`);
      this.instructions.set(cle, instruction);
    }
    return instruction;
  }
}

/** Rows waiting for their multi-row INSERT, flattened column by column. */
interface Tampon {
  colonnes: readonly string[];
  valeurs: unknown[];
  rempli: number;
}

function lignesParInstruction(colonnes: number): number {
  return Math.floor(VARIABLES_MAX / colonnes);
}

/** Rows buffered before a round of COPY: bounds memory, not the statement (COPY has no parameter limit). */
const LIGNES_PAR_LOT_PG = 20_000;

/**
 * PostgreSQL: one transaction; indexes other than constraints dropped during the load and rebuilt
 * at the end; each table's rows streamed with `COPY … FROM STDIN` in text format, the server's
 * bulk path (no planner, no parameter per value).
 */
class EcrivainPostgres implements Ecrivain {
  private readonly lignes = new Map<TableSynthetique, string[]>();
  private enAttente = 0;
  private index: Array<{ indexname: string; indexdef: string }> = [];
  private generationId = 0;

  constructor(
    private readonly db: Db,
    private readonly trx: Knex.Transaction,
  ) {}

  async commencer(generation: GenerationLigne): Promise<number> {
    for (const table of TABLES_SYNTHETIQUES) await this.trx(table).del();
    const { rows } = await this.trx.raw(
      `SELECT indexname, indexdef FROM pg_indexes i WHERE schemaname = current_schema() AND tablename = ANY(?)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname) ORDER BY indexname`,
      [[...TABLES_SYNTHETIQUES]],
    );
    this.index = rows;
    for (const { indexname } of this.index) await this.trx.raw(`DROP INDEX "${indexname}"`);
    const [ligne] = await this.trx('generations').insert(generation).returning('id');
    this.generationId = typeof ligne === 'object' ? (ligne as { id: number }).id : Number(ligne);
    return this.generationId;
  }

  ecrire(table: TableSynthetique, ligne: object): void {
    let lignes = this.lignes.get(table);
    if (!lignes) this.lignes.set(table, (lignes = []));
    const champs = ligne as Record<string, unknown>;
    lignes.push(COLONNES[table].map((nom) => valeurCopy(champs[nom])).join('\t'));
    this.enAttente++;
  }

  plein(): boolean {
    return this.enAttente >= LIGNES_PAR_LOT_PG;
  }

  async vider(): Promise<void> {
    if (this.enAttente === 0) return;
    // The transaction's own connection: knex hands it back to whoever asks inside the transaction.
    const connexion = (await this.trx.client.acquireConnection()) as PoolClient;
    // Parents before children: PostgreSQL checks the references of each row.
    for (const table of [...TABLES_SYNTHETIQUES].reverse()) {
      const lignes = this.lignes.get(table);
      if (!lignes || lignes.length === 0) continue;
      const flux = connexion.query(copyFrom(`COPY ${table} (${COLONNES[table].join(', ')}) FROM STDIN`));
      await pipeline(Readable.from([lignes.join('\n') + '\n']), flux);
      this.lignes.set(table, []);
    }
    this.enAttente = 0;
  }

  async terminer(comptes: Comptes): Promise<void> {
    await this.vider();
    // Sorting tens of millions of keys in memory rather than in temporary files (default 64 MB).
    await this.trx.raw("SET LOCAL maintenance_work_mem = '1GB'");
    for (const { indexdef } of this.index) await this.trx.raw(indexdef);
    await this.trx('generations').where({ id: this.generationId }).update(comptes);
    await this.trx.commit();
    // Statistics for the planner, and the visibility map that index-only scans need: otherwise
    // autovacuum does it over millions of rows while the gateway serves its first requests.
    await this.db.raw(`VACUUM (ANALYZE) ${TABLES_SYNTHETIQUES.join(', ')}`);
  }

  async annuler(): Promise<void> {
    if (!this.trx.isCompleted()) await this.trx.rollback();
  }
}

/** A value in COPY's text format: `\N` for null, t/f, and the four characters that delimit rows and fields escaped. */
function valeurCopy(valeur: unknown): string {
  if (valeur === null || valeur === undefined) return '\\N';
  if (typeof valeur === 'boolean') return valeur ? 't' : 'f';
  const texte = String(valeur);
  return /[\\\t\n\r]/.test(texte) ? texte.replace(/[\\\t\n\r]/g, (c) => ESCAPES_COPY[c]) : texte;
}

const ESCAPES_COPY: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
