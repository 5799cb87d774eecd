import { hacher32 } from './alea';
import { type CodeOrigineSociale, PCS } from '../referentiels/nomenclatures';

/** PCS codes of each DEPP group, in code order. */
const CODES_PAR_ORIGINE = new Map<CodeOrigineSociale, string[]>();
for (const [code, { origine }] of Object.entries(PCS)) CODES_PAR_ORIGINE.set(origine, [...(CODES_PAR_ORIGINE.get(origine) ?? []), code]);

/** Upper bounds of the social score per group: roughly the DEPP's national shares of collège pupils. */
const BORNES: ReadonlyArray<readonly [number, CodeOrigineSociale]> = [
  [0.36, 'defavorisee'],
  [0.62, 'moyenne'],
  [0.76, 'favorisee'],
  [Infinity, 'tres_favorisee'],
];

const uniforme = (cle: string, graine: number): number => hacher32(cle, graine) / 2 ** 32;

/**
 * The occupation of a household's responsable: drawn from hashes of the household's id, not from
 * its random stream, so every other generated value stays as it was; correlated with the
 * household's resources (the grants' criterion), so boursiers come mostly from modest groups.
 */
export function tirerPcs(graine: number, foyerId: string, rang: number, ressources: number): string {
  const cle = `pcs:${foyerId}:${rang}`;
  if (uniforme(`${cle}:renseignee`, graine) < 0.03) return '99';
  const score = 0.75 * ressources + 0.25 * uniforme(`${cle}:score`, graine);
  const origine = BORNES.find(([borne]) => score < borne)![1];
  const codes = CODES_PAR_ORIGINE.get(origine)!;
  return codes[Math.floor(uniforme(`${cle}:code`, graine) * codes.length)];
}
