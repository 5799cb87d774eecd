import { Probleme } from '../../src/http/problemes';
import { cleDeRequete, RequetesEnCours } from '../../src/http/requetes-en-cours';

/** A promise the test settles when it chooses: the first call stays inside until then. */
function retenue(): { promesse: Promise<string>; liberer: () => void } {
  let liberer!: () => void;
  const promesse = new Promise<string>((r) => (liberer = () => r('premier')));
  return { promesse, liberer };
}

describe('RequetesEnCours', () => {
  it('refuses the same key while the first call runs (409 requete_en_cours), and frees it once done', async () => {
    const registre = new RequetesEnCours();
    const { promesse, liberer } = retenue();
    const premier = registre.executer('k', () => promesse);
    expect(registre.nombre).toBe(1);
    const refus = await registre.executer('k', async () => 'second').catch((e: unknown) => e);
    expect(refus).toBeInstanceOf(Probleme);
    expect((refus as Probleme).code).toBe('requete_en_cours');
    expect((refus as Probleme).statut).toBe(409);
    // Another key is not held up.
    await expect(registre.executer('autre', async () => 'autre')).resolves.toBe('autre');
    liberer();
    await expect(premier).resolves.toBe('premier');
    expect(registre.nombre).toBe(0);
    await expect(registre.executer('k', async () => 'ensuite')).resolves.toBe('ensuite');
  });

  it('frees the key when the call fails', async () => {
    const registre = new RequetesEnCours();
    await expect(registre.executer('k', async () => Promise.reject(new Error('échec')))).rejects.toThrow('échec');
    expect(registre.nombre).toBe(0);
    await expect(registre.executer('k', async () => 'ok')).resolves.toBe('ok');
  });
});

describe('cleDeRequete', () => {
  it('ignores the order of parameters and absent ones, but not their values, the client or the operation', () => {
    const base = cleDeRequete('c1', 'Op', { a: 'x', b: ['1', '2'] });
    expect(cleDeRequete('c1', 'Op', { b: ['1', '2'], a: 'x', c: undefined, d: [] })).toBe(base);
    expect(cleDeRequete('c1', 'Op', { a: 'x', b: ['2', '1'] })).not.toBe(base);
    expect(cleDeRequete('c2', 'Op', { a: 'x', b: ['1', '2'] })).not.toBe(base);
    expect(cleDeRequete('c1', 'Autre', { a: 'x', b: ['1', '2'] })).not.toBe(base);
  });

  it('keeps no parameter value readable in the key', () => {
    expect(cleDeRequete('c1', 'Op', { nom: 'dupont' })).not.toMatch(/dupont/);
  });
});
