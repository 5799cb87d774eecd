import { createHash } from 'node:crypto';
import type { Contexte } from '../contexte';
import { Probleme } from './problemes';

/**
 * API Particulier's 409: while a client's request is being answered, the identical request from
 * the same client is refused rather than computed (and journaled) twice. Held in this process
 * only; a key is a hash, so no searched identity stays in memory.
 */
export class RequetesEnCours {
  private readonly cles = new Set<string>();

  get nombre(): number {
    return this.cles.size;
  }

  /** Runs `traiter` unless the same key is already running; the slot is freed however it ends. */
  async executer<T>(cle: string, traiter: () => Promise<T>): Promise<T> {
    if (this.cles.has(cle)) throw new Probleme('requete_en_cours');
    this.cles.add(cle);
    try {
      return await traiter();
    } finally {
      this.cles.delete(cle);
    }
  }
}

const parContexte = new WeakMap<Contexte, RequetesEnCours>();

/** One registry per app, so that test apps never see each other's requests. */
export function requetesEnCours(ctx: Contexte): RequetesEnCours {
  let registre = parContexte.get(ctx);
  if (!registre) parContexte.set(ctx, (registre = new RequetesEnCours()));
  return registre;
}

/**
 * The identity of a request: client, operation and its normalised parameters (the caller
 * normalises values; keys are sorted here, and an absent parameter equals an empty one).
 */
export function cleDeRequete(clientId: string, operation: string, parametres: Record<string, unknown>): string {
  const presents = Object.keys(parametres)
    .filter((k) => parametres[k] !== undefined && parametres[k] !== null && !(Array.isArray(parametres[k]) && (parametres[k] as unknown[]).length === 0))
    .sort()
    .map((k) => [k, parametres[k]]);
  return createHash('sha256').update(JSON.stringify([clientId, operation, presents])).digest('base64url');
}
