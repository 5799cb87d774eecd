import pino from 'pino';

/**
 * Application log: structured JSON, request ids, never personal data (no query strings, no bodies).
 * Written asynchronously (writes coalesce while one is in flight; pino flushes at exit): a
 * synchronous write per request cost the request path a system call each.
 */
export const journalApplicatif = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    base: { service: 'apisation' },
    redact: ['req.headers.authorization', 'authorization'],
  },
  pino.destination({ dest: 1, sync: false }),
);
