/**
 * Imports an export of the ministry's annuaire into the gateway's database.
 *   npx tsx scripts/import-annuaire.ts <fichier.csv>
 * Database: DATABASE_URL (default sqlite:./data/apisation.sqlite), migrated first.
 */
import fs from 'node:fs';
import { chargerConfig } from '../src/config';
import { createDb, migrate } from '../src/db/knex';
import { importerAnnuaire, type RapportImport } from '../src/import/annuaire';

const REJETS_AFFICHES = 20;

async function importerFichierAnnuaire(fichier: string, databaseUrl = chargerConfig().databaseUrl): Promise<RapportImport> {
  const db = createDb(databaseUrl);
  try {
    await migrate(db);
    return await importerAnnuaire(db, fichier);
  } finally {
    await db.destroy();
  }
}

function formaterRapport(rapport: RapportImport): string {
  const lignes = [
    `Établissements importés : ${rapport.importes}`,
    `Établissements mis à jour : ${rapport.mis_a_jour}`,
    `Établissements inchangés : ${rapport.inchanges}`,
    `Lignes rejetées : ${rapport.rejetes}`,
    ...rapport.rejets.slice(0, REJETS_AFFICHES).map((r) => `  ligne ${r.ligne}${r.uai ? ` (UAI ${r.uai})` : ''} : ${r.raison}`),
  ];
  if (rapport.rejets.length > REJETS_AFFICHES) lignes.push(`  … et ${rapport.rejets.length - REJETS_AFFICHES} autres rejets`);
  return lignes.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [fichier] = argv;
  if (!fichier) {
    console.error('Usage : npx tsx scripts/import-annuaire.ts <fichier.csv>');
    return 1;
  }
  try {
    await fs.promises.access(fichier, fs.constants.R_OK);
  } catch {
    console.error(`Impossible de lire le fichier ${fichier}`);
    return 1;
  }
  try {
    console.log(formaterRapport(await importerFichierAnnuaire(fichier)));
    return 0;
  } catch (erreur) {
    console.error(`Import impossible : ${(erreur as Error).message}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
