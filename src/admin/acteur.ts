import type { Request } from 'express';
import type { Principal } from '../auth/principal';

/** Who made an operator change, as recorded in transition logs and histories. */
export function acteur(req: Request): string {
  return `client:${(req.user as Principal).clientId}`;
}
