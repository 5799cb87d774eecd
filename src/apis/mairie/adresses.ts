import { type Code, LIEN_RESPONSABLE } from '../../referentiels/nomenclatures';
import type { VersionLigne } from '../../db/tables-eleves';
import { geographieOfficielle } from '../../territoire/geographie';

/** An address as the mairie list shows it. */
export interface AdresseListe {
  ligne: string;
  code_postal: string;
  code_insee: string;
  commune: string;
}

export interface ResponsableListe {
  nom: string;
  prenoms: string;
  lien: Code;
  adresse: AdresseListe;
}

type VersionAdresse = Pick<VersionLigne, 'adresse_ligne' | 'code_postal' | 'code_commune'>;

function adresse(ligne: string, codePostal: string, codeInsee: string): AdresseListe {
  const territoire = geographieOfficielle();
  return { ligne, code_postal: codePostal, code_insee: codeInsee, commune: territoire.existe(codeInsee) ? territoire.commune(codeInsee).nom : codeInsee };
}

/** The child's home address in a version of the list (the commune of the list). */
export function adresseDeLaVersion(version: VersionAdresse): AdresseListe {
  return adresse(version.adresse_ligne, version.code_postal, version.code_commune);
}

/** The responsables of a version, each with a full address (the child's when he or she lives with the child). */
export function responsablesDeLaVersion(version: VersionAdresse & Pick<VersionLigne, 'responsables'>): ResponsableListe[] {
  const stockes = JSON.parse(version.responsables) as Array<{
    nom: string;
    prenoms: string;
    lien: string;
    adresse?: { ligne: string; code_postal: string; code_insee: string };
  }>;
  return stockes.map((r) => ({
    nom: r.nom,
    prenoms: r.prenoms,
    lien: LIEN_RESPONSABLE[r.lien] ?? { code: r.lien, libelle: r.lien },
    adresse: r.adresse ? adresse(r.adresse.ligne, r.adresse.code_postal, r.adresse.code_insee) : adresseDeLaVersion(version),
  }));
}
