import type { Knex } from 'knex';

// The registry says which scopes carry personal data: those routes must journal every response.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('scopes', (t) => {
    t.boolean('donnees_personnelles').notNullable().defaultTo(false);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('scopes', (t) => {
    t.dropColumn('donnees_personnelles');
  });
}
