import type { Knex } from 'knex';

// A whole list disclosed is journaled as one entry naming the list (kind, key, publication,
// generation, perimeter, excluded persons' hashes) in `journal.liste`, hashed with the entry,
// instead of one hash per person. `journal_listes` is its derived lookup table, written in the
// same transaction: the data-subject report finds the list entries of a person's keys there.
// The list versions gain an index by person: the report reads one person's versions.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('journal', (t) => {
    t.text('liste'); // JSON exactly as hashed; null for an entry naming its persons
  });
  await knex.schema.createTable('journal_listes', (t) => {
    t.bigInteger('sequence').primary();
    t.string('type', 64).notNullable();
    t.string('cle', 64).notNullable();
    t.string('date_reference', 10).notNullable();
    t.bigInteger('generation').notNullable();
    t.string('perimetre', 64).notNullable();
    t.index(['type', 'cle', 'sequence']);
    t.index(['type', 'generation', 'sequence']);
  });
  // The report asks where one child stood on the mairie lists: without it, a scan of every version.
  await knex.schema.alterTable('obligation_versions', (t) => {
    t.index(['eleve_id', 'code_commune'], 'obligation_versions_eleve_index');
  });
  await knex.schema.alterTable('liste_versions', (t) => {
    t.index(['eleve_id', 'liste', 'cle'], 'liste_versions_eleve_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('liste_versions', (t) => {
    t.dropIndex([], 'liste_versions_eleve_index');
  });
  await knex.schema.alterTable('obligation_versions', (t) => {
    t.dropIndex([], 'obligation_versions_eleve_index');
  });
  await knex.schema.dropTableIfExists('journal_listes');
  await knex.schema.alterTable('journal', (t) => {
    t.dropColumn('liste');
  });
}
