import type { Knex } from 'knex';

// A national run invents establishments where the imported annuaire has none: they must never
// be mistaken for real ones, and a new generation replaces them.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('etablissements', (t) => {
    t.boolean('synthetique').notNullable().defaultTo(false);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('etablissements', (t) => {
    t.dropColumn('synthetique');
  });
}
