import type { Knex } from 'knex';

// A grouping of communes (EPCI, syndicat scolaire) is a recipient whose territory is a set of
// communes. An EPCI's members follow the official geography; a syndicat's are registered by the
// operators, one dated movement per row: the rows are both the membership and its history.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('destinataires', (t) => {
    t.string('code_groupement', 9); // EPCI code (its SIREN) or the syndicat's SIREN
    t.string('nature_groupement', 32); // metropole | communaute_urbaine | … | sivu | sivom
  });
  await knex.schema.createTable('groupement_adhesions', (t) => {
    t.increments('id');
    t.string('siret', 14).notNullable().references('destinataires.siret');
    t.string('code_commune', 5).notNullable();
    t.string('mouvement', 16).notNullable(); // adhesion | retrait
    t.string('date_effet', 10).notNullable(); // first day the movement applies
    t.string('acteur').notNullable();
    t.text('motif').notNullable();
    t.string('enregistre_le', 32).notNullable();
    t.index(['siret', 'code_commune']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('groupement_adhesions');
  await knex.schema.alterTable('destinataires', (t) => {
    t.dropColumn('nature_groupement');
    t.dropColumn('code_groupement');
  });
}
