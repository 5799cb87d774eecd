/**
 * The server `npm run bench:intergiciels` starts, one configuration at a time (bench only):
 *   COUCHES=passerelle                          the gateway itself (creerApp), on DATABASE_URL; with
 *                                               PASSERELLE_DIST, the creerApp of that other build;
 *   COUCHES=identifiant,journal,securite,…      bare express plus these gateway middlewares, in the
 *                                               gateway's order, before a plain /health route.
 * With ETAPES_FICHIER, every express layer is timed (hrtime from entering it to its call of next,
 * or to the response's end for the last one) and the figures are written to that file on SIGTERM;
 * SIGUSR2 forgets what was timed so far (the warm-up).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ExpressTemplateService } from '@tsoa/runtime';
import express, { type Express } from 'express';
import { creerApp } from '../../src/app';
import { chargerConfig } from '../../src/config';
import { createDb } from '../../src/db/knex';
import { corpsJson, identifiantRequete, journalAcces, refuserJetonDansUrl } from '../../src/http/requete';
import { entetesDeSecurite } from '../../src/http/securite';

/** The gateway's app-level middlewares, in its order (src/app.ts). */
const COUCHES = ['identifiant', 'journal', 'securite', 'jeton-url', 'json'] as const;
type Couche = (typeof COUCHES)[number];

const INTERGICIELS: Record<Couche, express.RequestHandler[]> = {
  identifiant: [identifiantRequete],
  journal: [journalAcces],
  securite: [entetesDeSecurite],
  'jeton-url': [refuserJetonDansUrl],
  json: [corpsJson],
};

/** Samples kept per layer: enough for a median, bounded in memory. */
const ECHANTILLONS_MAX = 200_000;
const VALIDATION = 'validation des paramètres (tsoa, dans le gestionnaire)';
const TOTAL = 'total (entrée dans express → fin de la réponse)';

interface CoucheExpress {
  name: string;
  route?: unknown;
  handle_request(req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void): void;
}

function chronometrerEtapes(fichier: string): void {
  const durees = new Map<string, number[]>();
  const noter = (nom: string, ns: bigint) => {
    let d = durees.get(nom);
    if (!d) durees.set(nom, (d = []));
    if (d.length < ECHANTILLONS_MAX) d.push(Number(ns) / 1000);
  };
  // The layers still running when the response ends (the route's handler): closed by one listener per response.
  const ouvertes = new WeakMap<ServerResponse, Set<() => void>>();

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Layer = require('express/lib/router/layer') as { prototype: CoucheExpress };
  const original = Layer.prototype.handle_request;
  Layer.prototype.handle_request = function (this: CoucheExpress, req, res, next) {
    // A route's dispatcher: its own layers are timed one by one.
    if (this.route) return original.call(this, req, res, next);
    let enCours = ouvertes.get(res);
    if (!enCours) {
      const debutRequete = process.hrtime.bigint();
      const ensemble = new Set<() => void>();
      ouvertes.set(res, (enCours = ensemble));
      res.once('finish', () => {
        for (const fermer of ensemble) fermer();
        noter(TOTAL, process.hrtime.bigint() - debutRequete);
      });
    }
    const nom = this.name || '(anonyme)';
    const debut = process.hrtime.bigint();
    const ensemble = enCours;
    const fermer = () => {
      if (!ensemble.delete(fermer)) return;
      noter(nom, process.hrtime.bigint() - debut);
    };
    ensemble.add(fermer);
    return original.call(this, req, res, (err?: unknown) => {
      fermer();
      next(err);
    });
  };

  const valider = ExpressTemplateService.prototype.getValidatedArgs;
  ExpressTemplateService.prototype.getValidatedArgs = function (this: ExpressTemplateService, ...args: Parameters<typeof valider>) {
    const debut = process.hrtime.bigint();
    try {
      return valider.apply(this, args);
    } finally {
      noter(VALIDATION, process.hrtime.bigint() - debut);
    }
  };

  process.on('SIGUSR2', () => durees.clear());
  process.once('SIGTERM', () => {
    const resume = [...durees].map(([nom, d]) => {
      const tries = [...d].sort((a, b) => a - b);
      return { nom, n: d.length, moyenneUs: d.reduce((s, x) => s + x, 0) / d.length, medianeUs: tries[Math.floor(tries.length / 2)] };
    });
    fs.writeFileSync(fichier, JSON.stringify(resume));
    process.exit(0);
  });
}

function appEnCouches(couches: Couche[]): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.set('etag', false);
  for (const c of COUCHES) if (couches.includes(c)) app.use(...INTERGICIELS[c]);
  app.get('/health', (_req, res) => {
    res.json({ statut: 'ok' });
  });
  return app;
}

function main(): void {
  const demande = process.env.COUCHES ?? '';
  if (process.env.ETAPES_FICHIER) chronometrerEtapes(process.env.ETAPES_FICHIER);
  let app: Express;
  if (demande === 'passerelle') {
    const config = chargerConfig(process.env);
    // Another build of the gateway (PASSERELLE_DIST, e.g. an earlier commit's dist/) for a before/after comparison in one run.
    const assembler = process.env.PASSERELLE_DIST
      ? // eslint-disable-next-line @typescript-eslint/no-require-imports
        (require(path.join(process.env.PASSERELLE_DIST, 'src', 'app.js')) as { creerApp: typeof creerApp }).creerApp
      : creerApp;
    app = assembler({ db: createDb(config.databaseUrl), config });
  } else {
    const couches = demande.split(',').filter(Boolean) as Couche[];
    const inconnues = couches.filter((c) => !COUCHES.includes(c));
    if (inconnues.length > 0) throw new Error(`couches inconnues : ${inconnues.join(', ')}`);
    app = appEnCouches(couches);
  }
  const serveur = app.listen(Number(process.env.PORT));
  if (!process.env.ETAPES_FICHIER) process.once('SIGTERM', () => serveur.close(() => process.exit(0)));
}

main();
