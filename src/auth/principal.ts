import type { Db } from '../db/knex';
import type { Destinataire } from '../registry/destinataires';
import { trouverDestinataire } from '../registry/destinataires';
import { habilitationsActives, type HabilitationActive } from '../registry/habilitations';
import { Probleme } from '../http/problemes';
import { estActif, trouverJeton } from './jetons';

/** Who is calling, and on what grounds: attached to every authenticated request. */
export interface Principal {
  clientId: string;
  destinataire: Destinataire;
  /** Scopes of the token still backed today by a valid habilitation. */
  scopes: string[];
  habilitations: HabilitationActive[];
}

const ENTETE_BEARER = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/;

function invalide(code: 'jeton_absent' | 'jeton_invalide' | 'habilitation_inactive', description: string): Probleme {
  const erreur = code === 'jeton_absent' ? 'Bearer realm="apisation"' : `Bearer realm="apisation", error="invalid_token", error_description="${description}"`;
  return new Probleme(code, undefined, {}, { 'WWW-Authenticate': erreur });
}

export function extraireJeton(autorisation: string | undefined): string {
  if (!autorisation) throw invalide('jeton_absent', '');
  const m = ENTETE_BEARER.exec(autorisation.trim());
  if (!m) throw invalide('jeton_invalide', 'malformed');
  return m[1];
}

/** A valid token resolved to its client, recipient and today's habilitations — before any scope check. */
export interface JetonResolu {
  clientId: string;
  destinataire: Destinataire;
  scopesJeton: string[];
  habilitations: HabilitationActive[];
}

export async function resoudreJeton(db: Db, autorisation: string | undefined): Promise<JetonResolu> {
  const jeton = await trouverJeton(db, extraireJeton(autorisation));
  if (!jeton || !estActif(jeton)) throw invalide('jeton_invalide', 'unknown, expired or revoked');
  const client = await db('oauth_clients').where({ client_id: jeton.client_id, actif: true }).first();
  const destinataire = client ? await trouverDestinataire(db, client.siret) : undefined;
  if (!client || !destinataire) throw invalide('jeton_invalide', 'client deactivated');
  return { clientId: client.client_id, destinataire, scopesJeton: jeton.scopes, habilitations: await habilitationsActives(db, destinataire.siret) };
}

/**
 * Checks, at request time, that each required scope is in the token and still backed by a valid
 * habilitation: revoking or expiring one cuts live tokens at once.
 */
export function exigerScopes(resolu: JetonResolu, scopesRequis: string[]): Principal {
  const manquants = scopesRequis.filter((s) => !resolu.scopesJeton.includes(s));
  if (manquants.length > 0) {
    throw new Probleme('scope_insuffisant', undefined, { scopes_requis: scopesRequis }, {
      'WWW-Authenticate': `Bearer realm="apisation", error="insufficient_scope", scope="${scopesRequis.join(' ')}"`,
    });
  }
  const couverts = new Set(resolu.habilitations.flatMap((h) => h.scopes));
  if (scopesRequis.some((s) => !couverts.has(s))) throw invalide('habilitation_inactive', 'habilitation revoked or expired');
  return {
    clientId: resolu.clientId,
    destinataire: resolu.destinataire,
    scopes: resolu.scopesJeton.filter((s) => couverts.has(s)),
    habilitations: resolu.habilitations,
  };
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
