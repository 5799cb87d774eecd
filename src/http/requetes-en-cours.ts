import { createHmac, randomBytes } from 'node:crypto';
import type { Contexte } from '../contexte';
import { type Db, executer } from '../db/knex';
import { journalApplicatif } from './journal-applicatif';
import { Probleme } from './problemes';

/**
 * How long a marker holds: past it, the marker of a crashed process stops blocking, and a request
 * still running (far beyond any normal answer) lets an identical one through.
 */
export const DUREE_MARQUE_MS = 30_000;

/**
 * API Particulier's 409: while a client's request is being answered, the identical request from
 * the same client is refused rather than computed (and journaled) twice. The marker is a row of
 * `requetes_en_cours`, so every process of every instance on the database sees it; one statement
 * takes it, one frees it. A key is a keyed hash: no searched identity is stored.
 */
export class RequetesEnCours {
  constructor(private readonly db: Db) {}

  /** Runs `traiter` unless the same key is already running anywhere; the slot is freed however it ends. */
  async executer<T>(cle: string, traiter: () => Promise<T>): Promise<T> {
    const detenteur = randomBytes(12).toString('base64url');
    const instant = Date.now();
    // Inserted, or taken over from an expired marker; a live one makes the statement change nothing.
    const prise = this.db('requetes_en_cours')
      .insert({ cle, detenteur, expire: instant + DUREE_MARQUE_MS })
      .onConflict('cle')
      .merge(['detenteur', 'expire'])
      .where('requetes_en_cours.expire', '<=', instant)
      .returning('cle');
    if ((await executer<unknown[]>(this.db, prise)).length === 0) throw new Probleme('requete_en_cours');
    try {
      return await traiter();
    } finally {
      // Only our own marker: one that expired and was taken over belongs to the other request.
      await executer(this.db, this.db('requetes_en_cours').where({ cle, detenteur }).delete()).catch((err: Error) =>
        journalApplicatif.warn({ erreur: err.name, codeErreur: (err as { code?: string }).code }, 'marque de requête en cours non libérée : elle expirera'),
      );
    }
  }
}

const parContexte = new WeakMap<Contexte, RequetesEnCours>();

/** One registry per app (the database is what it shares). */
export function requetesEnCours(ctx: Contexte): RequetesEnCours {
  let registre = parContexte.get(ctx);
  if (!registre) parContexte.set(ctx, (registre = new RequetesEnCours(ctx.db)));
  return registre;
}

/**
 * The identity of a request: client, operation and its normalised parameters (the caller
 * normalises values; keys are sorted here, and an absent parameter equals an empty one),
 * hashed with a secret shared by the instances (CLE_JOURNAL) so that the stored key cannot be
 * matched against guessed identities.
 */
export function cleDeRequete(secret: string, clientId: string, operation: string, parametres: Record<string, unknown>): string {
  const presents = Object.keys(parametres)
    .filter((k) => parametres[k] !== undefined && parametres[k] !== null && !(Array.isArray(parametres[k]) && (parametres[k] as unknown[]).length === 0))
    .sort()
    .map((k) => [k, parametres[k]]);
  return createHmac('sha256', secret)
    .update('apisation:requete-en-cours')
    .update(JSON.stringify([clientId, operation, presents]))
    .digest('base64url');
}

/** Markers past their expiry: left by a process that stopped mid-request (retention purge). */
export function purgerRequetesExpirees(db: Db, instant = Date.now()): Promise<number> {
  return executer<number>(db, db('requetes_en_cours').where('expire', '<=', instant).delete());
}
