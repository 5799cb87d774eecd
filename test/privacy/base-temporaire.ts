import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type Db, migrate } from '../../src/db/knex';

/** A real, migrated SQLite database in its own temp directory. */
export async function baseTemporaire(): Promise<{ db: Db; url: string; fermer: () => Promise<void> }> {
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
