import fc from 'fast-check';
import { appliquerMasque, champsDesScopes, champsDivulgues, compilerMasque } from '../../src/privacy/masque';

const CLES = ['identite', 'nom', 'prenoms', 'adresse', 'ville', 'responsables', 'lien', 'id'];

/** Nested objects with arrays, over a small key alphabet so that listed paths often hit. */
const { valeur: arbitraireValeur } = fc.letrec((tie) => ({
  valeur: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.constant(null), fc.boolean()),
    fc.array(tie('valeur'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...CLES), tie('valeur'), { maxKeys: 4 }),
  ),
}));
const arbitraireObjet = fc.dictionary(fc.constantFrom(...CLES), arbitraireValeur, { maxKeys: 5 });
const arbitraireChemin = fc.array(fc.constantFrom(...CLES), { minLength: 1, maxLength: 3 }).map((s) => s.join('.'));
const arbitraireChamps = fc.array(arbitraireChemin, { maxLength: 5 });

/** Every value reachable at a dotted path, arrays transparent. */
function valeursA(valeur: unknown, chemin: string[]): unknown[] {
  if (Array.isArray(valeur)) return valeur.flatMap((e) => valeursA(e, chemin));
  if (chemin.length === 0) return [valeur];
  if (typeof valeur !== 'object' || valeur === null) return [];
  const [tete, ...reste] = chemin;
  return Object.prototype.hasOwnProperty.call(valeur, tete) ? valeursA((valeur as Record<string, unknown>)[tete], reste) : [];
}

function autorise(chemin: string, champs: string[]): boolean {
  return champs.some((c) => chemin === c || chemin.startsWith(`${c}.`));
}

describe('appliquerMasque', () => {
  it('ne laisse passer aucun chemin hors des champs listés', () => {
    fc.assert(
      fc.property(arbitraireObjet, arbitraireChamps, (objet, champs) => {
        for (const chemin of champsDivulgues(appliquerMasque(objet, champs))) {
          expect(autorise(chemin, champs)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('masquer deux fois revient à masquer une fois', () => {
    fc.assert(
      fc.property(arbitraireObjet, arbitraireChamps, (objet, champs) => {
        const une = appliquerMasque(objet, champs);
        expect(appliquerMasque(une, champs)).toEqual(une);
      }),
      { numRuns: 500 },
    );
  });

  it('garde intactes les valeurs de chaque champ listé présent en entrée', () => {
    fc.assert(
      fc.property(arbitraireObjet, arbitraireChamps, (objet, champs) => {
        const masque = appliquerMasque(objet, champs);
        for (const champ of champs) {
          expect(valeursA(masque, champ.split('.'))).toEqual(valeursA(objet, champ.split('.')));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('traverse les tableaux et garde un sous-arbre entier quand le parent est listé', () => {
    const enfant = {
      id: 'p1',
      nom: 'MARTIN',
      adresse: { ligne: '1 rue de la Paix', commune: 'Rennes' },
      scolarite_actuelle: { etablissement: { uai: '0350001A', nom: 'École A' }, niveau: 'CP' },
      responsables: [
        { nom: 'MARTIN', telephone: '0600000000', lien: 'mère' },
        { nom: 'DURAND', telephone: '0611111111', lien: 'père' },
      ],
    };
    expect(appliquerMasque(enfant, ['id', 'scolarite_actuelle.etablissement', 'responsables.lien'])).toEqual({
      id: 'p1',
      scolarite_actuelle: { etablissement: { uai: '0350001A', nom: 'École A' } },
      responsables: [{ lien: 'mère' }, { lien: 'père' }],
    });
    expect(appliquerMasque([enfant, enfant], ['nom'])).toEqual([{ nom: 'MARTIN' }, { nom: 'MARTIN' }]);
  });

  it("omet un objet dont aucun champ listé n'est présent, et ne touche pas au prototype", () => {
    const hostile = JSON.parse('{"__proto__": {"admin": true}, "nom": "X", "adresse": {"commune": "Rennes"}}');
    const masque = appliquerMasque(hostile, ['__proto__', 'adresse.ligne']) as Record<string, unknown>;
    expect(Object.getPrototypeOf(masque)).toBe(Object.prototype);
    expect(Object.keys(masque)).toEqual(['__proto__']);
    expect('adresse' in masque).toBe(false);
  });

  it('un masque compilé donne le même résultat que appliquerMasque', () => {
    fc.assert(
      fc.property(arbitraireObjet, arbitraireChamps, (objet, champs) => {
        expect(compilerMasque(champs)(objet)).toEqual(appliquerMasque(objet, champs));
      }),
      { numRuns: 200 },
    );
  });
});

describe('champsDesScopes', () => {
  const table = {
    'scolarite:statut': ['est_scolarise', 'etablissement'],
    'scolarite:boursier': ['est_boursier'],
    'scolarite:identite': ['identite', 'est_scolarise'],
  };

  it("réunit les champs des scopes accordés, et un scope inconnu n'ouvre rien", () => {
    expect(champsDesScopes(table, ['scolarite:statut', 'scolarite:identite', 'inconnu', 'toString'])).toEqual(['est_scolarise', 'etablissement', 'identite']);
    expect(champsDesScopes(table, [])).toEqual([]);
  });
});

describe('champsDivulgues', () => {
  it('liste les chemins feuilles présents, tableaux transparents', () => {
    expect(
      champsDivulgues([
        { id: 'a', identite: { nom: 'X', prenoms: ['A', 'B'] }, responsables: [{ nom: 'Y' }, { lien: 'père' }] },
        { id: 'b', responsables: [] },
      ]),
    ).toEqual(['id', 'identite.nom', 'identite.prenoms', 'responsables', 'responsables.lien', 'responsables.nom']);
  });
});
