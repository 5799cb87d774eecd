import type { Request, RequestHandler, Response } from 'express';
import cluster from 'node:cluster';
import { RateLimiterCluster, RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Principal } from '../auth/principal';
import type { Contexte } from '../contexte';
import { type Db, executer, instruction, isPostgres } from '../db/knex';
import { Probleme } from './problemes';

/** What a limiter answers: a request let through (its headers) or refused (thrown), as rate-limiter-flexible does. */
interface Limiteur {
  consume(cle: string): Promise<RateLimiterRes>;
}

const limiteurs = new WeakMap<Contexte, Map<string, Limiteur>>();

/**
 * A habilitation gets its limit once, not once per process: on PostgreSQL every gateway process
 * (workers, instances behind a load balancer) counts in the same table, by blocks of points
 * (`QuotaParBlocs`); on SQLite the workers of the one gateway count in their primary (server.ts),
 * a single process in its own memory.
 */
function creerLimiteur(ctx: Contexte, nom: string, points: number): Limiteur {
  const options = { keyPrefix: nom, points, duration: 1 };
  if (!isPostgres(ctx.db)) return cluster.isWorker ? new RateLimiterCluster({ ...options, timeoutMs: 2000 }) : new RateLimiterMemory(options);
  return new QuotaParBlocs(ctx.db, nom, points);
}

const DUREE_FENETRE_MS = 1000;

/** At most this share of the limit is reserved at once by one process: the bound of the tolerance below. */
const PART_MAX_D_UN_BLOC = 10;

/**
 * Adds `points` to a key's counter of the current one-second window (a new window once the stored
 * one has ended) and answers the counter and the window's end: one statement, atomic across
 * processes. The layout is rate-limiter-flexible's (key, points, expire in epoch ms).
 */
const reserverEnBase = instruction<{ cle: string; points: number; fin: number; maintenant: number }, Array<{ points: number; expire: string | number }>>(
  (db, p) =>
    db('limites_debit')
      .insert({ key: p.cle, points: p.points, expire: p.fin })
      .onConflict('key')
      .merge({
        points: db.raw('case when limites_debit.expire <= ? then excluded.points else limites_debit.points + excluded.points end', [p.maintenant]),
        expire: db.raw('case when limites_debit.expire <= ? then excluded.expire else limites_debit.expire end', [p.maintenant]),
      })
      .returning(['points', 'expire']),
);

/** One key's window as this process sees it. */
interface Fenetre {
  /** End of the window, epoch ms (the stored one). */
  fin: number;
  /** Points reserved in the database and not yet spent here. */
  enMain: number;
  /** Points spent here in this window: the next block's size. */
  depenses: number;
  /** Points spent here in the window just before, if it ended less than a window ago: half of it sizes the first block. */
  precedentes: number;
  /** The limit minus the shared counter at the last reservation. */
  restantEnBase: number;
  /** Requests waiting for the reservation in flight, or woken from it and not yet served: the next block's size too. */
  enAttente: number;
  reservation?: Promise<void>;
}

/**
 * A limit shared by every process on the database without a write per request. A process reserves
 * points of the current window in the shared counter, one statement per block, and spends them
 * locally; blocks double with its own use in the window (1, 1, 2, 4…, or from half its use in the
 * window just before), up to a tenth of the limit.
 * The counter never grants more than the limit: **across all processes, never more than the limit
 * is let through in a window**. The tolerance is the other way: a process may refuse while others
 * still hold points they reserved and will not spend, at most (processes − 1) × (block − 1), so at
 * least limit − (P − 1) × (⌈limit / 10⌉ − 1) requests pass (20/s and two processes: 19).
 */
export class QuotaParBlocs implements Limiteur {
  private readonly fenetres = new Map<string, Fenetre>();
  private readonly blocMax: number;
  /** Statements run: the cost the blocks save, observable by the tests. */
  reservations = 0;

  constructor(
    private readonly db: Db,
    private readonly prefixe: string,
    private readonly limite: number,
  ) {
    this.blocMax = Math.max(1, Math.ceil(limite / PART_MAX_D_UN_BLOC));
  }

  async consume(cle: string): Promise<RateLimiterRes> {
    const nom = `${this.prefixe}:${cle}`;
    for (;;) {
      const maintenant = Date.now();
      let f = this.fenetres.get(nom);
      if (!f || f.fin <= maintenant) {
        if (f?.reservation) {
          await this.attendre(f);
          continue;
        }
        const precedentes = f && maintenant - f.fin < DUREE_FENETRE_MS ? f.depenses : 0;
        f = { fin: 0, enMain: 0, depenses: 0, precedentes, restantEnBase: this.limite, enAttente: 0 };
        this.fenetres.set(nom, f);
      }
      if (f.enMain > 0) {
        f.enMain--;
        f.depenses++;
        const restant = f.restantEnBase + f.enMain;
        return new RateLimiterRes(restant, f.fin - maintenant, this.limite - restant, false);
      }
      // The shared counter is spent for this window: refused here until it ends.
      if (f.fin > maintenant && f.restantEnBase === 0) throw new RateLimiterRes(0, f.fin - maintenant, this.limite, false);
      f.reservation ??= this.reserver(nom, f);
      await this.attendre(f);
    }
  }

  private async attendre(f: Fenetre): Promise<void> {
    f.enAttente++;
    try {
      await f.reservation;
    } finally {
      f.enAttente--;
    }
  }

  private async reserver(nom: string, f: Fenetre): Promise<void> {
    const demande = Math.min(this.blocMax, Math.max(1, f.depenses, f.enAttente, Math.ceil(f.precedentes / 2)));
    try {
      const maintenant = Date.now();
      this.reservations++;
      const [ligne] = await reserverEnBase(this.db, { cle: nom, points: demande, fin: maintenant + DUREE_FENETRE_MS, maintenant });
      const compteur = Number(ligne.points);
      const fin = Number(ligne.expire);
      if (fin !== f.fin) Object.assign(f, { fin, enMain: 0, depenses: 0 });
      // What the counter held before this block decides how much of it is granted.
      f.enMain += Math.max(0, Math.min(demande, this.limite - (compteur - demande)));
      f.restantEnBase = Math.max(0, this.limite - compteur);
      if (this.fenetres.size > 10_000) for (const [k, autre] of this.fenetres) if (autre.fin <= maintenant && !autre.reservation) this.fenetres.delete(k);
    } finally {
      f.reservation = undefined;
    }
  }
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

function limiteur(ctx: Contexte, nom: string, points: number): Limiteur {
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
