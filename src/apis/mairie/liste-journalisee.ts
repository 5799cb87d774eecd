import type { Db } from '../../db/knex';
import { enregistrerTypeDeListe, type ListeAResoudre, type ResolveurListe } from '../../privacy/listes-journalisees';
import { generationDesListes, type Perimetre, type PlaceSurLaListe, placesDeLEnfant } from './repository';

/** The mairie list of a commune, as a whole-list journal entry names it (key: the commune's INSEE code). */
export const TYPE_LISTE_MAIRIE = 'enfants_soumis_obligation';

const PERIMETRE_COMMUNE = 'commune';
const PERIMETRE_ECOLES_PUBLIQUES = 'ecoles_publiques_de_la_commune';
const PERIMETRES_CONNUS = new Set([PERIMETRE_COMMUNE, PERIMETRE_ECOLES_PUBLIQUES]);

/** The perimeter's name in the journal: stable text, not the scope (a scope's perimeter may change). */
export function nomDuPerimetre(perimetre: Perimetre): string {
  return perimetre.ecolesPubliquesDeLaCommune ? PERIMETRE_ECOLES_PUBLIQUES : PERIMETRE_COMMUNE;
}

/** The same rule as the list query (`versionsEnVigueur`), applied to one child's versions. */
function surLaListe(place: PlaceSurLaListe, liste: ListeAResoudre): boolean {
  if (place.code_commune !== liste.cle) return false;
  if (!(place.valide_du <= liste.date_reference && (place.valide_jusqu_au === null || place.valide_jusqu_au > liste.date_reference))) return false;
  if (liste.perimetre === PERIMETRE_COMMUNE) return true;
  return place.mode_instruction === 'public' && place.ecole_code_commune === liste.cle && place.ecole_statut === 'public' && place.ecole_type === 'ecole';
}

/** A child's versions are few (a few per school year): read once, every list entry is judged in memory. */
const resolveurMairie: ResolveurListe = {
  async generationsDisponibles(db: Db): Promise<number[]> {
    const generation = await generationDesListes(db);
    return generation === null ? [] : [generation];
  },
  async clesDe(db: Db, idInterne: string): Promise<string[]> {
    return [...new Set((await placesDeLEnfant(db, idInterne)).map((p) => p.code_commune))];
  },
  async figuraitSur(db: Db, idInterne: string, listes: readonly ListeAResoudre[]): Promise<Array<boolean | null>> {
    const places = await placesDeLEnfant(db, idInterne);
    return listes.map((l) => (PERIMETRES_CONNUS.has(l.perimetre) ? places.some((p) => surLaListe(p, l)) : null));
  },
};

enregistrerTypeDeListe(TYPE_LISTE_MAIRIE, resolveurMairie);
