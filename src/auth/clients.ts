import { randomBytes } from 'node:crypto';
import { type Db, instruction } from '../db/knex';
import { Probleme } from '../http/problemes';
import { trouverDestinataire } from '../registry/destinataires';
import { CacheSecretsVerifies, hacherSecret, nouveauSecret, verifierSecret } from './secrets';
import { horodatage } from '../horloge';

/** A row of oauth_clients, as the secret check reads it. */
interface LigneClient {
  client_id: string;
  siret: string;
  nom: string;
  demo: boolean | number;
  secret_hash: string;
  ancien_secret_hash: string | null;
  ancien_secret_expire_le: string | null;
}

export interface ClientOAuth {
  client_id: string;
  siret: string;
  nom: string;
  demo: boolean;
}

/** Un client tel que les opérateurs le voient : sans secret, avec son état. */
export interface ClientListe extends ClientOAuth {
  /** Faux pour un client désactivé : ses jetons n'ouvrent plus rien. */
  actif: boolean;
}

export interface ClientCree extends ClientOAuth {
  /** Shown once, never stored in clear. */
  client_secret: string;
}

export async function creerClient(db: Db, c: { siret: string; nom: string; clientId?: string; secret?: string; demo?: boolean }): Promise<ClientCree> {
  if (!(await trouverDestinataire(db, c.siret))) throw new Probleme('ressource_introuvable', 'Destinataire inconnu.');
  const clientId = c.clientId ?? `cli_${randomBytes(9).toString('base64url')}`;
  if (await db('oauth_clients').where({ client_id: clientId }).first()) {
    throw new Probleme('conflit', 'Un client porte déjà cet identifiant.');
  }
  const secret = c.secret ?? nouveauSecret();
  await db('oauth_clients').insert({
    client_id: clientId,
    siret: c.siret,
    nom: c.nom,
    secret_hash: await hacherSecret(secret),
    demo: c.demo ?? false,
    actif: true,
    cree_le: horodatage(),
  });
  return { client_id: clientId, siret: c.siret, nom: c.nom, demo: c.demo ?? false, client_secret: secret };
}

/** New secret; the previous one keeps working during the overlap so deployments can roll over. */
export async function renouvelerSecret(db: Db, clientId: string, recouvrementHeures = 24): Promise<ClientCree> {
  const client = await db('oauth_clients').where({ client_id: clientId }).first();
  if (!client) throw new Probleme('ressource_introuvable', 'Client inconnu.');
  const secret = nouveauSecret();
  await db('oauth_clients')
    .where({ client_id: clientId })
    .update({
      secret_hash: await hacherSecret(secret),
      ancien_secret_hash: recouvrementHeures > 0 ? client.secret_hash : null,
      ancien_secret_expire_le: recouvrementHeures > 0 ? new Date(Date.now() + recouvrementHeures * 3600_000).toISOString() : null,
      demo: false,
    });
  return { client_id: clientId, siret: client.siret, nom: client.nom, demo: false, client_secret: secret };
}

export async function listerClients(db: Db): Promise<ClientListe[]> {
  const lignes = await db('oauth_clients').select('client_id', 'siret', 'nom', 'demo', 'actif').orderBy('client_id');
  return lignes.map((l: Record<string, unknown>) => ({ ...(l as unknown as ClientOAuth), demo: Boolean(l.demo), actif: Boolean(l.actif) }));
}

const cache = new CacheSecretsVerifies();
// An unknown client still costs one scrypt, so response time does not reveal which ids exist.
let hacheLeurre: Promise<string> | undefined;

const clientActif = instruction<{ clientId: string }, LigneClient | undefined>((db, p) =>
  db('oauth_clients')
    .where({ client_id: p.clientId, actif: true })
    .first('client_id', 'siret', 'nom', 'demo', 'secret_hash', 'ancien_secret_hash', 'ancien_secret_expire_le'),
);

export async function authentifierClient(db: Db, clientId: string, secret: string): Promise<ClientOAuth | null> {
  const client = await clientActif(db, { clientId });
  if (!client) {
    hacheLeurre ??= hacherSecret(nouveauSecret());
    await verifierSecret(secret, await hacheLeurre);
    return null;
  }
  const valides: string[] = [client.secret_hash];
  if (client.ancien_secret_hash && (client.ancien_secret_expire_le ?? '') > new Date().toISOString()) valides.push(client.ancien_secret_hash);
  const accepte =
    cache.estConnu(clientId, secret, valides) ||
    (await cache.uneFois(clientId, secret, valides, async () => {
      for (const hache of valides) {
        if (await verifierSecret(secret, hache)) {
          cache.retenir(clientId, secret, hache);
          return true;
        }
      }
      return false;
    }));
  return accepte ? { client_id: client.client_id, siret: client.siret, nom: client.nom, demo: Boolean(client.demo) } : null;
}
