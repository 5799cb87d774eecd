import pino from 'pino';

/** Application log: structured JSON, request ids, never personal data (no query strings, no bodies). */
export const journalApplicatif = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'apisation' },
  redact: ['req.headers.authorization', 'authorization'],
});
