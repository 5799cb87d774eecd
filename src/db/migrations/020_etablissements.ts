import type { Knex } from 'knex';

/** The ministry's open annuaire (fr-en-annuaire-education), one row per UAI. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('etablissements', (t) => {
    t.string('uai', 8).primary();
    t.text('nom').notNullable();
    t.text('nom_normalise').notNullable(); // lower case, no accents: accent-insensitive search
    t.string('type', 32).notNullable(); // ecole | college | lycee | erea | medico_social | information_orientation | service_administratif | autre
    t.text('type_libelle');
    t.string('statut', 8); // public | prive; empty in the file for administrative services
    t.text('type_contrat_prive');
    t.string('nature_code', 8);
    t.text('nature_libelle');
    t.text('adresse_1');
    t.text('adresse_2');
    t.text('adresse_3');
    t.string('code_postal', 5);
    t.string('code_commune', 5).notNullable();
    t.text('nom_commune');
    t.string('code_departement', 3).notNullable(); // '35', '2A', '971' (the file says '035')
    t.string('code_academie', 3);
    t.string('code_region', 3);
    t.boolean('ecole_maternelle');
    t.boolean('ecole_elementaire');
    t.boolean('voie_generale');
    t.boolean('voie_technologique');
    t.boolean('voie_professionnelle');
    t.boolean('restauration');
    t.boolean('hebergement');
    t.boolean('ulis');
    t.boolean('segpa');
    t.text('education_prioritaire');
    t.string('siret', 14);
    t.integer('nombre_eleves');
    t.double('latitude');
    t.double('longitude');
    t.string('etat', 16).notNullable(); // OUVERT | FERME | A OUVRIR | A FERMER
    t.string('date_ouverture', 10);
    t.string('date_fermeture', 10);
    t.string('date_maj', 10);
    t.text('ministere_tutelle');
    t.string('empreinte', 64).notNullable(); // sha256 of the imported values: unchanged rows are not rewritten
    t.string('importe_le', 32).notNullable();
    t.string('modifie_le', 32).notNullable();
    t.index(['code_commune']);
    t.index(['code_departement']);
    t.index(['code_region']);
    t.index(['type']);
    t.index(['nom_normalise']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('etablissements');
}
