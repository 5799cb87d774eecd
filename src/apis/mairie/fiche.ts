import { anneeRentreeDe, libelleAnneeScolaire } from '../../referentiels/calendrier';
import { adresseDeLaVersion, responsablesDeLaVersion } from './adresses';
import { type Code, MODE_INSTRUCTION, NIVEAU } from '../../referentiels/nomenclatures';
import type { EnfantSoumisObligation, Scolarite } from './models';
import type { EcoleDeListe, VersionDeListe } from './repository';

function codeLibelle(table: Readonly<Record<string, Code>>, code: string | null): Code | null {
  if (code === null || code === undefined) return null;
  const entree = table[code];
  return { code, libelle: entree ? entree.libelle : code };
}

function anneePrecedente(anneeScolaire: string): string {
  return libelleAnneeScolaire(anneeRentreeDe(anneeScolaire) - 1);
}

function scolarite(annee: string, uai: string | null, ecoles: ReadonlyMap<string, EcoleDeListe>, niveau: string | null): Scolarite {
  const ecole = uai ? ecoles.get(uai) : undefined;
  return {
    annee_scolaire: annee,
    etablissement: uai ? { uai, nom: ecole?.nom ?? null, code_insee: ecole?.code_commune ?? null } : null,
    niveau: codeLibelle(NIVEAU, niveau),
  };
}

/**
 * A child's entry as the list publishes it, every field, its establishments named from `ecoles`:
 * the scope mask then keeps the caller's.
 */
export function ficheEnfant(v: VersionDeListe, id: string, ecoles: ReadonlyMap<string, EcoleDeListe>): Required<EnfantSoumisObligation> {
  return {
    id,
    nom: v.nom,
    prenoms: v.prenoms,
    sexe: v.sexe,
    date_naissance: v.date_naissance,
    lieu_naissance: { code_insee: v.code_commune_naissance, libelle: v.libelle_commune_naissance },
    adresse: adresseDeLaVersion(v),
    mode_instruction: codeLibelle(MODE_INSTRUCTION, v.mode_instruction)!,
    scolarite_actuelle: scolarite(v.annee_scolaire, v.uai, ecoles, v.niveau_code),
    scolarite_precedente: {
      ...scolarite(anneePrecedente(v.annee_scolaire), v.uai_precedent, ecoles, v.niveau_precedent_code),
      mode_instruction: codeLibelle(MODE_INSTRUCTION, v.mode_instruction_precedent),
    },
    responsables: responsablesDeLaVersion(v),
    date_mise_a_jour: v.valide_du,
  };
}
