import type { Express } from 'express';
import request from 'supertest';
import { creerApp } from '../../src/app';
import { chargerConfig, type Config } from '../../src/config';
import type { Db } from '../../src/db/knex';
import { preparerBase, type PerimetreDemo } from '../../src/demarrage';
import { CLIENTS_DEMO } from '../../src/demo/demo';
import { nouvelleBase } from './base';

export interface AppDeTest {
  app: Express;
  db: Db;
  config: Config;
  fermer: () => Promise<void>;
  /** A token for a demo client (README table), optionally for some scopes only. */
  jeton: (clientId: string, scope?: string) => Promise<string>;
}

/**
 * Communes of the demo clients plus neighbours, at a small scale: a few thousand synthetic
 * children, enough for every API and fast to generate for each test file. The last three are the
 * demo syndicat scolaire's small communes.
 */
export const PERIMETRE_TEST: PerimetreDemo = {
  communes: ['35238', '35288', '35047', '35051', '35281', '35024', '35146', '35274', '35003'],
  echelle: 0.05,
};

/** The real app on a real, fresh database seeded with the demo registry, annuaire and synthetic pupils. */
export async function demarrerAppDeTest(env: Record<string, string> = {}, perimetre: PerimetreDemo = PERIMETRE_TEST): Promise<AppDeTest> {
  const base = await nouvelleBase();
  const config = chargerConfig({ NODE_ENV: 'test', DATABASE_URL: base.url, ...env });
  const db = await preparerBase(config, { perimetreDemo: perimetre });
  const app = creerApp({ db, config });
  return {
    app,
    db,
    config,
    fermer: async () => {
      await db.destroy();
      await base.supprimer();
    },
    jeton: async (clientId, scope) => {
      const client = CLIENTS_DEMO.find((c) => c.clientId === clientId);
      if (!client) throw new Error(`client de démonstration inconnu : ${clientId}`);
      const rep = await request(app)
        .post('/oauth/token')
        .auth(client.clientId, client.secret)
        .type('form')
        .send({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) });
      if (rep.status !== 200) throw new Error(`jeton refusé (${rep.status}) : ${JSON.stringify(rep.body)}`);
      return rep.body.access_token as string;
    },
  };
}
