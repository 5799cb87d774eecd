/** What `npm run bench` and `npm run bench:echelle` share: demo credentials, statut queries, one autocannon measure. */
import os from 'node:os';
import type { Db } from '../../src/db/knex';
import { CLIENTS_DEMO } from '../../src/demo/demo';
import { anneeScolaireDe } from '../../src/referentiels/calendrier';
import { tempsCpuArbreMs } from './processus';
import type { Mesure } from './rapport';
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
