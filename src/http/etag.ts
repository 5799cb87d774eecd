import { createHash } from 'node:crypto';
import type { Request } from 'express';

/**
 * Strong validator from what the response depends on (e.g. a per-commune version, the page's
 * parameters and the recipient), so a revalidation is answered without rebuilding the body.
 */
export function etagDe(...parties: Array<string | number | null | undefined>): string {
  const h = createHash('sha256');
  for (const p of parties) h.update(`${p ?? ''}\u0000`);
  return `"${h.digest('base64url').slice(0, 32)}"`;
}

/**
 * The validator of a representation only its recipient sees (a list, a file): its ETag, whether the
 * client's copy is current, and the headers that keep shared caches out of it.
 */
export function validationPrivee(
  inchange: (etag: string) => boolean,
  ...parties: Array<string | number | null | undefined>
): { inchange: boolean; entetes: Record<string, string> } {
  const etag = etagDe(...parties);
  return { inchange: inchange(etag), entetes: { ETag: etag, 'Cache-Control': 'private, no-cache', Vary: 'Authorization, Accept' } };
}

/** RFC 9110 §13.1.2: If-None-Match matches with weak comparison; `*` matches any current representation. */
export function estInchange(req: Request, etag: string): boolean {
  const entete = req.headers['if-none-match'];
  if (!entete) return false;
  if (entete.trim() === '*') return true;
  const nu = etag.replace(/^W\//, '');
  return entete.split(',').some((e) => e.trim().replace(/^W\//, '') === nu);
}
