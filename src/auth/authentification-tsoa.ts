import type { Request } from 'express';
import type { Contexte } from '../contexte';
import { Probleme } from '../http/problemes';
import { exigerScopes, resoudreJeton, type JetonResolu, type Principal } from './principal';

// One resolution per request: tsoa calls this hook once per @Security alternative of a route, all
// at once; each call then only checks its scopes against the same resolved token.
const resolutions = new WeakMap<Request, Promise<JetonResolu>>();

/** tsoa's hook for @Security('oauth2', [scopes]): the principal becomes `request.user`. */
export async function expressAuthentication(request: Request, securityName: string, scopes: string[] = []): Promise<Principal> {
  if (securityName !== 'oauth2') throw new Probleme('jeton_invalide');
  let resolution = resolutions.get(request);
  if (!resolution) {
    const { db } = request.app.locals.contexte as Contexte;
    resolution = resoudreJeton(db, request.headers.authorization, { cache: true });
    resolutions.set(request, resolution);
  }
  return exigerScopes(await resolution, scopes);
}
