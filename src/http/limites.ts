import type { Request, RequestHandler, Response } from 'express';
import cluster from 'node:cluster';
import { RateLimiterCluster, RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Principal } from '../auth/principal';
import type { Contexte } from '../contexte';
import { type Db, executer, isPostgres } from '../db/knex';
import { Probleme } from './problemes';

const limiteurs = new WeakMap<Contexte, Map<string, RateLimiterAbstract>>();

/**
 * A habilitation gets its limit once, not once per process: on PostgreSQL every gateway process
 * (workers, instances behind a load balancer) counts in the same table; on SQLite the workers
 * of the one gateway count in their primary (server.ts), a single process in its own memory.
 */
function creerLimiteur(ctx: Contexte, nom: string, points: number): RateLimiterAbstract {
  const options = { keyPrefix: nom, points, duration: 1 };
  if (!isPostgres(ctx.db)) return cluster.isWorker ? new RateLimiterCluster({ ...options, timeoutMs: 2000 }) : new RateLimiterMemory(options);
  return new RateLimiterPostgres({
    ...options,
    storeClient: ctx.db,
    storeType: 'knex',
    tableName: 'limites_debit',
    tableCreated: true,
    // Once a key is over its limit this second, refuse it here without asking the database again.
    inMemoryBlockOnConsumed: points + 1,
    inMemoryBlockDuration: 1,
  });
}

/**
 * Failed client authentications per IP over a minute, counted in the database on both engines:
 * a guesser spread over the processes and instances of the gateway meets the limit once. Expired
 * counters go with the retention purge (an IP is personal data).
 */
export function compteurEchecsAuthentification(ctx: Contexte): RateLimiterAbstract {
  const options = {
    keyPrefix: 'echecs_authentification',
    points: ctx.config.echecsAuthentificationParMinute,
    duration: 60,
    storeClient: ctx.db,
    storeType: 'knex',
    tableName: 'limites_debit',
    tableCreated: true,
    clearExpiredByTimeout: false,
  };
  return isPostgres(ctx.db) ? new RateLimiterPostgres(options) : new RateLimiterSQLite(options);
}

function limiteur(ctx: Contexte, nom: string, points: number): RateLimiterAbstract {
  let parNom = limiteurs.get(ctx);
  if (!parNom) limiteurs.set(ctx, (parNom = new Map()));
  let l = parNom.get(nom);
  if (!l) parNom.set(nom, (l = creerLimiteur(ctx, nom, points)));
  return l;
}

/** IETF RateLimit headers (API Particulier's convention) on every response, Retry-After on 429. */
function entetes(res: Response, limite: number, etat: RateLimiterRes): void {
  res.setHeader('RateLimit-Limit', String(limite));
  res.setHeader('RateLimit-Remaining', String(Math.max(0, etat.remainingPoints)));
  res.setHeader('RateLimit-Reset', String(Math.ceil(etat.msBeforeNext / 1000)));
}

function consommer(nom: string, cle: (req: Request) => string): RequestHandler {
  // Named: profiles and the bench's per-layer timing show it as such.
  return async function limiteDeDebit(req, res, next) {
    const ctx = req.app.locals.contexte as Contexte;
    const limite = ctx.config.limiteParSeconde;
    try {
      entetes(res, limite, await limiteur(ctx, nom, limite).consume(cle(req)));
      next();
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) return next(err);
      entetes(res, limite, err);
      next(new Probleme('trop_de_requetes', undefined, {}, { 'Retry-After': String(Math.max(1, Math.ceil(err.msBeforeNext / 1000))) }));
    }
  };
}

/** Per habilitation: the one that opens this API for the caller (tsoa runs it after authentication). */
export function limiteParHabilitation(apiId: string): RequestHandler {
  return consommer('habilitation', (req) => {
    const principal = req.user as Principal;
    const h = principal.habilitations.find((x) => x.api_id === apiId);
    return h ? h.id : principal.clientId;
  });
}

/** Open-data routes: per client IP. */
export const limiteParIp: RequestHandler = consommer('ip', (req) => req.ip ?? 'inconnue');

/** Counters past their window (rate-limiter-flexible treats them as absent): retention purge. */
export function purgerCompteursExpires(db: Db, instant: number): Promise<number> {
  return executer<number>(db, db('limites_debit').where('expire', '<', instant).delete());
}
