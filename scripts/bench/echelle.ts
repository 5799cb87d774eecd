/**
 * `npm run bench:echelle`: the same routes at national and at département scale, p50 ratio
 * against the 1.5× target of issue 9.
 *   DATABASE_URL=sqlite:/tmp/national.sqlite npm run bench:echelle
 *   DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/national npm run bench:echelle
 * DATABASE_URL: a database loaded by `npm run generate -- --scale national`. The département
 * database is DATABASE_URL_DEPARTEMENT, else a new one of the same engine (temporary SQLite
 * file, or database `<national>_departement`, dropped afterwards) seeded with the demo
 * (Ille-et-Vilaine) before its gateway starts. One gateway at a time (dist/src/server.js, WORKERS, default 1), against
 * 127.0.0.1, each route warmed up 2 s then measured BENCH_DUREE s at BENCH_CONNEXIONS.
 * BENCH_SANS_BUILD=1 reuses dist/.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knex from 'knex';
import { chargerConfig } from '../../src/config';
import { createDb, type Db, isPostgres } from '../../src/db/knex';
import { preparerBase } from '../../src/demarrage';
import { RACINE } from '../../src/racine';
import { cheminStatut, CONNEXIONS, DUREE_S, jeton, mesurer } from './outils';
import { demarrer } from './processus';
import type { Mesure } from './rapport';

const WORKERS = String(process.env.WORKERS || 1);
const LIMITE_BENCH = '1000000';
const RENNES = '35238';
const PORT = 3111;
const CIBLE = 1.5;

type Resultat = Omit<Mesure, 'ratio'>;

/**
 * Children of Rennes this year whose identity is unique in the whole database: found through
 * the mairie list's index, so that picking them costs the same at both scales.
 */
async function identitesRennes(db: Db, nombre: number): Promise<string[]> {
  const annee = (await db('generations').orderBy('id', 'desc').first('annee_scolaire')).annee_scolaire as string;
  const eleves = await db('obligation_versions as v')
    .join('eleves as e', 'e.id', 'v.eleve_id')
    .join('scolarites as s', (j) => j.on('s.eleve_id', 'e.id').andOn('s.annee_scolaire', db.raw('?', [annee])))
    .where('v.code_commune', RENNES)
    .whereNull('v.valide_jusqu_au')
    .whereIn('s.niveau_code', ['6E', '5E', '4E', '3E', '2GT', '1G', 'TG', '2PRO', '1PRO', 'TPRO'])
    .whereIn('s.mode_instruction', ['public', 'prive_sous_contrat'])
    .whereNotExists(
      db('eleves as x')
        .whereRaw('x.nom_normalise = e.nom_normalise and x.date_naissance = e.date_naissance and x.sexe = e.sexe and x.id <> e.id')
        .select(db.raw('1')),
    )
    .orderBy('e.id')
    .limit(nombre)
    .select('e.nom', 'e.prenoms', 'e.sexe', 'e.date_naissance');
  return eleves.map(cheminStatut);
}

async function taille(url: string): Promise<string> {
  if (url.startsWith('sqlite:')) return `${(fs.statSync(url.slice('sqlite:'.length)).size / 1e9).toFixed(1)} Go (fichier)`;
  const db = createDb(url);
  try {
    const { rows } = await db.raw('select pg_database_size(current_database()) as octets');
    return `${(Number(rows[0].octets) / 1e9).toFixed(1)} Go (pg_database_size)`;
  } finally {
    await db.destroy();
  }
}

/** Starts the gateway on one database and measures the four routes; the national one is measured second. */
async function mesurerBase(echelle: string, url: string, script: string, dossier: string): Promise<Resultat[]> {
  console.log(`\n${echelle} : ${url.replace(/\/\/[^@]*@/, '//…@')}`);
  const t0 = Date.now();
  const serveur = await demarrer(
    script,
    { DATABASE_URL: url, PORT: String(PORT), WORKERS, LIMITE_REQUETES_PAR_SECONDE: LIMITE_BENCH },
    path.join(dossier, `passerelle-${echelle}.log`),
    '/openapi.json',
    { delaiMaxMs: 900_000 },
  );
  try {
    console.log(`  passerelle prête en ${((Date.now() - t0) / 1000).toFixed(1)} s ; taille ${await taille(url)}`);
    const db = createDb(url);
    let chemins: string[];
    let uai: string;
    try {
      const t1 = Date.now();
      chemins = await identitesRennes(db, 2000);
      console.log(`  ${chemins.length} identités d'élèves de Rennes en ${((Date.now() - t1) / 1000).toFixed(1)} s`);
      uai = (await db('etablissements').where({ code_commune: RENNES, type: 'lycee' }).orderBy('uai').first('uai')).uai as string;
    } finally {
      await db.destroy();
    }
    const jetonCaf = await jeton(serveur.url, 'demo-caf-35', 'scolarite:statut');
    const jetonMairie = await jeton(serveur.url, 'demo-mairie-rennes', 'mairie:obligation-scolaire');
    const pageEntiere = `/api-mairie/v1/communes/${RENNES}/enfants-soumis-obligation?limit=1000`;
    const premiere = await fetch(serveur.url + pageEntiere, { headers: { Authorization: `Bearer ${jetonMairie}` } });
    const etag = premiere.headers.get('etag');
    if (!etag) throw new Error(`la page de liste n’a pas d’ETag (statut ${premiere.status})`);
    let i = 0;
    const routes: Array<[string, Record<string, unknown>, number]> = [
      ['annuaire : un établissement', { url: `${serveur.url}/api-ecole/v1/etablissements/${uai}` }, 200],
      [
        'API scolarité : statut (journalisé, masqué)',
        {
          url: serveur.url,
          headers: { Authorization: `Bearer ${jetonCaf}` },
          requests: [{ method: 'GET', setupRequest: (req: object) => ({ ...req, path: chemins[i++ % chemins.length] }) }],
        },
        200,
      ],
      [
        'API mairie : revalidation 304 d’une page',
        { url: serveur.url + pageEntiere, headers: { Authorization: `Bearer ${jetonMairie}`, 'If-None-Match': etag } },
        304,
      ],
      [
        'API mairie : page de 100 enfants de Rennes',
        { url: `${serveur.url}/api-mairie/v1/communes/${RENNES}/enfants-soumis-obligation?limit=100`, headers: { Authorization: `Bearer ${jetonMairie}` } },
        200,
      ],
    ];
    const resultats: Resultat[] = [];
    for (const [nom, options, attendu] of routes) {
      await mesurer(`(échauffement) ${nom}`, { ...options, duration: 2 }, attendu);
      resultats.push(await mesurer(nom, options, attendu));
    }
    return resultats;
  } finally {
    await serveur.arreter();
  }
}

/** A new empty database of the national one's engine, and how to remove it. */
async function baseDepartement(national: string, dossier: string): Promise<{ url: string; supprimer: () => Promise<void> }> {
  if (national.startsWith('sqlite:')) return { url: `sqlite:${path.join(dossier, 'departement.sqlite')}`, supprimer: async () => {} };
  const url = new URL(national);
  const nom = `${url.pathname.slice(1) || 'postgres'}_departement`;
  url.pathname = '/postgres';
  const admin = knex({ client: 'pg', connection: url.toString(), pool: { min: 0, max: 1 } });
  await admin.raw(`drop database if exists ${nom} with (force)`);
  await admin.raw(`create database ${nom}`);
  await admin.destroy();
  const cible = new URL(national);
  cible.pathname = `/${nom}`;
  return {
    url: cible.toString(),
    supprimer: async () => {
      const a = knex({ client: 'pg', connection: url.toString(), pool: { min: 0, max: 1 } });
      await a.raw(`drop database if exists ${nom} with (force)`);
      await a.destroy();
    },
  };
}

async function main(): Promise<void> {
  const national = process.env.DATABASE_URL;
  if (!national) throw new Error('DATABASE_URL : la base nationale (npm run generate -- --scale national) est obligatoire');
  const verification = createDb(national);
  try {
    const generation = await verification('generations').orderBy('id', 'desc').first('nombre_eleves', 'nombre_communes');
    if (!generation) throw new Error('DATABASE_URL ne contient aucune génération');
    console.log(
      `base nationale (${isPostgres(verification) ? 'PostgreSQL' : 'SQLite'}) : ${generation.nombre_communes} communes, ${generation.nombre_eleves} élèves`,
    );
  } finally {
    await verification.destroy();
  }
  if (!process.env.BENCH_SANS_BUILD) {
    console.log('compilation (npm run build)…');
    execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: RACINE, stdio: 'inherit' });
  }
  const script = path.join(RACINE, 'dist', 'src', 'server.js');
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'apisation-echelle-'));
  const departement = process.env.DATABASE_URL_DEPARTEMENT
    ? { url: process.env.DATABASE_URL_DEPARTEMENT, supprimer: async () => {} }
    : await baseDepartement(national, dossier);
  if (!process.env.DATABASE_URL_DEPARTEMENT) {
    // Seeded here, not by the measured gateway: its heap would still carry the seeding.
    const t0 = Date.now();
    await (await preparerBase(chargerConfig({ NODE_ENV: 'test', DATABASE_URL: departement.url }))).destroy();
    console.log(`base départementale semée (démonstration, Ille-et-Vilaine) en ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  let reussi = false;
  try {
    console.log(`${CONNEXIONS} connexions, ${DUREE_S} s par route, WORKERS=${WORKERS}`);
    const dep = await mesurerBase('departement', departement.url, script, dossier);
    const nat = await mesurerBase('national', national, script, dossier);
    console.log(`\n| Route | p50 département | p50 national | rapport (cible ≤ ${CIBLE}) | p99 département | p99 national |`);
    console.log('|---|---|---|---|---|---|');
    dep.forEach((d, k) => {
      const n = nat[k];
      const rapport = n.p50 / Math.max(d.p50, 1);
      console.log(`| ${d.nom} | ${d.p50} ms | ${n.p50} ms | ${rapport.toFixed(2)} ${rapport <= CIBLE ? '(tenue)' : '(manquée)'} | ${d.p99} ms | ${n.p99} ms |`);
    });
    reussi = true;
  } finally {
    await departement.supprimer();
    // The gateways' logs explain a failure.
    if (reussi) fs.rmSync(dossier, { recursive: true, force: true });
    else console.error(`journaux des passerelles : ${dossier}`);
  }
}

main().catch((err: Error) => {
  console.error(`banc d'échelle interrompu : ${err.message}`);
  process.exitCode = 1;
});
