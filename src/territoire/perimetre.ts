import type { Principal } from '../auth/principal';
import { Probleme } from '../http/problemes';

/** How far a habilitation reaches: the recipient's commune, its grouping's member communes, its département or région, or all of France. */
export type EchelonTerritorial = 'commune' | 'groupement' | 'departement' | 'region' | 'national';

/** What the territory rule reads of a habilitation (the registry's `HabilitationActive`). */
interface RegleTerritoriale {
  finalite_code: string;
  territoire: EchelonTerritorial;
  perimetre: { types_etablissement?: string[] } | null;
}

/** Where a piece of data lives: an establishment, a commune, a département, a région. */
export interface Lieu {
  code_commune?: string | null;
  code_departement?: string | null;
  code_region?: string | null;
  /** For establishments: the rule's perimeter may restrict the types (commune → écoles…). */
  type_etablissement?: string | null;
}

/** The one territory rule of the gateway: the habilitation's rule says which of the recipient's codes must match. */
export function estDansTerritoire(principal: Principal, habilitation: RegleTerritoriale, lieu: Lieu): boolean {
  const d = principal.destinataire;
  const types = habilitation.perimetre?.types_etablissement;
  if (types && lieu.type_etablissement !== undefined && !types.includes(lieu.type_etablissement ?? '')) return false;
  switch (habilitation.territoire) {
    case 'national':
      return true;
    case 'region':
      return !!d.code_region && d.code_region === lieu.code_region;
    case 'departement':
      return !!d.code_departement && d.code_departement === lieu.code_departement;
    case 'commune':
      return !!d.code_commune && d.code_commune === lieu.code_commune;
    case 'groupement':
      // Members as of today (the principal is read per request): a membership change applies from its date.
      return !!lieu.code_commune && !!d.groupement?.communes.some((c) => c.code_commune === lieu.code_commune);
    default:
      return false;
  }
}

export function verifierTerritoire(principal: Principal, habilitation: RegleTerritoriale, lieu: Lieu): void {
  if (!estDansTerritoire(principal, habilitation, lieu)) {
    throw new Probleme(
      'hors_territoire',
      `Cette donnée est hors du périmètre de l'habilitation « ${habilitation.finalite_code} » (${habilitation.territoire}).`,
    );
  }
}
