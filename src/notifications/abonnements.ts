import { randomBytes, randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import type { Db } from '../db/knex';
import { readJson } from '../db/knex';
import { invalide, Probleme } from '../http/problemes';
import { trouverDestinataire } from '../registry/destinataires';
import { TYPES_EVENEMENT, type TypeEvenement } from './evenements';

export interface Abonnement {
  id: string;
  /** @example "21350238800019" */
  siret: string;
  /** @example "https://enfance.rennes.fr/passerelle/notifications" */
  url: string;
  /** Types d'événements reçus ; null : tous. */
  types: TypeEvenement[] | null;
  actif: boolean;
  cree_le: string;
}

export interface AbonnementCree extends Abonnement {
  /** Clé HMAC-SHA256 des signatures, montrée une seule fois. */
  secret: string;
}

export interface NouvelAbonnement {
  siret: string;
  url: string;
  types?: TypeEvenement[] | null;
  /** At least 32 characters; generated when absent. */
  secret?: string;
}

const BOUCLE_LOCALE = new Set(['localhost', '127.0.0.1', '[::1]']);

/** HTTPS only; plain HTTP to the loopback is a developer's receiver, refused in production (as is the loopback itself). */
function verifierUrlReception(saisie: string, production: boolean): string {
  let url: URL;
  try {
    url = new URL(saisie);
  } catch {
    throw invalide('url', 'URL absolue attendue');
  }
  if (url.username || url.password) throw invalide('url', "identifiants interdits dans l'URL : la signature authentifie la passerelle");
  const locale = BOUCLE_LOCALE.has(url.hostname) || (isIP(url.hostname) === 4 && url.hostname.startsWith('127.'));
  if (production && locale) throw invalide('url', 'adresse locale refusée en production');
  if (url.protocol === 'https:') return url.toString();
  if (url.protocol === 'http:' && locale && !production) return url.toString();
  throw invalide('url', 'https obligatoire (http seulement vers la boucle locale, hors production)');
}

function versAbonnement(l: Record<string, unknown>): Abonnement {
  return {
    id: l.id as string,
    siret: l.siret as string,
    url: l.url as string,
    types: l.types === null ? null : readJson<TypeEvenement[]>(l.types),
    actif: Boolean(l.actif),
    cree_le: l.cree_le as string,
  };
}

export async function creerAbonnement(db: Db, a: NouvelAbonnement, production: boolean): Promise<AbonnementCree> {
  if (!(await trouverDestinataire(db, a.siret))) throw new Probleme('ressource_introuvable', 'Destinataire inconnu.');
  const url = verifierUrlReception(a.url, production);
  const types = a.types ?? null;
  if (types !== null && (types.length === 0 || types.some((t) => !TYPES_EVENEMENT.includes(t)))) {
    throw invalide('types', `attendu : une liste parmi ${TYPES_EVENEMENT.join(', ')}`);
  }
  if (a.secret !== undefined && a.secret.length < 32) throw invalide('secret', '32 caractères au moins');
  const secret = a.secret ?? randomBytes(32).toString('base64url');
  const ligne = {
    id: randomUUID(),
    siret: a.siret,
    url,
    types: types === null ? null : JSON.stringify([...new Set(types)].sort()),
    secret,
    actif: true,
    cree_le: new Date().toISOString(),
  };
  await db('abonnements_notifications').insert(ligne);
  return { ...versAbonnement(ligne), secret };
}

export async function listerAbonnements(db: Db, filtre: { siret?: string } = {}): Promise<Abonnement[]> {
  const q = db('abonnements_notifications').orderBy([{ column: 'siret' }, { column: 'cree_le' }]);
  if (filtre.siret) q.where({ siret: filtre.siret });
  return (await q).map(versAbonnement);
}

/** Deactivation keeps the delivery log readable; pending deliveries are abandoned by the worker. */
export async function desactiverAbonnement(db: Db, id: string, siret?: string): Promise<void> {
  const q = db('abonnements_notifications').where({ id });
  if (siret) q.andWhere({ siret });
  if ((await q.clone().update({ actif: false })) === 0) throw new Probleme('ressource_introuvable', 'Abonnement inconnu.');
}
