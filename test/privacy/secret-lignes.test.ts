import { type Generalisation, publierSousSecret } from '../../src/privacy/secret-lignes';
import { SEUIL_SECRET_STATISTIQUE } from '../../src/privacy/secret-statistique';

/** Rows under statistical secret: every published combination is shared by at least k rows, and only rare rows lose detail. */

interface Ligne {
  commune: string | null;
  age: number | null;
}

const ECHELLE: Array<Generalisation<Ligne>> = [
  { code: 'age_masque', applicable: (l) => l.age !== null, appliquer: (l) => ({ ...l, age: null }) },
  { code: 'commune_masquee', applicable: (l) => l.commune !== null, appliquer: (l) => ({ ...l, commune: null }) },
];
const cle = (l: Ligne) => JSON.stringify([l.commune, l.age]);
const fois = (n: number, l: Ligne): Ligne[] => Array.from({ length: n }, () => ({ ...l }));

describe('publierSousSecret', () => {
  it('keeps common combinations whole, coarsens rare ones step by step, withholds what stays rare', () => {
    const lignes = [
      ...fois(7, { commune: 'A', age: 11 }),
      ...fois(3, { commune: 'A', age: 12 }),
      ...fois(2, { commune: 'A', age: 13 }),
      ...fois(2, { commune: 'B', age: 11 }),
      ...fois(1, { commune: 'C', age: 14 }),
    ];
    const p = publierSousSecret(lignes, cle, ECHELLE);
    expect(p.seuil).toBe(SEUIL_SECRET_STATISTIQUE);
    const publiees = p.lignes.map((l) => [cle(l.ligne), l.generalisations.join(',')]);
    // A/11 is common: untouched. A/12 and A/13 merge into A/null (5 rows). B and C merge into null/null after both steps: 3 rows, withheld.
    expect(publiees.filter(([c]) => c === cle({ commune: 'A', age: 11 }))).toHaveLength(7);
    expect(publiees.filter(([c, g]) => c === cle({ commune: 'A', age: null }) && g === 'age_masque')).toHaveLength(5);
    expect(p.retenues).toBe(3);
    expect(p.generalisations).toEqual({ age_masque: 8, commune_masquee: 3 });
    const effectifs = new Map<string, number>();
    for (const [c] of publiees) effectifs.set(c, (effectifs.get(c) ?? 0) + 1);
    for (const n of effectifs.values()) expect(n).toBeGreaterThanOrEqual(SEUIL_SECRET_STATISTIQUE);
  });

  it('publishes everything as is when no combination is rare', () => {
    const p = publierSousSecret([...fois(5, { commune: 'A', age: 11 }), ...fois(6, { commune: 'B', age: 12 })], cle, ECHELLE);
    expect(p.retenues).toBe(0);
    expect(p.lignes.every((l) => l.generalisations.length === 0)).toBe(true);
  });
});
