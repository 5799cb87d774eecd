import { createDb, migrate } from '../src/db/knex';
import { verifierJournal } from '../src/privacy/journal';
import { decrireVerification } from '../src/privacy/dpo';

/** `npm run journal:verify`: recomputes the hash chain; exit code 1 names a compromised journal. */
export async function main(url = process.env.DATABASE_URL ?? 'sqlite:./data/apisation.sqlite'): Promise<number> {
  const db = createDb(url);
  try {
    await migrate(db);
    const resultat = await verifierJournal(db);
    (resultat.ok ? console.log : console.error)(decrireVerification(resultat));
    return resultat.ok ? 0 : 1;
  } catch (erreur) {
    console.error(`Vérification impossible : ${erreur instanceof Error ? erreur.message : String(erreur)}`);
    return 1;
  } finally {
    await db.destroy();
  }
}

if (require.main === module) {
  void main().then((code) => {
    process.exitCode = code;
  });
}
