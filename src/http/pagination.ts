import type { Request } from 'express';
import { Probleme } from './problemes';

/** Opaque cursor: the sort key of the last item served, so pages stay stable while data changes. */
export function encoderCurseur(cle: unknown): string {
  return Buffer.from(JSON.stringify(cle)).toString('base64url');
}

export function decoderCurseur<T>(curseur: string | undefined): T | undefined {
  if (curseur === undefined || curseur === '') return undefined;
  try {
    return JSON.parse(Buffer.from(curseur, 'base64url').toString('utf8')) as T;
  } catch {
    throw new Probleme('requete_invalide', undefined, { erreurs: [{ champ: 'curseur', message: 'curseur illisible' }] });
  }
}

/** RFC 8288 `Link: <…>; rel="next"` built on the request's own URL. */
export function lienSuivant(req: Request, curseurSuivant: string | null): string | undefined {
  if (!curseurSuivant) return undefined;
  const url = new URL(req.originalUrl, 'http://passerelle');
  url.searchParams.set('curseur', curseurSuivant);
  return `<${url.pathname}${url.search}>; rel="next"`;
}
