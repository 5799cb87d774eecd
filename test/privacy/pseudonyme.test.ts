import fc from 'fast-check';
import { hacherPersonne, pseudonyme } from '../../src/privacy/pseudonyme';

const CLE = 'cle-de-test-pseudonyme';
const siret = fc.stringMatching(/^\d{14}$/);
const id = fc.string({ minLength: 1, maxLength: 40 });

describe('pseudonyme', () => {
  it('est stable pour un même destinataire et sûr dans une URL', () => {
    fc.assert(
      fc.property(id, siret, (idInterne, s) => {
        const p = pseudonyme(CLE, idInterne, s);
        expect(pseudonyme(CLE, idInterne, s)).toBe(p);
        expect(p).toMatch(/^[a-z2-7]{26}$/);
        expect(encodeURIComponent(p)).toBe(p);
      }),
    );
  });

  it("diffère d'un destinataire à l'autre pour la même personne", () => {
    fc.assert(
      fc.property(id, siret, siret, (idInterne, a, b) => {
        fc.pre(a !== b);
        expect(pseudonyme(CLE, idInterne, a)).not.toBe(pseudonyme(CLE, idInterne, b));
      }),
    );
  });

  it('diffère entre deux personnes, même quand les champs concaténés se ressemblent', () => {
    fc.assert(
      fc.property(id, id, siret, (a, b, s) => {
        fc.pre(a !== b);
        expect(pseudonyme(CLE, a, s)).not.toBe(pseudonyme(CLE, b, s));
      }),
    );
    expect(pseudonyme(CLE, '1', '23456789012345')).not.toBe(pseudonyme(CLE, '12', '3456789012345'));
  });

  it('dépend de la clé : sans elle, impossible de recalculer les identifiants', () => {
    fc.assert(
      fc.property(id, siret, (idInterne, s) => {
        expect(pseudonyme('une-autre-cle', idInterne, s)).not.toBe(pseudonyme(CLE, idInterne, s));
      }),
    );
  });

  it('ne contient pas l’identifiant interne et refuse une clé vide', () => {
    expect(pseudonyme(CLE, 'eleve-000123', '21350238800019')).not.toContain('000123');
    expect(() => pseudonyme('', 'eleve-1', '21350238800019')).toThrow(TypeError);
  });
});

describe('hacherPersonne', () => {
  it('donne 64 caractères hexadécimaux, stables et propres à la clé', () => {
    fc.assert(
      fc.property(id, (idInterne) => {
        const h = hacherPersonne(CLE, idInterne);
        expect(h).toMatch(/^[0-9a-f]{64}$/);
        expect(hacherPersonne(CLE, idInterne)).toBe(h);
        expect(hacherPersonne('autre', idInterne)).not.toBe(h);
      }),
    );
  });
});
