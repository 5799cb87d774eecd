import type { Knex } from 'knex';

// A recipient's own request names its DPO (DataPass asks for a person and an address): the
// existing `dpo` column keeps the address, this one the name.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('habilitations', (t) => {
    t.string('dpo_nom', 200);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('habilitations', (t) => {
    t.dropColumn('dpo_nom');
  });
}
