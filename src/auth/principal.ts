import { type Db, instruction } from '../db/knex';
import type { Destinataire } from '../registry/destinataires';
import { trouverDestinataire } from '../registry/destinataires';
import { habilitationsActives, type HabilitationActive } from '../registry/habilitations';
import { Probleme } from '../http/problemes';
import { estActif, trouverJetonParEmpreinte, type JetonStocke } from './jetons';
import { empreinteJeton } from './secrets';

/** Who is calling, and on what grounds: attached to every authenticated request. */
export interface Principal {
  clientId: string;
  destinataire: Destinataire;
  /** Scopes of the token still backed today by a valid habilitation. */
  scopes: string[];
  habilitations: HabilitationActive[];
}

const ENTETE_BEARER = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/;

function jetonRefuse(code: 'jeton_absent' | 'jeton_invalide' | 'habilitation_inactive', description: string): Probleme {
  const erreur = code === 'jeton_absent' ? 'Bearer realm="apisation"' : `Bearer realm="apisation", error="invalid_token", error_description="${description}"`;
  return new Probleme(code, undefined, {}, { 'WWW-Authenticate': erreur });
}

function extraireJeton(autorisation: string | undefined): string {
  if (!autorisation) throw jetonRefuse('jeton_absent', '');
  const m = ENTETE_BEARER.exec(autorisation.trim());
  if (!m) throw jetonRefuse('jeton_invalide', 'malformed');
  return m[1];
}

/** A valid token resolved to its client, recipient and today's habilitations — before any scope check. */
export interface JetonResolu {
  clientId: string;
  destinataire: Destinataire;
  scopesJeton: string[];
  habilitations: HabilitationActive[];
  /** Scopes some valid habilitation backs today. */
  scopesCouverts: ReadonlySet<string>;
  /** The caller as every scope check that passes returns it: it does not depend on the scopes required. */
  principal: Principal;
}

/** How often tokens are resolved and the registry read for them (per database): the cost of authentication, observable. */
export interface StatistiquesJetons {
  /** Calls of `resoudreJeton`: one per authenticated request, however many @Security alternatives its route has. */
  resolutions: number;
  /** Registry reads (token, client, recipient, habilitations): at most one per token and DUREE_CACHE_JETON_MS on the request path, however many requests miss the cache together. */
  lecturesRegistre: number;
}

const statistiques = new WeakMap<Db, StatistiquesJetons>();

function statistiquesDe(db: Db): StatistiquesJetons {
  let s = statistiques.get(db);
  if (!s) statistiques.set(db, (s = { resolutions: 0, lecturesRegistre: 0 }));
  return s;
}

export function statistiquesJetons(db: Db): Readonly<StatistiquesJetons> {
  return { ...statistiquesDe(db) };
}

/** What the registry says about a token, read from the database or from the cache below. */
interface Lecture {
  jeton: JetonStocke;
  /** Undefined: the client is deactivated or its recipient is gone. */
  destinataire?: Destinataire;
  habilitations: HabilitationActive[];
}

const clientActif = instruction<{ clientId: string }, { siret: string } | undefined>((db, p) =>
  db('oauth_clients').where({ client_id: p.clientId, actif: true }).first('siret'),
);

async function lire(db: Db, empreinte: string): Promise<Lecture | undefined> {
  statistiquesDe(db).lecturesRegistre++;
  const jeton = await trouverJetonParEmpreinte(db, empreinte);
  if (!jeton) return undefined;
  const client = await clientActif(db, { clientId: jeton.client_id });
  const destinataire = client ? await trouverDestinataire(db, client.siret) : undefined;
  return { jeton, destinataire, habilitations: destinataire ? await habilitationsActives(db, destinataire.siret) : [] };
}

/**
 * A revocation (of a token, a client or a habilitation) must reach every worker within one
 * second: what the registry said about a token is reused for at most that long.
 */
export const DUREE_CACHE_JETON_MS = 1000;
const CAPACITE_CACHE = 10_000;
type Cache = Map<string, { jusqua: number; lecture: Lecture }>;
const caches = new WeakMap<Db, Cache>();

function cacheDe(db: Db): Cache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

/** Reads in flight per token: requests that miss the cache together share one read. */
const lecturesEnCours = new WeakMap<Db, Map<string, Promise<Lecture | undefined>>>();

async function lireEnCache(db: Db, empreinte: string): Promise<Lecture | undefined> {
  const cache = cacheDe(db);
  const entree = cache.get(empreinte);
  if (entree && entree.jusqua > Date.now()) return entree.lecture;
  let enCours = lecturesEnCours.get(db);
  if (!enCours) lecturesEnCours.set(db, (enCours = new Map()));
  const partagee = enCours.get(empreinte);
  if (partagee) return partagee;
  const lecture: Promise<Lecture | undefined> = lireEtRetenir(db, empreinte).finally(() => {
    if (enCours.get(empreinte) === lecture) enCours.delete(empreinte);
  });
  enCours.set(empreinte, lecture);
  return lecture;
}

async function lireEtRetenir(db: Db, empreinte: string): Promise<Lecture | undefined> {
  const cache = cacheDe(db);
  // Counted from before the read: a revocation committed during the read is seen within the delay too.
  const maintenant = Date.now();
  const lecture = await lire(db, empreinte);
  cache.delete(empreinte);
  if (lecture) {
    if (cache.size >= CAPACITE_CACHE) {
      for (const [cle, e] of cache) if (e.jusqua <= maintenant) cache.delete(cle);
      if (cache.size >= CAPACITE_CACHE) cache.delete(cache.keys().next().value!);
    }
    cache.set(empreinte, { jusqua: maintenant + DUREE_CACHE_JETON_MS, lecture });
  }
  return lecture;
}

/** A token revoked through this process is refused here at once; other processes follow within the delay. */
export function oublierJeton(db: Db, empreinte: string): void {
  caches.get(db)?.delete(empreinte);
  lecturesEnCours.get(db)?.delete(empreinte);
}

/**
 * With `cache` (the request path), the registry's answer may be up to DUREE_CACHE_JETON_MS old;
 * without, it is read now. Expiry is checked against the clock at every call.
 */
export async function resoudreJeton(db: Db, autorisation: string | undefined, options: { cache?: boolean } = {}): Promise<JetonResolu> {
  statistiquesDe(db).resolutions++;
  const empreinte = empreinteJeton(extraireJeton(autorisation));
  const lecture = options.cache ? await lireEnCache(db, empreinte) : await lire(db, empreinte);
  if (!lecture || !estActif(lecture.jeton)) throw jetonRefuse('jeton_invalide', 'unknown, expired or revoked');
  const { jeton, destinataire, habilitations } = lecture;
  if (!destinataire) throw jetonRefuse('jeton_invalide', 'client deactivated');
  const scopesCouverts = new Set(habilitations.flatMap((h) => h.scopes));
  const principal = { clientId: jeton.client_id, destinataire, scopes: jeton.scopes.filter((s) => scopesCouverts.has(s)), habilitations };
  return { clientId: jeton.client_id, destinataire, scopesJeton: jeton.scopes, habilitations, scopesCouverts, principal };
}

/**
 * Checks, at request time, that each required scope is in the token and still backed by a valid
 * habilitation: revoking or expiring one cuts live tokens at once.
 */
export function exigerScopes(resolu: JetonResolu, scopesRequis: string[]): Principal {
  const manquants = scopesRequis.filter((s) => !resolu.scopesJeton.includes(s));
  if (manquants.length > 0) {
    throw new Probleme(
      'scope_insuffisant',
      undefined,
      { scopes_requis: scopesRequis },
      {
        'WWW-Authenticate': `Bearer realm="apisation", error="insufficient_scope", scope="${scopesRequis.join(' ')}"`,
      },
    );
  }
  if (scopesRequis.some((s) => !resolu.scopesCouverts.has(s))) throw jetonRefuse('habilitation_inactive', 'habilitation revoked or expired');
  return resolu.principal;
}

export async function authentifier(db: Db, autorisation: string | undefined, scopesRequis: string[]): Promise<Principal> {
  return exigerScopes(await resoudreJeton(db, autorisation), scopesRequis);
}

/** The habilitation that grants a scope: its finalité, legal basis and territory rule govern the disclosure. */
export function habilitationPour(principal: Principal, scope: string): HabilitationActive {
  const h = principal.habilitations.find((x) => x.scopes.includes(scope));
  if (!h) throw new Probleme('scope_insuffisant');
  return h;
}
