import type { Knex } from 'knex';

// How far the per-person index (journal_personnes) covers the journal: the last entry fully
// indexed and how many persons of the next one are. Entries written before this migration were
// indexed in their own transaction, so the index starts complete.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('journal_index', (t) => {
    t.integer('id').primary();
    t.bigInteger('sequence').notNullable();
    t.integer('position').notNullable();
  });
  const dernier = await knex('journal').max({ s: 'sequence' }).first();
  await knex('journal_index').insert({ id: 1, sequence: Number(dernier?.s ?? 0), position: 0 });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('journal_index');
}
