/**
 * Generates the synthetic pupils (the simulated ONDE / SIÈCLE / bourses files).
 *   npx tsx scripts/generate.ts --departements 35 --seed 42
 *   npx tsx scripts/generate.ts --communes 35238,35288 --echelle 0.1 --seed 7
 *   npx tsx scripts/generate.ts --scale national --seed 42
 * Options: --aujourdhui AAAA-MM-JJ (default: today), --annuaire <csv> (imported first when
 * table etablissements is empty; default: the Ille-et-Vilaine export shipped in src/).
 * Database: DATABASE_URL (default sqlite:./data/apisation.sqlite), migrated first.
 */
import { FICHIER_ANNUAIRE_DEMO } from '../src/import/annuaire';
import { chargerConfig } from '../src/config';
import { createDb, migrate } from '../src/db/knex';
import { type BilanGeneration, genererDonnees, type OptionsGeneration } from '../src/synthetique/generer-donnees';
import { aujourdhui } from '../src/horloge';

const USAGE =
  'Usage : npx tsx scripts/generate.ts (--departements 35[,22…] | --communes 35238[,…] | --scale national) --seed <entier> [--echelle 0.1] [--aujourdhui AAAA-MM-JJ] [--annuaire fichier.csv]';

export function lireArguments(argv: string[], aujourdhui: string): OptionsGeneration {
  const valeurs = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const nom = argv[i];
    const valeur = argv[i + 1];
    if (!nom.startsWith('--') || valeur === undefined || valeur.startsWith('--')) throw new Error(`Argument inattendu : ${nom}`);
    valeurs.set(nom.slice(2), valeur);
    i++;
  }
  const connus = ['departements', 'communes', 'scale', 'seed', 'echelle', 'aujourdhui', 'annuaire'];
  const inconnu = [...valeurs.keys()].find((k) => !connus.includes(k));
  if (inconnu) throw new Error(`Option inconnue : --${inconnu}`);
  const liste = (nom: string) =>
    valeurs
      .get(nom)
      ?.split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  const departements = liste('departements');
  const communes = liste('communes');
  const scale = valeurs.get('scale');
  if (scale !== undefined && scale !== 'national') throw new Error('--scale accepte seulement « national »');
  if (!departements && !communes && scale !== 'national') throw new Error('Précisez --departements, --communes ou --scale national');
  const seed = Number(valeurs.get('seed'));
  if (!valeurs.has('seed') || !Number.isInteger(seed)) throw new Error('--seed <entier> est obligatoire');
  const echelle = valeurs.has('echelle') ? Number(valeurs.get('echelle')) : undefined;
  return {
    departements: scale === 'national' ? undefined : departements,
    communes: scale === 'national' ? undefined : communes,
    seed,
    echelle,
    aujourdhui: valeurs.get('aujourdhui') ?? aujourdhui,
    annuaire: valeurs.get('annuaire') ?? FICHIER_ANNUAIRE_DEMO,
  };
}

async function generer(options: OptionsGeneration, databaseUrl = chargerConfig().databaseUrl): Promise<BilanGeneration> {
  const db = createDb(databaseUrl);
  try {
    await migrate(db);
    return await genererDonnees(db, options);
  } finally {
    await db.destroy();
  }
}

async function main(argv: string[]): Promise<number> {
  let options: OptionsGeneration;
  try {
    options = lireArguments(argv, aujourdhui());
  } catch (erreur) {
    console.error(`${(erreur as Error).message}\n${USAGE}`);
    return 1;
  }
  const debut = Date.now();
  try {
    const bilan = await generer({ ...options, journal: (m) => console.log(`[${((Date.now() - debut) / 1000).toFixed(1)} s] ${m}`) });
    console.log(
      `Génération ${bilan.generationId} : ${bilan.communes} communes, ${bilan.eleves} élèves, ${bilan.responsables} responsables, ` +
        `${bilan.scolarites} scolarités, ${bilan.versions} versions de liste, ${bilan.publications} publications ` +
        `en ${((Date.now() - debut) / 1000).toFixed(1)} s`,
    );
    return 0;
  } catch (erreur) {
    console.error(`Génération impossible : ${(erreur as Error).message}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
