import fc from 'fast-check';
import type { TypeEtablissement } from '../../../src/referentiels/etablissement';
import { publierEffectifsDesPerimetres, type GroupeEleves, type LigneEffectifs } from '../../../src/apis/ecole/effectifs';
import { cellulesRetrouvees, COLONNES, vueDuLecteur, type Colonne } from './lecteur';

const SEUIL = 5;
const UAI = '0350024A';

/** One establishment alone in its commune, département and région. */
function publierEffectifs(groupes: GroupeEleves[], options: { type: TypeEtablissement; seuil: number }) {
  const etablissement = { uai: UAI, code_commune: '35238', code_departement: '35', code_region: '53', type: options.type };
  return publierEffectifsDesPerimetres(groupes, [etablissement], { seuil: options.seuil }).etablissements.get(UAI)!;
}

/** A collège or lycée with a few levels and formations, and pupils in small and large groups. */
const groupe = fc.record({
  niveau_code: fc.constantFrom('6E', '5E', '2PRO', '1PRO'),
  mef: fc.integer({ min: 0, max: 2 }),
  sexe: fc.constantFrom<'F' | 'M'>('F', 'M'),
  est_boursier: fc.boolean(),
  regime: fc.constantFrom('0', '2', '3'),
  n: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 40 })),
});
const eleves = fc
  .array(groupe, { minLength: 1, maxLength: 25 })
  .map((gs): GroupeEleves[] => gs.map(({ mef, ...g }) => ({ ...g, uai: UAI, code_mef_stat: `${g.niveau_code}-${mef}`, libelle_mef: `MEF ${mef}` })));

/** Real counts, recomputed from the pupils independently of the service. */
function compter(groupes: GroupeEleves[], filtre: (g: GroupeEleves) => boolean, colonne: Colonne): number {
  const dans: Record<Colonne, (g: GroupeEleves) => boolean> = {
    effectif: () => true,
    filles: (g) => g.sexe === 'F',
    garcons: (g) => g.sexe === 'M',
    boursiers: (g) => g.est_boursier,
    non_boursiers: (g) => !g.est_boursier,
    externes: (g) => g.regime === '0',
    demi_pensionnaires: (g) => g.regime === '2',
    internes: (g) => g.regime === '3',
  };
  return groupes.filter((g) => filtre(g) && dans[colonne](g)).reduce((s, g) => s + g.n, 0);
}

describe('secret statistique des effectifs par niveau et formation', () => {
  it('ne publie aucune cellule sous le seuil, marque chaque masque sans en dire la raison, et aucun masque ne se recalcule', () => {
    fc.assert(
      fc.property(eleves, (groupes) => {
        const publie = publierEffectifs(groupes, { type: 'lycee', seuil: SEUIL });
        const verifier = (ligne: LigneEffectifs, filtre: (g: GroupeEleves) => boolean) => {
          for (const c of COLONNES) {
            const reel = compter(groupes, filtre, c);
            const cellule = ligne[c]!;
            if (cellule.valeur === null) {
              expect(cellule.secret).toBe(true);
              expect(reel).toBeGreaterThan(0);
            } else {
              expect(cellule.valeur).toBe(reel);
              expect(reel === 0 || reel >= SEUIL).toBe(true);
            }
          }
        };
        verifier(publie.total, () => true);
        for (const n of publie.niveaux) {
          verifier(n, (g) => g.niveau_code === n.code);
          for (const f of n.formations ?? []) verifier(f, (g) => g.code_mef_stat === f.code_mef_stat);
        }
        const { cellules, equations } = vueDuLecteur(publie.total, publie.niveaux);
        expect(cellulesRetrouvees(cellules, equations, SEUIL)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('ventile une école par sexe seulement (ni bourse nationale ni régime au premier degré)', () => {
    const publie = publierEffectifs(
      [
        { uai: UAI, niveau_code: 'CP', code_mef_stat: null, libelle_mef: null, sexe: 'F', est_boursier: false, regime: null, n: 12 },
        { uai: UAI, niveau_code: 'CP', code_mef_stat: null, libelle_mef: null, sexe: 'M', est_boursier: false, regime: null, n: 14 },
        { uai: UAI, niveau_code: 'PS', code_mef_stat: null, libelle_mef: null, sexe: 'M', est_boursier: false, regime: null, n: 9 },
      ],
      { type: 'ecole', seuil: SEUIL },
    );
    expect(publie.niveaux.map((n) => n.code)).toEqual(['PS', 'CP']);
    expect(Object.keys(publie.total).sort()).toEqual(['effectif', 'filles', 'garcons']);
    expect(publie.total.effectif).toEqual({ valeur: 35 });
    expect(publie.niveaux[0].formations).toBeUndefined();
  });
});
