import type { Knex } from 'knex';

// Requests being answered, shared by every process of every instance on the same database, so
// that the 409 requete_en_cours holds behind a load balancer (src/http/requetes-en-cours.ts):
// the keyed hash of a request, a random token of the process answering it, and an expiry in
// epoch ms after which the marker of a crashed process no longer blocks anyone.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('requetes_en_cours', (t) => {
    t.string('cle', 64).primary();
    t.string('detenteur', 32).notNullable();
    t.bigInteger('expire').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('requetes_en_cours');
}
