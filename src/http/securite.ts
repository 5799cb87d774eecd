import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * helmet's defaults, with one addition: Swagger UI calls the token endpoint and the APIs of the
 * same origin (`connect-src 'self'`). Everything else stays same-origin, images also inline,
 * no plugin, no framing by another site.
 */
const OPTIONS_HELMET = { contentSecurityPolicy: { directives: { connectSrc: ["'self'"] } } } as const;

/**
 * The headers helmet sets with these options, read once at start-up: they are constant strings,
 * and helmet would otherwise run its chain of thirteen middlewares on every request to set them.
 */
function entetesDeHelmet(): ReadonlyArray<readonly [string, string]> {
  const entetes: Array<readonly [string, string]> = [];
  const reponse = {
    setHeader(nom: string, valeur: string | number | readonly string[]) {
      entetes.push([nom, String(valeur)]);
      return reponse;
    },
    removeHeader() {},
  };
  helmet(OPTIONS_HELMET)({} as IncomingMessage, reponse as unknown as ServerResponse, (erreur?: unknown) => {
    if (erreur) throw erreur;
  });
  return Object.freeze(entetes);
}

const ENTETES_SECURITE = entetesDeHelmet();

export const entetesDeSecurite: RequestHandler = (_req, res, next) => {
  for (const [nom, valeur] of ENTETES_SECURITE) res.setHeader(nom, valeur);
  next();
};
