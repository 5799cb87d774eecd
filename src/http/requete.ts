import { randomUUID } from 'node:crypto';
import express, { type RequestHandler } from 'express';
import { journalApplicatif } from './journal-applicatif';
import { Probleme } from './problemes';

const ID_ACCEPTABLE = /^[A-Za-z0-9._-]{8,64}$/;

/** Every request gets an id (the caller's if well-formed), echoed in X-Request-Id, problems and logs. */
export const identifiantRequete: RequestHandler = (req, res, next) => {
  const fourni = req.headers['x-request-id'];
  res.locals.requestId = typeof fourni === 'string' && ID_ACCEPTABLE.test(fourni) ? fourni : randomUUID();
  res.setHeader('X-Request-Id', res.locals.requestId);
  next();
};

/** Access log without query strings nor bodies: API scolarité carries identities in its query. */
export const journalAcces: RequestHandler = (req, res, next) => {
  const debut = process.hrtime.bigint();
  res.on('finish', () => {
    journalApplicatif.info(
      {
        requestId: res.locals.requestId,
        methode: req.method,
        route: (req.route?.path as string | undefined) ?? req.path,
        statut: res.statusCode,
        dureeMs: Number(process.hrtime.bigint() - debut) / 1e6,
        client: (req as { user?: { clientId?: string } }).user?.clientId,
      },
      'requête',
    );
  });
  next();
};

/** RFC 9700 §2.5 / RFC 6750 §2.3: a token in the URL leaks into logs and histories — refused outright. */
export const refuserJetonDansUrl: RequestHandler = (req, _res, next) => {
  next('access_token' in req.query ? new Probleme('jeton_dans_url') : undefined);
};

const analyseurJson = express.json({ limit: '100kb' });

/**
 * A body is only accepted as JSON, except on the OAuth endpoints: they take forms, checked by
 * their own route (src/auth/oauth.ts). A request without a body (most are GETs) skips the parser:
 * it gets the empty body the parser would have given it.
 */
export const corpsJson: RequestHandler = (req, res, next) => {
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
    req.body = {};
    return next();
  }
  const aUnCorps = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (['POST', 'PUT', 'PATCH'].includes(req.method) && aUnCorps && !req.is('application/json') && !req.path.startsWith('/oauth/')) {
    return next(new Probleme('type_contenu_non_supporte', 'Content-Type attendu : application/json.'));
  }
  analyseurJson(req, res, next);
};
