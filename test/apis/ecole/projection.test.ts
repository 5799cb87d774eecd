import { PASSAGES, projeter, type Historique, type Passage } from '../../../src/apis/ecole/projection';

const MATERNELLE: Passage[] = [
  { niveau: 'PS', depuis: [] },
  { niveau: 'MS', depuis: ['PS'] },
  { niveau: 'GS', depuis: ['MS'] },
];

const historique = (annees: Record<number, Record<string, number>>): Historique =>
  new Map(Object.entries(annees).map(([a, e]) => [Number(a), new Map(Object.entries(e))]));

describe('projection par la matrice de passage', () => {
  /** A toy cohort built with known rates: 90 % of PS go on to MS, 75 % of MS to GS, PS entries average 200. */
  const PS_MS = 0.9;
  const MS_GS = 0.75;
  const ps = { 2020: 200, 2021: 240, 2022: 160 };
  const toy = historique({
    2020: { PS: ps[2020], MS: 180, GS: 100 },
    2021: { PS: ps[2021], MS: PS_MS * ps[2020], GS: MS_GS * 180 },
    2022: { PS: ps[2022], MS: PS_MS * ps[2021], GS: MS_GS * PS_MS * ps[2020] },
  });

  it('retrouve exactement les taux qui ont produit la cohorte, et la moyenne des entrées', () => {
    const p = projeter(toy, 3, MATERNELLE);
    expect(p.annee_reference).toBe(2022);
    expect(p.annees_historique).toEqual([2020, 2021, 2022]);
    const taux = Object.fromEntries(p.taux.map((t) => [t.niveau, t]));
    expect(taux.MS.taux).toBeCloseTo(PS_MS, 12);
    expect(taux.GS.taux).toBeCloseTo(MS_GS, 12);
    expect(taux.PS).toEqual({ niveau: 'PS', depuis: [], taux: null, entree_moyenne: (ps[2020] + ps[2021] + ps[2022]) / 3 });
  });

  it('fait avancer chaque cohorte d’un niveau par an au taux estimé', () => {
    const p = projeter(toy, 3, MATERNELLE);
    const entree = (ps[2020] + ps[2021] + ps[2022]) / 3;
    const attendu = [
      { annee: 2023, PS: entree, MS: PS_MS * ps[2022], GS: MS_GS * PS_MS * ps[2021] },
      { annee: 2024, PS: entree, MS: PS_MS * entree, GS: MS_GS * PS_MS * ps[2022] },
      { annee: 2025, PS: entree, MS: PS_MS * entree, GS: MS_GS * PS_MS * entree },
    ];
    expect(p.annees.map((a) => a.annee)).toEqual(attendu.map((a) => a.annee));
    p.annees.forEach((a, i) => {
      for (const niveau of ['PS', 'MS', 'GS'] as const) expect(a.effectifs.get(niveau)).toBeCloseTo(attendu[i][niveau], 10);
    });
  });

  it('somme les niveaux sources d’un niveau alimenté par plusieurs (BTS après les terminales)', () => {
    const p = projeter(
      historique({
        2023: { TG: 300, TT: 100, TPRO: 100, BTS1: 40 },
        2024: { TG: 200, TT: 100, TPRO: 100, BTS1: 50 },
      }),
      1,
    );
    const bts = p.taux.find((t) => t.niveau === 'BTS1')!;
    expect(bts.depuis).toEqual(['TG', 'TT', 'TPRO']);
    expect(bts.taux).toBeCloseTo(50 / 500, 12);
    expect(p.annees[0].effectifs.get('BTS1')).toBeCloseTo((50 / 500) * 400, 10);
  });

  it('couvre le parcours complet, chaque niveau alimenté par des niveaux projetés avant lui', () => {
    const vus = new Set<string>();
    for (const { niveau, depuis } of PASSAGES) {
      for (const d of depuis) expect(vus.has(d)).toBe(true);
      vus.add(niveau);
    }
    expect(() => projeter(toy, 0, MATERNELLE)).toThrow(RangeError);
  });
});
