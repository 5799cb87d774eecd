/**
 * `npm run bench:intergiciels`: what each part of the request path costs, against 127.0.0.1 only.
 *   1. /health at BENCH_CONNEXIONS connections on bare express, then with the gateway's
 *      middlewares added one at a time, then on the gateway itself (tsoa's router): requests/s
 *      and ratio to bare express "bonjour" measured in the same run (at its start and its end);
 *   2. three gateway routes: the annuaire (no token), the mairie 304 (two @Security
 *      alternatives) and the scolarité statut (five alternatives, journaled);
 *   3. the time spent in each express layer at one connection (no queueing), median per request.
 * One server at a time, as a child process (scripts/bench/intergiciels-serveur.ts), on a
 * temporary Rennes-only demo database: SQLite, or a database created on the PostgreSQL server
 * of DATABASE_URL and dropped at the end.
 * Options (environment): BENCH_DUREE (s, default 8), BENCH_CONNEXIONS (default 50), BENCH_SANS_BUILD=1.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chargerConfig } from '../../src/config';
import { preparerBase } from '../../src/demarrage';
import { RACINE } from '../../src/racine';
import { nouvelleBase } from '../../test/support/base';
import { CONNEXIONS, DUREE_S, identites, jeton, mesurer } from './outils';
import { demarrer } from './processus';

const PORT = 3110;
const RENNES = '35238';
const LIMITE_BENCH = '1000000';
const SCRIPT_SERVEUR = path.join(RACINE, 'dist', 'scripts', 'bench', 'intergiciels-serveur.js');
const SCRIPT_BONJOUR = path.join(RACINE, 'dist', 'scripts', 'bench', 'bonjour.js');

interface Etape {
  nom: string;
  n: number;
  moyenneUs: number;
  medianeUs: number;
}

interface Ligne {
  nom: string;
  rps: number;
  p50: number;
  p99: number;
}

const attendre = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  if (!process.env.BENCH_SANS_BUILD) {
    console.log('compilation (npm run build)…');
    execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: RACINE, stdio: 'inherit' });
  }
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'apisation-intergiciels-'));
  const base = await nouvelleBase();
  try {
    console.log(`base temporaire (${base.url.split(':')[0]}) : Rennes seule, échelle 0,1…`);
    const config = chargerConfig({ NODE_ENV: 'test', DATABASE_URL: base.url });
    const db = await preparerBase(config, { perimetreDemo: { communes: [RENNES], echelle: 0.1 } });
    const chemins = await identites(db, 500);
    const uai = (await db('etablissements').where({ code_commune: RENNES, type: 'lycee' }).orderBy('uai').first('uai')).uai as string;
    await db.destroy();

    let n = 0;
    const lancer = (script: string, env: Record<string, string>, argsNode: string[] = []) =>
      demarrer(script, { PORT: String(PORT), WORKERS: '1', ...env }, path.join(dossier, `serveur-${n++}.log`), env.COUCHES === 'passerelle' ? '/health' : script === SCRIPT_BONJOUR ? '/bonjour' : '/health', { argsNode });
    const passerelle = { COUCHES: 'passerelle', DATABASE_URL: base.url, LIMITE_REQUETES_PAR_SECONDE: LIMITE_BENCH };
    const url = `http://127.0.0.1:${PORT}`;

    const lignes: Ligne[] = [];
    const mesurerSur = async (nom: string, script: string, env: Record<string, string>, options: Record<string, unknown>, attendu = 200) => {
      const s = await lancer(script, env);
      try {
        lignes.push(await mesurer(nom, options, attendu));
      } finally {
        await s.arreter();
      }
    };

    console.log(`\n/health, intergiciels ajoutés un à un (${CONNEXIONS} connexions, ${DUREE_S} s chacun) :`);
    await mesurerSur('référence : express « bonjour » (début)', SCRIPT_BONJOUR, {}, { url: `${url}/bonjour` });
    const cumul: string[] = [];
    await mesurerSur('express nu, route /health', SCRIPT_SERVEUR, { COUCHES: '' }, { url: `${url}/health` });
    for (const [couche, libelle] of [
      ['identifiant', '+ identifiant de requête'],
      ['journal', '+ journal d’accès (pino)'],
      ['securite', '+ en-têtes de sécurité'],
      ['jeton-url', '+ refus du jeton dans l’URL'],
      ['json', '+ exigerJson, express.json'],
    ]) {
      cumul.push(couche);
      await mesurerSur(libelle, SCRIPT_SERVEUR, { COUCHES: cumul.join(',') }, { url: `${url}/health` });
    }
    await mesurerSur('passerelle : /health (+ routeur tsoa)', SCRIPT_SERVEUR, passerelle, { url: `${url}/health` });

    console.log(`\nroutes de la passerelle :`);
    const s = await lancer(SCRIPT_SERVEUR, passerelle);
    let etag: string;
    let jetonMairie: string;
    let jetonCaf: string;
    const page = `/api-mairie/v1/communes/${RENNES}/enfants-soumis-obligation?limit=1000`;
    let i = 0;
    const routes = () => ({
      annuaire: { url: `${url}/api-ecole/v1/etablissements/${uai}` },
      revalidation: { url: url + page, headers: { Authorization: `Bearer ${jetonMairie}`, 'If-None-Match': etag } },
      statut: {
        url,
        headers: { Authorization: `Bearer ${jetonCaf}` },
        requests: [{ method: 'GET', setupRequest: (req: object) => ({ ...req, path: chemins[i++ % chemins.length] }) }],
      },
    });
    try {
      jetonMairie = await jeton(url, 'demo-mairie-rennes', 'mairie:obligation-scolaire');
      jetonCaf = await jeton(url, 'demo-caf-35', 'scolarite:statut');
      etag = (await fetch(url + page, { headers: { Authorization: `Bearer ${jetonMairie}` } })).headers.get('etag')!;
      lignes.push(await mesurer('annuaire : un établissement (sans jeton)', routes().annuaire, 200));
      lignes.push(await mesurer('API mairie : 304 (2 alternatives @Security)', routes().revalidation, 304));
      lignes.push(await mesurer('API scolarité : statut (5 alternatives, journalisé)', routes().statut, 200));
    } finally {
      await s.arreter();
    }
    await mesurerSur('référence : express « bonjour » (fin)', SCRIPT_BONJOUR, {}, { url: `${url}/bonjour` });

    const reference = (lignes[0].rps + lignes[lignes.length - 1].rps) / 2;
    console.log(`\nratio à la référence (moyenne du début et de la fin : ${reference.toFixed(0)} req/s) :`);
    console.log('| Configuration | req/s | p50 (ms) | p99 (ms) | ratio |');
    console.log('|---|---:|---:|---:|---:|');
    for (const l of lignes) console.log(`| ${l.nom} | ${l.rps.toFixed(0)} | ${l.p50} | ${l.p99} | ${((100 * l.rps) / reference).toFixed(0)} % |`);

    console.log(`\ntemps par couche express, une connexion (${DUREE_S} s après 1 s d'échauffement), médiane par requête :`);
    const chronometrer = async (nom: string, env: Record<string, string>, options: () => Record<string, unknown>, attendu = 200) => {
      const fichier = path.join(dossier, `etapes-${n}.json`);
      const serveur = await lancer(SCRIPT_SERVEUR, { ...env, ETAPES_FICHIER: fichier });
      try {
        if (env.COUCHES === 'passerelle') {
          jetonMairie = await jeton(url, 'demo-mairie-rennes', 'mairie:obligation-scolaire');
          jetonCaf = await jeton(url, 'demo-caf-35', 'scolarite:statut');
          etag = (await fetch(url + page, { headers: { Authorization: `Bearer ${jetonMairie}` } })).headers.get('etag')!;
        }
        await mesurer(`${nom} (échauffement)`, { ...options(), connections: 1, duration: 1 }, attendu);
        serveur.processus.kill('SIGUSR2');
        await attendre(100);
        await mesurer(nom, { ...options(), connections: 1 }, attendu);
      } finally {
        await serveur.arreter();
      }
      const etapes = JSON.parse(fs.readFileSync(fichier, 'utf8')) as Etape[];
      console.log(`\n${nom}`);
      console.log('| Couche (nom de la fonction) | médiane (µs) | moyenne (µs) | passages |');
      console.log('|---|---:|---:|---:|');
      for (const e of etapes) console.log(`| ${e.nom} | ${e.medianeUs.toFixed(1)} | ${e.moyenneUs.toFixed(1)} | ${e.n} |`);
    };
    await chronometrer('express nu, route /health', { COUCHES: '' }, () => ({ url: `${url}/health` }));
    await chronometrer('passerelle : /health', passerelle, () => ({ url: `${url}/health` }));
    await chronometrer('passerelle : API mairie 304', passerelle, () => routes().revalidation, 304);
    await chronometrer('passerelle : API scolarité statut', passerelle, () => routes().statut);
  } finally {
    await base.supprimer();
    fs.rmSync(dossier, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  console.error(`banc des intergiciels interrompu : ${err.message}`);
  process.exitCode = 1;
});
