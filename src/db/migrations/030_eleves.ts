import type { Knex } from 'knex';

// The simulated source systems (ONDE, SIÈCLE, bourses), filled by the synthetic generator
// (src/synthetique). Dates are 'YYYY-MM-DD' text; JSON is text.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('generations', (t) => {
    t.increments('id').primary();
    t.integer('graine').notNullable();
    t.text('perimetre').notNullable(); // JSON {departements?, communes?}
    t.double('echelle').notNullable();
    t.string('aujourdhui', 10).notNullable();
    t.string('annee_scolaire', 9).notNullable();
    t.text('dates_publication').notNullable(); // JSON array of the 1sts of month published
    t.integer('nombre_communes');
    t.integer('nombre_eleves');
    t.integer('nombre_responsables');
    t.integer('nombre_scolarites');
    t.integer('nombre_versions');
    t.string('cree_le', 32).notNullable();
    t.string('termine_le', 32);
  });

  await knex.schema.createTable('eleves', (t) => {
    t.string('id', 24).primary();
    t.string('ine', 11).notNullable();
    t.text('nom').notNullable();
    t.text('prenoms').notNullable(); // space-separated, civil-registry order
    t.string('sexe', 1).notNullable();
    t.string('date_naissance', 10).notNullable();
    t.string('code_commune_naissance', 5).notNullable(); // 99xxx: born abroad (INSEE country code)
    t.text('libelle_commune_naissance').notNullable();
    t.text('nom_normalise').notNullable(); // normaliserNom: lower case, no accents, hyphens and apostrophes as spaces
    t.string('foyer_id', 32).notNullable();
    t.text('adresse_ligne').notNullable();
    t.string('code_postal', 5).notNullable();
    t.string('code_commune_residence', 5).notNullable();
    t.unique(['ine']);
    t.index(['nom_normalise', 'date_naissance']);
  });

  await knex.schema.createTable('responsables', (t) => {
    t.string('foyer_id', 32).notNullable(); // the children are the eleves of the same foyer_id
    t.integer('rang').notNullable(); // 1 or 2, the order on the child's file
    t.string('lien', 24).notNullable(); // mere | pere | tuteur | autre_membre_famille
    t.text('nom').notNullable();
    t.text('prenoms').notNullable();
    t.string('sexe', 1).notNullable();
    t.text('adresse_ligne').notNullable();
    t.string('code_postal', 5).notNullable();
    t.string('code_commune', 5).notNullable();
    t.primary(['foyer_id', 'rang']);
  });

  await knex.schema.createTable('scolarites', (t) => {
    t.string('eleve_id', 24).notNullable().references('eleves.id');
    t.string('annee_scolaire', 9).notNullable();
    t.string('mode_instruction', 32).notNullable();
    t.string('uai', 8); // null: instruction en famille, CNED, unknown
    t.string('niveau_code', 8);
    t.text('niveau_libelle');
    t.string('code_mef_stat', 11);
    t.text('libelle_mef');
    t.string('statut_eleve', 2); // ST scolaire | AP apprenti
    t.boolean('est_boursier').notNullable();
    t.integer('echelon_bourse');
    t.string('regime', 1); // 0 externe | 2 demi-pensionnaire | 3 interne
    t.boolean('redoublant').notNullable();
    t.string('date_entree', 10);
    t.string('date_sortie', 10); // left the generated territory during the year
    t.primary(['eleve_id', 'annee_scolaire']);
    t.index(['annee_scolaire', 'uai']);
  });

  await knex.schema.createTable('obligation_versions', (t) => {
    t.increments('id').primary();
    t.string('eleve_id', 24).notNullable().references('eleves.id');
    t.string('code_commune', 5).notNullable();
    t.string('annee_scolaire', 9).notNullable();
    // The list as of D: valide_du <= D and (valide_jusqu_au is null or valide_jusqu_au > D).
    t.string('valide_du', 10).notNullable();
    t.string('valide_jusqu_au', 10);
    t.string('motif_debut', 32).notNullable();
    t.string('motif_fin', 16); // demenagement | fin_obligation | correction: a removal (tombstone)
    t.text('champs_modifies'); // JSON array of list fields changed since the previous version
    t.string('date_evenement', 10).notNullable();
    t.text('nom').notNullable();
    t.text('prenoms').notNullable();
    t.string('sexe', 1).notNullable();
    t.string('date_naissance', 10).notNullable();
    t.string('code_commune_naissance', 5).notNullable();
    t.text('libelle_commune_naissance').notNullable();
    t.text('adresse_ligne').notNullable();
    t.string('code_postal', 5).notNullable();
    t.string('mode_instruction', 32).notNullable();
    t.string('uai', 8);
    t.string('niveau_code', 8);
    t.string('mode_instruction_precedent', 32);
    t.string('uai_precedent', 8);
    t.string('niveau_precedent_code', 8);
    t.text('responsables').notNullable(); // JSON [{nom, prenoms, lien, adresse}]
    t.index(['code_commune', 'valide_du']);
    t.index(['code_commune', 'valide_jusqu_au']);
    t.index(['code_commune', 'eleve_id']); // stable order for cursor pagination of a commune's list
  });

  await knex.schema.createTable('obligation_publications', (t) => {
    t.string('code_commune', 5).notNullable();
    t.string('date_publication', 10).notNullable();
    t.string('annee_scolaire', 9).notNullable();
    t.integer('numero').notNullable(); // the commune's list version: 1, 2, 3… within a generation
    t.integer('nombre_enfants').notNullable();
    t.integer('nombre_ajouts').notNullable();
    t.integer('nombre_modifications').notNullable();
    t.integer('nombre_retraits').notNullable();
    t.integer('generation_id').notNullable().references('generations.id');
    t.primary(['code_commune', 'date_publication']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['obligation_publications', 'obligation_versions', 'scolarites', 'responsables', 'eleves', 'generations']) {
    await knex.schema.dropTableIfExists(table);
  }
}
