import { randomUUID } from 'node:crypto';
import type { Contexte } from '../contexte';
import { readJson } from '../db/knex';

/**
 * What a recipient is told. Payloads are pointers (ids, codes, counts, sync tokens) to fetch
 * through the API with a token: never personal data, so a leaked notification reveals nobody.
 */
export type NouvelEvenement =
  | {
      type: 'liste_modifiee';
      siret: string;
      donnees: { code_commune: string; nombre_changements: number; jeton_synchronisation: string };
    }
  | {
      type: 'habilitation_modifiee';
      siret: string;
      donnees: { habilitation_id: string; version: number; statut_precedent: string | null; statut: string };
    }
  | {
      type: 'convention_modifiee';
      siret: string;
      donnees: { convention_id: string; reference: string; action: string; statut: string; dernier_jour: string | null };
    };

export type TypeEvenement = NouvelEvenement['type'];
export const TYPES_EVENEMENT: TypeEvenement[] = ['liste_modifiee', 'habilitation_modifiee', 'convention_modifiee'];

type Scalaire = string | number | boolean | null;

/** Where the recipient fetches what changed, when the API offers it a route. */
const RESSOURCE: Partial<Record<TypeEvenement, (d: Record<string, Scalaire>) => string>> = {
  liste_modifiee: (d) => `/api-mairie/v1/communes/${encodeURIComponent(String(d.code_commune))}/enfants-soumis-obligation/changements`,
};

/** Processes that deliver notifications, woken as soon as an event is queued. */
const reveils = new Set<() => void>();

export function surNouvelEvenement(reveil: () => void): () => void {
  reveils.add(reveil);
  return () => reveils.delete(reveil);
}

export function reveillerDistributeurs(): void {
  for (const reveil of reveils) reveil();
}

/**
 * Queues an event for every active subscription of the recipient that asked for its type.
 * Called by API mairie when a commune's list changes, and by the registries on each change.
 * Accepts a transaction as `ctx.db` so the event commits with the change it announces.
 */
export async function publierEvenement(ctx: Pick<Contexte, 'db'>, evenement: NouvelEvenement): Promise<string> {
  const donnees: Record<string, Scalaire> = { ...evenement.donnees };
  // Structural guard: a nested object or a long text is how a record of a person would slip in.
  for (const [cle, valeur] of Object.entries(donnees)) {
    if (valeur !== null && typeof valeur === 'object') throw new TypeError(`donnees.${cle} : valeur scalaire attendue`);
    if (typeof valeur === 'string' && valeur.length > 256) throw new TypeError(`donnees.${cle} : valeur trop longue`);
  }
  const ressource = RESSOURCE[evenement.type]?.(donnees);
  const id = randomUUID();
  const maintenant = new Date().toISOString();
  await ctx.db('evenements').insert({
    id,
    type: evenement.type,
    siret: evenement.siret,
    donnees: JSON.stringify(ressource ? { ...donnees, ressource } : donnees),
    cree_le: maintenant,
  });
  const abonnements = await ctx.db('abonnements_notifications').where({ siret: evenement.siret, actif: true });
  const concernes = abonnements.filter((a: { types: unknown }) => a.types === null || readJson<string[]>(a.types).includes(evenement.type));
  if (concernes.length > 0) {
    await ctx.db('livraisons').insert(
      concernes.map((a: { id: string }) => ({
        evenement_id: id,
        abonnement_id: a.id,
        statut: 'en_attente',
        tentatives: 0,
        prochaine_tentative_le: maintenant,
        cree_le: maintenant,
      })),
    );
    reveillerDistributeurs();
  }
  return id;
}
