import scopes from './data/scopes.json';

/**
 * Code d'un élément du registre (scope, finalité, traitement, API), tel que le catalogue le publie.
 * @maxLength 64
 * @example "ecole:effectifs"
 */
export type CodeRegistre = string;

/** The registry's scope → fields table (API Particulier's `scopes.ts`, as data). */
export const CHAMPS_PAR_SCOPE: Readonly<Record<string, readonly string[]>> = Object.fromEntries(scopes.map((s) => [s.code, s.champs]));
