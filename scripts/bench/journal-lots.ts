/**
 * `npm run bench:journal-lots`: the journal's group commit (`reglerLots`) under load, on the engine
 * of DATABASE_URL (SQLite by default, in a temporary file; on PostgreSQL a database created on that
 * server and dropped at the end).
 *
 * Each case is one setting (entries per transaction, start after an idle spell, transactions in flight)
 * under one load: `processus` child processes (each its own pool, as two instances or workers)
 * sharing the chain, each an HTTP server loaded by autocannon with `concurrence` connections. A
 * request arrives as its own I/O callback, as in the gateway; it makes one indexed read (the
 * request's own work on the pool), then one statut-like entry, and is answered after its commit.
 * The entry's latency leaves out the wait before the handler runs (a transaction blocking SQLite's
 * event loop hides it there): the client's latency (autocannon) shows it.
 * Measured per case: entries committed per second (all processes), latency of an entry from
 * `journaliser` to its resolution after COMMIT (p50, p99), entries per transaction, CPU of the
 * Node processes per entry. The settings alternate within each round (BENCH_TOURS rounds, medians),
 * so that the load of a shared machine weighs on all alike; the chain is verified at the end.
 *
 *   npm run bench:journal-lots
 *   DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/postgres npm run bench:journal-lots
 *   BENCH_REGLAGES=500/tour/1,500/aussitot/1 BENCH_CONCURRENCES=16 BENCH_PROCESSUS=2 BENCH_DUREE_MS=2000 BENCH_TOURS=5 …
 */
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { createDb, executer, migrate } from '../../src/db/knex';
import { journaliser, lotsEcrits, reglerLots, verifierJournal, type EntreeAJournaliser, type ReglageLots } from '../../src/privacy/journal';
import { hacherPersonne } from '../../src/privacy/pseudonyme';
import { nouvelleBase } from '../../test/support/base';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: object) => Promise<{ latency: { p50: number; p99: number } }>;

interface Cas {
  reglage: ReglageLots;
  processus: number;
  /** Requests in flight per process. */
  concurrence: number;
}

/** What one child process measured. */
interface MesureEnfant {
  entrees: number;
  secondes: number;
  transactions: number;
  latencesMs: number[];
  cpuUs: number;
}

interface Resultat {
  parSeconde: number;
  p50: number;
  p99: number;
  /** Whole request as the client sees it (autocannon, ms; the worse process): waits before `journaliser` included. */
  httpP50: number;
  httpP99: number;
  parTransaction: number;
  cpuUsParEntree: number;
  charge: number;
}

const CLE = 'cle-bench-journal-lots';
const DUREE_MS = Number(process.env.BENCH_DUREE_MS || 3000);
const TOURS = Number(process.env.BENCH_TOURS || 3);
const POSTGRES = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

/** `taille/depart/enVol`, comma-separated, `depart` being `aussitot`, `tour` or ms; by default the gateway's first. */
function reglages(): ReglageLots[] {
  const texte = process.env.BENCH_REGLAGES || '500/tour/1,1/tour/1,50/tour/1,500/aussitot/1,500/1/1,500/tour/2';
  return texte.split(',').map((r) => {
    const [taille, depart, enVol] = r.split('/');
    return { taille: Number(taille), depart: depart === 'aussitot' || depart === 'tour' ? depart : Number(depart), enVol: Number(enVol) };
  });
}

const nombres = (texte: string) => texte.split(',').map(Number);

function entree(requestId: string, personne: string): EntreeAJournaliser {
  return {
    requestId,
    clientId: 'demo-caf-35',
    siret: '53408918800013',
    api: 'api-scolarite',
    operation: 'StatutEleve',
    finalite: 'prestations_familiales',
    baseLegale: 'Code de la sécurité sociale, L543-1',
    scopes: ['scolarite:statut'],
    champs: ['est_scolarise', 'regime_pensionnat', 'status_eleve'],
    personnes: [hacherPersonne(CLE, personne)],
    contexte: 'Allocation de rentrée scolaire',
    objet: 'Banc de mesure',
    resultat: 'communique',
  };
}

function centile(triees: number[], p: number): number {
  return triees.length === 0 ? NaN : triees[Math.min(triees.length - 1, Math.floor((p / 100) * triees.length))];
}

function mediane(valeurs: number[]): number {
  const v = [...valeurs].sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)];
}

/**
 * A child: an HTTP server whose every request reads once and journals one entry, answering after the
 * commit as the gateway does; it measures between the parent's 'go' and 'fin'.
 */
async function enfant(url: string, cas: Cas, indice: number): Promise<void> {
  const db = createDb(url);
  reglerLots(db, cas.reglage);
  const tete = db('journal_tete').where('id', 1).first('sequence');
  let n = 0;
  let latences: number[] | undefined;
  const requete = async (): Promise<void> => {
    await executer(db, tete);
    const debut = process.hrtime.bigint();
    await journaliser(db, entree(`p${indice}-${n}`, `eleve-${indice}-${n++}`));
    latences?.push(Number(process.hrtime.bigint() - debut) / 1e6);
  };
  // Warm-up: statements prepared, pool filled.
  for (let i = 0; i < 3; i++) await Promise.all(Array.from({ length: cas.concurrence }, requete));
  const serveur = http.createServer((_req, res) => {
    requete().then(
      () => res.end('ok'),
      () => res.writeHead(503).end(),
    );
  });
  await new Promise<void>((r) => serveur.listen(0, '127.0.0.1', r));
  let debut = 0n;
  let cpu = process.cpuUsage();
  let lots = 0;
  process.on('message', (m) => {
    if (m === 'go') {
      latences = [];
      debut = process.hrtime.bigint();
      cpu = process.cpuUsage();
      lots = lotsEcrits(db);
      return;
    }
    const { user, system } = process.cpuUsage(cpu);
    const secondes = Number(process.hrtime.bigint() - debut) / 1e9;
    const mesure: MesureEnfant = { entrees: latences!.length, secondes, transactions: lotsEcrits(db) - lots, latencesMs: latences!, cpuUs: user + system };
    latences = undefined;
    process.send!(mesure, () => process.exit(0));
  });
  process.send!({ port: (serveur.address() as AddressInfo).port });
}

function lancer(url: string, cas: Cas, indice: number): { processus: ChildProcess; port: Promise<number>; mesure: Promise<MesureEnfant> } {
  const processus = fork(__filename, ['enfant', url, JSON.stringify(cas), String(indice)]);
  let pret!: (port: number) => void;
  const port = new Promise<number>((r) => (pret = r));
  const mesure = new Promise<MesureEnfant>((resoudre, rejeter) => {
    processus.on('message', (m) => ('port' in (m as object) ? pret((m as { port: number }).port) : resoudre(m as MesureEnfant)));
    processus.once('error', rejeter);
    processus.once('exit', (code) => code !== 0 && rejeter(new Error(`enfant ${indice} : code ${code}`)));
  });
  return { processus, port, mesure };
}

async function mesurerCas(url: string, cas: Cas): Promise<Resultat> {
  const enfants = Array.from({ length: cas.processus }, (_, i) => lancer(url, cas, i));
  const ports = await Promise.all(enfants.map((e) => e.port));
  const charge = os.loadavg()[0];
  for (const e of enfants) e.processus.send('go');
  const clients = await Promise.all(
    ports.map((port) => autocannon({ url: `http://127.0.0.1:${port}/`, connections: cas.concurrence, duration: DUREE_MS / 1000 })),
  );
  for (const e of enfants) e.processus.send('fin');
  const mesures = await Promise.all(enfants.map((e) => e.mesure));
  const latences = mesures.flatMap((m) => m.latencesMs).sort((a, b) => a - b);
  const entrees = mesures.reduce((s, m) => s + m.entrees, 0);
  return {
    parSeconde: mesures.reduce((s, m) => s + m.entrees / m.secondes, 0),
    p50: centile(latences, 50),
    p99: centile(latences, 99),
    httpP50: Math.max(...clients.map((c) => c.latency.p50)),
    httpP99: Math.max(...clients.map((c) => c.latency.p99)),
    parTransaction: entrees / mesures.reduce((s, m) => s + m.transactions, 0),
    cpuUsParEntree: mesures.reduce((s, m) => s + m.cpuUs, 0) / entrees,
    charge,
  };
}

const nomReglage = (r: ReglageLots) => `${r.taille}/${r.depart}/${r.enVol}`;
const f = (x: number, d = 1) => x.toFixed(d);

async function principal(): Promise<void> {
  const moteur = POSTGRES ? 'PostgreSQL' : 'SQLite';
  const processus = nombres(process.env.BENCH_PROCESSUS || (POSTGRES ? '1,2' : '1'));
  const concurrences = nombres(process.env.BENCH_CONCURRENCES || '1,16,128');
  const liste = reglages();
  console.log(`Commit groupé du journal (${moteur}) : ${TOURS} tours de ${DUREE_MS} ms par cas, réglages alternés ; réglage = taille/départ/enVol`);
  for (const p of processus) {
    const base = await nouvelleBase();
    const db = createDb(base.url);
    try {
      await migrate(db);
      for (const c of concurrences) {
        const resultats = new Map<string, Resultat[]>();
        for (let tour = 0; tour < TOURS; tour++) {
          for (const reglage of liste) {
            const r = await mesurerCas(base.url, { reglage, processus: p, concurrence: c });
            resultats.set(nomReglage(reglage), [...(resultats.get(nomReglage(reglage)) ?? []), r]);
          }
        }
        console.log(`\n${p} processus × ${c} requêtes simultanées`);
        console.log('réglage        | entrées/s | entrée p50 ms | entrée p99 ms | HTTP p50 ms | HTTP p99 ms | entrées/transaction | CPU µs/entrée | charge');
        for (const [nom, rs] of resultats) {
          const m = (cle: keyof Resultat) => mediane(rs.map((r) => r[cle]));
          console.log(
            [
              nom.padEnd(14),
              f(m('parSeconde'), 0).padStart(9),
              f(m('p50'), 2).padStart(13),
              f(m('p99'), 2).padStart(13),
              f(m('httpP50'), 0).padStart(11),
              f(m('httpP99'), 0).padStart(11),
              f(m('parTransaction')).padStart(19),
              f(m('cpuUsParEntree'), 0).padStart(13),
              rs.map((r) => f(r.charge)).join(' '),
            ].join(' | '),
          );
        }
      }
      const verification = await verifierJournal(db);
      console.log(`\nchaîne après ${p} processus : ${JSON.stringify(verification)}`);
      if (!verification.ok) process.exitCode = 1;
    } finally {
      await db.destroy();
      await base.supprimer();
    }
  }
}

if (process.argv[2] === 'enfant') {
  enfant(process.argv[3], JSON.parse(process.argv[4]) as Cas, Number(process.argv[5])).catch((err) => {
    console.error(err);
    process.exit(1);
  });
} else {
  principal().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
