/**
 * What the benches share: demo credentials, statut queries, one autocannon measure, Rennes-only
 * databases and the download of the whole Rennes list.
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import { chargerConfig } from '../../src/config';
import type { Db } from '../../src/db/knex';
import { preparerBase } from '../../src/demarrage';
import { CLIENTS_DEMO } from '../../src/demo/demo';
import { anneeScolaireDe } from '../../src/referentiels/calendrier';
import { tempsCpuArbreMs } from './processus';
import type { Mesure, MesureListe } from './rapport';
import { aujourdhui } from '../../src/horloge';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: object) => Promise<ResultatAutocannon>;

interface ResultatAutocannon {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
}

export const DUREE_S = Number(process.env.BENCH_DUREE || 8);
export const CONNEXIONS = Number(process.env.BENCH_CONNEXIONS || 50);

function client(clientId: string): { clientId: string; secret: string } {
  const c = CLIENTS_DEMO.find((x) => x.clientId === clientId);
  if (!c) throw new Error(`client de démonstration inconnu : ${clientId}`);
  return c;
}

export function basic(clientId: string): string {
  const c = client(clientId);
  return 'Basic ' + Buffer.from(`${c.clientId}:${c.secret}`).toString('base64');
}

export async function jeton(url: string, clientId: string, scope?: string): Promise<string> {
  const corps = new URLSearchParams({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) });
  const rep = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { Authorization: basic(clientId), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: corps,
  });
  if (!rep.ok) throw new Error(`jeton refusé pour ${clientId} : ${rep.status}`);
  return ((await rep.json()) as { access_token: string }).access_token;
}

/** Pupils whose identity is unique, at school this year: each statut call finds exactly one. */
export async function identites(db: Db, nombre: number): Promise<string[]> {
  const uniques = db('eleves').select('nom_normalise', 'date_naissance', 'sexe').groupBy('nom_normalise', 'date_naissance', 'sexe').havingRaw('count(*) = 1');
  const eleves = await db('eleves as e')
    .join('scolarites as s', 's.eleve_id', 'e.id')
    .whereIn(['e.nom_normalise', 'e.date_naissance', 'e.sexe'], uniques)
    .where('s.annee_scolaire', anneeScolaireDe(aujourdhui()))
    .whereIn('s.niveau_code', ['6E', '5E', '4E', '3E', '2GT', '1G', 'TG', '2PRO', '1PRO', 'TPRO'])
    .whereIn('s.mode_instruction', ['public', 'prive_sous_contrat'])
    .orderBy('e.id')
    .limit(nombre)
    .select('e.nom', 'e.prenoms', 'e.sexe', 'e.date_naissance');
  return eleves.map(cheminStatut);
}

/** The API scolarité statut call of the demo CAF (Ille-et-Vilaine) for one pupil. */
export function cheminStatut(e: { nom: string; prenoms: string; sexe: string; date_naissance: string }): string {
  const caf = CLIENTS_DEMO.find((c) => c.clientId === 'demo-caf-35')!.destinataire.siret;
  const [annee, mois, jour] = e.date_naissance.split('-');
  const q = new URLSearchParams({
    nomNaissance: e.nom,
    sexeEtatCivil: e.sexe,
    anneeDateNaissance: annee,
    moisDateNaissance: String(Number(mois)),
    jourDateNaissance: String(Number(jour)),
  });
  for (const p of e.prenoms.split(' ').slice(0, 2)) q.append('prenoms', p);
  q.append('codesDepartements', '35');
  q.append('recipient', caf);
  q.append('context', 'Allocation de rentrée scolaire');
  q.append('object', 'Banc de mesure');
  return `/api-scolarite/v1/eleves/statut?${q}`;
}

/**
 * One autocannon run. With the server's `pid`, also the CPU time the server (and its cluster
 * workers) spent per response: steadier than requests/s when other work shares the machine.
 */
export async function mesurer(nom: string, options: Record<string, unknown>, attendu: number, pid?: number): Promise<Omit<Mesure, 'ratio'>> {
  const charge = os.loadavg()[0];
  const cpuAvant = pid === undefined ? 0 : tempsCpuArbreMs(pid);
  const r = await autocannon({ connections: CONNEXIONS, duration: DUREE_S, ...options });
  const cpuUs = pid === undefined || r.requests.total === 0 ? undefined : ((tempsCpuArbreMs(pid) - cpuAvant) * 1000) / r.requests.total;
  const statuts = Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, { count }]) => [code, count]));
  const inattendus = Object.entries(statuts)
    .filter(([code]) => Number(code) !== attendu)
    .reduce((n, [, c]) => n + c, 0);
  const m = {
    nom,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    inattendus: inattendus + r.errors + r.timeouts,
    statuts,
    charge,
    cpuUs,
  };
  const cpu = cpuUs === undefined ? '' : `  CPU ${cpuUs.toFixed(0)} µs/réponse`;
  console.log(
    `  ${nom.padEnd(42)} ${m.rps.toFixed(0).padStart(7)} req/s  p50 ${String(m.p50).padStart(4)} ms  p99 ${String(m.p99).padStart(4)} ms${cpu}  ${JSON.stringify(statuts)}${m.inattendus ? `  (${m.inattendus} inattendus)` : ''}`,
  );
  return m;
}

export const RENNES = '35238';

export function mediane(valeurs: number[]): number {
  const v = [...valeurs].sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)];
}

/** A Rennes-only database whose list holds about `enfants` children (the demo's scale factor, calibrated on Rennes). */
export async function baseRennes(url: string, enfants: number): Promise<number> {
  const ENFANTS_RENNES_ECHELLE_1 = 33_233;
  const config = chargerConfig({ NODE_ENV: 'test', DATABASE_URL: url });
  const db = await preparerBase(config, { perimetreDemo: { communes: [RENNES], echelle: enfants / ENFANTS_RENNES_ECHELLE_1 } });
  try {
    const p = await db('obligation_publications').where({ code_commune: RENNES }).orderBy('date_publication', 'desc').first('nombre_enfants');
    return Number(p.nombre_enfants);
  } finally {
    await db.destroy();
  }
}

/** How a whole list is downloaded: JSON pages following `Link: rel="next"`, or one streamed response. */
export type FormatListe = MesureListe['format'];

const REQUETE_LISTE: Record<FormatListe, { requete: string; compter: (texte: string) => number }> = {
  json: { requete: '?limit=1000', compter: (texte) => (JSON.parse(texte) as { enfants: unknown[] }).enfants.length },
  // The first line is the list's header.
  ndjson: { requete: '?format=ndjson', compter: (texte) => texte.split('\n').filter(Boolean).length - 1 },
  // The first row is the column headers.
  csv: { requete: '?format=csv', compter: (texte) => texte.split('\r\n').filter(Boolean).length - 1 },
};

/**
 * Downloads the whole Rennes list: every JSON page following `Link: rel="next"`, or the NDJSON
 * or CSV stream. The time is the last byte's: counting the children and hashing the bytes
 * (`empreinte`, SHA-256 of the bodies, to compare two builds) afterwards are left out.
 */
export async function telecharger(
  url: string,
  jetonMairie: string,
  format: FormatListe,
): Promise<{ ms: number; octets: number; pages: number; enfants: number; empreinte: string }> {
  const debut = performance.now();
  let horsMesureMs = 0;
  let suivante: string | null = `${url}/api-mairie/v1/communes/${RENNES}/enfants-soumis-obligation${REQUETE_LISTE[format].requete}`;
  let octets = 0;
  let pages = 0;
  let enfants = 0;
  const empreinte = createHash('sha256');
  while (suivante) {
    const requete = { headers: { Authorization: `Bearer ${jetonMairie}` } };
    const essai = performance.now();
    let rep: Response;
    try {
      rep = await fetch(suivante, requete);
    } catch (err) {
      console.warn(`  requête perdue (${String((err as { cause?: { code?: string } }).cause?.code ?? err)}), envoyée de nouveau`);
      // The server closes a keep-alive connection idle for 5 s as the next request leaves (counting
      // and hashing the previous list takes seconds on a loaded machine): sent again, the failed try not timed.
      horsMesureMs += performance.now() - essai;
      rep = await fetch(suivante, requete);
    }
    if (rep.status !== 200) throw new Error(`liste : statut ${rep.status}`);
    const corps = Buffer.from(await rep.arrayBuffer());
    octets += corps.length;
    pages++;
    const debutHorsMesure = performance.now();
    enfants += REQUETE_LISTE[format].compter(corps.toString('utf8'));
    empreinte.update(corps);
    horsMesureMs += performance.now() - debutHorsMesure;
    const lien = /<([^>]+)>;\s*rel="next"/.exec(rep.headers.get('link') ?? '');
    suivante = format === 'json' && lien ? new URL(lien[1], url).toString() : null;
  }
  return { ms: performance.now() - debut - horsMesureMs, octets, pages, enfants, empreinte: empreinte.digest('hex') };
}
