import { createDb, type Db, migrate } from '../../src/db/knex';
import { Probleme } from '../../src/http/problemes';
import { cleDeRequete, DUREE_MARQUE_MS, purgerRequetesExpirees, RequetesEnCours } from '../../src/http/requetes-en-cours';
import { nouvelleBase } from '../support/base';

// Two handles on one database stand for two gateway processes: each has its own connections,
// they share only what the database holds.

/** A promise the test settles when it chooses: the first call stays inside until then. */
function retenue(): { promesse: Promise<string>; liberer: () => void } {
  let liberer!: () => void;
  const promesse = new Promise<string>((r) => (liberer = () => r('premier')));
  return { promesse, liberer };
}

let base: { url: string; supprimer: () => Promise<void> };
let dbA: Db;
let dbB: Db;
let a: RequetesEnCours;
let b: RequetesEnCours;

beforeAll(async () => {
  base = await nouvelleBase();
  dbA = createDb(base.url);
  await migrate(dbA);
  dbB = createDb(base.url);
  a = new RequetesEnCours(dbA);
  b = new RequetesEnCours(dbB);
});
afterAll(async () => {
  await dbA.destroy();
  await dbB.destroy();
  await base.supprimer();
});
beforeEach(() => dbA('requetes_en_cours').delete());

const marques = () => dbA('requetes_en_cours').select('cle', 'expire');

describe('RequetesEnCours', () => {
  it('refuses the same key in another process while the first call runs (409 requete_en_cours), and frees it once done', async () => {
    const { promesse, liberer } = retenue();
    const premier = a.executer('k', () => promesse);
    for (let i = 0; i < 100 && (await marques()).length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect((await marques()).map((m) => m.cle)).toEqual(['k']);

    const refus = await b.executer('k', async () => 'second').catch((e: unknown) => e);
    expect(refus).toBeInstanceOf(Probleme);
    expect((refus as Probleme).code).toBe('requete_en_cours');
    expect((refus as Probleme).statut).toBe(409);
    // The same process is refused too, and another key is not held up.
    expect(((await a.executer('k', async () => 'second').catch((e: unknown) => e)) as Probleme).code).toBe('requete_en_cours');
    await expect(b.executer('autre', async () => 'autre')).resolves.toBe('autre');

    liberer();
    await expect(premier).resolves.toBe('premier');
    expect(await marques()).toEqual([]);
    await expect(b.executer('k', async () => 'ensuite')).resolves.toBe('ensuite');
  });

  it('frees the key when the call fails', async () => {
    await expect(a.executer('k', async () => Promise.reject(new Error('échec')))).rejects.toThrow('échec');
    expect(await marques()).toEqual([]);
    await expect(b.executer('k', async () => 'ok')).resolves.toBe('ok');
  });

  it('a marker left by a process that stopped mid-request blocks only until its expiry', async () => {
    await dbA('requetes_en_cours').insert({ cle: 'k', detenteur: 'arrete', expire: Date.now() + DUREE_MARQUE_MS });
    expect(((await b.executer('k', async () => 'non').catch((e: unknown) => e)) as Probleme).code).toBe('requete_en_cours');

    await dbA('requetes_en_cours')
      .where({ cle: 'k' })
      .update({ expire: Date.now() - 1 });
    await expect(b.executer('k', async () => 'repris')).resolves.toBe('repris');
    expect(await marques()).toEqual([]);
  });

  it('a request that outlived its marker does not free the one another request took over', async () => {
    const { promesse, liberer } = retenue();
    const lent = a.executer('k', () => promesse);
    for (let i = 0; i < 100 && (await marques()).length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    await dbA('requetes_en_cours')
      .where({ cle: 'k' })
      .update({ expire: Date.now() - 1 });

    const { promesse: seconde, liberer: libererSeconde } = retenue();
    const repris = b.executer('k', () => seconde);
    for (let i = 0; i < 100 && Number((await marques())[0]?.expire) < Date.now(); i++) await new Promise((r) => setTimeout(r, 5));
    liberer();
    await lent;
    // The second request still holds its marker.
    expect(((await a.executer('k', async () => 'non').catch((e: unknown) => e)) as Probleme).code).toBe('requete_en_cours');
    libererSeconde();
    await repris;
    expect(await marques()).toEqual([]);
  });

  it('the purge removes expired markers only', async () => {
    await dbA('requetes_en_cours').insert([
      { cle: 'echu', detenteur: 'x', expire: Date.now() - 1 },
      { cle: 'vivant', detenteur: 'y', expire: Date.now() + DUREE_MARQUE_MS },
    ]);
    expect(await purgerRequetesExpirees(dbB)).toBe(1);
    expect((await marques()).map((m) => m.cle)).toEqual(['vivant']);
  });
});

describe('cleDeRequete', () => {
  it('ignores the order of parameters and absent ones, but not their values, the client or the operation', () => {
    const base = cleDeRequete('s', 'c1', 'Op', { a: 'x', b: ['1', '2'] });
    expect(cleDeRequete('s', 'c1', 'Op', { b: ['1', '2'], a: 'x', c: undefined, d: [] })).toBe(base);
    expect(cleDeRequete('s', 'c1', 'Op', { a: 'x', b: ['2', '1'] })).not.toBe(base);
    expect(cleDeRequete('s', 'c2', 'Op', { a: 'x', b: ['1', '2'] })).not.toBe(base);
    expect(cleDeRequete('s', 'c1', 'Autre', { a: 'x', b: ['1', '2'] })).not.toBe(base);
  });

  it('keeps no parameter value readable in the key, and cannot be recomputed without the secret', () => {
    expect(cleDeRequete('s', 'c1', 'Op', { nom: 'dupont' })).not.toMatch(/dupont/);
    expect(cleDeRequete('autre secret', 'c1', 'Op', { nom: 'dupont' })).not.toBe(cleDeRequete('s', 'c1', 'Op', { nom: 'dupont' }));
  });
});
