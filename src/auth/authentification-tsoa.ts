import type { Request } from 'express';
import type { Contexte } from '../contexte';
import { Probleme } from '../http/problemes';
import { authentifier, type Principal } from './principal';

/** tsoa's hook for @Security('oauth2', [scopes]): the principal becomes `request.user`. */
export async function expressAuthentication(request: Request, securityName: string, scopes: string[] = []): Promise<Principal> {
  if (securityName !== 'oauth2') throw new Probleme('jeton_invalide');
  const { db } = request.app.locals.contexte as Contexte;
  return authentifier(db, request.headers.authorization, scopes);
}
