import { RateLimiterRes } from 'rate-limiter-flexible';
import { createDb, type Db, migrate } from '../../src/db/knex';
import { QuotaParBlocs } from '../../src/http/limites';
import { nouvelleBase } from '../support/base';

// Two handles on one PostgreSQL database stand for two gateway processes: each has its own
// connections and its own blocks of points, they share only the counter in limites_debit.
// (test/perf/instances.test.ts does the same with two real servers.)

const surPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');
if (!surPostgres) console.warn('test/http/limites-partagees.test.ts ignoré : les blocs de quota ne servent que sur PostgreSQL (DATABASE_URL=postgres://…)');
const decrire = surPostgres ? describe : describe.skip;

const LIMITE = 100;
let base: { url: string; supprimer: () => Promise<void> };
let dbA: Db;
let dbB: Db;

decrire('QuotaParBlocs: one limit for every process, by blocks', () => {
  beforeAll(async () => {
    base = await nouvelleBase();
    dbA = createDb(base.url);
    await migrate(dbA);
    dbB = createDb(base.url);
  });
  afterAll(async () => {
    await dbA?.destroy();
    await dbB?.destroy();
    await base?.supprimer();
  });

  /** `n` requests at once on each process, for one key, in one window (retried when the machine spreads them over two). */
  async function rafale(cle: string, n: number): Promise<{ passees: number; refus: RateLimiterRes[]; reservations: number; autres: unknown[] }> {
    for (let essai = 0; ; essai++) {
      await new Promise((r) => setTimeout(r, 1100));
      const a = new QuotaParBlocs(dbA, 'essai', LIMITE);
      const b = new QuotaParBlocs(dbB, 'essai', LIMITE);
      const debut = Date.now();
      const issues = await Promise.allSettled([a, b].flatMap((q) => Array.from({ length: n }, () => q.consume(cle))));
      if (Date.now() - debut < 600 || essai === 4) {
        const refus = issues.flatMap((i) => (i.status === 'rejected' && i.reason instanceof RateLimiterRes ? [i.reason] : []));
        const autres = issues.flatMap((i) => (i.status === 'rejected' && !(i.reason instanceof RateLimiterRes) ? [i.reason] : []));
        return { passees: issues.filter((i) => i.status === 'fulfilled').length, refus, reservations: a.reservations + b.reservations, autres };
      }
    }
  }

  it('never lets more than the limit through in a window, refuses at most (processes − 1) × (block − 1) early, with a statement per block, not per request', async () => {
    const r = await rafale('rafale', 150);
    expect(r.autres).toEqual([]);
    // A block is at most a tenth of the limit: 10 here, so one process holds at most 9 unspent points.
    expect(r.passees).toBeLessThanOrEqual(LIMITE);
    expect(r.passees).toBeGreaterThanOrEqual(LIMITE - (2 - 1) * (LIMITE / 10 - 1));
    expect(r.refus).toHaveLength(300 - r.passees);
    for (const refus of r.refus) {
      expect(refus.remainingPoints).toBe(0);
      expect(refus.msBeforeNext).toBeGreaterThan(0);
      expect(refus.msBeforeNext).toBeLessThanOrEqual(1000);
    }
    // 300 requests, each process reserving blocks of 1, 1, 2, 4, 8, then 10: a few dozen statements at most.
    expect(r.reservations).toBeLessThan(40);
    const [ligne] = await dbA('limites_debit').where({ key: 'essai:rafale' }).select('points');
    expect(Number(ligne.points)).toBeGreaterThanOrEqual(LIMITE);
  });

  it('a limit below ten reserves point by point: exact across processes', async () => {
    const a = new QuotaParBlocs(dbA, 'petite', 4);
    const b = new QuotaParBlocs(dbB, 'petite', 4);
    for (let essai = 0; essai < 5; essai++) {
      await new Promise((r) => setTimeout(r, 1100));
      const debut = Date.now();
      const issues = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).consume('cle')));
      if (Date.now() - debut >= 600) continue;
      const passees = issues.flatMap((i) => (i.status === 'fulfilled' ? [i.value] : []));
      expect(passees).toHaveLength(4);
      // RateLimit-Remaining counts down across both processes.
      expect(passees.map((p) => p.remainingPoints).sort()).toEqual([0, 1, 2, 3]);
      return;
    }
    throw new Error('machine trop lente : aucune rafale dans une fenêtre');
  });

  it('the next window lets requests through again, and a process reserves nothing while its block lasts', async () => {
    const a = new QuotaParBlocs(dbA, 'fenetres', LIMITE);
    await new Promise((r) => setTimeout(r, 1100));
    const premieres = await Promise.allSettled(Array.from({ length: LIMITE + 5 }, () => a.consume('cle')));
    expect(premieres.filter((i) => i.status === 'rejected').length).toBeGreaterThanOrEqual(5);
    // Idle for more than a window: the next one starts from scratch.
    await new Promise((r) => setTimeout(r, 2100));
    const avant = a.reservations;
    const reservees = [];
    for (let i = 0; i < 4; i++) {
      expect((await a.consume('cle')).remainingPoints).toBeGreaterThan(0);
      reservees.push(a.reservations - avant);
    }
    // A new window: blocks of 1, 1, then 2 (as many as spent so far), whose second point costs no statement.
    expect(reservees).toEqual([1, 2, 3, 3]);
  });

  it('a process busy in the window just before starts the next one with a block of half its use there', async () => {
    const a = new QuotaParBlocs(dbA, 'suite', LIMITE);
    await new Promise((r) => setTimeout(r, 1100));
    let derniere = await a.consume('cle');
    for (let i = 1; i < 20; i++) derniere = await a.consume('cle');
    // Just past the end of that window.
    await new Promise((r) => setTimeout(r, derniere.msBeforeNext + 20));
    const avant = a.reservations;
    for (let i = 0; i < 10; i++) await a.consume('cle');
    // 20 spent before: one block of 10 covers the first ten requests of the new window.
    expect(a.reservations - avant).toBe(1);
  });

  it('the counters skip the write-ahead log, the journal and the tokens do not (migration 150)', async () => {
    const lignes: { rows: Array<{ relname: string; relpersistence: string }> } = await dbA.raw(
      "select relname, relpersistence from pg_class where relkind = 'r' and relname in ('limites_debit', 'requetes_en_cours', 'journal', 'oauth_tokens') order by relname",
    );
    expect(lignes.rows).toEqual([
      { relname: 'journal', relpersistence: 'p' },
      { relname: 'limites_debit', relpersistence: 'u' },
      { relname: 'oauth_tokens', relpersistence: 'p' },
      { relname: 'requetes_en_cours', relpersistence: 'u' },
    ]);
  });
});
