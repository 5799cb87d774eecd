import type { Knex } from 'knex';

// The rate-limit counters and the markers of requests in flight live a second to a minute, and
// are written at each request that reaches them: on PostgreSQL they skip the write-ahead log
// (UNLOGGED), so taking and freeing a marker waits for no disk flush. A crash of the database
// empties them, which only restarts the current windows and frees the markers of requests that
// the crash ended anyway. SQLite has no such tables: nothing to do.

const TABLES = ['limites_debit', 'requetes_en_cours'];

export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') return;
  for (const table of TABLES) await knex.raw('alter table ?? set unlogged', [table]);
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') return;
  for (const table of TABLES) await knex.raw('alter table ?? set logged', [table]);
}
