import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import swaggerUi from 'swagger-ui-express';
import type { Contexte } from './contexte';
import { RACINE } from './racine';
import { RegisterRoutes } from './generated/routes';
import { CATALOGUE_PROBLEMES, gestionnaireErreurs, routeInconnue } from './http/problemes';
import { corpsJson, identifiantRequete, journalAcces, refuserJetonDansUrl } from './http/requete';
import { entetesDeSecurite } from './http/securite';

const CHEMIN_SPEC = path.join(RACINE, 'openapi', 'openapi.json');

export function creerApp(contexte: Contexte): Express {
  const app = express();
  app.locals.contexte = contexte;
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.set('etag', false);

  app.use(identifiantRequete, journalAcces);
  app.use(entetesDeSecurite, refuserJetonDansUrl);

  const spec = fs.readFileSync(CHEMIN_SPEC, 'utf8');
  app.get('/openapi.json', (_req, res) => res.type('application/json').send(spec));
  app.use(
    '/docs',
    swaggerUi.serveFiles(undefined, { swaggerUrl: '/openapi.json' }),
    swaggerUi.setup(undefined, {
      customSiteTitle: 'Passerelle APIsation — documentation',
      swaggerOptions: { url: '/openapi.json', persistAuthorization: false, displayRequestDuration: true, deepLinking: true },
    }),
  );
  app.get('/problemes', (_req, res) => res.json(CATALOGUE_PROBLEMES));

  app.use(corpsJson);
  RegisterRoutes(app);

  app.use(routeInconnue);
  app.use(gestionnaireErreurs);
  return app;
}
