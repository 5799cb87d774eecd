import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type Db, migrate } from '../../src/db/knex';

/**
 * A real, migrated, empty database of its own: a SQLite file in a temp directory, or — when
 * DATABASE_URL names a PostgreSQL server — a fresh schema on it, dropped afterwards.
 */
export async function baseTemporaire(): Promise<{ db: Db; url: string; fermer: () => Promise<void> }> {
  const serveur = process.env.DATABASE_URL;
  if (serveur && /^postgres(ql)?:\/\//.test(serveur)) {
    const schema = `privacy_${randomBytes(6).toString('hex')}`;
    const admin = createDb(serveur);
    await admin.raw(`create schema ${schema}`);
    const adresse = new URL(serveur);
    adresse.searchParams.set('options', `-c search_path=${schema}`);
    const url = adresse.toString();
    const db = createDb(url);
    await migrate(db);
    return {
      db,
      url,
      fermer: async () => {
        await db.destroy();
        await admin.raw(`drop schema if exists ${schema} cascade`);
        await admin.destroy();
      },
    };
  }
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'apisation-privacy-'));
  const url = `sqlite:${path.join(dossier, 'test.sqlite')}`;
  const db = createDb(url);
  await migrate(db);
  return {
    db,
    url,
    fermer: async () => {
      await db.destroy();
      fs.rmSync(dossier, { recursive: true, force: true });
    },
  };
}
