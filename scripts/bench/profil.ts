/**
 * `npm run bench:profil`: where the gateway's CPU goes on its lightest routes, against 127.0.0.1 only.
 * For each scenario (/health, the mairie 304, the scolarité statut) a fresh single-process gateway
 * runs under `node --cpu-prof` on a temporary Rennes-only demo database (SQLite, or a database
 * created on the PostgreSQL server of DATABASE_URL and dropped at the end), autocannon loads it
 * for BENCH_DUREE seconds at BENCH_CONNEXIONS connections, then the profile's self time is summed
 * by family (express, tsoa, our code, pino, the database driver, Node, V8) and by function, and
 * by inclusive time (a flame graph's widths); folded stacks and an SVG flame graph are written next
 * to each profile. Samples of the process's startup (module loading) are left out.
 *   npx tsx scripts/bench/profil.ts <fichier.cpuprofile> [titre]   summarises an existing profile.
 * Options (environment): BENCH_DUREE (s, default 8), BENCH_CONNEXIONS (default 50), BENCH_SANS_BUILD=1,
 * BENCH_PROFILS=<dossier> (keep the .cpuprofile files there).
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

interface Noeud {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface ProfilCpu {
  nodes: Noeud[];
  samples: number[];
  timeDeltas: number[];
}

/** Families of frames, first match wins (paths of node_modules packages, then our compiled sources). */
const FAMILLES: Array<[string, RegExp]> = [
  ['tsoa (runtime et routes générées)', /node_modules\/@tsoa\/|\/generated\/routes\.js/],
  [
    'express et ses modules (router, qs, body-parser, send…)',
    /node_modules\/(express|router|body-parser|qs|side-channel[^/]*|call-bound|get-intrinsic|type-is|content-type|raw-body|finalhandler|on-finished|parseurl|send|accepts|negotiator|mime[^/]*|depd|fresh|etag|media-typer|statuses|http-errors|cookie|vary|proxy-addr|forwarded|ipaddr\.js|range-parser|encodeurl|escape-html|utils-merge|merge-descriptors|methods|path-to-regexp|serve-static|content-disposition|safe-buffer|iconv-lite|bytes|unpipe|destroy|ee-first|setprototypeof|inherits|function-bind|has-symbols|hasown|object-inspect|es-[^/]*|gopd|dunder-proto|math-intrinsics|call-bind[^/]*)\//,
  ],
  ['helmet', /node_modules\/helmet\//],
  [
    'pino (journal applicatif)',
    /node_modules\/(pino|sonic-boom|thread-stream|fast-redact|quick-format-unescaped|atomic-sleep|on-exit-leak-free|safe-stable-stringify)[^/]*\//,
  ],
  ['knex', /node_modules\/knex\//],
  ['better-sqlite3', /node_modules\/better-sqlite3\//],
  ['pg (client PostgreSQL)', /node_modules\/(pg|pg-[^/]*|postgres-[^/]*|pgpass|buffer-writer|packet-reader)\//],
  ['rate-limiter-flexible', /node_modules\/rate-limiter-flexible\//],
  ['autres modules', /node_modules\//],
  ['passerelle : auth', /\/dist\/src\/auth\//],
  ['passerelle : http (intergiciels, problèmes, ETag, limites)', /\/dist\/src\/http\//],
  ['passerelle : apis', /\/dist\/src\/apis\//],
  ['passerelle : privacy (journal, masque, pseudonymes)', /\/dist\/src\/privacy\//],
  ['passerelle : db', /\/dist\/src\/db\//],
  ['passerelle : autres', /\/dist\/src\//],
  ['Node (http, net, stream, crypto…)', /^node:/],
];

function famille(n: Noeud): string {
  const { url, functionName } = n.callFrame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'V8 : ramasse-miettes';
    if (functionName === '(idle)') return 'inactif';
    if (functionName === '(program)') return 'V8 / natif non attribué';
    return 'natif (appelé depuis JS)';
  }
  return FAMILLES.find(([, motif]) => motif.test(url))?.[0] ?? 'autres';
}

function lieu(n: Noeud): string {
  const { url, functionName, lineNumber } = n.callFrame;
  const court = url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, '')
    .replace(/^.*\/dist\//, '');
  return `${functionName || '(anonyme)'} ${court ? `${court}:${lineNumber + 1}` : ''}`.trim();
}

const pourcent = (x: number, total: number) => `${((100 * x) / total).toFixed(1)} %`;

/** Express's own routing between two middlewares: shown in the flame graph, left out of the per-function table. */
const PLOMBERIE =
  /^(next|handle|process_params|trim_prefix|\(anonyme\)|dispatch|emit|internalNext) express\/lib\/router|^internalNext helmet|^(emit|parserOnIncoming|parserOnHeadersComplete|processTicksAndRejections|runMicrotasks|listOnTimeout|processTimers) node:|^\(root\)$/;

/** A sample's stack, root first; undefined for startup (module loading): only the load is profiled. */
function pile(id: number, parents: Map<number, number>, parId: Map<number, Noeud>): Noeud[] | undefined {
  const cadres: Noeud[] = [];
  for (let n: number | undefined = id; n !== undefined; n = parents.get(n)) {
    const noeud = parId.get(n)!;
    if (noeud.callFrame.url.startsWith('node:internal/modules/')) return undefined;
    cadres.push(noeud);
  }
  return cadres.reverse();
}

export interface Resume {
  texte: string;
  /** Brendan Gregg's folded stacks (`a;b;c µs`), for flamegraph.pl, speedscope or `svgFlamme`. */
  replie: string;
}

function resumer(p: ProfilCpu): Resume {
  const parId = new Map(p.nodes.map((n) => [n.id, n]));
  const parents = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parents.set(c, n.id);
  const parFamille = new Map<string, number>();
  const propres = new Map<string, [string, number]>();
  const inclus = new Map<string, [string, number]>();
  const replies = new Map<string, number>();
  let actif = 0;
  let demarrage = 0;
  let inactif = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i] ?? 0;
    const feuille = parId.get(p.samples[i])!;
    if (feuille.callFrame.functionName === '(idle)') {
      inactif += dt;
      continue;
    }
    const cadres = pile(feuille.id, parents, parId);
    if (!cadres) {
      demarrage += dt;
      continue;
    }
    actif += dt;
    const f = famille(feuille);
    parFamille.set(f, (parFamille.get(f) ?? 0) + dt);
    const l = lieu(feuille);
    propres.set(l, [f, (propres.get(l)?.[1] ?? 0) + dt]);
    for (const cle of new Set(cadres.map(lieu))) inclus.set(cle, [famille(cadres.find((c) => lieu(c) === cle)!), (inclus.get(cle)?.[1] ?? 0) + dt]);
    const chemin = cadres.map((c) => lieu(c).replace(/;/g, ',')).join(';');
    replies.set(chemin, (replies.get(chemin) ?? 0) + dt);
  }
  const ms = (x: number) => `${(x / 1000).toFixed(0)} ms`;
  const lignes: string[] = [`Temps actif : ${ms(actif)} (démarrage du processus, ${ms(demarrage)}, et inactivité, ${ms(inactif)}, exclus).`, ''];
  lignes.push('| Famille | temps propre | part |', '|---|---:|---:|');
  for (const [f, t] of [...parFamille].sort((a, b) => b[1] - a[1])) lignes.push(`| ${f} | ${ms(t)} | ${pourcent(t, actif)} |`);
  lignes.push('', '| Fonction, par temps propre | famille | part |', '|---|---|---:|');
  for (const [l, [f, t]] of [...propres].sort((a, b) => b[1][1] - a[1][1]).slice(0, 15)) lignes.push(`| \`${l}\` | ${f} | ${pourcent(t, actif)} |`);
  lignes.push('', '| Fonction, par temps inclus (largeur dans la flamme ; routage express entre intergiciels omis) | famille | part |', '|---|---|---:|');
  for (const [l, [f, t]] of [...inclus]
    .filter(([l]) => !PLOMBERIE.test(l))
    .sort((a, b) => b[1][1] - a[1][1])
    .slice(0, 25))
    lignes.push(`| \`${l}\` | ${f} | ${pourcent(t, actif)} |`);
  return { texte: lignes.join('\n'), replie: [...replies].map(([c, t]) => `${c} ${t}`).join('\n') };
}

/** A minimal SVG flame graph (root at the bottom) from folded stacks: frames narrower than `seuil` of the total are dropped. */
function svgFlamme(replie: string, titre: string, seuil = 0.005): string {
  interface Cadre {
    nom: string;
    t: number;
    enfants: Map<string, Cadre>;
  }
  const racine: Cadre = { nom: 'tout', t: 0, enfants: new Map() };
  for (const ligne of replie.split('\n').filter(Boolean)) {
    const espace = ligne.lastIndexOf(' ');
    const t = Number(ligne.slice(espace + 1));
    racine.t += t;
    let c = racine;
    for (const nom of ligne.slice(0, espace).split(';')) {
      let e = c.enfants.get(nom);
      if (!e) c.enfants.set(nom, (e = { nom, t: 0, enfants: new Map() }));
      e.t += t;
      c = e;
    }
  }
  const LARGEUR = 1200;
  const HAUTEUR = 16;
  const rects: string[] = [];
  let profondeurMax = 0;
  const echapper = (x: string) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const dessiner = (c: Cadre, x: number, profondeur: number) => {
    if (c.t < seuil * racine.t) return;
    profondeurMax = Math.max(profondeurMax, profondeur);
    const l = (c.t / racine.t) * LARGEUR;
    const teinte = /express|body-parser|qs\//.test(c.nom)
      ? 30
      : /tsoa|routes\.js/.test(c.nom)
        ? 200
        : /^[^ ]+ (auth|http|apis|privacy|db)\//.test(c.nom)
          ? 120
          : /node:/.test(c.nom)
            ? 0
            : 270;
    const texte = l > 40 ? `<text x="${(x + 3).toFixed(1)}" y="${-profondeur * HAUTEUR - 4}">${echapper(c.nom.slice(0, Math.floor(l / 6.5)))}</text>` : '';
    rects.push(
      `<g><title>${echapper(c.nom)} (${pourcent(c.t, racine.t)})</title><rect x="${x.toFixed(1)}" y="${-(profondeur + 1) * HAUTEUR}" width="${l.toFixed(1)}" height="${HAUTEUR - 1}" fill="hsl(${teinte},60%,70%)"/>${texte}</g>`,
    );
    let xe = x;
    for (const e of [...c.enfants.values()].sort((a, b) => (a.nom < b.nom ? -1 : 1))) {
      dessiner(e, xe, profondeur + 1);
      xe += (e.t / racine.t) * LARGEUR;
    }
  };
  dessiner(racine, 0, 0);
  const h = (profondeurMax + 2) * HAUTEUR + 20;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${LARGEUR}" height="${h}" viewBox="0 ${-h + 4} ${LARGEUR} ${h}" font-family="monospace" font-size="10">`,
    `<text x="0" y="${-h + 16}" font-size="12">${echapper(titre)}</text>`,
    ...rects,
    '</svg>',
  ].join('\n');
}

const PORT = 3120;
const RENNES = '35238';

async function profiler(): Promise<void> {
  if (!process.env.BENCH_SANS_BUILD) {
    console.log('compilation (npm run build)…');
    execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: RACINE, stdio: 'inherit' });
  }
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'apisation-profil-'));
  const profils = process.env.BENCH_PROFILS ? path.resolve(process.env.BENCH_PROFILS) : dossier;
  fs.mkdirSync(profils, { recursive: true });
  const base = await nouvelleBase();
  try {
    const config = chargerConfig({ NODE_ENV: 'test', DATABASE_URL: base.url });
    const db = await preparerBase(config, { perimetreDemo: { communes: [RENNES], echelle: 0.1 } });
    const chemins = await identites(db, 500);
    await db.destroy();
    const url = `http://127.0.0.1:${PORT}`;
    const page = `/api-mairie/v1/communes/${RENNES}/enfants-soumis-obligation?limit=1000`;
    let i = 0;
    const scenarios: Array<{ nom: string; attendu: number; options: () => Promise<Record<string, unknown>> }> = [
      { nom: 'health', attendu: 200, options: async () => ({ url: `${url}/health` }) },
      {
        nom: 'mairie-304',
        attendu: 304,
        options: async () => {
          const j = await jeton(url, 'demo-mairie-rennes', 'mairie:obligation-scolaire');
          const etag = (await fetch(url + page, { headers: { Authorization: `Bearer ${j}` } })).headers.get('etag')!;
          return { url: url + page, headers: { Authorization: `Bearer ${j}`, 'If-None-Match': etag } };
        },
      },
      {
        nom: 'statut',
        attendu: 200,
        options: async () => ({
          url,
          headers: { Authorization: `Bearer ${await jeton(url, 'demo-caf-35', 'scolarite:statut')}` },
          requests: [{ method: 'GET', setupRequest: (req: object) => ({ ...req, path: chemins[i++ % chemins.length] }) }],
        }),
      },
    ];
    for (const s of scenarios) {
      const dossierProfil = path.join(profils, s.nom);
      fs.rmSync(dossierProfil, { recursive: true, force: true });
      const serveur = await demarrer(
        path.join(RACINE, 'dist', 'src', 'server.js'),
        { DATABASE_URL: base.url, PORT: String(PORT), WORKERS: '1', LIMITE_REQUETES_PAR_SECONDE: '1000000' },
        path.join(dossier, `${s.nom}.log`),
        '/health',
        { argsNode: ['--cpu-prof', '--cpu-prof-interval=200', `--cpu-prof-dir=${dossierProfil}`] },
      );
      try {
        await mesurer(s.nom, await s.options(), s.attendu);
      } finally {
        await serveur.arreter();
      }
      const fichier = fs.readdirSync(dossierProfil).find((f) => f.endsWith('.cpuprofile'));
      if (!fichier) throw new Error(`aucun profil écrit pour ${s.nom}`);
      console.log(`\n### ${s.nom}\n`);
      console.log(ecrireResume(path.join(dossierProfil, fichier), `${s.nom} : passerelle sous charge (${CONNEXIONS} connexions, ${DUREE_S} s)`));
      console.log('');
    }
  } finally {
    await base.supprimer();
    fs.rmSync(dossier, { recursive: true, force: true });
  }
}

/** Prints the summary; writes the folded stacks and the SVG flame graph next to the profile. */
function ecrireResume(fichier: string, titre: string): string {
  const r = resumer(JSON.parse(fs.readFileSync(fichier, 'utf8')) as ProfilCpu);
  const racine = fichier.replace(/\.cpuprofile$/, '');
  fs.writeFileSync(`${racine}.replie`, r.replie);
  fs.writeFileSync(`${racine}.svg`, svgFlamme(r.replie, titre));
  return `${r.texte}\n\n(piles repliées et flamme SVG : ${racine}.replie, ${racine}.svg)`;
}

if (process.argv[2]) {
  console.log(ecrireResume(process.argv[2], process.argv[3] ?? path.basename(process.argv[2])));
} else {
  profiler().catch((err: Error) => {
    console.error(`profil interrompu : ${err.message}`);
    process.exitCode = 1;
  });
}
