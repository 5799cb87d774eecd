/**
 * `npm run bench:liste`: the whole Rennes list of the API mairie in one response (NDJSON and CSV),
 * against 127.0.0.1 only, on the engine of DATABASE_URL (SQLite by default).
 *   1. builds (tsc) and seeds Rennes-only databases of that engine: one of ≈ 33 000 children (the
 *      demo's Rennes list: its last byte is timed), and unless BENCH_MEMOIRE=0 two of ≈ 1 000 and
 *      ≈ 50 000 children (peak RSS growth, the memory target);
 *   2. a single-process gateway (`dist/src/server.js`) per database, one at a time: after one
 *      download of each format to warm it up, BENCH_ESSAIS downloads of each format, alternated
 *      (last byte, and the server's CPU time per download), then its peak RSS (VmHWM);
 *   3. with BENCH_COMPARER=<directory of another build, its dist/ compiled> (e.g. an earlier
 *      commit's), that build's gateway too, alternated with this one over BENCH_TOURS rounds
 *      (default 2; the order flips each round), on the same databases; the bodies of both builds
 *      must be byte-identical (SHA-256), and the figures are given as ratios this/compared.
 * Options (environment): BENCH_ESSAIS (default 3), BENCH_TOURS, BENCH_MEMOIRE=0, BENCH_SANS_BUILD=1, BENCH_PORT,
 * BENCH_PROFIL=<directory>: this build's gateway on the timed database runs under `node --cpu-prof`
 * (profiles written there; `npx tsx scripts/bench/profil.ts <fichier>` summarises one).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RACINE } from '../../src/racine';
import { nouvelleBase } from '../../test/support/base';
import { baseRennes, jeton, mediane, telecharger } from './outils';
import { demarrer, memoire, tempsCpuArbreMs } from './processus';

/** Another port (BENCH_PORT) lets two runs, one per engine, go side by side. */
const PORT = Number(process.env.BENCH_PORT || 3120);
const LIMITE_BENCH = '1000000';
const ESSAIS = Number(process.env.BENCH_ESSAIS || 3);
const AVEC_MEMOIRE = process.env.BENCH_MEMOIRE !== '0';
const PROFIL = process.env.BENCH_PROFIL ? path.resolve(process.env.BENCH_PROFIL) : undefined;

type Format = 'ndjson' | 'csv';
const FORMATS: Format[] = ['ndjson', 'csv'];

interface Base {
  url: string;
  enfants: number;
  supprimer(): Promise<void>;
}

interface Variante {
  nom: string;
  script: string;
}

/** One round of one build: downloads of the timed list, and peak RSS on each database. */
interface Tour {
  ms: Record<Format, number[]>;
  cpuMs: Record<Format, number[]>;
  empreintes: Record<Format, Set<string>>;
  octets: Record<Format, number>;
  /** VmHWM after the timed downloads, MB. */
  picMo: number;
  /** Peak RSS on the small and the large database after NDJSON + CSV, MB. */
  picPetiteMo?: number;
  picGrandeMo?: number;
  charge: number;
}

const charge = () => os.loadavg()[0].toFixed(2);
const f = (x: number, d = 0) => x.toLocaleString('fr-FR', { minimumFractionDigits: d, maximumFractionDigits: d });

async function preparer(enfants: number): Promise<Base> {
  const base = await nouvelleBase();
  const t0 = Date.now();
  const n = await baseRennes(base.url, enfants);
  console.log(`  base de ${f(n)} enfants semée en ${f((Date.now() - t0) / 1000, 1)} s`);
  return { url: base.url, enfants: n, supprimer: base.supprimer };
}

let numeroServeur = 0;

async function avecPasserelle<T>(
  dossier: string,
  variante: Variante,
  base: Base,
  travail: (url: string, pid: number) => Promise<T>,
  argsNode: string[] = [],
): Promise<T> {
  const serveur = await demarrer(
    variante.script,
    { DATABASE_URL: base.url, PORT: String(PORT), WORKERS: '1', LIMITE_REQUETES_PAR_SECONDE: LIMITE_BENCH },
    path.join(dossier, `passerelle-${numeroServeur++}.log`),
    '/openapi.json',
    { argsNode },
  );
  try {
    return await travail(serveur.url, serveur.processus.pid!);
  } finally {
    await serveur.arreter();
  }
}

/** Peak RSS after one NDJSON download (warm-up), then NDJSON + CSV: what `npm run bench` reads. */
async function picApresTelechargements(url: string, pid: number): Promise<number> {
  const j = await jeton(url, 'demo-mairie-rennes', 'mairie:obligation-scolaire');
  await telecharger(url, j, 'ndjson');
  await telecharger(url, j, 'ndjson');
  await telecharger(url, j, 'csv');
  return memoire(pid).picMo;
}

async function tour(dossier: string, variante: Variante, chrono: Base, petite?: Base, grande?: Base): Promise<Tour> {
  const t: Tour = {
    ms: { ndjson: [], csv: [] },
    cpuMs: { ndjson: [], csv: [] },
    empreintes: { ndjson: new Set(), csv: new Set() },
    octets: { ndjson: 0, csv: 0 },
    picMo: 0,
    charge: os.loadavg()[0],
  };
  const profiler = PROFIL && variante.nom === 'cette version' ? ['--cpu-prof', `--cpu-prof-dir=${PROFIL}`, '--cpu-prof-interval=500'] : [];
  await avecPasserelle(
    dossier,
    variante,
    chrono,
    async (url, pid) => {
      const j = await jeton(url, 'demo-mairie-rennes', 'mairie:obligation-scolaire');
      for (const format of FORMATS) await telecharger(url, j, format);
      for (let i = 0; i < ESSAIS; i++) {
        for (const format of FORMATS) {
          const cpuAvant = tempsCpuArbreMs(pid);
          const r = await telecharger(url, j, format);
          t.cpuMs[format].push(tempsCpuArbreMs(pid) - cpuAvant);
          t.ms[format].push(r.ms);
          t.empreintes[format].add(r.empreinte);
          t.octets[format] = r.octets;
        }
      }
      t.picMo = memoire(pid).picMo;
    },
    profiler,
  );
  if (petite && grande) {
    t.picPetiteMo = await avecPasserelle(dossier, variante, petite, picApresTelechargements);
    t.picGrandeMo = await avecPasserelle(dossier, variante, grande, picApresTelechargements);
  }
  const croissance = t.picGrandeMo === undefined ? '' : `, pic de RSS ${f(t.picPetiteMo!)} → ${f(t.picGrandeMo)} Mo (+${f(t.picGrandeMo - t.picPetiteMo!, 1)})`;
  console.log(
    `  ${variante.nom} : NDJSON ${t.ms.ndjson.map((x) => f(x)).join(' ; ')} ms (CPU ${t.cpuMs.ndjson.map((x) => f(x)).join(' ; ')}), ` +
      `CSV ${t.ms.csv.map((x) => f(x)).join(' ; ')} ms (CPU ${t.cpuMs.csv.map((x) => f(x)).join(' ; ')}), pic ${f(t.picMo)} Mo${croissance} ; charge ${charge()}`,
  );
  return t;
}

interface Synthese {
  ms: Record<Format, number>;
  cpuMs: Record<Format, number>;
  picMo: number;
  croissanceMo?: number;
}

function synthese(tours: Tour[]): Synthese {
  const toutes = (choix: (t: Tour) => number[]) => mediane(tours.flatMap(choix));
  return {
    ms: { ndjson: toutes((t) => t.ms.ndjson), csv: toutes((t) => t.ms.csv) },
    cpuMs: { ndjson: toutes((t) => t.cpuMs.ndjson), csv: toutes((t) => t.cpuMs.csv) },
    picMo: toutes((t) => [t.picMo]),
    croissanceMo: tours[0].picGrandeMo === undefined ? undefined : toutes((t) => [t.picGrandeMo! - t.picPetiteMo!]),
  };
}

async function main(): Promise<void> {
  if (!process.env.BENCH_SANS_BUILD) {
    console.log('compilation (npm run build)…');
    execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: RACINE, stdio: 'inherit' });
  }
  const variantes: Variante[] = [{ nom: 'cette version', script: path.join(RACINE, 'dist', 'src', 'server.js') }];
  if (process.env.BENCH_COMPARER)
    variantes.unshift({ nom: 'comparée', script: path.join(path.resolve(process.env.BENCH_COMPARER), 'dist', 'src', 'server.js') });
  const tours = variantes.length > 1 ? Number(process.env.BENCH_TOURS || 2) : Number(process.env.BENCH_TOURS || 1);
  const moteur = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '') ? 'PostgreSQL' : 'SQLite';
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'apisation-bench-liste-'));
  if (PROFIL) fs.mkdirSync(PROFIL, { recursive: true });
  const bases: Base[] = [];
  try {
    console.log(`bases ${moteur} ne contenant que Rennes (charge ${charge()}) :`);
    const chrono = await preparer(33_233);
    bases.push(chrono);
    const [petite, grande] = AVEC_MEMOIRE ? [await preparer(1_000), await preparer(50_000)] : [];
    if (petite && grande) bases.push(petite, grande);

    console.log(
      `\nliste entière de Rennes (${f(chrono.enfants)} enfants), ${ESSAIS} téléchargements par format et par tour après un d'échauffement, une connexion, WORKERS=1 :`,
    );
    const parVariante = new Map<string, Tour[]>(variantes.map((v) => [v.nom, []]));
    for (let n = 0; n < tours; n++) {
      console.log(`tour ${n + 1}`);
      const ordre = n % 2 === 0 ? variantes : [...variantes].reverse();
      for (const v of ordre) parVariante.get(v.nom)!.push(await tour(dossier, v, chrono, petite, grande));
    }

    const syntheses = new Map(variantes.map((v) => [v.nom, synthese(parVariante.get(v.nom)!)]));
    console.log(`\nmédianes (${moteur}, ${f(chrono.enfants)} enfants ; charge à la fin ${charge()}) :`);
    const comparer = variantes.length > 1;
    console.log(`| Mesure | ${variantes.map((v) => v.nom).join(' | ')}${comparer ? ' | rapport' : ''} |`);
    console.log(`|---|${variantes.map(() => '---:|').join('')}${comparer ? '---:|' : ''}`);
    const ligne = (nom: string, valeur: (s: Synthese) => number | undefined, unite: string, d = 0) => {
      const valeurs = variantes.map((v) => valeur(syntheses.get(v.nom)!));
      if (valeurs.some((x) => x === undefined)) return;
      const rapport = comparer ? ` | ×${(valeurs[1]! / valeurs[0]!).toFixed(2)}` : '';
      console.log(`| ${nom} | ${valeurs.map((x) => `${f(x!, d)} ${unite}`).join(' | ')}${rapport} |`);
    };
    for (const format of FORMATS) {
      const nom = format === 'ndjson' ? 'NDJSON' : 'CSV';
      ligne(`${nom} : dernier octet (cible ≤ 1 s)`, (s) => s.ms[format], 'ms');
      ligne(`${nom} : CPU du serveur par téléchargement`, (s) => s.cpuMs[format], 'ms');
    }
    ligne(`pic de RSS (VmHWM) après ${ESSAIS * 2 + 2} téléchargements`, (s) => s.picMo, 'Mo');
    if (petite && grande)
      ligne(`croissance du pic de RSS de ${f(petite.enfants)} à ${f(grande.enfants)} enfants (cible < 50 Mo)`, (s) => s.croissanceMo, 'Mo', 1);

    for (const format of FORMATS) {
      const empreintes = new Set(variantes.flatMap((v) => parVariante.get(v.nom)!.flatMap((t) => [...t.empreintes[format]])));
      const octets = parVariante.get(variantes[0].nom)![0].octets[format];
      if (empreintes.size !== 1) {
        console.error(
          `${format} : ${empreintes.size} contenus différents (les octets devaient être identiques d'un téléchargement et d'une version à l'autre)`,
        );
        process.exitCode = 1;
      } else {
        console.log(
          `${format} : ${f(octets / 1e6, 1)} Mo, octets identiques dans tous les téléchargements${comparer ? ' des deux versions' : ''} (SHA-256 ${[...empreintes][0].slice(0, 16)}…)`,
        );
      }
    }
    if (PROFIL) console.log(`\nprofils : ${PROFIL}`);
  } catch (err) {
    // The servers' logs say why a download failed.
    console.error(`journaux des passerelles gardés dans ${dossier}`);
    throw err;
  } finally {
    for (const b of bases) await b.supprimer();
  }
  fs.rmSync(dossier, { recursive: true, force: true });
}

main().catch((err: Error) => {
  console.error(`banc de la liste interrompu : ${err.message}`);
  process.exitCode = 1;
});
