import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('oauth_clients', (t) => {
    t.string('client_id', 64).primary();
    t.string('siret', 14).notNullable().references('destinataires.siret');
    t.string('nom').notNullable();
    t.string('secret_hash').notNullable(); // scrypt, never the secret
    t.string('ancien_secret_hash'); // accepted until ancien_secret_expire_le (rotation overlap)
    t.string('ancien_secret_expire_le', 32);
    t.boolean('demo').notNullable().defaultTo(false);
    t.boolean('actif').notNullable().defaultTo(true);
    t.string('cree_le', 32).notNullable();
  });
  await knex.schema.createTable('oauth_tokens', (t) => {
    t.string('token_hash', 64).primary(); // sha256 of the opaque token
    t.string('client_id', 64).notNullable().references('oauth_clients.client_id');
    t.text('scopes').notNullable(); // JSON array
    t.string('emis_le', 32).notNullable();
    t.string('expire_le', 32).notNullable();
    t.string('revoque_le', 32);
    t.index(['expire_le']);
    t.index(['client_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('oauth_tokens');
  await knex.schema.dropTableIfExists('oauth_clients');
}
