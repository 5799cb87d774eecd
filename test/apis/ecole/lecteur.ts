import type { EffectifsNiveau, LigneEffectifs } from '../../../src/apis/ecole/effectifs';

/** A reader of published head-count tables, attacking them with everything a table tells. */

export type Colonne = keyof LigneEffectifs;
const PARTITIONS: Colonne[][] = [
  ['filles', 'garcons'],
  ['boursiers', 'non_boursiers'],
  ['externes', 'demi_pensionnaires', 'internes'],
];
export const COLONNES: Colonne[] = ['effectif', ...PARTITIONS.flat()];

/** What a reader sees: every published row, and the relations any reader of the table knows. */
export function vueDuLecteur(total: LigneEffectifs, niveaux: EffectifsNiveau[]) {
  const lignes: LigneEffectifs[] = [total];
  const enfants: Array<[number, number[]]> = [];
  const racine: number[] = [];
  for (const niveau of niveaux) {
    const i = lignes.push(niveau) - 1;
    racine.push(i);
    if (niveau.formations) enfants.push([i, niveau.formations.map((f) => lignes.push(f) - 1)]);
  }
  enfants.push([0, racine]);
  const cellules: Cellule[] = [];
  const terme = new Map<string, number>();
  lignes.forEach((l, i) =>
    COLONNES.forEach((c) => {
      if (l[c]) terme.set(`${i}/${c}`, cellules.push(l[c]!) - 1);
    }),
  );
  const equations: Array<{ parties: number[]; total: number }> = [];
  lignes.forEach((_, i) => {
    for (const p of PARTITIONS) {
      if (p.every((c) => terme.has(`${i}/${c}`))) equations.push({ parties: p.map((c) => terme.get(`${i}/${c}`)!), total: terme.get(`${i}/effectif`)! });
    }
  });
  for (const [parent, fils] of enfants) {
    for (const c of COLONNES) {
      if (terme.has(`${parent}/${c}`)) equations.push({ parties: fils.map((f) => terme.get(`${f}/${c}`)!), total: terme.get(`${parent}/${c}`)! });
    }
  }
  return { cellules, equations };
}

/** A cell as any API publishes it: a mark may or may not say why the value is masked. */
export type Cellule = { valeur: number } | { valeur: null; secret: true | 'primaire' | 'secondaire' };

/**
 * The reader's attack, using whatever the marks say: zeros are published, so a masked cell is
 * at least 1; a 'primaire' one lies in [1, seuil−1], a 'secondaire' one in [seuil, ∞[;
 * bounds are narrowed through every relation until nothing moves. Returns the masked cells whose
 * value the reader pins down exactly.
 */
export function cellulesRetrouvees(cellules: Cellule[], equations: Array<{ parties: number[]; total: number }>, seuil: number): number[] {
  const bas = cellules.map((c) => (c.valeur !== null ? c.valeur : c.secret === 'secondaire' ? seuil : 1));
  const haut = cellules.map((c) => (c.valeur !== null ? c.valeur : c.secret === 'primaire' ? seuil - 1 : Infinity));
  for (let change = true, tour = 0; change && tour < 200; tour++) {
    change = false;
    const borner = (t: number, b: number, h: number) => {
      if (b > bas[t]) {
        bas[t] = b;
        change = true;
      }
      if (h < haut[t]) {
        haut[t] = h;
        change = true;
      }
    };
    for (const { parties, total } of equations) {
      const sommeBas = parties.reduce((s, p) => s + bas[p], 0);
      const sommeHaut = parties.reduce((s, p) => s + haut[p], 0);
      borner(total, sommeBas, sommeHaut);
      for (const p of parties) borner(p, bas[total] - (sommeHaut - haut[p]), haut[total] - (sommeBas - bas[p]));
    }
  }
  return cellules.flatMap((c, i) => (c.valeur === null && bas[i] === haut[i] ? [i] : []));
}
