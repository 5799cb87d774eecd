import type { Db } from '../db/knex';
import type { Divulgation } from '../privacy/divulgation';
import { enregistrerTypeDeListe, type ListeAResoudre, type ResolveurListe } from '../privacy/listes-journalisees';
import type { DescripteurListe, SourceListe, VersionBase } from './descripteur';
import { clesDeLaPersonne, figuraitSurLaListe, generationDesListes, type Publication } from './repository';

/**
 * Where list disclosures are journaled, before the first byte of the response. A JSON page and a
 * page of the change feed name their persons (bounded by `limit`); a whole list (CSV, NDJSON) is
 * one entry of constant size naming the list — kind, key, publication, generation, the scope as
 * perimeter, the persons withheld — which the data-subject report joins back to the published
 * list through the resolver every descriptor registers here.
 */

/** What a list disclosure of named persons sends: one JSON page, or a page of the change feed. */
export type OccasionListe = 'page' | 'changements';

export async function journaliserListe(divulgation: Divulgation, ids: readonly string[], champs: readonly string[], _occasion: OccasionListe): Promise<void> {
  if (ids.length > 0) await divulgation.journaliser(ids, champs);
}

/** The kind a whole-list entry names: the source's `type`, else its versions table. */
function typeDeListe(source: SourceListe): string {
  return source.type ?? source.versions;
}

type Descripteur = DescripteurListe<VersionBase, { id: string }>;

/** A whole list: `exclues` are the internal ids withheld (hashed by the Divulgation), `nombre` the persons sent. */
export async function journaliserListeEntiere(
  divulgation: Divulgation,
  liste: {
    descripteur: Descripteur;
    cle: string;
    scope: string;
    etendue: readonly string[] | null;
    publication: Publication;
    exclues: readonly string[];
    nombre: number;
  },
  champs: readonly string[],
): Promise<void> {
  if (liste.nombre === 0) return;
  inscrireAuJournal(liste.descripteur);
  await divulgation.journaliserListe(
    {
      type: typeDeListe(liste.descripteur.source),
      cle: liste.cle,
      dateReference: liste.publication.date_publication,
      generation: liste.publication.generation_id,
      perimetre: perimetreJournalise(liste.scope, liste.etendue),
      exclues: liste.exclues,
      nombre: liste.nombre,
    },
    champs,
  );
}

/** The entry's perimeter: the scope, and a grouping's communes when the perimeter spans them (`scope@c1,c2`). */
function perimetreJournalise(scope: string, etendue: readonly string[] | null): string {
  return etendue ? `${scope}@${etendue.join(',')}` : scope;
}

function lirePerimetreJournalise(perimetre: string): { scope: string; etendue: readonly string[] | null } {
  const [scope, communes] = perimetre.split('@');
  return { scope, etendue: communes ? communes.split(',') : null };
}

/**
 * How the report places a person on a list of this descriptor: the list's own query (key, date,
 * the scope's perimeter) restricted to that person. A scope the descriptor no longer has: cannot tell.
 */
function resolveur(descripteur: Descripteur): ResolveurListe {
  const source = descripteur.source;
  return {
    async generationsDisponibles(db: Db): Promise<number[]> {
      const generation = await generationDesListes(db, source);
      return generation === null ? [] : [generation];
    },
    clesDe: (db: Db, idInterne: string) => clesDeLaPersonne(db, source, idInterne),
    async figuraitSur(db: Db, idInterne: string, listes: readonly ListeAResoudre[]): Promise<Array<boolean | null>> {
      // Entries repeat the same few lists (a month's list downloaded daily): each is asked once.
      const reponses = new Map<string, Promise<boolean | null>>();
      return Promise.all(
        listes.map((l) => {
          const cle = JSON.stringify([l.cle, l.date_reference, l.perimetre]);
          let reponse = reponses.get(cle);
          if (!reponse) {
            const { scope, etendue } = lirePerimetreJournalise(l.perimetre);
            const perimetre = descripteur.perimetres[scope];
            reponse = perimetre ? figuraitSurLaListe(db, { source, cle: l.cle, perimetre, etendue }, l.date_reference, idInterne) : Promise.resolve(null);
            reponses.set(cle, reponse);
          }
          return reponse;
        }),
      );
    },
  };
}

const inscrits = new WeakMap<object, ResolveurListe>();

/**
 * Registers the descriptor's kind with the data-subject report. Call it where the descriptor is
 * defined (module load), so the report joins its lists from the process's start; the machinery
 * calls it again on each whole list, at no cost.
 */
export function inscrireAuJournal<V extends VersionBase, E extends { id: string }>(descripteur: DescripteurListe<V, E>): void {
  if (inscrits.has(descripteur)) return;
  const r = resolveur(descripteur as unknown as Descripteur);
  enregistrerTypeDeListe(typeDeListe(descripteur.source), r);
  inscrits.set(descripteur, r);
}
