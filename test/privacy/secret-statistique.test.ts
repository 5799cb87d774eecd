import fc from 'fast-check';
import {
  appliquerSecretStatistique,
  appliquerSecretStatistiqueListe,
  publierTableaux,
  type Cellule,
  type TableauDeComptages,
  type TableauPublie,
  type TableauxPublies,
} from '../../src/privacy/secret-statistique';
import { Lecteur } from './lecteur-secret';

const SEUIL = 5;
const comptage = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 60 }));
const tableau = fc
  .record({ m: fc.integer({ min: 1, max: 5 }), n: fc.integer({ min: 1, max: 5 }) })
  .chain(({ m, n }) => fc.array(fc.array(comptage, { minLength: n, maxLength: n }), { minLength: m, maxLength: m }));

const somme = (valeurs: number[]): number => valeurs.reduce((s, v) => s + v, 0);
const colonne = (valeurs: number[][], j: number): number[] => valeurs.map((l) => l[j]);

function publier(valeurs: number[][]): TableauPublie {
  return appliquerSecretStatistique({ lignes: valeurs.map((_, i) => `l${i}`), colonnes: valeurs[0].map((_, j) => `c${j}`), valeurs }, { seuil: SEUIL });
}

/** Each published cell must be the real count; each masked one must say why. */
function verifierCellule(cellule: Cellule, reel: number): void {
  if (cellule.valeur === null) {
    expect(cellule.secret).toBe(reel > 0 && reel < SEUIL ? 'primaire' : 'secondaire');
  } else {
    expect(cellule.valeur).toBe(reel);
    expect(reel === 0 || reel >= SEUIL).toBe(true);
  }
}

/**
 * A reader who knows the published cells and totals solves every row or column where a single
 * value is unknown, and repeats with what he learnt. Returns the masked values recovered.
 */
function attaqueParSoustraction(publie: TableauPublie): number {
  const m = publie.lignes.length;
  const n = publie.colonnes.length;
  const connu = (c: Cellule): number | null => c.valeur;
  const grille: (number | null)[][] = [
    ...publie.cellules.map((l, i) => [...l.map(connu), connu(publie.totaux_lignes[i])]),
    [...publie.totaux_colonnes.map(connu), connu(publie.total)],
  ];
  const lignesDeLaGrille = [
    ...Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => [i, j])),
    ...Array.from({ length: n + 1 }, (_, j) => Array.from({ length: m + 1 }, (_, i) => [i, j])),
  ];
  let retrouves = 0;
  for (let progres = true; progres;) {
    progres = false;
    for (const ligne of lignesDeLaGrille) {
      const inconnues = ligne.filter(([i, j]) => grille[i][j] === null);
      if (inconnues.length !== 1) continue;
      const [[i, j]] = inconnues;
      const parties = ligne.slice(0, -1);
      const [ti, tj] = ligne[ligne.length - 1];
      grille[i][j] =
        i === ti && j === tj
          ? somme(parties.map(([a, b]) => grille[a][b] as number))
          : (grille[ti][tj] as number) - somme(parties.filter(([a, b]) => a !== i || b !== j).map(([a, b]) => grille[a][b] as number));
      retrouves++;
      progres = true;
    }
  }
  return retrouves;
}

describe('appliquerSecretStatistique (tableau à deux dimensions)', () => {
  it('publie les vrais comptages et totaux, et aucun effectif non nul sous le seuil', () => {
    fc.assert(
      fc.property(tableau, (valeurs) => {
        const publie = publier(valeurs);
        valeurs.forEach((l, i) => l.forEach((v, j) => verifierCellule(publie.cellules[i][j], v)));
        valeurs.forEach((l, i) => verifierCellule(publie.totaux_lignes[i], somme(l)));
        valeurs[0].forEach((_, j) => verifierCellule(publie.totaux_colonnes[j], somme(colonne(valeurs, j))));
        verifierCellule(publie.total, somme(valeurs.flat()));
      }),
      { numRuns: 400 },
    );
  });

  it('aucune cellule masquée ne se recalcule par soustraction depuis les totaux publiés', () => {
    fc.assert(
      fc.property(tableau, (valeurs) => {
        expect(attaqueParSoustraction(publier(valeurs))).toBe(0);
      }),
      { numRuns: 400 },
    );
  });

  it('est déterministe', () => {
    fc.assert(
      fc.property(tableau, (valeurs) => expect(publier(valeurs)).toEqual(publier(valeurs))),
      { numRuns: 100 },
    );
  });

  it('masque un petit effectif et son complément, en gardant les libellés', () => {
    const publie = appliquerSecretStatistique({
      lignes: ['admis', 'refusés'],
      colonnes: ['filles', 'garçons'],
      valeurs: [
        [40, 37],
        [3, 12],
      ],
    });
    expect(publie.seuil).toBe(5);
    expect(publie.lignes).toEqual(['admis', 'refusés']);
    expect(publie.cellules[1][0]).toEqual({ valeur: null, secret: 'primaire' });
    expect(attaqueParSoustraction(publie)).toBe(0);
    expect(publie.total).toEqual({ valeur: 92 });
  });

  it('refuse un comptage négatif ou des dimensions incohérentes', () => {
    expect(() => appliquerSecretStatistique({ lignes: ['a'], colonnes: ['x'], valeurs: [[-1]] })).toThrow(TypeError);
    expect(() => appliquerSecretStatistique({ lignes: ['a', 'b'], colonnes: ['x'], valeurs: [[1]] })).toThrow(TypeError);
  });
});

/**
 * Every value a masked term can take, given what is published and the marks ('primaire': 1..seuil-1,
 * 'secondaire': seuil and more), by enumerating achievable sums — independent of the algorithm's bounds.
 */
function valeursPossibles(cellules: Cellule[], total: Cellule, cible: number, plafond: number): Set<number> {
  const domaine = (c: Cellule): number[] => {
    if (c.valeur !== null) return [c.valeur];
    const [bas, haut] = c.secret === 'primaire' ? [1, SEUIL - 1] : [SEUIL, plafond];
    return Array.from({ length: haut - bas + 1 }, (_, k) => bas + k);
  };
  const possibles = new Set<number>();
  const termes = [...cellules, total];
  for (const v of domaine(termes[cible])) {
    // sums reachable by the other parts
    let sommes = new Set([0]);
    cellules.forEach((c, k) => {
      if (k === cible) return;
      const suivantes = new Set<number>();
      for (const s of sommes) for (const x of domaine(c)) if (s + x <= plafond) suivantes.add(s + x);
      sommes = suivantes;
    });
    const totaux = new Set(domaine(total));
    const ok = cible === cellules.length ? sommes.has(v) : [...sommes].some((s) => totaux.has(s + v));
    if (ok) possibles.add(v);
  }
  return possibles;
}

describe('appliquerSecretStatistiqueListe (une dimension)', () => {
  const liste = fc.array(comptage, { minLength: 1, maxLength: 5 });

  it("ne laisse déduire aucune valeur masquée, même en sachant ce que signifient 'primaire' et 'secondaire'", () => {
    fc.assert(
      fc.property(liste, (valeurs) => {
        const publie = appliquerSecretStatistiqueListe(valeurs.map((valeur, i) => ({ libelle: `m${i}`, valeur })));
        valeurs.forEach((v, i) => verifierCellule(publie.cellules[i], v));
        verifierCellule(publie.total, somme(valeurs));
        const termes = [...publie.cellules, publie.total];
        // Only when every term is a small count (or a published zero, which hides nothing) is nothing left to hide them behind.
        if (termes.every((t) => (t.valeur === null && t.secret === 'primaire') || t.valeur === 0)) return;
        const plafond = somme(valeurs) + 3 * SEUIL;
        termes.forEach((t, k) => {
          if (t.valeur !== null) return;
          expect(valeursPossibles(publie.cellules, publie.total, k, plafond).size).toBeGreaterThan(1);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('cache deux effectifs de 1 dont la somme se lirait sur le total', () => {
    const publie = appliquerSecretStatistiqueListe([
      { libelle: 'TB', valeur: 1 },
      { libelle: 'B', valeur: 1 },
      { libelle: 'AB', valeur: 50 },
    ]);
    expect(publie.cellules[0]).toEqual({ libelle: 'TB', valeur: null, secret: 'primaire' });
    const plafond = 52 + 3 * SEUIL;
    expect(valeursPossibles(publie.cellules, publie.total, 0, plafond).size).toBeGreaterThan(1);
  });

  it('applique le seuil donné en paramètre', () => {
    const publie = appliquerSecretStatistiqueListe(
      [
        { libelle: 'a', valeur: 8 },
        { libelle: 'b', valeur: 30 },
      ],
      { seuil: 11 },
    );
    expect(publie.cellules[0]).toEqual({ libelle: 'a', valeur: null, secret: 'primaire' });
    expect(publie.cellules[1].valeur).toBeNull();
  });
});

describe('publierTableaux (tableaux emboîtés : établissements, communes, département)', () => {
  /** Rows total = a + b and columns n = f + g in every table; each commune = Σ its establishments, the département = Σ communes. */
  const LIGNES = ['total', 'a', 'b'];
  const COLONNES = ['n', 'f', 'g'];
  type Valeurs = Map<string, Map<string, number>>;

  function tableauDe(parts: Map<string, number>): Valeurs {
    const v = (l: string, c: string) => parts.get(`${l}/${c}`)!;
    const cellules: Valeurs = new Map();
    for (const l of ['a', 'b'])
      cellules.set(
        l,
        new Map([
          ['f', v(l, 'f')],
          ['g', v(l, 'g')],
          ['n', v(l, 'f') + v(l, 'g')],
        ]),
      );
    cellules.set('total', new Map(COLONNES.map((c) => [c, cellules.get('a')!.get(c)! + cellules.get('b')!.get(c)!])));
    return cellules;
  }
  function additionner(tableaux: Valeurs[]): Valeurs {
    return new Map(LIGNES.map((l) => [l, new Map(COLONNES.map((c) => [c, tableaux.reduce((s, t) => s + t.get(l)!.get(c)!, 0)]))]));
  }

  const feuille = fc.record({ 'a/f': comptage, 'a/g': comptage, 'b/f': comptage, 'b/g': comptage }).map((r) => new Map(Object.entries(r)));
  const territoire = fc.array(fc.array(feuille, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });

  function construire(communes: Map<string, number>[][]): TableauDeComptages[] {
    const tableaux: TableauDeComptages[] = [];
    const relations = { sommesDeLignes: [{ total: 'total', parties: ['a', 'b'] }], sommesDeColonnes: [{ total: 'n', parties: ['f', 'g'] }] };
    const tablesCommunes: Valeurs[] = [];
    communes.forEach((etablissements, i) => {
      const tables = etablissements.map(tableauDe);
      tables.forEach((cellules, j) => tableaux.push({ cle: `E${i}.${j}`, cellules, ...relations }));
      const commune = additionner(tables);
      tablesCommunes.push(commune);
      tableaux.push({ cle: `C${i}`, cellules: commune, ...relations, decompositions: [tables.map((_, j) => `E${i}.${j}`)] });
    });
    tableaux.push({ cle: 'D', cellules: additionner(tablesCommunes), ...relations, decompositions: [communes.map((_, i) => `C${i}`)] });
    return tableaux;
  }

  /** The independent reader, given every published table and every relation between them. */
  function lecteurDe(tableaux: TableauDeComptages[], publies: TableauxPublies): Lecteur {
    const lecteur = new Lecteur();
    const cle = (t: string, l: string, c: string) => `${t}|${l}|${c}`;
    for (const t of tableaux) {
      for (const [l, colonnes] of t.cellules) {
        for (const [c, reel] of colonnes) {
          const cellule = publies.get(t.cle)!.get(l)!.get(c)!;
          lecteur.cellule(cle(t.cle, l, c), cellule.valeur === null ? { masquee: true } : { connue: cellule.valeur }, reel);
        }
      }
    }
    for (const t of tableaux) {
      for (const c of COLONNES)
        lecteur.relation(
          cle(t.cle, 'total', c),
          ['a', 'b'].map((l) => cle(t.cle, l, c)),
        );
      for (const l of LIGNES)
        lecteur.relation(
          cle(t.cle, l, 'n'),
          ['f', 'g'].map((c) => cle(t.cle, l, c)),
        );
      for (const parties of t.decompositions ?? []) {
        for (const l of LIGNES)
          for (const c of COLONNES)
            lecteur.relation(
              cle(t.cle, l, c),
              parties.map((p) => cle(p, l, c)),
            );
      }
    }
    return lecteur;
  }

  it('publie les vrais comptages, aucun sous le seuil, et aucun masque ne se retrouve, même en combinant les tableaux', () => {
    fc.assert(
      fc.property(territoire, (communes) => {
        const tableaux = construire(communes);
        const { tableaux: publies } = publierTableaux(tableaux, { seuil: SEUIL });
        for (const t of tableaux) {
          for (const [l, colonnes] of t.cellules) {
            for (const [c, reel] of colonnes) verifierCellule(publies.get(t.cle)!.get(l)!.get(c)!, reel);
          }
        }
        expect(lecteurDe(tableaux, publies).attaquer(SEUIL)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('est déterministe', () => {
    fc.assert(
      fc.property(territoire, (communes) => {
        expect(publierTableaux(construire(communes), { seuil: SEUIL }).tableaux).toEqual(publierTableaux(construire(communes), { seuil: SEUIL }).tableaux);
      }),
      { numRuns: 50 },
    );
  });

  it('ne laisse pas retrouver un établissement par différence avec sa commune (issue 14 : 8 inscrits = 6 + 2)', () => {
    const ligne = (inscrits: number) => new Map([['total', new Map([['inscrits', inscrits]])]]);
    const tableaux: TableauDeComptages[] = [
      { cle: 'etablissement:A', cellules: ligne(6) },
      { cle: 'etablissement:B', cellules: ligne(2) },
      { cle: 'commune:C', cellules: ligne(8), decompositions: [['etablissement:A', 'etablissement:B']] },
    ];
    const { tableaux: publies } = publierTableaux(tableaux, { seuil: SEUIL });
    const inscrits = (t: string) => publies.get(t)!.get('total')!.get('inscrits')!;
    expect(inscrits('etablissement:B')).toEqual({ valeur: null, secret: 'primaire' });
    // The smallest other part is masked with it, so the commune stays published.
    expect(inscrits('etablissement:A')).toEqual({ valeur: null, secret: 'secondaire' });
    expect(inscrits('commune:C')).toEqual({ valeur: 8 });
  });

  it('protège un terme jamais montré (les absents entre inscrits et présents) et ne le masque pas pour rien', () => {
    const colonnes = (inscrits: number, absents: number) =>
      new Map([
        [
          'total',
          new Map([
            ['inscrits', inscrits],
            ['absents', absents],
            ['presents', inscrits - absents],
          ]),
        ],
      ]);
    const tableaux: TableauDeComptages[] = [
      {
        cle: 'A',
        cellules: colonnes(40, 2),
        sommesDeColonnes: [{ total: 'inscrits', parties: ['absents', 'presents'] }],
        colonnesCachees: new Set(['absents']),
      },
      {
        cle: 'B',
        cellules: colonnes(40, 0),
        sommesDeColonnes: [{ total: 'inscrits', parties: ['absents', 'presents'] }],
        colonnesCachees: new Set(['absents']),
      },
    ];
    const { tableaux: publies } = publierTableaux(tableaux, { seuil: SEUIL });
    const cellule = (t: string, c: string) => publies.get(t)!.get('total')!.get(c)!;
    // A: 2 absents would be inscrits − présents: one of them is masked.
    expect([cellule('A', 'inscrits').valeur, cellule('A', 'presents').valeur]).toContain(null);
    expect(cellule('A', 'presents')).toEqual({ valeur: null, secret: 'secondaire' });
    // B: no one absent, nothing to hide.
    expect([cellule('B', 'inscrits'), cellule('B', 'presents')]).toEqual([{ valeur: 40 }, { valeur: 40 }]);
  });

  it('dit quelles sommes de cellules masquées un lecteur calcule quand même', () => {
    const niveaux = (a: number, b: number, c: number) =>
      new Map([
        ['a', new Map([['n', a]])],
        ['b', new Map([['n', b]])],
        ['c', new Map([['n', c]])],
        ['total', new Map([['n', a + b + c]])],
      ]);
    const tableaux: TableauDeComptages[] = [{ cle: 'T', cellules: niveaux(2, 3, 40), sommesDeLignes: [{ total: 'total', parties: ['a', 'b', 'c'] }] }];
    const publication = publierTableaux(tableaux, { seuil: SEUIL, sousTotaux: ['T'] });
    const cellule = (l: string) => ({ tableau: 'T', ligne: l, colonne: 'n' });
    expect(publication.tableaux.get('T')!.get('total')!.get('n')).toEqual({ valeur: 45 });
    expect(publication.sommeConnue([cellule('a'), cellule('b')])).toBe(true); // 45 − 40
    expect(publication.sommeConnue([cellule('a')])).toBe(false);
    expect(publication.sommeConnue([cellule('c'), cellule('total')])).toBe(true); // published cells alone
  });

  it('refuse une équation fausse ou une décomposition vers un tableau inconnu', () => {
    const ligne = (n: number) => new Map([['total', new Map([['n', n]])]]);
    expect(() =>
      publierTableaux([
        { cle: 'A', cellules: ligne(3) },
        { cle: 'C', cellules: ligne(4), decompositions: [['A']] },
      ]),
    ).toThrow(TypeError);
    expect(() => publierTableaux([{ cle: 'C', cellules: ligne(4), decompositions: [['X']] }])).toThrow(TypeError);
  });
});
