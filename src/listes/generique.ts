import type { ListeVersionLigne } from '../db/tables-eleves';
import type { SourceListe } from './descripteur';

/** A version of the generic tables as the machinery reads it; `donnees` is the entry's JSON. */
export type VersionGenerique = Pick<ListeVersionLigne, 'eleve_id' | 'annee_scolaire' | 'valide_du' | 'donnees'>;

const sources = new Map<string, SourceListe>();

/** Where the lists of kind `liste` are stored: the generic tables (migration 100), one list per `cle`; one object per kind (statements compiled for it are kept). */
export function sourceGenerique(liste: string): SourceListe {
  let source = sources.get(liste);
  if (!source) {
    source = {
      type: liste,
      versions: 'liste_versions',
      publications: 'liste_publications',
      selection: (cle) => ({ liste, cle }),
      colonneNombre: 'nombre_total',
      colonnes: ['eleve_id', 'annee_scolaire', 'valide_du', 'donnees'],
      index: 'liste_versions_liste_index',
    };
    sources.set(liste, source);
  }
  return source;
}

/** The entry's content as the generator wrote it. */
export function donneesDe<T>(version: Pick<ListeVersionLigne, 'donnees'>): T {
  return JSON.parse(version.donnees) as T;
}
