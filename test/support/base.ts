import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import knex from 'knex';
import { createDb, type Db, migrate } from '../../src/db/knex';

/**
 * A fresh, empty database for one test file: a SQLite file in a temp dir, or — when
 * DATABASE_URL is a PostgreSQL URL — a new database on that server, dropped afterwards.
 */
export async function nouvelleBase(): Promise<{ url: string; supprimer: () => Promise<void> }> {
  const racine = process.env.DATABASE_URL;
  if (racine && /^postgres(ql)?:\/\//.test(racine)) {
    const nom = `apisation_test_${randomBytes(6).toString('hex')}`;
    const admin = knex({ client: 'pg', connection: racine, pool: { min: 0, max: 1 } });
    await admin.raw(`create database ${nom}`);
    await admin.destroy();
    const url = new URL(racine);
    url.pathname = `/${nom}`;
    return {
      url: url.toString(),
      supprimer: async () => {
        const a = knex({ client: 'pg', connection: racine, pool: { min: 0, max: 1 } });
        await a.raw(`drop database if exists ${nom} with (force)`);
        await a.destroy();
      },
    };
  }
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'apisation-test-'));
  return {
    url: `sqlite:${path.join(dossier, 'test.sqlite')}`,
    supprimer: async () => fs.rmSync(dossier, { recursive: true, force: true }),
  };
}

/**
 * A fresh database opened with the gateway's own `createDb`, migrated unless told otherwise; `url`
 * opens it again (another process, a script); `fermer` closes and drops it.
 */
export async function ouvrirBase(options: { migrer?: boolean } = {}): Promise<{ db: Db; url: string; fermer: () => Promise<void> }> {
  const base = await nouvelleBase();
  const db = createDb(base.url);
  if (options.migrer ?? true) await migrate(db);
  return {
    db,
    url: base.url,
    fermer: async () => {
      await db.destroy();
      await base.supprimer();
    },
  };
}
