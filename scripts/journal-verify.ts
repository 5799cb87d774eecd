import { createDb, migrate } from '../src/db/knex';
import { type VerificationJournal, verifierJournal } from '../src/privacy/journal';

const RAISONS: Record<Exclude<VerificationJournal, { ok: true }>['raison'], string> = {
  altere: 'altérée',
  manquant: 'manquante',
  ordre: 'déplacée',
};

export function message(resultat: VerificationJournal): string {
  return resultat.ok
    ? `Journal intègre : ${resultat.entrees} entrée(s) vérifiée(s), chaîne de hachage continue.`
    : `Journal compromis : l'entrée n° ${resultat.sequence} est ${RAISONS[resultat.raison]}.`;
}

/** `npm run journal:verify`: recomputes the hash chain; exit code 1 names a compromised journal. */
export async function main(url = process.env.DATABASE_URL ?? 'sqlite:./data/apisation.sqlite'): Promise<number> {
  const db = createDb(url);
  try {
    await migrate(db);
    const resultat = await verifierJournal(db);
    (resultat.ok ? console.log : console.error)(message(resultat));
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
