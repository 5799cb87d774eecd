import fc from 'fast-check';
import { lireArguments } from '../../scripts/generate';
import { Alea, TablePonderee } from '../../src/synthetique/alea';
import {
  ajouterJours,
  ajouterMoisBorne,
  ajouterMoisMemeJour,
  anneeRentreeDe,
  anneeScolaireDe,
  anniversaire,
  datesPublication,
  formaterDate,
  jourDeLAnnee,
  lireAnneeScolaire,
} from '../../src/referentiels/calendrier';

describe('calendrier scolaire', () => {
  it('situe une date dans son année scolaire, du 1er septembre au 31 août', () => {
    expect(anneeScolaireDe('2026-11-28')).toBe('2026-2027');
    expect(anneeScolaireDe('2026-09-01')).toBe('2026-2027');
    expect(anneeScolaireDe('2026-08-31')).toBe('2025-2026');
    expect(anneeRentreeDe('2026-2027')).toBe(2026);
    expect(() => anneeRentreeDe('2026-2028')).toThrow(RangeError);
  });

  it('lit une année scolaire : deux années consécutives, rien d’autre', () => {
    expect(lireAnneeScolaire('2026-2027')).toBe(2026);
    for (const saisie of ['2026-2028', '2026', '26-27', ' 2026-2027', '2026-2027 ', '2026/2027']) expect(lireAnneeScolaire(saisie)).toBeNull();
  });

  it('ajoute des mois au même quantième, ou bornés à la fin du mois pour les termes des conventions', () => {
    expect(ajouterMoisMemeJour('2026-09-01', 5)).toBe('2027-02-01');
    expect(ajouterMoisMemeJour('2026-11-01', -3)).toBe('2026-08-01');
    expect(ajouterMoisBorne('2025-01-31', 1)).toBe('2025-02-28');
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: -60, max: 60 }),
        (annee, mois, jour, n) => {
          const date = formaterDate(annee, mois, jour);
          expect(ajouterMoisMemeJour(date, n)).toBe(ajouterMoisBorne(date, n));
        },
      ),
    );
  });

  it('publie la liste de juin, celle de la rentrée, puis chaque 1er du mois jusqu’à aujourd’hui', () => {
    expect(datesPublication('2026-11-28')).toEqual(['2026-06-01', '2026-09-01', '2026-10-01', '2026-11-01']);
    expect(datesPublication('2026-09-01')).toEqual(['2026-06-01', '2026-09-01']);
    expect(datesPublication('2027-01-15')).toEqual(['2026-06-01', '2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01', '2027-01-01']);
  });

  it('fête les 16 ans d’un enfant né un 29 février le 1er mars des années communes', () => {
    expect(anniversaire('2008-02-29', 16)).toBe('2024-02-29');
    expect(anniversaire('2012-02-29', 16)).toBe('2028-02-29');
    expect(anniversaire('2011-02-28', 16)).toBe('2027-02-28');
    expect(anniversaire('2010-12-31', 16)).toBe('2026-12-31');
  });

  it('numérote les jours de l’année comme le calendrier', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 364 }), (annee, jour) => {
        expect(jourDeLAnnee(annee, jour)).toBe(ajouterJours(formaterDate(annee, 1, 1), jour));
      }),
    );
  });
});

describe('hasard reproductible', () => {
  it('tire la même suite pour la même graine et des sous-suites indépendantes par clé', () => {
    const suite = (a: Alea) => Array.from({ length: 5 }, () => a.entier32());
    expect(suite(new Alea(42))).toEqual(suite(new Alea(42)));
    expect(suite(new Alea(42))).not.toEqual(suite(new Alea(43)));
    expect(suite(new Alea(42).fils('commune:35238'))).toEqual(suite(new Alea(42).fils('commune:35238')));
    expect(suite(new Alea(42).fils('commune:35238'))).not.toEqual(suite(new Alea(42).fils('commune:35288')));
  });

  it('respecte les poids d’une table pondérée', () => {
    const table = TablePonderee.depuis([
      ['a', 1],
      ['b', 3],
      ['c', 0],
    ]);
    const alea = new Alea(1);
    const tirages = Array.from({ length: 20000 }, () => table.tirer(alea));
    const b = tirages.filter((t) => t === 'b').length / tirages.length;
    expect(b).toBeGreaterThan(0.73);
    expect(b).toBeLessThan(0.77);
    expect(tirages).not.toContain('c');
  });
});

describe('scripts/generate.ts', () => {
  it('lit le périmètre, la graine, l’échelle et la date', () => {
    expect(lireArguments(['--departements', '35', '--seed', '42'], '2026-11-28')).toMatchObject({ departements: ['35'], seed: 42, aujourdhui: '2026-11-28' });
    expect(lireArguments(['--communes', '35238,35288', '--echelle', '0.1', '--seed', '7', '--aujourdhui', '2027-01-15'], '2026-11-28')).toMatchObject({
      communes: ['35238', '35288'],
      echelle: 0.1,
      seed: 7,
      aujourdhui: '2027-01-15',
    });
    const national = lireArguments(['--scale', 'national', '--seed', '1'], '2026-11-28');
    expect(national.departements).toBeUndefined();
    expect(national.communes).toBeUndefined();
  });

  it('refuse une commande incomplète ou inconnue', () => {
    expect(() => lireArguments(['--seed', '42'], '2026-11-28')).toThrow(/--departements/);
    expect(() => lireArguments(['--departements', '35'], '2026-11-28')).toThrow(/--seed/);
    expect(() => lireArguments(['--departements', '35', '--seed', '42', '--vitesse', '2'], '2026-11-28')).toThrow(/inconnue/);
    expect(() => lireArguments(['--scale', 'europe', '--seed', '42'], '2026-11-28')).toThrow(/national/);
  });
});
