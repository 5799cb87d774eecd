import { createHmac } from 'node:crypto';
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

describe('empreintes publiées et journalisées', () => {
  // Recipients hold these ids and the journal these hashes: any change of bytes would orphan them.
  it('restent celles déjà émises (valeurs figées)', () => {
    expect(pseudonyme('demo-cle-pseudonyme-ne-pas-utiliser-en-production', '0000000000000000000042', '21350238800019')).toBe('apcs7ntqujb5dr7sj6f66g2go2');
    expect(pseudonyme('clé-accentuée', 'élève-\u{1F600}-é', '21350238800019')).toBe('qa5somk35mkqlggrowp72ay3v2');
    expect(hacherPersonne('demo-cle-journal', '0000000000000000000042')).toBe('455dd1fe1cd43f6f179e4966470e88c7d6723db4be732e96759d6dd1bd209ee8');
  });

  it('sont le HMAC-SHA256 du domaine puis de chaque champ préfixé de sa longueur, pour toute chaîne (surrogats isolés compris) et toute clé (longue comprise)', () => {
    const reference = (cle: string, domaine: string, champs: string[]) => {
      const mac = createHmac('sha256', cle).update(domaine);
      for (const champ of champs) mac.update(`\u0000${Buffer.byteLength(champ)}:${champ}`);
      return mac.digest();
    };
    const caractere = fc.oneof(fc.constantFrom('\ud83d', '\ude00', '\u0000', 'é', ':'), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }));
    const texte = fc.string({ minLength: 1, maxLength: 30, unit: caractere });
    fc.assert(
      // Keys longer than SHA-256's block (64 bytes) are hashed first.
      fc.property(fc.oneof(texte, fc.string({ minLength: 60, maxLength: 120, unit: caractere })), texte, texte, (cle, idInterne, s) => {
        expect(hacherPersonne(cle, idInterne)).toBe(reference(cle, 'apisation:journal-personne', [idInterne]).toString('hex'));
        const octets = reference(cle, 'apisation:pseudonyme', [idInterne, s]);
        let bits = '';
        for (const octet of octets.subarray(0, 17)) bits += octet.toString(2).padStart(8, '0');
        const attendu = Array.from({ length: 26 }, (_, i) => 'abcdefghijklmnopqrstuvwxyz234567'[parseInt(bits.slice(5 * i, 5 * i + 5), 2)]).join('');
        expect(pseudonyme(cle, idInterne, s)).toBe(attendu);
      }),
    );
  });
});
