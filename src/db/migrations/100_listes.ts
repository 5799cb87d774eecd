import type { Knex } from 'knex';

// Generic incremental nominative lists (src/listes): every kind of list (`liste`: demi-pensionnaires,
// internes, 16–18 training obligation…) stores its versions and monthly publications here, one list
// per key (`cle`: a UAI, a département…). Same semantics as obligation_versions/obligation_publications,
// which the mairie lists keep. The entry's content is JSON (`donnees`), read by the list's descriptor.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('liste_versions', (t) => {
    t.increments('id').primary();
    t.string('liste', 40).notNullable();
    t.string('cle', 16).notNullable();
    t.string('eleve_id', 24).notNullable();
    t.string('annee_scolaire', 9).notNullable();
    // The list as of D: valide_du <= D and (valide_jusqu_au is null or valide_jusqu_au > D).
    t.string('valide_du', 10).notNullable();
    t.string('valide_jusqu_au', 10);
    t.string('motif_debut', 32).notNullable();
    t.string('motif_fin', 32); // set only on the version that takes the person off this list (tombstone)
    t.text('champs_modifies'); // JSON array of the `donnees` fields changed since the previous version
    t.text('donnees').notNullable(); // JSON: the entry's content, the descriptor's business
    // A list as of a date, in the list's order, from the index alone (ids, counts, pages).
    t.index(['liste', 'cle', 'eleve_id', 'valide_du', 'valide_jusqu_au'], 'liste_versions_liste_index');
    // The change feed: versions that began or ended between two publications.
    t.index(['liste', 'cle', 'valide_du'], 'liste_versions_debut_index');
    t.index(['liste', 'cle', 'valide_jusqu_au'], 'liste_versions_fin_index');
  });

  await knex.schema.createTable('liste_publications', (t) => {
    t.string('liste', 40).notNullable();
    t.string('cle', 16).notNullable();
    t.string('date_publication', 10).notNullable();
    t.string('annee_scolaire', 9).notNullable();
    t.integer('numero').notNullable(); // the list's version: 1, 2, 3… within a generation
    t.integer('nombre_total').notNullable();
    t.integer('nombre_ajouts').notNullable();
    t.integer('nombre_modifications').notNullable();
    t.integer('nombre_retraits').notNullable();
    t.integer('generation_id').notNullable().references('generations.id');
    t.primary(['liste', 'cle', 'date_publication']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('liste_publications');
  await knex.schema.dropTableIfExists('liste_versions');
}
