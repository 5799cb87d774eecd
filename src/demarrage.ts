import type { Config } from './config';
import { createDb, migrate, type Db } from './db/knex';
import { clientsDemoPresents, semerRegistreDemo } from './demo/demo';
import { journalApplicatif } from './http/journal-applicatif';
import { chargerPolitique } from './registry/politique';

/** Schema, then policy, then (outside production, on an empty registry) the demo data. */
export async function preparerBase(config: Config, options: { demo?: boolean } = {}): Promise<Db> {
  const db = createDb(config.databaseUrl);
  try {
    await migrate(db);
    await chargerPolitique(db);
    if (config.production) {
      const demo = await clientsDemoPresents(db);
      if (demo.length > 0) {
        throw new Error(`Refus de démarrer en production : des clients de démonstration sont actifs (${demo.join(', ')}). Renouvelez leur secret ou désactivez-les.`);
      }
    } else if (options.demo !== false && (await semerRegistreDemo(db))) {
      journalApplicatif.info('registre de démonstration créé (identifiants dans README.md)');
    }
    return db;
  } catch (err) {
    await db.destroy();
    throw err;
  }
}
