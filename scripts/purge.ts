import { createDb, migrate } from '../src/db/knex';
import { purgerDonneesExpirees } from '../src/privacy/retention';

/** `npm run purge`: deletes journal entries, tokens, consents and shared counters past their retention period. */
export async function main(url = process.env.DATABASE_URL ?? 'sqlite:./data/apisation.sqlite'): Promise<number> {
  const db = createDb(url);
  try {
    await migrate(db);
    const bilan = await purgerDonneesExpirees(db);
    console.log(
      `Purge terminée : ${bilan.journal} entrée(s) du journal antérieures au ${bilan.limite_journal}, ` +
        `${bilan.jetons} jeton(s) expiré(s), ${bilan.consentements} consentement(s) expiré(s), ${bilan.etat_partage} compteur(s) et marque(s) de requête échus supprimés.`,
    );
    return 0;
  } catch (erreur) {
    console.error(`Purge interrompue : ${erreur instanceof Error ? erreur.message : String(erreur)}`);
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
