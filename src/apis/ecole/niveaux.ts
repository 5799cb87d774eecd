import { lireAnneeScolaire } from '../../referentiels/calendrier';
import { NIVEAU, type Cycle } from '../../referentiels/nomenclatures';
import { invalide } from '../../http/problemes';
import type { TypeEtablissement } from '../../referentiels/etablissement';
import { PASSAGES } from './projection';

/** Which collectivité's establishments teach a cycle: écoles (communes), collèges (départements), lycées (régions). */
const TYPE_PAR_CYCLE: Record<Cycle, TypeEtablissement> = {
  maternelle: 'ecole',
  elementaire: 'ecole',
  college: 'college',
  lycee: 'lycee',
  sts: 'lycee',
};

export function typeDuNiveau(code: string): TypeEtablissement | undefined {
  const niveau = NIVEAU[code];
  return niveau ? TYPE_PAR_CYCLE[niveau.cycle] : undefined;
}

export function libelleNiveau(code: string): string {
  return NIVEAU[code]?.libelle ?? code;
}

/** Query parameter check: two consecutive years, the caller's error otherwise. */
export function verifierAnneeScolaire(saisie: string | undefined): string | undefined {
  if (saisie === undefined) return undefined;
  if (lireAnneeScolaire(saisie) === null) {
    throw invalide('anneeScolaire', 'AAAA-AAAA attendu, deux années consécutives');
  }
  return saisie;
}

const ORDRE = new Map(PASSAGES.map((p, i) => [p.niveau, i]));

/** Levels in the order pupils go through them, unknown codes last. */
export function comparerNiveaux(a: string, b: string): number {
  return (ORDRE.get(a) ?? Infinity) - (ORDRE.get(b) ?? Infinity) || a.localeCompare(b);
}
