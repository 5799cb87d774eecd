import { Readable } from 'node:stream';
import type { Controller } from '@tsoa/runtime';
import type { Request as ExpressRequest } from 'express';
import { estInchange } from '../http/etag';
import { journalApplicatif } from '../http/journal-applicatif';
import { lienSuivant } from '../http/pagination';
import type { FormatListe, Reponse, Revalidation } from './service';

/** In order of preference when `Accept` allows several: a catch-all (browsers, curl) gets JSON pages. */
const FORMATS: Readonly<Record<string, FormatListe>> = { 'application/json': 'json', 'text/csv': 'csv', 'application/x-ndjson': 'ndjson' };

/** The `format` parameter, else what `Accept` prefers. */
export function formatDemande(req: ExpressRequest, format: FormatListe | undefined): FormatListe {
  return format ?? FORMATS[String(req.accepts(Object.keys(FORMATS)))] ?? 'json';
}

export function revalidation(req: ExpressRequest): Revalidation {
  return { inchange: (etag) => estInchange(req, etag) };
}

/** Headers, status, the next page's `Link`, and a streamed list tied to the connection. */
export function repondre<T>(controleur: Controller, req: ExpressRequest, reponse: Reponse<unknown>): T | undefined {
  for (const [nom, valeur] of Object.entries(reponse.entetes)) controleur.setHeader(nom, valeur);
  controleur.setStatus(reponse.statut);
  const corps = reponse.corps;
  if (corps instanceof Readable) return interrompreSurErreur(req, corps) as T;
  const lien = corps && typeof corps === 'object' && 'curseur_suivant' in corps ? lienSuivant(req, corps.curseur_suivant as string | null) : undefined;
  if (lien) controleur.setHeader('Link', lien);
  return corps as T | undefined;
}

/**
 * Headers are gone once the list streams: a failure can only cut the download short, and a
 * client gone away stops the reading of the list.
 */
function interrompreSurErreur(req: ExpressRequest, flux: Readable): Readable {
  flux.once('error', (err) => {
    journalApplicatif.error({ requestId: req.res?.locals.requestId, erreur: err.name }, 'téléchargement de la liste interrompu');
    req.res?.destroy();
  });
  req.res?.once('close', () => flux.destroy());
  return flux;
}
