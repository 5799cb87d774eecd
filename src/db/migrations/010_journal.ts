import type { Knex } from 'knex';

// Journal of disclosures: one row per response carrying personal data, hash-chained.
// Text columns hold JSON exactly as hashed, so verification rehashes the stored bytes.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('journal', (t) => {
    t.bigInteger('sequence').primary(); // assigned under the append lock: a gap is a missing entry
    t.string('horodatage', 32).notNullable();
    t.string('request_id', 128).notNullable();
    t.string('client_id', 64).notNullable();
    t.string('siret', 14).notNullable();
    t.string('api', 32).notNullable();
    t.string('operation', 128).notNullable();
    t.string('finalite', 64).notNullable();
    t.text('base_legale').notNullable();
    t.text('scopes').notNullable();
    t.text('champs').notNullable();
    t.integer('nombre_personnes').notNullable();
    t.text('personnes').notNullable(); // JSON array of keyed hashes, never internal ids
    t.string('contexte', 128);
    t.string('objet', 128);
    t.string('resultat', 32).notNullable();
    t.string('hash_precedent', 64).notNullable();
    t.string('hash', 64).notNullable();
    t.index(['horodatage']);
    t.index(['siret', 'horodatage']);
    t.index(['api', 'horodatage']);
    t.index(['finalite', 'horodatage']);
    t.index(['hash']);
  });
  // The data-subject report (RGPD art. 15) looks persons up here rather than inside JSON.
  await knex.schema.createTable('journal_personnes', (t) => {
    t.string('personne_hash', 64).notNullable();
    t.bigInteger('sequence').notNullable();
    t.primary(['personne_hash', 'sequence']);
    t.index(['sequence']);
  });
  // After a purge, verification starts from the latest anchor instead of the genesis.
  await knex.schema.createTable('journal_ancre', (t) => {
    t.bigInteger('sequence').primary(); // last purged entry, predecessor of the first kept one
    t.string('hash', 64).notNullable();
    t.string('cree_le', 32).notNullable();
  });
  // Last appended entry: deleting or altering the newest rows is detected too.
  await knex.schema.createTable('journal_tete', (t) => {
    t.integer('id').primary();
    t.bigInteger('sequence').notNullable();
    t.string('hash', 64).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['journal_tete', 'journal_ancre', 'journal_personnes', 'journal']) {
    await knex.schema.dropTableIfExists(table);
  }
}
