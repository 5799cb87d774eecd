import { createCipheriv, createDecipheriv, createHash, createHmac } from 'node:crypto';
import type { Request } from 'express';
import { CLES_DEMO } from '../config';
import { invalide } from './problemes';

// Cursors carry sort keys such as pupils' internal ids: sealed (AES-256-GCM) so a recipient
// learns nothing from them and cannot forge one. The key derives from the pseudonym key, so
// every worker and every restart reads the cursors of the others.
let cle: Buffer | undefined;
function cleCurseurs(): Buffer {
  cle ??= createHash('sha256')
    .update('apisation:curseur\0')
    .update(process.env.CLE_PSEUDONYME ?? CLES_DEMO.pseudonyme)
    .digest();
  return cle;
}

/** Opaque cursor: the sort key of the last item served, so pages stay stable while data changes. */
export function encoderCurseur(valeur: unknown): string {
  const clair = JSON.stringify(valeur);
  // Deterministic IV (derived from the content): the same page always gets the same cursor, so its ETag holds.
  const iv = createHmac('sha256', cleCurseurs()).update(clair).digest().subarray(0, 12);
  const chiffre = createCipheriv('aes-256-gcm', cleCurseurs(), iv);
  const corps = Buffer.concat([chiffre.update(clair, 'utf8'), chiffre.final()]);
  return Buffer.concat([iv, chiffre.getAuthTag(), corps]).toString('base64url');
}

export function decoderCurseur<T>(curseur: string | undefined): T | undefined {
  if (curseur === undefined || curseur === '') return undefined;
  try {
    const octets = Buffer.from(curseur, 'base64url');
    const dechiffre = createDecipheriv('aes-256-gcm', cleCurseurs(), octets.subarray(0, 12));
    dechiffre.setAuthTag(octets.subarray(12, 28));
    return JSON.parse(Buffer.concat([dechiffre.update(octets.subarray(28)), dechiffre.final()]).toString('utf8')) as T;
  } catch {
    throw invalide('curseur', 'curseur illisible ou altéré');
  }
}

/** A cursor whose sort key is an integer (a journal sequence, a row id); 400 when it holds anything else. */
export function decoderCurseurEntier(curseur: string | undefined): number | undefined {
  const valeur = decoderCurseur<unknown>(curseur);
  if (valeur === undefined) return undefined;
  if (!Number.isSafeInteger(valeur)) {
    throw invalide('curseur', 'curseur illisible');
  }
  return valeur as number;
}

/** RFC 8288 `Link: <…>; rel="next"` built on the request's own URL. */
export function lienSuivant(req: Request, curseurSuivant: string | null): string | undefined {
  if (!curseurSuivant) return undefined;
  const url = new URL(req.originalUrl, 'http://passerelle');
  url.searchParams.set('curseur', curseurSuivant);
  return `<${url.pathname}${url.search}>; rel="next"`;
}
