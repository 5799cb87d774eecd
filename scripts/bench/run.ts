/**
 * `npm run bench`: the gateway's figures, in one run, against 127.0.0.1 only.
 *   1. builds (tsc), starts the baseline (bare express 4 "hello", scripts/bench/bonjour.ts) and
 *      the gateway (dist/src/server.js) as child processes in the same process model (WORKERS);
 *   2. the gateway seeds the demo (Ille-et-Vilaine) into a temporary database: a SQLite file, or
 *      with DATABASE_URL=postgres://… a database created on that server and dropped at the end;
 *   3. autocannon (programmatic API) measures each route for BENCH_DUREE seconds at
 *      BENCH_CONNEXIONS connections; the mairie list is downloaded whole (NDJSON and CSV in one
 *      streamed response each, and JSON pages following Link);
 *   4. the list's memory: two single-process gateways on Rennes-only databases (same engine) of
 *      ≈ 1 000 and ≈ 50 000 children, peak RSS (VmHWM) read from /proc after the downloads;
 *   5. prints a table and rewrites the generated part of docs/benchmarks.md for this engine and
 *      process model (one part per pair: SQLite with WORKERS=1, PostgreSQL with WORKERS=2…).
 * Options (environment): BENCH_DUREE (s, default 8), BENCH_CONNEXIONS (default 50), WORKERS
 * (default 1), DATABASE_URL (postgres://… : the server on which the temporary databases are
 * created; default SQLite), BENCH_SANS_BUILD=1 (reuse dist/).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, isPostgres } from '../../src/db/knex';
import { RACINE } from '../../src/racine';
import { nouvelleBase } from '../../test/support/base';
import { baseRennes, basic, CONNEXIONS, DUREE_S, identites, jeton, mediane, mesurer, RENNES, telecharger, type FormatListe } from './outils';
import { demarrer, memoire, type ServeurEnfant } from './processus';
import { ecrireRapport, type Mesure, type MesureListe, type MesureMemoire, type Rapport } from './rapport';

/** The gateway's default on SQLite (src/server.ts); the baseline runs in the same model. */
const WORKERS = String(process.env.WORKERS || 1);
/** The per-habilitation limit (20/s in production) would measure the 429 path, not the route. */
const LIMITE_BENCH = '1000000';
const PORT_BASE = 3100;
const PORT_PASSERELLE = 3101;
const PORT_MEMOIRE = 3102;
const REFERENCE_DEBUT = 'référence : express « bonjour » (début)';
const REFERENCE_FIN = 'référence : express « bonjour » (fin)';

async function mesurerListe(url: string, jetonMairie: string, format: FormatListe, essais = 3): Promise<MesureListe> {
  const runs = [];
  for (let i = 0; i < essais; i++) runs.push(await telecharger(url, jetonMairie, format));
  const m = { format, ms: mediane(runs.map((r) => r.ms)), octets: runs[0].octets, pages: runs[0].pages, enfants: runs[0].enfants, charge: os.loadavg()[0] };
  console.log(
    `  liste de Rennes (${format}) : ${m.enfants} enfants, ${m.pages} page(s), ${(m.octets / 1e6).toFixed(1)} Mo, dernier octet en ${m.ms.toFixed(0)} ms (médiane de ${essais})`,
  );
  return m;
}

async function mesurerMemoire(dossier: string, script: string, cible: number): Promise<MesureMemoire> {
  const base = await nouvelleBase();
  const enfants = await baseRennes(base.url, cible);
  const serveur = await demarrer(
    script,
    { DATABASE_URL: base.url, PORT: String(PORT_MEMOIRE), WORKERS: '1', LIMITE_REQUETES_PAR_SECONDE: LIMITE_BENCH },
    path.join(dossier, `passerelle-${cible}.log`),
    '/openapi.json',
  );
  try {
    const pid = serveur.processus.pid!;
    const jetonMairie = await jeton(serveur.url, 'demo-mairie-rennes', 'mairie:obligation-scolaire');
    // The whole-list representations, which stream; a JSON page holds at most 1 000 children whatever the list.
    await telecharger(serveur.url, jetonMairie, 'ndjson');
    const avant = memoire(pid);
    const json = await telecharger(serveur.url, jetonMairie, 'ndjson');
    const csv = await telecharger(serveur.url, jetonMairie, 'csv');
    const apres = memoire(pid);
    const m = {
      cible,
      enfants,
      rssAvantMo: avant.rssMo,
      picAvantMo: avant.picMo,
      picApresMo: apres.picMo,
      rssApresMo: apres.rssMo,
      jsonMs: json.ms,
      csvMs: csv.ms,
    };
    console.log(
      `  ${enfants} enfants : RSS ${m.rssAvantMo.toFixed(0)} Mo après une première lecture, pic (VmHWM) ${m.picApresMo.toFixed(0)} Mo après NDJSON + CSV complets`,
    );
    return m;
  } finally {
    await serveur.arreter();
    await base.supprimer();
  }
}

/** `SQLite`, or the PostgreSQL server's version (e.g. `PostgreSQL 15.14`). */
async function moteurDe(url: string): Promise<string> {
  const db = createDb(url);
  try {
    if (!isPostgres(db)) return 'SQLite';
    const { rows } = (await db.raw('show server_version')) as { rows: Array<{ server_version: string }> };
    return `PostgreSQL ${rows[0].server_version.split(' ')[0]}`;
  } finally {
    await db.destroy();
  }
}

async function main(): Promise<void> {
  const debut = new Date();
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'apisation-bench-'));
  if (!process.env.BENCH_SANS_BUILD) {
    console.log('compilation (npm run build)…');
    execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: RACINE, stdio: 'inherit' });
  }
  const scriptPasserelle = path.join(RACINE, 'dist', 'src', 'server.js');
  const scriptBase = path.join(RACINE, 'dist', 'scripts', 'bench', 'bonjour.js');
  const baseDeDonnees = await nouvelleBase();
  const serveurs: ServeurEnfant[] = [];
  try {
    const moteur = await moteurDe(baseDeDonnees.url);
    console.log(`passerelle : WORKERS=${WORKERS}, base ${moteur} temporaire, semis de la démonstration (Ille-et-Vilaine)…`);
    const t0 = Date.now();
    const passerelle = await demarrer(
      scriptPasserelle,
      { DATABASE_URL: baseDeDonnees.url, PORT: String(PORT_PASSERELLE), WORKERS, LIMITE_REQUETES_PAR_SECONDE: LIMITE_BENCH },
      path.join(dossier, 'passerelle.log'),
      '/openapi.json',
    );
    serveurs.push(passerelle);
    const semisS = (Date.now() - t0) / 1000;
    console.log(`  prête en ${semisS.toFixed(1)} s (semis compris)`);
    const base = await demarrer(scriptBase, { PORT: String(PORT_BASE), WORKERS }, path.join(dossier, 'bonjour.log'), '/bonjour');
    serveurs.push(base);

    const db = createDb(baseDeDonnees.url);
    const chemins = await identites(db, 2000);
    const uai = (await db('etablissements').where({ code_commune: RENNES, type: 'lycee' }).orderBy('uai').first('uai')).uai as string;
    await db.destroy();

    const jetonCaf = await jeton(passerelle.url, 'demo-caf-35', 'scolarite:statut');
    const jetonMairie = await jeton(passerelle.url, 'demo-mairie-rennes', 'mairie:obligation-scolaire');
    const page = `/api-mairie/v1/communes/${RENNES}/enfants-soumis-obligation?limit=1000`;
    const etag = (await fetch(passerelle.url + page, { headers: { Authorization: `Bearer ${jetonMairie}` } })).headers.get('etag');
    if (!etag) throw new Error('la page de liste n’a pas d’ETag');

    console.log(`\nrequêtes (${CONNEXIONS} connexions, ${DUREE_S} s chacune) :`);
    let i = 0;
    const mesures: Array<Omit<Mesure, 'ratio'>> = [];
    const pidBase = base.processus.pid!;
    const pid = passerelle.processus.pid!;
    // The baseline at the start and at the end: on a shared machine it drifts, its mean is the 100 %.
    mesures.push(await mesurer(REFERENCE_DEBUT, { url: `${base.url}/bonjour` }, 200, pidBase));
    // The gateway's fixed cost: its middleware stack (security headers, request id, access log) and tsoa around a route without the database.
    mesures.push(await mesurer('passerelle : /health (intergiciels, tsoa, sans base)', { url: `${passerelle.url}/health` }, 200, pid));
    mesures.push(
      await mesurer(
        'émission de jeton (client_credentials)',
        {
          url: `${passerelle.url}/oauth/token`,
          method: 'POST',
          headers: { Authorization: basic('demo-caf-35'), 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=client_credentials&scope=scolarite%3Astatut',
        },
        200,
        pid,
      ),
    );
    mesures.push(await mesurer('annuaire : un établissement', { url: `${passerelle.url}/api-ecole/v1/etablissements/${uai}` }, 200, pid));
    mesures.push(
      await mesurer(
        'API scolarité : statut (journalisé, masqué)',
        {
          url: passerelle.url,
          headers: { Authorization: `Bearer ${jetonCaf}` },
          requests: [{ method: 'GET', setupRequest: (req: object) => ({ ...req, path: chemins[i++ % chemins.length] }) }],
        },
        200,
        pid,
      ),
    );
    mesures.push(
      await mesurer(
        'API mairie : revalidation 304 d’une page',
        {
          url: passerelle.url + page,
          headers: { Authorization: `Bearer ${jetonMairie}`, 'If-None-Match': etag },
        },
        304,
        pid,
      ),
    );
    mesures.push(await mesurer(REFERENCE_FIN, { url: `${base.url}/bonjour` }, 200, pidBase));
    const references = mesures.filter((m) => m.nom === REFERENCE_DEBUT || m.nom === REFERENCE_FIN);
    const reference = references.reduce((s, m) => s + m.rps, 0) / references.length;
    const cpuReference = references.reduce((s, m) => s + (m.cpuUs ?? NaN), 0) / references.length;
    const requetes: Mesure[] = mesures.map((m) => ({ ...m, ratio: m.rps / reference, ratioCpu: (m.cpuUs ?? NaN) / cpuReference }));

    console.log('\nliste complète de Rennes (téléchargements successifs, une connexion) :');
    const listes = [
      await mesurerListe(passerelle.url, jetonMairie, 'ndjson'),
      await mesurerListe(passerelle.url, jetonMairie, 'csv'),
      await mesurerListe(passerelle.url, jetonMairie, 'json', 1),
    ];
    for (const s of serveurs.splice(0)) await s.arreter();

    console.log('\nmémoire de la passerelle (un processus, bases ne contenant que Rennes) :');
    const memoires = [await mesurerMemoire(dossier, scriptPasserelle, 1_000), await mesurerMemoire(dossier, scriptPasserelle, 50_000)];

    const rapport: Rapport = {
      date: debut,
      moteur,
      workers: Number(WORKERS),
      connexions: CONNEXIONS,
      dureeS: DUREE_S,
      limite: LIMITE_BENCH,
      semisS,
      requetes,
      listes,
      memoires,
    };
    const fichierRapport = ecrireRapport(rapport);
    console.log(`\n${path.relative(RACINE, fichierRapport)} mis à jour (${((Date.now() - debut.getTime()) / 1000).toFixed(0)} s au total)`);
  } finally {
    for (const s of serveurs) await s.arreter();
    await baseDeDonnees.supprimer();
    fs.rmSync(dossier, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  console.error(`banc de mesure interrompu : ${err.message}`);
  process.exitCode = 1;
});
