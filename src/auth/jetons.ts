import { type Db, instruction, isPostgres, readJson } from '../db/knex';
import { oublierJeton } from './principal';
import { empreinteJeton } from './secrets';

export interface JetonStocke {
  client_id: string;
  scopes: string[];
  emis_le: string;
  expire_le: string;
  revoque_le: string | null;
}

/**
 * On PostgreSQL the token's commit does not wait for the disk (`synchronous_commit` off for this
 * one statement): every instance sees it at once, and a crash of the database in the next fraction
 * of a second can only lose tokens, which their clients then ask for again (401 → /oauth/token).
 */
const insererJeton = instruction<{ empreinte: string; clientId: string; scopes: string; emisLe: string; expireLe: string }, number>((db, p) =>
  isPostgres(db)
    ? db.raw(
        "insert into oauth_tokens (token_hash, client_id, scopes, emis_le, expire_le) select ?, ?, ?, ?, ? from (select set_config('synchronous_commit', 'off', true)) as sans_attente",
        [p.empreinte, p.clientId, p.scopes, p.emisLe, p.expireLe],
      )
    : db('oauth_tokens').insert({ token_hash: p.empreinte, client_id: p.clientId, scopes: p.scopes, emis_le: p.emisLe, expire_le: p.expireLe }),
);

export async function enregistrerJeton(db: Db, jeton: string, clientId: string, scopes: string[], expireLe: Date): Promise<void> {
  await insererJeton(db, {
    empreinte: empreinteJeton(jeton),
    clientId,
    scopes: JSON.stringify(scopes),
    emisLe: new Date().toISOString(),
    expireLe: expireLe.toISOString(),
  });
}

export async function trouverJeton(db: Db, jeton: string): Promise<JetonStocke | undefined> {
  return trouverJetonParEmpreinte(db, empreinteJeton(jeton));
}

const jetonParEmpreinte = instruction<{ empreinte: string }, (Omit<JetonStocke, 'scopes'> & { scopes: string }) | undefined>((db, p) =>
  db('oauth_tokens').where({ token_hash: p.empreinte }).first('client_id', 'scopes', 'emis_le', 'expire_le', 'revoque_le'),
);

export async function trouverJetonParEmpreinte(db: Db, empreinte: string): Promise<JetonStocke | undefined> {
  const ligne = await jetonParEmpreinte(db, { empreinte });
  return ligne ? { ...ligne, scopes: readJson<string[]>(ligne.scopes) } : undefined;
}

export function estActif(jeton: JetonStocke, maintenant = new Date()): boolean {
  return jeton.revoque_le === null && jeton.expire_le > maintenant.toISOString();
}

/** RFC 7009: revoking an unknown or foreign token is not an error, and says nothing. */
export async function revoquerJeton(db: Db, jeton: string, clientId: string): Promise<void> {
  const empreinte = empreinteJeton(jeton);
  await db('oauth_tokens').where({ token_hash: empreinte, client_id: clientId }).whereNull('revoque_le').update({ revoque_le: new Date().toISOString() });
  oublierJeton(db, empreinte);
}
