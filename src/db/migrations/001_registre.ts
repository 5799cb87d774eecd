import type { Knex } from 'knex';

// Dates are stored as text: 'YYYY-MM-DD' for days, ISO-8601 UTC (toISOString) for instants,
// so that comparisons behave identically on SQLite and PostgreSQL. JSON is stored as text.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('traitements', (t) => {
    t.string('code', 32).primary();
    t.string('nom').notNullable();
    t.text('description').notNullable();
    t.string('responsable_traitement').notNullable();
    t.text('base_legale_texte').notNullable();
    t.string('base_legale_reference').notNullable();
    t.string('base_legale_url');
    t.integer('duree_conservation_mois').notNullable();
  });
  await knex.schema.createTable('finalites', (t) => {
    t.string('code', 64).primary();
    t.string('libelle').notNullable();
    t.text('description').notNullable();
    t.string('traitement_code', 32).notNullable().references('traitements.code');
    t.string('base_rgpd', 8).notNullable(); // '6.1.c' (obligation légale) | '6.1.e' (mission d'intérêt public) | '6.1.a' (consentement)
    t.boolean('opposition_applicable').notNullable();
    t.boolean('consentement_requis').notNullable();
  });
  await knex.schema.createTable('categories_destinataires', (t) => {
    t.string('code', 32).primary();
    t.string('libelle').notNullable();
  });
  await knex.schema.createTable('apis', (t) => {
    t.string('id', 32).primary();
    t.string('titre').notNullable();
    t.text('description').notNullable();
    t.string('direction_responsable').notNullable();
    t.string('statut', 16).notNullable();
    t.string('version', 16).notNullable();
    t.string('chemin_base').notNullable();
    t.string('traitement_code', 32).notNullable().references('traitements.code');
  });
  await knex.schema.createTable('scopes', (t) => {
    t.string('code', 64).primary();
    t.string('api_id', 32).references('apis.id'); // null: scopes of the gateway itself (admin, dpo)
    t.string('libelle').notNullable();
    t.text('description').notNullable();
    t.text('champs').notNullable(); // JSON: field paths this scope reveals
  });
  await knex.schema.createTable('regles', (t) => {
    t.string('code', 64).primary();
    t.string('traitement_code', 32).notNullable().references('traitements.code');
    t.string('finalite_code', 64).notNullable().references('finalites.code');
    t.string('categorie_code', 32).notNullable().references('categories_destinataires.code');
    t.text('scopes').notNullable(); // JSON array
    t.string('territoire', 16).notNullable(); // commune | departement | region | national
    t.text('perimetre'); // JSON: further restrictions, e.g. {"types_etablissement": ["college"]}
    t.text('base_legale').notNullable();
  });
  await knex.schema.createTable('destinataires', (t) => {
    t.string('siret', 14).primary();
    t.string('nom').notNullable();
    t.string('categorie_code', 32).notNullable().references('categories_destinataires.code');
    t.string('code_commune', 5);
    t.string('code_departement', 3);
    t.string('code_region', 2);
    t.string('pour_compte_de_siret', 14); // an éditeur acts for a collectivité
    t.string('cree_le', 32).notNullable();
  });
  await knex.schema.createTable('habilitations', (t) => {
    t.string('id', 40).primary();
    t.string('siret', 14).notNullable().references('destinataires.siret');
    t.string('api_id', 32).references('apis.id');
    t.string('regle_code', 64).references('regles.code');
    t.string('finalite_code', 64).references('finalites.code');
    t.text('scopes').notNullable(); // JSON array
    t.string('intitule').notNullable();
    t.string('date_debut', 10).notNullable();
    t.string('date_fin', 10).notNullable();
    t.string('statut', 24).notNullable(); // soumise | validee | refusee | revoquee | expiree
    t.text('motif');
    t.string('cree_le', 32).notNullable();
    t.string('modifie_le', 32).notNullable();
    t.index(['siret', 'statut']);
  });
  await knex.schema.createTable('habilitation_transitions', (t) => {
    t.increments('id');
    t.string('habilitation_id', 40).notNullable().references('habilitations.id');
    t.string('de', 24);
    t.string('vers', 24).notNullable();
    t.string('acteur').notNullable();
    t.text('motif');
    t.string('le', 32).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'habilitation_transitions',
    'habilitations',
    'destinataires',
    'regles',
    'scopes',
    'apis',
    'categories_destinataires',
    'finalites',
    'traitements',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
