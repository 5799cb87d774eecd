import type { Knex } from 'knex';

// Rate-limit counters shared by every gateway process on PostgreSQL: rate-limiter-flexible's
// RateLimiterPostgres layout (key, points, expire in epoch ms), created here rather than at
// first use so that workers never race to create it.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('limites_debit', (t) => {
    t.string('key', 255).primary();
    t.integer('points').notNullable().defaultTo(0);
    t.bigInteger('expire');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('limites_debit');
}
