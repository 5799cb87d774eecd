import type { Knex } from 'knex';

// The occupation (PCS, two digits) of each responsable, as SIÈCLE records it: the social origin
// of the anonymised pupil file (sectorisation, mixité sociale). Null in generations made before.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('responsables', (t) => {
    t.string('pcs', 2);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('responsables', (t) => {
    t.dropColumn('pcs');
  });
}
