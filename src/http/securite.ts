import type { RequestHandler } from 'express';

/**
 * The Content-Security-Policy: same-origin everything (Swagger UI's own assets and its token call
 * included), images also inline (`data:`), no plugin, no framing by another site.
 */
const CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "font-src 'self' https: data:",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' https: 'unsafe-inline'",
  'upgrade-insecure-requests',
  "connect-src 'self'",
].join(';');

/**
 * Security headers of every response, as helmet 8 set them with the CSP above, computed once:
 * helmet ran a chain of thirteen middlewares per request to set the same constant strings.
 */
const ENTETES_SECURITE: ReadonlyArray<readonly [string, string]> = Object.freeze([
  ['Content-Security-Policy', CSP],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
] as const);

export const entetesDeSecurite: RequestHandler = (_req, res, next) => {
  for (const [nom, valeur] of ENTETES_SECURITE) res.setHeader(nom, valeur);
  next();
};
