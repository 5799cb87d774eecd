import * as jetons from '../../listes/jeton-synchronisation';
import type { Porteur } from '../../listes/jeton-synchronisation';

/** The mairie list's tokens name the commune alone (its descriptor's `cleDuJeton`): tokens issued before src/listes stay valid. */

export { VALIDITE_MOIS } from '../../listes/jeton-synchronisation';

interface ListeDeLaCommune {
  codeCommune: string;
  generationId: number;
  datePublication: string;
  scope: string;
}

export function emettreJeton(liste: ListeDeLaCommune, porteur: Porteur): string {
  const { codeCommune, ...reste } = liste;
  return jetons.emettreJeton({ cle: codeCommune, ...reste }, porteur);
}

export function lireJeton(jeton: string, attendu: { codeCommune: string; scope: string; aujourdhui: string }, porteur: Porteur): ListeDeLaCommune {
  const { cle, ...reste } = jetons.lireJeton(jeton, { cle: attendu.codeCommune, scope: attendu.scope, aujourdhui: attendu.aujourdhui }, porteur);
  return { codeCommune: cle, ...reste };
}
