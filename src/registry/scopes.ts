import scopes from './data/scopes.json';

/** The registry's scope → fields table (API Particulier's `scopes.ts`, as data). */
export const CHAMPS_PAR_SCOPE: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  scopes.map((s) => [s.code, s.champs]),
);
