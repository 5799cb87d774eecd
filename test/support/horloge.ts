/**
 * Every test file runs on a pinned day: `APISATION_AUJOURDHUI` when the caller sets it (CI runs
 * the suite at several days of a school year), otherwise the day below, so that `npm test`
 * means the same thing on any date. Servers spawned by the tests inherit it.
 */
export const JOUR_DES_TESTS_PAR_DEFAUT = '2026-12-01';

process.env.APISATION_AUJOURDHUI ||= JOUR_DES_TESTS_PAR_DEFAUT;
