import { type Db, executer } from '../db/knex';
import { invalide, Probleme } from '../http/problemes';
import { estSiretValide } from '../territoire/codes';
import { geographieOfficielle } from '../territoire/geographie';
import { horodatage } from '../horloge';

export type CategorieDestinataire = 'commune' | 'departement' | 'region' | 'mission_locale' | 'administration' | 'editeur' | 'ministere';

export interface Destinataire {
  siret: string;
  nom: string;
  categorie_code: CategorieDestinataire;
  code_commune: string | null;
  code_departement: string | null;
  code_region: string | null;
  pour_compte_de_siret: string | null;
}

export interface NouveauDestinataire {
  siret: string;
  nom: string;
  categorie: CategorieDestinataire;
  /** Commune of a mairie, or of the collectivité an éditeur works for. */
  codeCommune?: string;
  /** Département of a département, or of a mission locale's ressort. */
  codeDepartement?: string;
  codeRegion?: string;
  /** An éditeur acts for a collectivité (RGPD art. 28 processor). */
  pourCompteDeSiret?: string;
}

/** The territory is derived from the official geography, so a commune can never claim another département. */
function territoire(d: NouveauDestinataire): Pick<Destinataire, 'code_commune' | 'code_departement' | 'code_region'> {
  const geographie = geographieOfficielle();
  switch (d.categorie) {
    case 'commune':
    case 'editeur': {
      const commune = d.codeCommune ? geographie.territoire('commune', d.codeCommune) : undefined;
      if (!commune) throw invalide('codeCommune', 'code INSEE de commune inconnu ou absent');
      return { code_commune: commune.code_commune, code_departement: commune.code_departement, code_region: commune.code_region };
    }
    // A mission locale's ressort is a set of communes; until the registry holds them, its département.
    case 'departement':
    case 'mission_locale': {
      const dep = d.codeDepartement ? geographie.territoire('departement', d.codeDepartement) : undefined;
      if (!dep) throw invalide('codeDepartement', 'code de département inconnu ou absent');
      return { code_commune: null, code_departement: dep.code_departement, code_region: dep.code_region };
    }
    case 'region': {
      const region = d.codeRegion ? geographie.territoire('region', d.codeRegion) : undefined;
      if (!region) throw invalide('codeRegion', 'code de région inconnu ou absent');
      return { code_commune: null, code_departement: null, code_region: region.code_region };
    }
    default:
      return { code_commune: null, code_departement: null, code_region: null };
  }
}

export async function creerDestinataire(db: Db, d: NouveauDestinataire): Promise<Destinataire> {
  if (!estSiretValide(d.siret)) throw invalide('siret', 'SIRET invalide (14 chiffres, clé de Luhn)');
  if (d.pourCompteDeSiret !== undefined && !estSiretValide(d.pourCompteDeSiret)) {
    throw invalide('pourCompteDeSiret', 'SIRET invalide (14 chiffres, clé de Luhn)');
  }
  const ligne: Destinataire = {
    siret: d.siret,
    nom: d.nom,
    categorie_code: d.categorie,
    ...territoire(d),
    pour_compte_de_siret: d.pourCompteDeSiret ?? null,
  };
  const existant = await db('destinataires').where({ siret: d.siret }).first();
  if (existant) throw new Probleme('conflit', 'Un destinataire porte déjà ce SIRET.');
  await db('destinataires').insert({ ...ligne, cree_le: horodatage() });
  return ligne;
}

export async function trouverDestinataire(db: Db, siret: string): Promise<Destinataire | undefined> {
  return executer(
    db,
    db('destinataires')
      .select('siret', 'nom', 'categorie_code', 'code_commune', 'code_departement', 'code_region', 'pour_compte_de_siret')
      .where({ siret })
      .first(),
  );
}

export async function listerDestinataires(db: Db): Promise<Destinataire[]> {
  return db('destinataires')
    .select('siret', 'nom', 'categorie_code', 'code_commune', 'code_departement', 'code_region', 'pour_compte_de_siret')
    .orderBy('siret');
}
