import type { Db } from '../db/knex';
import { readJson } from '../db/knex';

export interface ScopeCatalogue {
  /** @example "mairie:obligation-scolaire" */
  code: string;
  libelle: string;
  description: string;
  /** Champs de la réponse que ce scope révèle. */
  champs: string[];
  /** Catégories de destinataires pouvant obtenir ce scope, avec la finalité et la règle territoriale. */
  destinataires: Array<{ categorie: string; finalite: string; territoire: string; base_legale: string }>;
}

export interface ApiCatalogue {
  /** @example "api-mairie" */
  id: string;
  titre: string;
  description: string;
  direction_responsable: string;
  statut: string;
  version: string;
  /** @example "/api-mairie/v1" */
  chemin_base: string;
  traitement: {
    code: string;
    nom: string;
    responsable_traitement: string;
    base_legale: string;
    base_legale_url: string | null;
    duree_conservation_mois: number;
  };
  scopes: ScopeCatalogue[];
}

/** Everything here is read from the registry tables: the catalogue can never drift from the policy. */
export async function construireCatalogue(db: Db): Promise<ApiCatalogue[]> {
  const [apis, traitements, scopes, regles] = await Promise.all([
    db('apis').orderBy('id'),
    db('traitements'),
    db('scopes').whereNotNull('api_id').orderBy('code'),
    db('regles').orderBy('code'),
  ]);
  const traitementParCode = new Map(traitements.map((t: Record<string, unknown>) => [t.code, t]));
  return apis.map((api: Record<string, string>) => {
    const t = traitementParCode.get(api.traitement_code) as Record<string, unknown>;
    return {
      id: api.id,
      titre: api.titre,
      description: api.description,
      direction_responsable: api.direction_responsable,
      statut: api.statut,
      version: api.version,
      chemin_base: api.chemin_base,
      traitement: {
        code: t.code as string,
        nom: t.nom as string,
        responsable_traitement: t.responsable_traitement as string,
        base_legale: t.base_legale_texte as string,
        base_legale_url: (t.base_legale_url as string) ?? null,
        duree_conservation_mois: Number(t.duree_conservation_mois),
      },
      scopes: scopes
        .filter((s: Record<string, string>) => s.api_id === api.id)
        .map((s: Record<string, string>) => ({
          code: s.code,
          libelle: s.libelle,
          description: s.description,
          champs: readJson<string[]>(s.champs),
          destinataires: regles
            .filter((r: Record<string, string>) => readJson<string[]>(r.scopes).includes(s.code))
            .map((r: Record<string, string>) => ({
              categorie: r.categorie_code,
              finalite: r.finalite_code,
              territoire: r.territoire,
              base_legale: r.base_legale,
            })),
        })),
    };
  });
}
