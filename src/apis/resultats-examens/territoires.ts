import { Probleme } from '../../http/problemes';
import { MOTIF_CODE_DEPARTEMENT, MOTIF_CODE_INSEE, MOTIF_CODE_REGION } from '../../territoire/codes';
import { geographieOfficielle } from '../../territoire/geographie';
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

const MOTIFS: Readonly<Record<NiveauTerritoire, RegExp>> = {
  commune: new RegExp(MOTIF_CODE_INSEE),
  departement: new RegExp(MOTIF_CODE_DEPARTEMENT),
  region: new RegExp(MOTIF_CODE_REGION),
};

/** Column of table `etablissements` that places an establishment in a territory of this level. */
export const COLONNE_TERRITOIRE: Readonly<Record<NiveauTerritoire, string>> = {
  commune: 'code_commune',
  departement: 'code_departement',
  region: 'code_region',
};

/** The territory a caller asked for: 400 for a malformed code, 404 for one the official geography does not know. */
export function territoireDemande(niveau: NiveauTerritoire, saisie: string): { territoire: Territoire; lieu: Lieu } {
  const code = saisie.toUpperCase();
  if (!MOTIFS[niveau].test(code)) {
    throw new Probleme('requete_invalide', undefined, { erreurs: [{ champ: 'code', message: `code de ${niveau} mal formé` }] });
  }
  const officiel = geographieOfficielle().territoire(niveau, code);
  if (!officiel) throw new Probleme('ressource_introuvable', `Aucun territoire « ${niveau} » de code ${code} dans le découpage administratif.`);
  return {
    territoire: { niveau, code, libelle: officiel.nom },
    lieu: { code_commune: officiel.code_commune, code_departement: officiel.code_departement, code_region: officiel.code_region },
  };
}
