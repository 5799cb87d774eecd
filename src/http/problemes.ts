import type { Duplex } from 'node:stream';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ValidateError } from '@tsoa/runtime';
import catalogue from './problemes.json';
import { journalApplicatif } from './journal-applicatif';

export type CodeProbleme = keyof typeof catalogue;
export const CATALOGUE_PROBLEMES: Record<CodeProbleme, { statut: number; titre: string; description: string }> = catalogue;

/**
 * A client-facing failure: carries a stable code from the catalogue, never internal details.
 * It is control flow, not a bug (tsoa raises one per unmet @Security alternative on every
 * call): no stack is captured.
 */
export class Probleme extends Error {
  readonly code: CodeProbleme;
  readonly detail?: string;
  readonly extensions: Record<string, unknown>;
  readonly entetes: Record<string, string>;

  constructor(code: CodeProbleme, detail?: string, extensions: Record<string, unknown> = {}, entetes: Record<string, string> = {}) {
    const profondeur = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(detail ?? CATALOGUE_PROBLEMES[code].titre);
    } finally {
      Error.stackTraceLimit = profondeur;
    }
    this.name = 'Probleme';
    this.code = code;
    this.detail = detail;
    this.extensions = extensions;
    this.entetes = entetes;
  }

  get statut(): number {
    return CATALOGUE_PROBLEMES[this.code].statut;
  }
}

/** 400 naming the one field at fault and what is expected, never the value received. */
export function invalide(champ: string, message: string): Probleme {
  return new Probleme('requete_invalide', undefined, { erreurs: [{ champ, message }] });
}

function envoyerProbleme(res: Response, probleme: Probleme): void {
  const { statut, titre, description } = CATALOGUE_PROBLEMES[probleme.code];
  for (const [nom, valeur] of Object.entries(probleme.entetes)) res.setHeader(nom, valeur);
  res
    .status(statut)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        type: `/problemes#${probleme.code}`,
        title: titre,
        status: statut,
        detail: probleme.detail ?? description,
        instance: res.req.originalUrl.split('?')[0],
        code: probleme.code,
        request_id: res.locals.requestId,
        ...probleme.extensions,
      }),
    );
}

/** tsoa's union and intersection messages embed the JSON of each sub-error, submitted value included: keep only the sub-messages. */
function messageSansValeur(message: string): string {
  const compose = /^Could not match (?:the )?(?:union|intersection)[^:]*: (.*)$/s.exec(message);
  if (!compose) return message;
  const messages = new Set<string>();
  const collecter = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(collecter);
    else if (v && typeof v === 'object') {
      for (const [cle, sous] of Object.entries(v)) {
        if (cle === 'message' && typeof sous === 'string') messages.add(messageSansValeur(sous));
        else if (cle !== 'value') collecter(sous);
      }
    }
  };
  try {
    collecter(JSON.parse(compose[1]));
  } catch {
    return 'valeur non conforme au contrat';
  }
  if (messages.size === 0) return 'valeur non conforme au contrat';
  // A string-literal union is an enum: one list reads better than one message per member.
  const membres = [...messages].map((m) => /^should be one of the following; \[(.*)\]$/.exec(m)?.[1]);
  if (membres.every((m) => m !== undefined)) return `should be one of the following; [${membres.join(',')}]`;
  return [...messages].join(' ; ');
}

/** tsoa prefixes body fields with the parameter name (always `corps`): the client needs the field name, never the submitted value. */
function champsInvalides(err: ValidateError): Array<{ champ: string; message: string }> {
  return Object.entries(err.fields).map(([champ, { message }]) => ({
    champ: champ.replace(/^(corps|requestBody|body|query|path|header)\./, ''),
    message: messageSansValeur(message),
  }));
}

const ERREURS_BASE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'SQLITE_BUSY', 'SQLITE_CANTOPEN', '57P01', '57P03', '53300', '08006', '08001']);

function estIndisponibiliteBase(err: { code?: string; name?: string; message?: string }): boolean {
  return (
    (err.code !== undefined && ERREURS_BASE.has(err.code)) ||
    err.name === 'KnexTimeoutError' ||
    /Unable to acquire a connection|Connection terminated|database connection is not open/i.test(err.message ?? '')
  );
}

/**
 * PostgreSQL "data exception" codes a client's value can trigger where SQLite accepts it: NUL
 * characters (22021, 22P05), too long (22001), out-of-range numbers or dates (22003, 22008),
 * unparsable text for a typed column (22P02, 22007).
 */
const VALEURS_REFUSEES_PAR_POSTGRES = new Set(['22021', '22P05', '22001', '22003', '22008', '22P02', '22007']);

function versProbleme(err: unknown): Probleme {
  if (err instanceof Probleme) return err;
  if (err instanceof ValidateError) return new Probleme('requete_invalide', undefined, { erreurs: champsInvalides(err) });
  const e = (err ?? {}) as { type?: string; status?: number; code?: string; name?: string; message?: string };
  // body-parser errors carry a `type`; their messages can echo the body, so they are not forwarded.
  if (e.type === 'entity.too.large') return new Probleme('corps_trop_volumineux');
  if (e.type === 'entity.parse.failed') return new Probleme('json_invalide');
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return new Probleme('type_contenu_non_supporte');
  if (e.type === 'parameters.too.many' || e.type === 'request.size.invalid' || e.type === 'request.aborted') return new Probleme('requete_invalide');
  // Express could not percent-decode a path parameter; its message quotes the raw value.
  if (err instanceof URIError) return new Probleme('requete_invalide', "Un paramètre du chemin n'est pas un encodage-pourcent UTF-8 valide.");
  if (estIndisponibiliteBase(e)) return new Probleme('service_indisponible', undefined, {}, { 'Retry-After': '5' });
  if (e.code !== undefined && VALEURS_REFUSEES_PAR_POSTGRES.has(e.code))
    return new Probleme('requete_invalide', 'Une valeur transmise ne peut pas être enregistrée ni comparée (caractère NUL, longueur ou nombre hors limites).');
  return new Probleme('erreur_interne');
}

export const gestionnaireErreurs: ErrorRequestHandler = (err, req, res, _next) => {
  const probleme = versProbleme(err);
  if (probleme.statut >= 500) {
    const e = err as { name?: string; code?: string; stack?: string };
    // The first line of a stack is the message, which may quote data (SQL bindings): log frames only.
    journalApplicatif.error(
      { requestId: res.locals.requestId, erreur: e?.name, codeErreur: e?.code, pile: e?.stack?.split('\n').slice(1, 8).join('\n') },
      'erreur serveur',
    );
  }
  if (res.headersSent) {
    res.destroy();
    return;
  }
  envoyerProbleme(res, probleme);
};

export const routeInconnue: RequestHandler = (_req, _res, next) => next(new Probleme('route_inconnue'));

/**
 * Requests Node's HTTP parser rejects (oversized headers, malformed request line) never reach
 * express: answer them with a problem document too, then close.
 */
export function repondreErreurClient(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const code: CodeProbleme = err.code === 'HPE_HEADER_OVERFLOW' ? 'entetes_trop_volumineux' : 'requete_invalide';
  const { statut, titre, description } = CATALOGUE_PROBLEMES[code];
  const corps = JSON.stringify({ type: `/problemes#${code}`, title: titre, status: statut, detail: description, code });
  socket.end(
    `HTTP/1.1 ${statut} ${titre.normalize('NFD').replace(/[^\x20-\x7e]/g, '')}\r\nContent-Type: application/problem+json\r\n` +
      `Content-Length: ${Buffer.byteLength(corps)}\r\nConnection: close\r\n\r\n${corps}`,
  );
}
