import { chargerConfig } from '../../src/config';
import { preparerBase } from '../../src/demarrage';
import { PERIMETRE_TEST } from '../support/app';
import { nouvelleBase } from '../support/base';

describe('production mode', () => {
  it('refuses demo keys', () => {
    expect(() => chargerConfig({ NODE_ENV: 'production' })).toThrow(/CLE_JOURNAL/);
  });

  it('refuses to start while a demo client is active', async () => {
    const base = await nouvelleBase();
    try {
      const demo = await preparerBase(chargerConfig({ NODE_ENV: 'test', DATABASE_URL: base.url }), { perimetreDemo: PERIMETRE_TEST });
      await demo.destroy();
      const production = chargerConfig({ NODE_ENV: 'production', DATABASE_URL: base.url, CLE_JOURNAL: 'k1-production', CLE_PSEUDONYME: 'k2-production' });
      await expect(preparerBase(production)).rejects.toThrow(/démonstration/);
    } finally {
      await base.supprimer();
    }
  });

  it('starts on an empty database without seeding demo data', async () => {
    const base = await nouvelleBase();
    try {
      const production = chargerConfig({ NODE_ENV: 'production', DATABASE_URL: base.url, CLE_JOURNAL: 'k1-production', CLE_PSEUDONYME: 'k2-production' });
      const db = await preparerBase(production);
      expect(await db('oauth_clients').count({ n: '*' })).toEqual([{ n: expect.anything() }]);
      expect(Number((await db('oauth_clients').count({ n: '*' }))[0].n)).toBe(0);
      await db.destroy();
    } finally {
      await base.supprimer();
    }
  });
});
