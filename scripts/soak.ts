/**
 * `npm run soak -- [--minutes 10] [--debit N] [--url http://127.0.0.1:3000] [--pid PID]
 *                  [--client demo-mairie-rennes --secret demo-secret-mairie-rennes]`
 *
 * Endurance test against a running gateway on the loopback (never a remote host): measures the
 * capacity for 10 s, then holds half of it (or --debit requests/s) for --minutes on a mix of
 * open-data and authenticated routes. Reports errors (network, 5xx, 429) and, with --pid, the
 * server's resident memory every minute. Not run by CI.
 */
import fs from 'node:fs';

/** The part of autocannon's API used here (the package ships no type declarations). */
interface RequeteCharge {
  method: string;
  path: string;
  headers?: Record<string, string>;
}
interface OptionsCharge {
  url: string;
  connections: number;
  duration: number;
  overallRate?: number;
  requests: RequeteCharge[];
}
interface ResultatCharge {
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: { average: number; total: number };
  latency: { p99: number };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon: (o: OptionsCharge, fin: (err: Error | null, r: ResultatCharge) => void) => Instance = require('autocannon');
interface Instance {
  stop: () => void;
  on: (evenement: 'reqError', f: (err: Error) => void) => Instance;
}

/** Distinct network error messages seen, with counts: the report says what failed, not only how often. */
const causes = new Map<string, number>();

function option(nom: string, defaut?: string): string | undefined {
  const i = process.argv.indexOf(`--${nom}`);
  return i >= 0 ? process.argv[i + 1] : defaut;
}

const minutes = Number(option('minutes', '10'));
const url = new URL(option('url', 'http://127.0.0.1:3000')!);
const pid = option('pid');
const client = option('client', 'demo-mairie-rennes')!;
const secret = option('secret', 'demo-secret-mairie-rennes')!;

if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
  console.error(`Refus : le test d'endurance ne vise que la boucle locale (reçu ${url.hostname}).`);
  process.exit(2);
}
if (!(minutes > 0 && minutes <= 24 * 60)) {
  console.error('--minutes doit être compris entre 0 et 1440.');
  process.exit(2);
}

/** Resident set size of the server process, in MiB (Linux /proc). */
function rssMio(): number | undefined {
  if (!pid) return undefined;
  try {
    const ligne = fs
      .readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return ligne ? Math.round(Number(ligne.replace(/\D+/g, '')) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

async function jeton(): Promise<string> {
  const rep = await fetch(new URL('/oauth/token', url), {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(`${client}:${secret}`).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  if (rep.status !== 200) throw new Error(`jeton refusé (${rep.status}) pour ${client}`);
  return ((await rep.json()) as { access_token: string }).access_token;
}

/** The mix: open annuaire, catalogue, and the client's authenticated routes (a token lives 10 min: renewed every 5). */
function requetes(j: string): RequeteCharge[] {
  const auth = { Authorization: `Bearer ${j}`, Accept: 'application/json' };
  return [
    { method: 'GET', path: '/api-ecole/v1/etablissements?codeCommune=35238&limit=50' },
    { method: 'GET', path: '/catalogue', headers: { Accept: 'application/json' } },
    { method: 'GET', path: '/api-ecole/v1/previsions?codeCommune=35238', headers: auth },
    { method: 'GET', path: '/api-mairie/v1/communes/35238/enfants-soumis-obligation?limit=100', headers: auth },
  ];
}

function lancer(options: OptionsCharge): Promise<ResultatCharge> {
  return new Promise((ok, ko) => {
    const instance = autocannon(options, (err, resultat) => (err ? ko(err) : ok(resultat)));
    instance.on('reqError', (err) => causes.set(err.message, (causes.get(err.message) ?? 0) + 1));
    process.once('SIGINT', () => instance.stop());
  });
}

async function main(): Promise<void> {
  // The per-habilitation limit would cap the measure: the gateway must run with a high LIMITE_REQUETES_PAR_SECONDE.
  const mesure = await lancer({ url: url.origin, connections: 16, duration: 10, requests: requetes(await jeton()) });
  const capacite = Math.round(mesure.requests.average);
  const debit = Number(option('debit', String(Math.max(1, Math.floor(capacite / 2)))));
  console.log(
    `Capacité mesurée : ${capacite} req/s ; endurance à ${debit} req/s pendant ${minutes} min${pid ? ` (RSS du processus ${pid})` : ' (ajouter --pid pour suivre la mémoire)'}.`,
  );

  const rss: number[] = [];
  const depart = rssMio();
  if (depart !== undefined) rss.push(depart);
  let erreurs = 0;
  let non2xx = 0;
  let total = 0;
  const tranches = Math.ceil(minutes);
  for (let i = 0; i < tranches; i++) {
    const duree = Math.round(Math.min(1, minutes - i) * 60);
    // One-minute slices: a fresh token each time, and a memory sample between slices.
    const r = await lancer({ url: url.origin, connections: 16, duration: duree, overallRate: debit, requests: requetes(await jeton()) });
    erreurs += r.errors + r.timeouts;
    non2xx += r.non2xx;
    total += r.requests.total;
    const m = rssMio();
    if (m !== undefined) rss.push(m);
    console.log(
      `minute ${i + 1}/${tranches} : ${r.requests.total} requêtes, p99 ${r.latency.p99} ms, erreurs réseau ${r.errors + r.timeouts}, non-2xx ${r.non2xx}${m !== undefined ? `, RSS ${m} Mio` : ''}`,
    );
  }
  console.log(
    `Bilan : ${total} requêtes, ${erreurs} erreurs réseau, ${non2xx} réponses non-2xx${rss.length ? `, RSS ${rss[0]} → ${rss[rss.length - 1]} Mio (max ${Math.max(...rss)})` : ''}.`,
  );
  for (const [cause, n] of causes) console.log(`  erreur réseau « ${cause} » : ${n}`);
  process.exitCode = erreurs > 0 ? 1 : 0;
}

main().catch((err: Error) => {
  console.error(`Test d'endurance interrompu : ${err.message}`);
  process.exitCode = 1;
});
