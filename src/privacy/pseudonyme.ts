import { createHmac } from 'node:crypto';

/**
 * Keyed hashes of persons' internal ids. The keys come from configuration (`config.cles.*`);
 * rotating the pseudonym key changes every id recipients hold, rotating the journal key makes
 * past journal entries unreachable by the data-subject report.
 */

const ALPHABET_BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(octets: Buffer, caracteres: number): string {
  let resultat = '';
  let tampon = 0;
  let bits = 0;
  for (const octet of octets) {
    tampon = ((tampon << 8) | octet) & 0xffff;
    bits += 8;
    while (bits >= 5 && resultat.length < caracteres) {
      resultat += ALPHABET_BASE32[(tampon >> (bits - 5)) & 31];
      bits -= 5;
    }
    if (resultat.length === caracteres) break;
  }
  return resultat;
}

function exigerNonVide(valeur: string, nom: string): void {
  if (typeof valeur !== 'string' || valeur.length === 0) throw new TypeError(`${nom} manquant`);
}

/**
 * Length-prefixed fields, so ("ab","c") and ("a","bc") never hash alike. One `update` of the
 * whole message (a list hashes one id per person): the same bytes as one per field, since no
 * surrogate pair can straddle the U+0000 before each field.
 */
function hmac(cle: string, domaine: string, champs: string[]): Buffer {
  exigerNonVide(cle, 'Clé de hachage');
  let message = domaine;
  for (const champ of champs) message += `\u0000${Buffer.byteLength(champ)}:${champ}`;
  return createHmac('sha256', cle).update(message).digest();
}

/**
 * Identifier of a person as one recipient sees it: stable for that SIRET, unlinkable across SIRETs
 * (DEPP–ARF convention art. 4: "no INE but an encrypted identifier").
 * 26 lowercase base32 characters = 130 bits of the HMAC: URL-safe, case-insensitive (survives
 * spreadsheets and case-folding systems), and collision-free in practice for 10^7 pupils per recipient.
 */
export function pseudonyme(cle: string, idInterne: string, siret: string): string {
  exigerNonVide(idInterne, 'Identifiant interne');
  exigerNonVide(siret, 'SIRET destinataire');
  return base32(hmac(cle, 'apisation:pseudonyme', [idInterne, siret]), 26);
}

/** What the journal stores instead of an internal id (64 hex characters). */
export function hacherPersonne(cle: string, idInterne: string): string {
  exigerNonVide(idInterne, 'Identifiant interne');
  return hmac(cle, 'apisation:journal-personne', [idInterne]).toString('hex');
}

export const FORMAT_HACHAGE_PERSONNE = /^[0-9a-f]{64}$/;
