import { chargerConfig, CLES_DEMO } from '../../src/config';

describe('clés de hachage', () => {
  const production = { NODE_ENV: 'production', DATABASE_URL: 'sqlite::memory:' };

  it('refuses to start in production without keys of its own', () => {
    expect(() => chargerConfig(production)).toThrow(/CLE_JOURNAL et CLE_PSEUDONYME/);
    expect(() => chargerConfig({ ...production, CLE_JOURNAL: 'cle-propre-au-site-journal' })).toThrow(/CLE_PSEUDONYME/);
    expect(() => chargerConfig({ ...production, CLE_PSEUDONYME: 'cle-propre-au-site-pseudonyme' })).toThrow(/CLE_JOURNAL/);
    expect(() => chargerConfig({ ...production, CLE_JOURNAL: CLES_DEMO.journal, CLE_PSEUDONYME: 'cle-propre-au-site-pseudonyme' })).toThrow();
  });

  it('starts in production with keys from the environment, and uses them', () => {
    const config = chargerConfig({ ...production, CLE_JOURNAL: 'cle-propre-au-site-journal', CLE_PSEUDONYME: 'cle-propre-au-site-pseudonyme' });
    expect(config.cles).toEqual({ journal: 'cle-propre-au-site-journal', pseudonyme: 'cle-propre-au-site-pseudonyme', liens: expect.any(String) });
    // Without CLE_LIENS the links' key derives from the site's journal key, never equal to it nor to the demo's.
    expect(config.cles.liens).not.toBe(config.cles.journal);
    expect(config.cles.liens).not.toBe(chargerConfig({ NODE_ENV: 'test' }).cles.liens);
    expect(
      chargerConfig({ ...production, CLE_JOURNAL: 'cle-propre-au-site-journal', CLE_PSEUDONYME: 'cle-propre-au-site-pseudonyme', CLE_LIENS: 'cle-des-liens' })
        .cles.liens,
    ).toBe('cle-des-liens');
  });

  it('uses the demo keys outside production only', () => {
    expect(chargerConfig({ NODE_ENV: 'test' }).cles).toMatchObject(CLES_DEMO);
  });
});
