import type { Db } from '../../db/knex';
import { decoderCurseur, encoderCurseur } from '../../http/pagination';
import { invalide, Probleme } from '../../http/problemes';
import {
  CHAMPS_BOOLEENS_ETABLISSEMENT,
  COLONNES_ETABLISSEMENT,
  type Etablissement,
  type EtatEtablissement,
  type StatutEtablissement,
  type TypeEtablissement,
} from '../../referentiels/etablissement';
import { normaliserLibelle } from '../../referentiels/texte';

export interface FiltresAnnuaire {
  codeCommune?: string;
  codeDepartement?: string;
  codeRegion?: string;
  type?: TypeEtablissement;
  statut?: StatutEtablissement;
  etat?: EtatEtablissement;
  q?: string;
  limit: number;
  curseur?: string;
}

export interface PageAnnuaire {
  etablissements: Etablissement[];
  curseur_suivant: string | null;
  /** What the page depends on, for its ETag. */
  empreintes: string[];
}

type Ligne = Record<string, unknown> & { empreinte: string };

/** SQLite stores booleans as 0/1 and PostgreSQL doubles may come back as strings. */
function versEtablissement(ligne: Ligne): Etablissement {
  const e = Object.fromEntries(COLONNES_ETABLISSEMENT.map((c) => [c, ligne[c] ?? null])) as unknown as Etablissement;
  const champs = e as unknown as Record<string, unknown>;
  for (const b of CHAMPS_BOOLEENS_ETABLISSEMENT) if (champs[b] !== null) champs[b] = Boolean(champs[b]);
  for (const n of ['nombre_eleves', 'latitude', 'longitude'] as const) if (e[n] !== null) e[n] = Number(e[n]);
  return e;
}

export async function trouverEtablissement(db: Db, uai: string): Promise<{ etablissement: Etablissement; empreinte: string }> {
  const ligne = (await db('etablissements')
    .where({ uai })
    .first([...COLONNES_ETABLISSEMENT, 'empreinte'])) as Ligne | undefined;
  if (!ligne) throw new Probleme('ressource_introuvable', `Aucun établissement d'UAI ${uai} dans l'annuaire.`);
  return { etablissement: versEtablissement(ligne), empreinte: ligne.empreinte };
}

/** Stable order by UAI; the cursor is the last UAI served, so pages neither skip nor repeat while rows change. */
export async function listerEtablissements(db: Db, filtres: FiltresAnnuaire): Promise<PageAnnuaire> {
  const apres = decoderCurseur<string>(filtres.curseur);
  if (apres !== undefined && typeof apres !== 'string') {
    throw invalide('curseur', 'curseur illisible');
  }
  const requete = db('etablissements')
    .select([...COLONNES_ETABLISSEMENT, 'empreinte'])
    .orderBy('uai')
    .limit(filtres.limit + 1);
  if (filtres.codeCommune) requete.where('code_commune', filtres.codeCommune.toUpperCase());
  if (filtres.codeDepartement) requete.where('code_departement', filtres.codeDepartement.toUpperCase());
  if (filtres.codeRegion) requete.where('code_region', filtres.codeRegion);
  if (filtres.type) requete.where('type', filtres.type);
  if (filtres.statut) requete.where('statut', filtres.statut);
  if (filtres.etat) requete.where('etat', filtres.etat);
  // Every word of the search must appear in the name, in any order, accents and case ignored.
  for (const mot of normaliserLibelle(filtres.q ?? '')
    .split(' ')
    .filter(Boolean)) {
    requete.where('nom_normalise', 'like', `%${mot}%`);
  }
  if (apres !== undefined) requete.where('uai', '>', apres);

  const lignes = (await requete) as Ligne[];
  const page = lignes.slice(0, filtres.limit);
  return {
    etablissements: page.map(versEtablissement),
    curseur_suivant: lignes.length > filtres.limit ? encoderCurseur(page[page.length - 1].uai) : null,
    empreintes: page.map((l) => l.empreinte),
  };
}
