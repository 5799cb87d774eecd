import type { Knex } from 'knex';

// Conventions registry, DataPass fields of habilitations, and signed change notifications.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('conventions', (t) => {
    t.string('id', 40).primary();
    t.string('reference', 128).notNullable().unique();
    t.string('type', 24).notNullable(); // cadre_national | convention_locale | tripartite
    t.string('academie_code', 3); // null: a national framework signed by the ministry itself
    t.string('collectivite_siret', 14).notNullable();
    t.string('collectivite_nom').notNullable();
    t.string('collectivite_nature', 16).notNullable(); // commune | departement | region | groupement
    t.text('etablissements').notNullable(); // JSON [{uai, chef_etablissement}] (tripartite)
    t.text('objet').notNullable();
    t.text('perimetre').notNullable(); // JSON {traitements, apis, scopes}
    t.string('date_signature', 10).notNullable();
    t.string('date_effet', 10).notNullable();
    t.integer('duree_mois').notNullable();
    t.boolean('reconduction_tacite').notNullable();
    t.integer('preavis_mois').notNullable();
    t.string('date_denonciation', 10);
    t.string('partie_denoncante', 16);
    // Derived by dernierJourEnVigueur() from the columns above on every write, for the token-time join.
    t.string('date_fin', 10);
    t.string('document_url', 2048);
    t.string('document_sha256', 64);
    t.integer('version').notNullable();
    t.string('cree_le', 32).notNullable();
    t.string('modifie_le', 32).notNullable();
    t.index(['academie_code', 'type']);
  });
  await knex.schema.createTable('convention_historique', (t) => {
    t.increments('id');
    t.string('convention_id', 40).notNullable().references('conventions.id');
    t.integer('version').notNullable();
    t.string('action', 24).notNullable(); // enregistrement | modification | denonciation
    t.text('champs_modifies').notNullable(); // JSON array of field names
    t.text('etat').notNullable(); // JSON: the convention as it stood after the change
    t.string('acteur').notNullable();
    t.text('motif');
    t.string('le', 32).notNullable();
    t.index(['convention_id']);
  });

  await knex.schema.alterTable('habilitations', (t) => {
    t.text('description');
    t.text('base_legale_texte');
    t.string('base_legale_url', 2048);
    t.integer('duree_conservation_mois');
    t.text('justification_conservation');
    t.string('responsable_traitement');
    t.string('dpo');
    t.integer('volume_attendu'); // requests per minute, as DataPass asks
    t.string('convention_id', 40);
    t.integer('version').notNullable().defaultTo(1);
    t.string('remplace_id', 40); // the previous version, made obsolete when this one is validated
    t.index(['convention_id']);
  });

  await knex.schema.createTable('abonnements_notifications', (t) => {
    t.string('id', 40).primary();
    t.string('siret', 14).notNullable().references('destinataires.siret');
    t.string('url', 2048).notNullable();
    t.string('secret', 128).notNullable(); // needed in clear to sign; never returned after creation
    t.text('types'); // JSON array of event types, null: all
    t.boolean('actif').notNullable();
    t.string('cree_le', 32).notNullable();
    t.index(['siret', 'actif']);
  });
  await knex.schema.createTable('evenements', (t) => {
    t.string('id', 40).primary();
    t.string('type', 40).notNullable();
    t.string('siret', 14).notNullable();
    t.text('donnees').notNullable(); // JSON of scalars: pointers, never personal data
    t.string('cree_le', 32).notNullable();
    t.index(['siret', 'cree_le']);
  });
  await knex.schema.createTable('livraisons', (t) => {
    t.increments('id');
    t.string('evenement_id', 40).notNullable().references('evenements.id');
    t.string('abonnement_id', 40).notNullable().references('abonnements_notifications.id');
    t.string('statut', 16).notNullable(); // en_attente | livree | abandonnee
    t.integer('tentatives').notNullable();
    t.string('prochaine_tentative_le', 32);
    t.string('livree_le', 32);
    t.string('cree_le', 32).notNullable();
    t.index(['statut', 'prochaine_tentative_le']);
  });
  await knex.schema.createTable('livraison_tentatives', (t) => {
    t.increments('id');
    t.integer('livraison_id').notNullable().references('livraisons.id');
    t.string('le', 32).notNullable();
    t.integer('statut_http'); // null: no HTTP answer (network error or timeout)
    t.string('erreur', 64); // a short code, never the receiver's body
    t.integer('duree_ms').notNullable();
    t.index(['livraison_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['livraison_tentatives', 'livraisons', 'evenements', 'abonnements_notifications', 'convention_historique']) {
    await knex.schema.dropTableIfExists(table);
  }
  await knex.schema.alterTable('habilitations', (t) => {
    t.dropIndex(['convention_id']);
    t.dropColumns(
      'description',
      'base_legale_texte',
      'base_legale_url',
      'duree_conservation_mois',
      'justification_conservation',
      'responsable_traitement',
      'dpo',
      'volume_attendu',
      'convention_id',
      'version',
      'remplace_id',
    );
  });
  await knex.schema.dropTableIfExists('conventions');
}
