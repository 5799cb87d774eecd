import communes from '@etalab/decoupage-administratif/data/communes.json';
import departements from '@etalab/decoupage-administratif/data/departements.json';
import regions from '@etalab/decoupage-administratif/data/regions.json';
import { Probleme } from '../../http/problemes';
import { MOTIF_CODE_DEPARTEMENT, MOTIF_CODE_INSEE, MOTIF_CODE_REGION } from '../../territoire/codes';
import type { Lieu } from '../../territoire/perimetre';

/** Commune, département or région: the territories results are aggregated over. */
export type NiveauTerritoire = 'commune' | 'departement' | 'region';

/** Un territoire de la géographie officielle (découpage administratif en vigueur). */
export interface Territoire {
  niveau: NiveauTerritoire;
  /** @example "35238" */
  code: string;
  /** @example "Rennes" */
  libelle: string;
}

interface Entite {
  code: string;
  nom: string;
  departement?: string;
  region?: string;
}

const ACTUELLES = (communes as Array<Entite & { type: string }>).filter((c) => c.type === 'commune-actuelle');
const PAR_NIVEAU: Readonly<Record<NiveauTerritoire, Map<string, Entite>>> = {
  commune: new Map(ACTUELLES.map((c) => [c.code, c])),
  departement: new Map((departements as Entite[]).map((d) => [d.code, d])),
  region: new Map((regions as Entite[]).map((r) => [r.code, r])),
};
const MOTIFS: Readonly<Record<NiveauTerritoire, RegExp>> = {
  commune: new RegExp(MOTIF_CODE_INSEE),
  departement: new RegExp(MOTIF_CODE_DEPARTEMENT),
  region: new RegExp(MOTIF_CODE_REGION),
};

/** 400 for a malformed code, 404 for one the official geography does not know. */
export function territoireOfficiel(niveau: NiveauTerritoire, saisie: string): { territoire: Territoire; lieu: Lieu } {
  const code = saisie.toUpperCase();
  if (!MOTIFS[niveau].test(code)) {
    throw new Probleme('requete_invalide', undefined, { erreurs: [{ champ: 'code', message: `code de ${niveau} mal formé` }] });
  }
  const entite = PAR_NIVEAU[niveau].get(code);
  if (!entite) throw new Probleme('ressource_introuvable', `Aucun territoire « ${niveau} » de code ${code} dans le découpage administratif.`);
  const departement = niveau === 'commune' ? entite.departement! : niveau === 'departement' ? code : null;
  const region = niveau === 'region' ? code : entite.region!;
  return {
    territoire: { niveau, code, libelle: entite.nom },
    lieu: { code_commune: niveau === 'commune' ? code : null, code_departement: departement, code_region: region },
  };
}

/** Name of a current commune, for postal addresses. */
export function nomCommune(code: string): string | null {
  return PAR_NIVEAU.commune.get(code)?.nom ?? null;
}
