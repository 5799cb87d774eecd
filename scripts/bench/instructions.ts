/**
 * `npm run bench:instructions`: what one statement of the request path costs in the gateway's
 * process, by the three ways of running it, in one run and in alternation (so the machine's load
 * weighs on each alike):
 *   - knex's runner (`await builder`): the baseline, the path every statement took before;
 *   - `executer`: built and compiled by knex at each call, run directly on a pooled connection
 *     (named statement on PostgreSQL, cached prepared statement on SQLite);
 *   - `instruction`: compiled once, new values bound at each call.
 * Two statements: a primary-key read (the token lookup's shape) and the two-aggregate read of
 * the oppositions (the 304's validator). Sequential calls, then 8 at a time.
 * Options: DATABASE_URL (postgres://… : a temporary database on that server; default a SQLite
 * file), BENCH_APPELS (calls per variant and round, default 2000), BENCH_TOURS (default 3).
 */
import { executer, instruction, type Db } from '../../src/db/knex';
import { ouvrirBase } from '../../test/support/base';

const APPELS = Number(process.env.BENCH_APPELS || 2000);
const TOURS = Number(process.env.BENCH_TOURS || 3);
const LIGNES = 10_000;

type Appel = (db: Db, i: number) => Promise<unknown>;

const parIdCompilee = instruction<{ id: number }, { nom: string } | undefined>((db, p) => db('essais').where('id', p.id).first('nom'));
const agregatsCompiles = instruction<{ groupe: string; date: string }, unknown[]>((db, p) =>
  db('essais')
    .where('groupe', p.groupe)
    .where('date_debut', '<=', p.date)
    .andWhere((w) => w.whereNull('date_fin').orWhere('date_fin', '>=', p.date))
    .count({ n: '*' })
    .sum({ s: 'id' }),
);
const agregats = (db: Db, i: number) =>
  db('essais')
    .where('groupe', `g${i % 10}`)
    .where('date_debut', '<=', '2026-12-01')
    .andWhere((w) => w.whereNull('date_fin').orWhere('date_fin', '>=', '2026-12-01'))
    .count({ n: '*' })
    .sum({ s: 'id' });

const INSTRUCTIONS: Array<{ nom: string; variantes: Record<string, Appel> }> = [
  {
    nom: 'lecture par clé primaire',
    variantes: {
      'runner knex (référence)': (db, i) =>
        db('essais')
          .where('id', (i % LIGNES) + 1)
          .first('nom'),
      executer: (db, i) =>
        executer(
          db,
          db('essais')
            .where('id', (i % LIGNES) + 1)
            .first('nom'),
        ),
      instruction: (db, i) => parIdCompilee(db, { id: (i % LIGNES) + 1 }),
    },
  },
  {
    nom: 'deux agrégats (validateur du 304)',
    variantes: {
      'runner knex (référence)': (db, i) => agregats(db, i),
      executer: (db, i) => executer(db, agregats(db, i)),
      instruction: (db, i) => agregatsCompiles(db, { groupe: `g${i % 10}`, date: '2026-12-01' }),
    },
  },
];

/** Wall and CPU microseconds per call, `simultanes` calls in flight at a time. */
async function mesurer(db: Db, appel: Appel, simultanes: number): Promise<{ murUs: number; cpuUs: number }> {
  const cpu = process.cpuUsage();
  const debut = process.hrtime.bigint();
  for (let i = 0; i < APPELS; i += simultanes) {
    await Promise.all(Array.from({ length: Math.min(simultanes, APPELS - i) }, (_, k) => appel(db, i + k)));
  }
  const murUs = Number(process.hrtime.bigint() - debut) / 1000 / APPELS;
  const { user, system } = process.cpuUsage(cpu);
  return { murUs, cpuUs: (user + system) / APPELS };
}

const mediane = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const { db, fermer } = await ouvrirBase({ migrer: false });
  try {
    await db.schema.createTable('essais', (t) => {
      t.integer('id').primary();
      t.string('nom').notNullable();
      t.string('groupe').notNullable().index();
      t.string('date_debut').notNullable();
      t.string('date_fin');
    });
    for (let debut = 1; debut <= LIGNES; debut += 500) {
      const lot = Array.from({ length: Math.min(500, LIGNES - debut + 1) }, (_, k) => {
        const id = debut + k;
        return { id, nom: `nom-${id}`, groupe: `g${id % 10}`, date_debut: '2026-01-01', date_fin: id % 3 === 0 ? '2026-06-30' : null };
      });
      await db('essais').insert(lot);
    }
    const moteur = db.client.config.client === 'pg' ? 'PostgreSQL' : 'SQLite';
    console.log(`${moteur}, ${LIGNES} lignes, ${APPELS} appels par variante et par tour, ${TOURS} tours alternés (médianes)\n`);
    for (const simultanes of [1, 8]) {
      for (const { nom, variantes } of INSTRUCTIONS) {
        const resultats = new Map<string, Array<{ murUs: number; cpuUs: number }>>();
        for (const appel of Object.values(variantes)) await mesurer(db, appel, simultanes); // warm-up
        for (let tour = 0; tour < TOURS; tour++) {
          for (const [v, appel] of Object.entries(variantes)) resultats.set(v, [...(resultats.get(v) ?? []), await mesurer(db, appel, simultanes)]);
        }
        const [reference] = resultats.values();
        const murRef = mediane(reference.map((r) => r.murUs));
        const cpuRef = mediane(reference.map((r) => r.cpuUs));
        console.log(`${nom}, ${simultanes} à la fois :`);
        for (const [v, rs] of resultats) {
          const mur = mediane(rs.map((r) => r.murUs));
          const cpu = mediane(rs.map((r) => r.cpuUs));
          console.log(
            `  ${v.padEnd(24)} ${mur.toFixed(1).padStart(7)} µs/appel (×${(mur / murRef).toFixed(2)})   CPU ${cpu.toFixed(1).padStart(7)} µs/appel (×${(cpu / cpuRef).toFixed(2)})`,
          );
        }
      }
    }
  } finally {
    await fermer();
  }
}

main().catch((err: Error) => {
  console.error(`banc interrompu : ${err.message}`);
  process.exitCode = 1;
});
