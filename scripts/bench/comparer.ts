/**
 * `npm run bench:comparer`: two builds of the gateway measured in alternation in one run, against
 * 127.0.0.1 only, in the process model of WORKERS (default 2) — the before/after of a change on a
 * shared machine. BENCH_COMPARER=<directory of another build, its dist/ compiled> is the first
 * (e.g. an earlier commit's sources, `git archive`), this build the second. Each build seeds its own
 * Rennes-only demo database (scale 0.1) with its own migrations, on the engine of DATABASE_URL;
 * then, BENCH_TOURS times (default 3), each build is started and loaded on token issuance, the
 * scolarité statut, the mairie 304 and the annuaire, BENCH_DUREE s each at BENCH_CONNEXIONS.
 * Per scenario: requests/s, p99, the gateway's CPU time per response, and on PostgreSQL the CPU
 * time of the server processes serving that database and the statements sent per response, by
 * SQL text (counted in the gateway by scripts/bench/compter-instructions.ts). Medians of the rounds.
 * Options (environment): BENCH_SCENARIOS (jeton,statut,304,annuaire), BENCH_SANS_BUILD=1.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RACINE } from '../../src/racine';
import { createDb, isPostgres } from '../../src/db/knex';
import { nouvelleBase } from '../../test/support/base';
import { basic, identites, jeton, mesurer } from './outils';
import { demarrer } from './processus';

const RENNES = '35238';
const PORT = 3130;
const WORKERS = process.env.WORKERS || '2';
const TOURS = Number(process.env.BENCH_TOURS || 3);
const SCENARIOS = (process.env.BENCH_SCENARIOS || 'jeton,statut,304,annuaire').split(',');

interface Resultat {
  build: string;
  scenario: string;
  rps: number;
  p99: number;
  cpuUs: number;
  pgUs: number;
  instructions: number;
  charge: number;
}

/** CPU time of a process so far, in ms (Linux, 10 ms ticks). */
function tempsCpuMs(pid: number): number {
  const champs = fs
    .readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /s, '')
    .split(' ');
  return (Number(champs[11]) + Number(champs[12])) * 10;
}

/** CPU time of the PostgreSQL server processes serving `nomBase` (their title names it), by pid. */
function tempsCpuServeurPg(nomBase: string): Map<number, number> {
  const temps = new Map<number, number>();
  for (const entree of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entree)) continue;
    try {
      const titre = fs.readFileSync(`/proc/${entree}/cmdline`, 'utf8');
      if (titre.startsWith('postgres: ') && titre.includes(` ${nomBase} `)) temps.set(Number(entree), tempsCpuMs(Number(entree)));
    } catch {
      // gone meanwhile
    }
  }
  return temps;
}

function instructionsEnvoyees(dossier: string): Record<string, number> {
  const total: Record<string, number> = {};
  for (const f of fs.readdirSync(dossier).filter((f) => f.endsWith('.json'))) {
    for (const [sql, n] of Object.entries(JSON.parse(fs.readFileSync(path.join(dossier, f), 'utf8')) as Record<string, number>))
      total[sql] = (total[sql] ?? 0) + n;
  }
  return total;
}

const attendre = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mediane = (v: number[]) => {
  const t = [...v].sort((a, b) => a - b);
  return t.length % 2 ? t[(t.length - 1) / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2;
};

async function main(): Promise<void> {
  if (!process.env.BENCH_COMPARER) throw new Error('BENCH_COMPARER=<dossier d’une autre version compilée> est requis');
  if (!process.env.BENCH_SANS_BUILD) execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: RACINE, stdio: 'inherit' });
  const builds: Array<[string, string]> = [
    ['comparée', path.resolve(process.env.BENCH_COMPARER)],
    ['cette version', RACINE],
  ];
  const bases = new Map<string, { url: string; supprimer: () => Promise<void> }>();
  const resultats: Resultat[] = [];
  let postgres: boolean;
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'apisation-comparer-'));
  try {
    for (const [nom, racine] of builds) {
      const base = await nouvelleBase();
      bases.set(nom, base);
      // Each build seeds with its own code: its migrations may differ.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { chargerConfig } = require(path.join(racine, 'dist', 'src', 'config.js'));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { preparerBase } = require(path.join(racine, 'dist', 'src', 'demarrage.js'));
      const db = await preparerBase(chargerConfig({ NODE_ENV: 'test', DATABASE_URL: base.url }), { perimetreDemo: { communes: [RENNES], echelle: 0.1 } });
      await db.destroy();
    }
    const db = createDb(bases.get('comparée')!.url);
    postgres = isPostgres(db);
    const chemins = await identites(db, 500);
    const uai = (await db('etablissements').where({ code_commune: RENNES, type: 'lycee' }).orderBy('uai').first('uai')).uai as string;
    await db.destroy();
    console.log(`${builds[0][1]} contre cette version, WORKERS=${WORKERS}, ${TOURS} tours alternés :`);

    for (let tour = 1; tour <= TOURS; tour++) {
      for (const [nom, racine] of tour % 2 ? builds : [...builds].reverse()) {
        const base = bases.get(nom)!;
        const nomBase = new URL(base.url).pathname.slice(1);
        const comptes = fs.mkdtempSync(path.join(dossier, 'instructions-'));
        const serveur = await demarrer(
          path.join(racine, 'dist', 'src', 'server.js'),
          { DATABASE_URL: base.url, PORT: String(PORT), WORKERS, LIMITE_REQUETES_PAR_SECONDE: '1000000', INSTRUCTIONS_DOSSIER: comptes },
          path.join(dossier, `${nom}.log`),
          '/health',
          { argsNode: postgres ? ['--require', path.join(RACINE, 'dist', 'scripts', 'bench', 'compter-instructions.js')] : [] },
        );
        try {
          const url = serveur.url;
          const jetonCaf = await jeton(url, 'demo-caf-35', 'scolarite:statut');
          const jetonMairie = await jeton(url, 'demo-mairie-rennes', 'mairie:obligation-scolaire');
          const page = `${url}/api-mairie/v1/communes/${RENNES}/enfants-soumis-obligation?limit=1000`;
          const etag = (await fetch(page, { headers: { Authorization: `Bearer ${jetonMairie}` } })).headers.get('etag')!;
          let i = 0;
          const scenarios: Record<string, [Record<string, unknown>, number]> = {
            jeton: [
              {
                url: `${url}/oauth/token`,
                method: 'POST',
                headers: { Authorization: basic('demo-caf-35'), 'Content-Type': 'application/x-www-form-urlencoded' },
                body: 'grant_type=client_credentials&scope=scolarite%3Astatut',
              },
              200,
            ],
            statut: [
              {
                url,
                headers: { Authorization: `Bearer ${jetonCaf}` },
                requests: [{ method: 'GET', setupRequest: (req: object) => ({ ...req, path: chemins[i++ % chemins.length] }) }],
              },
              200,
            ],
            '304': [{ url: page, headers: { Authorization: `Bearer ${jetonMairie}`, 'If-None-Match': etag } }, 304],
            annuaire: [{ url: `${url}/api-ecole/v1/etablissements/${uai}` }, 200],
          };
          for (const scenario of SCENARIOS) {
            await attendre(700);
            const avant = instructionsEnvoyees(comptes);
            const pgAvant = tempsCpuServeurPg(nomBase);
            const m = await mesurer(`${nom}, tour ${tour} : ${scenario}`, scenarios[scenario][0], scenarios[scenario][1], serveur.processus.pid!);
            let pgMs = 0;
            for (const [pid, ms] of tempsCpuServeurPg(nomBase)) pgMs += ms - (pgAvant.get(pid) ?? 0);
            await attendre(700);
            const parSql = Object.entries(instructionsEnvoyees(comptes))
              .map(([sql, n]) => [sql, (n - (avant[sql] ?? 0)) / m.total] as const)
              .filter(([, n]) => n >= 0.01)
              .sort((a, b) => b[1] - a[1]);
            const instructions = parSql.reduce((s, [, n]) => s + n, 0);
            if (postgres) {
              console.log(`    PostgreSQL : ${((pgMs * 1000) / m.total).toFixed(0)} µs de CPU et ${instructions.toFixed(2)} instructions par réponse`);
              for (const [sql, n] of parSql.slice(0, 8)) console.log(`      ${n.toFixed(2)}  ${sql}`);
            }
            resultats.push({
              build: nom,
              scenario,
              rps: m.rps,
              p99: m.p99,
              cpuUs: m.cpuUs ?? NaN,
              pgUs: (pgMs * 1000) / m.total,
              instructions,
              charge: m.charge,
            });
          }
        } finally {
          await serveur.arreter();
        }
      }
    }
  } finally {
    for (const base of bases.values()) await base.supprimer();
    fs.rmSync(dossier, { recursive: true, force: true });
  }
  console.log(`\nmédianes des ${TOURS} tours (les instructions par réponse comptent aussi celles des requêtes encore en vol à la fin de chaque mesure) :\n`);
  console.log('| Scénario | version | req/s | p99 (ms) | CPU passerelle / réponse | CPU PostgreSQL / réponse | instructions / réponse | charge (1 min) |');
  console.log('|---|---|---:|---:|---:|---:|---:|---|');
  for (const scenario of SCENARIOS) {
    for (const [nom] of [['comparée'], ['cette version']]) {
      const rs = resultats.filter((r) => r.scenario === scenario && r.build === nom);
      const med = (f: (r: Resultat) => number) => mediane(rs.map(f));
      console.log(
        `| ${scenario} | ${nom} | ${med((r) => r.rps).toFixed(0)} | ${med((r) => r.p99)} | ${med((r) => r.cpuUs).toFixed(0)} µs | ${postgres ? `${med((r) => r.pgUs).toFixed(0)} µs` : '—'} | ${postgres ? med((r) => r.instructions).toFixed(2) : '—'} | ${rs.map((r) => r.charge.toFixed(1)).join(' ; ')} |`,
      );
    }
  }
}

main().catch((err: Error) => {
  console.error(`comparaison interrompue : ${err.message}`);
  process.exitCode = 1;
});
