import { createHmac, timingSafeEqual } from 'node:crypto';
import { Probleme } from '../http/problemes';
import { ajouterMoisMemeJour } from '../referentiels/calendrier';

/**
 * The sync token names one published list (its key, generation, 1st of month) as one recipient
 * saw it (SIRET, scope). It is signed, not stored: the same list gives the same token, so list
 * pages and change feeds keep strong ETags, and nothing is written on a read.
 */

/** A recipient may skip months (holidays, a late council): a year and a month of history is kept. */
export const VALIDITE_MOIS = 13;

export interface ListeSynchronisee {
  /** The list's key as its descriptor names it in tokens (`cleDuJeton`): a commune code, `kind:UAI`… */
  cle: string;
  generationId: number;
  datePublication: string;
  scope: string;
}

export interface Porteur {
  siret: string;
  /** Keyed like the pseudonyms: rotating that key changes every id, so every copy must be downloaded again. */
  cle: string;
}

const DOMAINE = 'apisation:jeton-synchronisation';
const VERSION = 'v1';

function signer(contenu: string, porteur: Porteur): string {
  return createHmac('sha256', porteur.cle).update(`${DOMAINE}\u0000${porteur.siret}\u0000${contenu}`).digest('base64url').slice(0, 32);
}

export function emettreJeton(liste: ListeSynchronisee, porteur: Porteur): string {
  const contenu = Buffer.from(JSON.stringify([VERSION, liste.cle, liste.generationId, liste.datePublication, liste.scope])).toString('base64url');
  return `${contenu}.${signer(contenu, porteur)}`;
}

function perime(): Probleme {
  return new Probleme('jeton_synchronisation_perime');
}

/**
 * The list the token names, if it was issued to this recipient for this list and scope and is
 * younger than VALIDITE_MOIS; otherwise 410 — malformed, foreign and expired alike, so a probe
 * learns nothing about another recipient's tokens.
 */
export function lireJeton(jeton: string, attendu: { cle: string; scope: string; aujourdhui: string }, porteur: Porteur): ListeSynchronisee {
  const [contenu, signature, ...reste] = jeton.split('.');
  if (!contenu || !signature || reste.length > 0) throw perime();
  const attendue = Buffer.from(signer(contenu, porteur));
  const recue = Buffer.from(signature);
  if (attendue.length !== recue.length || !timingSafeEqual(attendue, recue)) throw perime();
  let champs: unknown;
  try {
    champs = JSON.parse(Buffer.from(contenu, 'base64url').toString('utf8'));
  } catch {
    throw perime();
  }
  if (!Array.isArray(champs) || champs.length !== 5 || champs[0] !== VERSION) throw perime();
  const [, cle, generationId, datePublication, scope] = champs as [string, string, number, string, string];
  if (cle !== attendu.cle || scope !== attendu.scope) throw perime();
  if (ajouterMoisMemeJour(datePublication, VALIDITE_MOIS) <= attendu.aujourdhui) throw perime();
  return { cle, generationId, datePublication, scope };
}
