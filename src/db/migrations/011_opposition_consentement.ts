import type { Knex } from 'knex';

// Rights of the person, per finalité: oppositions (RGPD art. 21) and consents (art. 6.1.a, 7).
// Days are 'YYYY-MM-DD'; a finalité code is a registry code (no foreign key: the registry is reloaded from data files).

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('oppositions', (t) => {
    t.increments('id');
    t.string('personne_id', 64).notNullable();
    t.string('finalite_code', 64).notNullable();
    t.string('date_debut', 10).notNullable();
    t.string('date_fin', 10); // null: until further notice
    t.string('origine', 128).notNullable();
    t.string('cree_le', 32).notNullable();
    t.index(['finalite_code', 'personne_id']);
  });
  await knex.schema.createTable('consentements', (t) => {
    t.increments('id');
    t.string('personne_id', 64).notNullable();
    t.string('finalite_code', 64).notNullable();
    t.string('siret', 14).notNullable();
    t.text('portee').notNullable(); // JSON, e.g. {"adresse_contact": true}
    t.string('date_recueil', 10).notNullable();
    t.string('date_expiration', 10).notNullable();
    t.string('date_retrait', 10);
    t.string('origine', 128).notNullable();
    t.string('cree_le', 32).notNullable();
    t.index(['finalite_code', 'siret', 'personne_id']);
    t.index(['date_expiration']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('consentements');
  await knex.schema.dropTableIfExists('oppositions');
}
