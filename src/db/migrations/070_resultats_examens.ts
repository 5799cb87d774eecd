import type { Knex } from 'knex';

// The simulated exam systems (OCEAN, CYCLADES): one row per candidate and session, so that every
// published aggregate is recomputed from the candidates. Past sessions have anonymous candidates
// (eleve_id null): only their aggregates are served.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('candidats_examens', (t) => {
    t.increments('id').primary();
    t.integer('session').notNullable(); // year of the June session: 2026 = school year 2025-2026
    t.string('examen', 8).notNullable(); // dnb | bac | cap | bts
    t.string('voie', 16).notNullable(); // generale | technologique | professionnelle
    t.string('serie_code', 8); // série or spécialité (spécialité + ordre of the MEF); null: none (bac général, DNB)
    t.text('serie_libelle');
    t.string('uai', 8).notNullable();
    t.string('eleve_id', 24); // no foreign key: the pupils' generation replaces table eleves wholesale
    t.boolean('present').notNullable();
    t.boolean('admis').notNullable();
    t.string('mention', 4); // AB | B | TB | TBF (félicitations du jury); null: admis sans mention, refusé or no mention at this exam
    t.index(['session', 'examen', 'uai']);
    t.index(['eleve_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('candidats_examens');
}
