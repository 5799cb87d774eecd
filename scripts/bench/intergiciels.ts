/**
 * `npm run bench:intergiciels`: what each part of the request path costs, against 127.0.0.1 only.
 *   1. /health at BENCH_CONNEXIONS connections on bare express, then with the gateway's
 *      middlewares added one at a time, then on the gateway itself (tsoa's router): requests/s
 *      and ratio to bare express "bonjour" measured in the same run (at its start and its end);
 *   2. four gateway routes: /health, the annuaire (no token), the mairie 304 (two @Security
 *      alternatives) and the scolarité statut (five alternatives, journaled), with the server's
 *      CPU time per response;
 *   3. the time spent in each express layer at one connection (no queueing), median per request.
 * One server at a time, as a child process (scripts/bench/intergiciels-serveur.ts), on a
 * temporary Rennes-only demo database: SQLite, or a database created on the PostgreSQL server
 * of DATABASE_URL and dropped at the end.
 * Options (environment): BENCH_DUREE (s, default 8), BENCH_CONNEXIONS (default 50), BENCH_SANS_BUILD=1;
 * BENCH_COMPARER=<directory of another build of the gateway, its dist/ compiled> measures that
 * build's gateway too, in alternation with this one (BENCH_TOURS rounds, default 2), and its layers.
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
  total: number;
  /** The server's CPU time per response: steadier than requests/s on a shared machine. */
  cpuUs?: number;
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
      demarrer(
        script,
        { PORT: String(PORT), WORKERS: '1', ...env },
        path.join(dossier, `serveur-${n++}.log`),
        env.COUCHES === 'passerelle' ? '/health' : script === SCRIPT_BONJOUR ? '/bonjour' : '/health',
        { argsNode },
      );
    const passerelle = { COUCHES: 'passerelle', DATABASE_URL: base.url, LIMITE_REQUETES_PAR_SECONDE: LIMITE_BENCH };
    const url = `http://127.0.0.1:${PORT}`;

    const lignes: Ligne[] = [];
    const mesurerSur = async (nom: string, script: string, env: Record<string, string>, options: Record<string, unknown>, attendu = 200) => {
      const s = await lancer(script, env);
      try {
        lignes.push(await mesurer(nom, options, attendu, s.processus.pid));
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
      ['json', '+ corps JSON (express.json si la requête a un corps)'],
    ]) {
      cumul.push(couche);
      await mesurerSur(libelle, SCRIPT_SERVEUR, { COUCHES: cumul.join(',') }, { url: `${url}/health` });
    }
    await mesurerSur('passerelle : /health (+ routeur tsoa)', SCRIPT_SERVEUR, passerelle, { url: `${url}/health` });

    const page = `/api-mairie/v1/communes/${RENNES}/enfants-soumis-obligation?limit=1000`;
    let i = 0;
    /** The three gateway routes, with tokens and ETag fetched from the server just started. */
    const routes = async () => {
      const jetonMairie = await jeton(url, 'demo-mairie-rennes', 'mairie:obligation-scolaire');
      const jetonCaf = await jeton(url, 'demo-caf-35', 'scolarite:statut');
      const etag = (await fetch(url + page, { headers: { Authorization: `Bearer ${jetonMairie}` } })).headers.get('etag')!;
      return [
        { nom: 'passerelle : /health', attendu: 200, options: { url: `${url}/health` } },
        { nom: 'annuaire : un établissement (sans jeton)', attendu: 200, options: { url: `${url}/api-ecole/v1/etablissements/${uai}` } },
        {
          nom: 'API mairie : 304 (2 alternatives @Security)',
          attendu: 304,
          options: { url: url + page, headers: { Authorization: `Bearer ${jetonMairie}`, 'If-None-Match': etag } },
        },
        {
          nom: 'API scolarité : statut (5 alternatives, journalisé)',
          attendu: 200,
          options: {
            url,
            headers: { Authorization: `Bearer ${jetonCaf}` },
            requests: [{ method: 'GET', setupRequest: (req: object) => ({ ...req, path: chemins[i++ % chemins.length] }) }],
          },
        },
      ];
    };
    // This build, and with BENCH_COMPARER another one (e.g. an earlier commit's), in alternation.
    const variantes: Array<{ nom: string; env: Record<string, string> }> = [{ nom: 'cette version', env: passerelle }];
    if (process.env.BENCH_COMPARER)
      variantes.unshift({ nom: 'comparée', env: { ...passerelle, PASSERELLE_DIST: path.join(path.resolve(process.env.BENCH_COMPARER), 'dist') } });
    const tours = variantes.length > 1 ? Number(process.env.BENCH_TOURS || 2) : 1;
    const parVariante = new Map<string, Ligne[]>();
    for (let tour = 1; tour <= tours; tour++) {
      for (const v of variantes) {
        console.log(`\nroutes de la passerelle (${v.nom}${tours > 1 ? `, tour ${tour}` : ''}) :`);
        const serveur = await lancer(SCRIPT_SERVEUR, v.env);
        try {
          for (const r of await routes()) {
            const m = await mesurer(r.nom, r.options, r.attendu, serveur.processus.pid);
            parVariante.set(v.nom, [...(parVariante.get(v.nom) ?? []), m]);
            if (tour === 1 && v === variantes[variantes.length - 1]) lignes.push(m);
          }
        } finally {
          await serveur.arreter();
        }
      }
    }
    await mesurerSur('référence : express « bonjour » (fin)', SCRIPT_BONJOUR, {}, { url: `${url}/bonjour` });

    const reference = (lignes[0].rps + lignes[lignes.length - 1].rps) / 2;
    console.log(`\nratio à la référence (moyenne du début et de la fin : ${reference.toFixed(0)} req/s) :`);
    const cpuReference = (lignes[0].cpuUs! + lignes[lignes.length - 1].cpuUs!) / 2;
    console.log('| Configuration | req/s | p50 (ms) | p99 (ms) | ratio | CPU du serveur par réponse | rapport CPU / référence |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const l of lignes) {
      console.log(
        `| ${l.nom} | ${l.rps.toFixed(0)} | ${l.p50} | ${l.p99} | ${((100 * l.rps) / reference).toFixed(0)} % | ${l.cpuUs!.toFixed(0)} µs | ×${(l.cpuUs! / cpuReference).toFixed(1)} |`,
      );
    }

    if (variantes.length > 1) {
      console.log(`\n${process.env.BENCH_COMPARER} contre cette version, ${tours} tours alternés (médiane des tours) :`);
      console.log('| Route | req/s comparée | req/s cette version | CPU/réponse comparée | CPU/réponse cette version | rapport CPU |');
      console.log('|---|---:|---:|---:|---:|---:|');
      const mediane = (x: number[]) => {
        const t = [...x].sort((a, b) => a - b);
        return (t[Math.floor((t.length - 1) / 2)] + t[Math.ceil((t.length - 1) / 2)]) / 2;
      };
      const noms = [...new Set(parVariante.get('cette version')!.map((m) => m.nom))];
      for (const nom of noms) {
        const [avant, apres] = ['comparée', 'cette version'].map((v) => parVariante.get(v)!.filter((m) => m.nom === nom));
        const [rpsAvant, rpsApres] = [avant, apres].map((x) => mediane(x.map((m) => m.rps)));
        const [cpuAvant, cpuApres] = [avant, apres].map((x) => mediane(x.map((m) => m.cpuUs!)));
        console.log(
          `| ${nom} | ${rpsAvant.toFixed(0)} | ${rpsApres.toFixed(0)} | ${cpuAvant.toFixed(0)} µs | ${cpuApres.toFixed(0)} µs | ×${(cpuApres / cpuAvant).toFixed(2)} |`,
        );
      }
    }

    console.log(`\ntemps par couche express, une connexion (${DUREE_S} s après 1 s d'échauffement), médiane par requête :`);
    const chronometrer = async (
      nom: string,
      env: Record<string, string>,
      choisir: (r: Awaited<ReturnType<typeof routes>>) => { options: Record<string, unknown>; attendu: number },
    ) => {
      const fichier = path.join(dossier, `etapes-${n}.json`);
      const serveur = await lancer(SCRIPT_SERVEUR, { ...env, ETAPES_FICHIER: fichier });
      try {
        const { options, attendu } = choisir(env.COUCHES === 'passerelle' ? await routes() : []);
        await mesurer(`${nom} (échauffement)`, { ...options, connections: 1, duration: 1 }, attendu);
        serveur.processus.kill('SIGUSR2');
        await attendre(100);
        await mesurer(nom, { ...options, connections: 1 }, attendu);
      } finally {
        await serveur.arreter();
      }
      const etapes = JSON.parse(fs.readFileSync(fichier, 'utf8')) as Etape[];
      console.log(`\n${nom}`);
      console.log('| Couche (nom de la fonction) | médiane (µs) | moyenne (µs) | passages |');
      console.log('|---|---:|---:|---:|');
      for (const e of etapes) console.log(`| ${e.nom} | ${e.medianeUs.toFixed(1)} | ${e.moyenneUs.toFixed(1)} | ${e.n} |`);
    };
    await chronometrer('express nu, route /health', { COUCHES: '' }, () => ({ options: { url: `${url}/health` }, attendu: 200 }));
    for (const v of variantes) {
      const suffixe = variantes.length > 1 ? ` (${v.nom})` : '';
      await chronometrer(`passerelle : /health${suffixe}`, v.env, () => ({ options: { url: `${url}/health` }, attendu: 200 }));
      await chronometrer(`passerelle : API mairie 304${suffixe}`, v.env, (r) => r[2]);
      await chronometrer(`passerelle : API scolarité statut${suffixe}`, v.env, (r) => r[3]);
    }
  } finally {
    await base.supprimer();
    fs.rmSync(dossier, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  console.error(`banc des intergiciels interrompu : ${err.message}`);
  process.exitCode = 1;
});
