import fs from 'node:fs';
import fc from 'fast-check';
import { FICHIER_ANNUAIRE_DEMO } from '../../src/import/annuaire';
import { estUaiValide, lettreCleUai, normaliserUai } from '../../src/territoire/uai';

const LETTRES = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const septChiffres = fc.integer({ min: 0, max: 9_999_999 }).map((n) => String(n).padStart(7, '0'));

describe('UAI', () => {
  it('computes the check letter of the issue example: 940176 mod 23 = 5 → F', () => {
    expect(lettreCleUai('0940176')).toBe('F');
    expect(estUaiValide('0940176F')).toBe(true);
  });

  it('maps the 7-digit number modulo 23 onto ABCDEFGHJKLMNPRSTUVWXYZ', () => {
    fc.assert(
      fc.property(septChiffres, (chiffres) => {
        expect(lettreCleUai(chiffres)).toBe(LETTRES[Number(chiffres) % 23]);
        expect(estUaiValide(chiffres + lettreCleUai(chiffres))).toBe(true);
      }),
    );
  });

  it('rejects every wrong check letter', () => {
    fc.assert(
      fc.property(septChiffres, fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), (chiffres, lettre) => {
        fc.pre(lettre !== lettreCleUai(chiffres));
        expect(estUaiValide(chiffres + lettre)).toBe(false);
      }),
    );
  });

  it('is strict about the form; normaliserUai is where user input is tidied', () => {
    for (const uai of ['0940176f', ' 0940176F', '0940176F ', '940176F', '00940176F', '094O176F', '', '0940176']) {
      expect(estUaiValide(uai)).toBe(false);
    }
    expect(normaliserUai(' 0940176f ')).toBe('0940176F');
    expect(estUaiValide(normaliserUai(' 0940176f '))).toBe(true);
  });

  it('refuses to compute a letter for anything but 7 digits', () => {
    for (const entree of ['094017', '09401760', '094017a', '']) expect(() => lettreCleUai(entree)).toThrow(RangeError);
  });

  it('accepts every UAI of the real Ille-et-Vilaine annuaire', () => {
    const lignes = fs.readFileSync(FICHIER_ANNUAIRE_DEMO, 'utf8').split(/\r?\n/).slice(1).filter(Boolean);
    const uais = lignes.map((ligne) => ligne.split(';')[0]);
    expect(uais.length).toBe(996);
    expect(uais.filter((uai) => !estUaiValide(uai))).toEqual([]);
  });
});
