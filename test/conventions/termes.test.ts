import fc from 'fast-check';
import { dernierJourEnVigueur, finDuTermeEnCours, statutConvention, veille, type Termes } from '../../src/conventions/termes';
import { ajouterMoisBorne } from '../../src/referentiels/calendrier';

const normande: Termes = { date_effet: '2021-09-01', duree_mois: 12, reconduction_tacite: true, preavis_mois: 6, date_denonciation: null };

describe('calendar arithmetic', () => {
  it('adds calendar months, clamping to the end of shorter months', () => {
    expect(ajouterMoisBorne('2025-01-31', 1)).toBe('2025-02-28');
    expect(ajouterMoisBorne('2024-01-31', 1)).toBe('2024-02-29');
    expect(ajouterMoisBorne('2025-11-15', 3)).toBe('2026-02-15');
    expect(veille('2026-03-01')).toBe('2026-02-28');
  });
});

describe('status of a convention over time', () => {
  it('is to come before its effective date, then in force', () => {
    expect(statutConvention(normande, '2021-08-31')).toBe('a_venir');
    expect(statutConvention(normande, '2021-09-01')).toBe('en_vigueur');
  });

  it('is renewed tacitly: still in force years later, the current term moving each anniversary', () => {
    expect(dernierJourEnVigueur(normande)).toBeNull();
    expect(statutConvention(normande, '2030-06-01')).toBe('en_vigueur');
    expect(finDuTermeEnCours(normande, '2021-09-01')).toBe('2022-08-31');
    expect(finDuTermeEnCours(normande, '2022-08-31')).toBe('2022-08-31');
    expect(finDuTermeEnCours(normande, '2022-09-01')).toBe('2023-08-31');
  });

  it('expires at the end of its term without tacit renewal (12 months by default)', () => {
    const ferme = { ...normande, reconduction_tacite: false };
    expect(dernierJourEnVigueur(ferme)).toBe('2022-08-31');
    expect(statutConvention(ferme, '2022-08-31')).toBe('en_vigueur');
    expect(statutConvention(ferme, '2022-09-01')).toBe('expiree');
  });

  it('once denounced, stays in force until the notice ends (6 months, Normandy model)', () => {
    const denoncee = { ...normande, date_denonciation: '2024-03-15' };
    expect(statutConvention(denoncee, '2024-03-14')).toBe('en_vigueur');
    expect(statutConvention(denoncee, '2024-03-15')).toBe('denoncee');
    expect(dernierJourEnVigueur(denoncee)).toBe('2024-09-14');
    expect(statutConvention(denoncee, '2024-09-14')).toBe('denoncee');
    expect(statutConvention(denoncee, '2024-09-15')).toBe('expiree');
  });

  it('the 2015 DEPP–ARF model: termination takes effect one year after the letter is received', () => {
    const depp = { date_effet: '2015-03-12', duree_mois: 12, reconduction_tacite: true, preavis_mois: 12, date_denonciation: '2025-01-10' };
    expect(dernierJourEnVigueur(depp)).toBe('2026-01-09');
    expect(statutConvention(depp, '2025-12-31')).toBe('denoncee');
    expect(statutConvention(depp, '2026-01-10')).toBe('expiree');
  });

  it('a notice running past the end of a non-renewed term does not extend it', () => {
    const ferme = { ...normande, reconduction_tacite: false, date_denonciation: '2022-06-01' };
    expect(dernierJourEnVigueur(ferme)).toBe('2022-08-31');
  });

  it('properties: the last day never precedes the effective date minus one, and the status is monotonic past it', () => {
    const jour = fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        jour,
        fc.integer({ min: 1, max: 36 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 24 }),
        fc.option(fc.integer({ min: 0, max: 2000 })),
        jour,
        (effet, duree, tacite, preavis, decalage, j) => {
          const denonciation = decalage === null ? null : new Date(Date.parse(effet) + decalage * 86_400_000).toISOString().slice(0, 10);
          const t: Termes = { date_effet: effet, duree_mois: duree, reconduction_tacite: tacite, preavis_mois: preavis, date_denonciation: denonciation };
          const fin = dernierJourEnVigueur(t);
          if (fin !== null) expect(fin >= veille(effet)).toBe(true);
          if (fin !== null && j > fin) expect(statutConvention(t, j)).toBe('expiree');
          if (fin === null) expect(statutConvention(t, j)).not.toBe('expiree');
        },
      ),
    );
  });
});
