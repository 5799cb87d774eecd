import cluster from 'node:cluster';
import type { Server } from 'node:http';
import os from 'node:os';
import { RateLimiterClusterMaster } from 'rate-limiter-flexible';
import { creerApp } from './app';
import { chargerConfig, type Config } from './config';
import { createDb, isPostgres, type Db } from './db/knex';
import { preparerBase } from './demarrage';
import { journalApplicatif } from './http/journal-applicatif';
import { repondreErreurClient } from './http/problemes';
import { demarrerDistributeur } from './notifications/distributeur';
import { demarrerPurgePeriodique } from './privacy/retention';

/**
 * WORKERS: gateway processes sharing the port (node:cluster); default one per core on
 * PostgreSQL, one on SQLite (a single writer: processes would wait on each other's locks).
 */
function nombreDeWorkers(config: Config, env: NodeJS.ProcessEnv = process.env): number {
  if (env.WORKERS === undefined || env.WORKERS === '') return config.databaseUrl.startsWith('sqlite:') ? 1 : os.availableParallelism();
  const n = Number(env.WORKERS);
  if (!Number.isInteger(n) || n <= 0) throw new Error('WORKERS doit être un entier positif');
  return n;
}

const DELAI_ARRET_MS = 15_000;

/** Stops once, on the first signal; a second signal is ignored, the deadline forces the exit. */
function surSignalDArret(arreter: (signal: NodeJS.Signals) => void): void {
  let arret = false;
  const une = (signal: NodeJS.Signals) => {
    if (arret) return;
    arret = true;
    journalApplicatif.info({ signal, pid: process.pid }, 'arrêt demandé');
    setTimeout(() => process.exit(1), DELAI_ARRET_MS).unref();
    arreter(signal);
  };
  process.on('SIGTERM', () => une('SIGTERM'));
  process.on('SIGINT', () => une('SIGINT'));
}

/**
 * One gateway process: the HTTP server and the notification worker. Graceful stop: in-flight
 * requests finish, new connections are refused, then the pool closes.
 */
function servir(config: Config, db: Db, taches: { purge: boolean }): void {
  const app = creerApp({ db, config });
  const distributeur = demarrerDistributeur(db);
  const arreterPurge = taches.purge ? demarrerPurgePeriodique(db) : async () => {};
  const serveur: Server = app.listen(config.port, () => {
    journalApplicatif.info(
      { port: config.port, url: config.urlPublique, pid: process.pid },
      `passerelle à l'écoute sur ${config.urlPublique} (documentation : /docs)`,
    );
  });
  serveur.on('clientError', repondreErreurClient);
  surSignalDArret(() => {
    const purgeArretee = arreterPurge();
    serveur.close(async () => {
      await Promise.all([distributeur.arreter(), purgeArretee]);
      await db.destroy();
      process.exit(0);
    });
    serveur.closeIdleConnections?.();
  });
}

/**
 * The primary migrates and seeds once, runs the hourly purge, then forks the workers (which
 * share the listening port) and replaces any that dies; on a signal it waits for them to drain.
 */
function superviser(config: Config, db: Db, workers: number): void {
  const arreterPurge = demarrerPurgePeriodique(db);
  // On SQLite the workers' rate-limit counters live here (http/limites.ts); PostgreSQL holds its own.
  if (!isPostgres(db)) new RateLimiterClusterMaster();
  let arret = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  const prets = new Set<number>();
  cluster.on('listening', (worker) => prets.add(worker.id));
  cluster.on('exit', (worker, code, signal) => {
    if (arret) {
      if (Object.keys(cluster.workers ?? {}).length === 0)
        void arreterPurge()
          .then(() => db.destroy())
          .then(() => process.exit(0));
      return;
    }
    // A worker that dies before listening (port taken, database unreachable) would die again.
    if (!prets.has(worker.id)) {
      journalApplicatif.fatal({ pid: worker.process.pid, code, signal }, 'un worker n’a pas pu démarrer');
      process.exit(1);
    }
    journalApplicatif.error({ pid: worker.process.pid, code, signal }, 'worker arrêté : remplacé');
    cluster.fork();
  });
  journalApplicatif.info({ workers, pid: process.pid }, 'processus principal : workers démarrés');
  surSignalDArret((signal) => {
    arret = true;
    const purgeArretee = arreterPurge();
    const vivants = Object.values(cluster.workers ?? {});
    if (vivants.length === 0) void purgeArretee.then(() => db.destroy()).then(() => process.exit(0));
    for (const worker of vivants) worker?.process.kill(signal);
  });
}

async function main(): Promise<void> {
  const config = chargerConfig();
  if (cluster.isPrimary) {
    const workers = nombreDeWorkers(config);
    const db = await preparerBase(config);
    if (workers === 1) servir(config, db, { purge: true });
    else superviser(config, db, workers);
  } else {
    // The schema and the demo data are the primary's job, done before any worker starts.
    servir(config, createDb(config.databaseUrl), { purge: false });
  }
}

main().catch((err: Error) => {
  journalApplicatif.fatal({ erreur: err.message }, 'démarrage impossible');
  process.exit(1);
});
