import type { Knex } from 'knex';

/**
 * API école's planning data, absent from the source systems: head-counts by level at each
 * rentrée (observed, or back-cast for the years before the pupil data), and capacities.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('constats_effectifs', (t) => {
    t.string('uai', 8).notNullable();
    t.string('annee_scolaire', 9).notNullable(); // '2025-2026'
    t.string('niveau_code', 8).notNullable();
    t.integer('effectif').notNullable();
    t.string('origine', 16).notNullable(); // constat | retropolation
    t.primary(['uai', 'annee_scolaire', 'niveau_code']);
    t.index(['annee_scolaire']);
  });
  await knex.schema.createTable('capacites', (t) => {
    t.string('uai', 8).notNullable();
    t.string('annee_scolaire', 9).notNullable();
    t.string('niveau_code', 8).notNullable();
    t.integer('divisions').notNullable();
    t.integer('places_par_division').notNullable();
    t.string('origine', 16).notNullable(); // structure (year observed) | prevision (next year)
    t.primary(['uai', 'annee_scolaire', 'niveau_code']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('capacites');
  await knex.schema.dropTableIfExists('constats_effectifs');
}
