import { type Db, executer } from '../db/knex';
import { invalide, Probleme } from '../http/problemes';
import { estSiretValide } from '../territoire/codes';
import { geographieOfficielle } from '../territoire/geographie';
import { horodatage } from '../horloge';
import {
  enregistrerMembresFondateurs,
  epciOfficiel,
  groupementsDe,
  lireDateEffet,
  NATURES_SYNDICAT,
  validerCommunes,
  type Groupement,
  type LigneGroupement,
  type NatureGroupement,
} from './groupements';

export type CategorieDestinataire =
  'commune' | 'departement' | 'region' | 'mission_locale' | 'epci' | 'syndicat_scolaire' | 'administration' | 'editeur' | 'ministere';

export interface Destinataire {
  siret: string;
  nom: string;
  categorie_code: CategorieDestinataire;
  code_commune: string | null;
  code_departement: string | null;
  code_region: string | null;
  pour_compte_de_siret: string | null;
  /** EPCI ou syndicat scolaire : son code, sa nature et ses communes membres à la date du jour ; null sinon. */
  groupement: Groupement | null;
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
  /** EPCI: its code in the official geography (its SIREN). */
  codeEpci?: string;
  /** Syndicat scolaire: sivu or sivom (an EPCI's nature comes from the official geography). */
  nature?: NatureGroupement;
  /** Syndicat scolaire: founding member communes. */
  communes?: string[];
  /** Syndicat scolaire: first day of the founding members' membership (default today). */
  dateEffet?: string;
}

type Territoire = Pick<Destinataire, 'code_commune' | 'code_departement' | 'code_region'> & {
  code_groupement: string | null;
  nature_groupement: NatureGroupement | null;
  /** Founding members of a syndicat, recorded with the recipient. */
  fondateurs: string[];
};

const AUCUN = { code_groupement: null, nature_groupement: null, fondateurs: [] };

/** A grouping lies in a département (a région) when all its communes do: rules at that level then see it. */
function englobants(communes: readonly string[]): Pick<Destinataire, 'code_departement' | 'code_region'> {
  const geographie = geographieOfficielle();
  const deps = new Set(communes.map((c) => geographie.commune(c).departement));
  const regions = new Set(communes.map((c) => geographie.commune(c).region));
  return { code_departement: deps.size === 1 ? [...deps][0] : null, code_region: regions.size === 1 ? [...regions][0] : null };
}

/** The territory is derived from the official geography, so a commune can never claim another département. */
function territoire(d: NouveauDestinataire): Territoire {
  const geographie = geographieOfficielle();
  switch (d.categorie) {
    case 'commune':
    case 'editeur': {
      const commune = d.codeCommune ? geographie.territoire('commune', d.codeCommune) : undefined;
      if (!commune) throw invalide('codeCommune', 'code INSEE de commune inconnu ou absent');
      return { code_commune: commune.code_commune, code_departement: commune.code_departement, code_region: commune.code_region, ...AUCUN };
    }
    // A mission locale's ressort is a set of communes; until the registry holds them, its département.
    case 'departement':
    case 'mission_locale': {
      const dep = d.codeDepartement ? geographie.territoire('departement', d.codeDepartement) : undefined;
      if (!dep) throw invalide('codeDepartement', 'code de département inconnu ou absent');
      return { code_commune: null, code_departement: dep.code_departement, code_region: dep.code_region, ...AUCUN };
    }
    case 'region': {
      const region = d.codeRegion ? geographie.territoire('region', d.codeRegion) : undefined;
      if (!region) throw invalide('codeRegion', 'code de région inconnu ou absent');
      return { code_commune: null, code_departement: null, code_region: region.code_region, ...AUCUN };
    }
    case 'epci': {
      const epci = d.codeEpci ? epciOfficiel(d.codeEpci) : undefined;
      if (!epci) throw invalide('code_epci', 'EPCI à fiscalité propre inconnu du découpage administratif officiel, ou absent');
      // The EPCI code is its SIREN: the SIRET must be one of its establishments.
      if (d.siret.slice(0, 9) !== d.codeEpci) throw invalide('siret', 'le SIREN (9 premiers chiffres) doit être le code de l’EPCI');
      return { code_commune: null, ...englobants(epci.communes), code_groupement: d.codeEpci!, nature_groupement: epci.nature, fondateurs: [] };
    }
    case 'syndicat_scolaire': {
      if (!d.nature || !NATURES_SYNDICAT.includes(d.nature)) throw invalide('nature', 'sivu ou sivom attendu pour un syndicat scolaire');
      if (!d.communes || d.communes.length < 2) throw invalide('communes', 'au moins deux communes membres');
      const communes = validerCommunes('communes', d.communes);
      return { code_commune: null, ...englobants(communes), code_groupement: d.siret.slice(0, 9), nature_groupement: d.nature, fondateurs: communes };
    }
    default:
      return { code_commune: null, code_departement: null, code_region: null, ...AUCUN };
  }
}

export async function creerDestinataire(db: Db, d: NouveauDestinataire, acteur = 'registre'): Promise<Destinataire> {
  if (!estSiretValide(d.siret)) throw invalide('siret', 'SIRET invalide (14 chiffres, clé de Luhn)');
  if (d.pourCompteDeSiret !== undefined && !estSiretValide(d.pourCompteDeSiret)) {
    throw invalide('pourCompteDeSiret', 'SIRET invalide (14 chiffres, clé de Luhn)');
  }
  const { fondateurs, ...colonnes } = territoire(d);
  const dateEffet = d.categorie === 'syndicat_scolaire' ? lireDateEffet(d.dateEffet) : undefined;
  const existant = await db('destinataires').where({ siret: d.siret }).first();
  if (existant) throw new Probleme('conflit', 'Un destinataire porte déjà ce SIRET.');
  await db.transaction(async (trx) => {
    await trx('destinataires').insert({
      siret: d.siret,
      nom: d.nom,
      categorie_code: d.categorie,
      ...colonnes,
      pour_compte_de_siret: d.pourCompteDeSiret ?? null,
      cree_le: horodatage(),
    });
    if (dateEffet) await enregistrerMembresFondateurs(trx, d.siret, fondateurs, dateEffet, acteur);
  });
  return (await trouverDestinataire(db, d.siret))!;
}

const COLONNES = [
  'siret',
  'nom',
  'categorie_code',
  'code_commune',
  'code_departement',
  'code_region',
  'pour_compte_de_siret',
  'code_groupement',
  'nature_groupement',
] as const;

type Ligne = Omit<Destinataire, 'groupement'> & LigneGroupement;

async function avecGroupements(db: Db, lignes: Ligne[]): Promise<Destinataire[]> {
  const groupements = await groupementsDe(db, lignes);
  return lignes.map(({ code_groupement: _c, nature_groupement: _n, ...l }) => ({ ...l, groupement: groupements.get(l.siret) ?? null }));
}

/** With a grouping's members as of today: the territory rule reads them from here, on every request. */
export async function trouverDestinataire(db: Db, siret: string): Promise<Destinataire | undefined> {
  const ligne = await executer<Ligne | undefined>(
    db,
    db('destinataires')
      .select(...COLONNES)
      .where({ siret })
      .first(),
  );
  return ligne && (await avecGroupements(db, [ligne]))[0];
}

export async function listerDestinataires(db: Db): Promise<Destinataire[]> {
  return avecGroupements(
    db,
    await db('destinataires')
      .select(...COLONNES)
      .orderBy('siret'),
  );
}
