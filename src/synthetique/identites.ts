import type { Sexe } from '../referentiels/nomenclatures';
import { normaliserLibelle } from '../referentiels/texte';
import { type Alea, TablePonderee } from './alea';
import { NOMS_FAMILLE } from './donnees/noms';
import { PRENOMS_FEMMES, PRENOMS_FILLES, PRENOMS_GARCONS, PRENOMS_HOMMES } from './donnees/prenoms';

/** Parses the "libellé:poids" lists of `donnees/`. */
export function lireTablePonderee(texte: string): TablePonderee<string> {
  const entrees = texte
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
    .map((e): [string, number] => {
      const i = e.lastIndexOf(':');
      return [e.slice(0, i), Number(e.slice(i + 1))];
    });
  return TablePonderee.depuis(entrees);
}

const prenoms = {
  enfant: { M: lireTablePonderee(PRENOMS_GARCONS), F: lireTablePonderee(PRENOMS_FILLES) },
  adulte: { M: lireTablePonderee(PRENOMS_HOMMES), F: lireTablePonderee(PRENOMS_FEMMES) },
};
const noms = lireTablePonderee(NOMS_FAMILLE);

/** `normaliserNom` (src/referentiels/texte.ts), remembering each word: the generator meets the same few hundred names again and again. */
export function normaliserNomMemorise(texte: string): string {
  const mots = texte.split(' ');
  for (let i = 0; i < mots.length; i++) {
    let normalise = dejaNormalises.get(mots[i]);
    if (normalise === undefined) {
      if (dejaNormalises.size >= 10_000) dejaNormalises.clear();
      normalise = normaliserLibelle(mots[i]);
      dejaNormalises.set(mots[i], normalise);
    }
    mots[i] = normalise;
  }
  return mots.filter(Boolean).join(' ');
}
const dejaNormalises = new Map<string, string>();

export function tirerNom(alea: Alea): string {
  return noms.tirer(alea);
}

/** First names in civil-registry order, space-separated ("Léo Pierre Marcel"). */
export function tirerPrenoms(alea: Alea, sexe: Sexe, generation: 'enfant' | 'adulte'): string {
  const u = alea.nombre();
  const nombre = generation === 'enfant' ? (u < 0.3 ? 1 : u < 0.75 ? 2 : 3) : u < 0.7 ? 1 : 2;
  const choisis = [prenoms[generation][sexe].tirer(alea)];
  // Second and third names are often the grandparents' generation.
  for (let essai = 0; choisis.length < nombre && essai < 6; essai++) {
    const p = prenoms.adulte[sexe].tirer(alea);
    if (!choisis.includes(p)) choisis.push(p);
  }
  return choisis.join(' ');
}
