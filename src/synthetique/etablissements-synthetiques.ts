import crypto from 'node:crypto';
import { normaliserLibelle } from '../referentiels/texte';
import { lettreCleUai } from '../territoire/uai';
import { Alea } from './alea';
import type { EtablissementSource } from './carte-scolaire';
import type { Commune, Geographie } from '../territoire/geographie';

/**
 * A row of table `etablissements` invented for a département the imported annuaire does not
 * cover (`synthetique` true), so that a national run places every pupil in a school.
 */
export interface EtablissementSynthetique extends EtablissementSource {
  nom_normalise: string;
  type_libelle: string;
  nature_code: string;
  nature_libelle: string;
  code_postal: string | null;
  nom_commune: string;
  code_region: string;
  ministere_tutelle: string;
  synthetique: true;
}

type Statut = 'public' | 'prive';

/** One kind of establishment: its annuaire columns, and how many a commune of this population gets. */
interface Modele {
  cle: string;
  type: 'ecole' | 'college' | 'lycee' | 'medico_social';
  statut: Statut;
  horsContrat?: boolean;
  nature: readonly [code: string, libelle: string];
  intitule: string;
  voies?: { generale: boolean; technologique: boolean; professionnelle: boolean };
  ecole?: { maternelle: boolean; elementaire: boolean };
  /** Pupils of a typical establishment of this kind (its weight when a family chooses). */
  effectif: number;
  /** Expected number in a commune of this population; the département's largest commune always gets at least one. */
  nombre(population: number, alea: Alea): number;
  /** Whether the département's chief town must have one, so every pupil finds his level. */
  obligatoireAuChefLieu: boolean;
}

// Shares of the population by cycle (≈ 15 % aged 3–16) and of pupils by sector, from the national figures.
const PART_PRIMAIRE = 0.085;
const PART_COLLEGE = 0.043;
const PART_LYCEE = 0.027;

function auMoinsUn(valeur: number, alea: Alea): number {
  return Math.max(1, alea.arrondir(valeur));
}

const MODELES: readonly Modele[] = [
  {
    cle: 'primaire',
    type: 'ecole',
    statut: 'public',
    nature: ['151', 'ECOLE DE NIVEAU ELEMENTAIRE'],
    intitule: 'École primaire publique',
    ecole: { maternelle: true, elementaire: true },
    effectif: 120,
    // Villages under 200 inhabitants send their children to a neighbour's school (regroupements).
    nombre: (p, a) => (p < 200 || p >= 2500 ? 0 : auMoinsUn((p * PART_PRIMAIRE) / 160, a)),
    obligatoireAuChefLieu: false,
  },
  {
    cle: 'maternelle',
    type: 'ecole',
    statut: 'public',
    nature: ['101', 'ECOLE MATERNELLE'],
    intitule: 'École maternelle publique',
    ecole: { maternelle: true, elementaire: false },
    effectif: 110,
    nombre: (p, a) => (p < 2500 ? 0 : auMoinsUn((p * PART_PRIMAIRE * 0.38 * 0.86) / 110, a)),
    obligatoireAuChefLieu: true,
  },
  {
    cle: 'elementaire',
    type: 'ecole',
    statut: 'public',
    nature: ['151', 'ECOLE DE NIVEAU ELEMENTAIRE'],
    intitule: 'École élémentaire publique',
    ecole: { maternelle: false, elementaire: true },
    effectif: 190,
    nombre: (p, a) => (p < 2500 ? 0 : auMoinsUn((p * PART_PRIMAIRE * 0.62 * 0.86) / 190, a)),
    obligatoireAuChefLieu: true,
  },
  {
    cle: 'primaire_privee',
    type: 'ecole',
    statut: 'prive',
    nature: ['151', 'ECOLE DE NIVEAU ELEMENTAIRE'],
    intitule: 'École privée',
    ecole: { maternelle: true, elementaire: true },
    effectif: 160,
    nombre: (p, a) => (p >= 1500 ? auMoinsUn((p * PART_PRIMAIRE * 0.13) / 160, a) : p >= 800 && a.probabilite(0.25) ? 1 : 0),
    obligatoireAuChefLieu: true,
  },
  {
    cle: 'primaire_hors_contrat',
    type: 'ecole',
    statut: 'prive',
    horsContrat: true,
    nature: ['151', 'ECOLE DE NIVEAU ELEMENTAIRE'],
    intitule: 'École privée hors contrat',
    ecole: { maternelle: true, elementaire: true },
    effectif: 40,
    nombre: (p, a) => (p >= 20_000 ? auMoinsUn(p / 80_000, a) : 0),
    obligatoireAuChefLieu: false,
  },
  {
    cle: 'college',
    type: 'college',
    statut: 'public',
    nature: ['340', 'COLLEGE'],
    intitule: 'Collège',
    effectif: 520,
    // Rural collèges serve several small communes.
    nombre: (p, a) => (p >= 2500 ? auMoinsUn((p * PART_COLLEGE * 0.78) / 550, a) : p >= 1200 && a.probabilite(0.3) ? 1 : 0),
    obligatoireAuChefLieu: true,
  },
  {
    cle: 'college_prive',
    type: 'college',
    statut: 'prive',
    nature: ['340', 'COLLEGE'],
    intitule: 'Collège privé',
    effectif: 480,
    nombre: (p, a) => (p >= 6000 ? auMoinsUn((p * PART_COLLEGE * 0.21) / 500, a) : 0),
    obligatoireAuChefLieu: true,
  },
  {
    cle: 'lycee',
    type: 'lycee',
    statut: 'public',
    nature: ['300', 'LYCEE ENSEIGNT GENERAL ET TECHNOLOGIQUE'],
    intitule: 'Lycée général et technologique',
    voies: { generale: true, technologique: true, professionnelle: false },
    effectif: 1000,
    nombre: (p, a) => (p >= 9000 ? auMoinsUn((p * PART_LYCEE * 0.62) / 950, a) : 0),
    obligatoireAuChefLieu: true,
  },
  {
    cle: 'lycee_professionnel',
    type: 'lycee',
    statut: 'public',
    nature: ['320', 'LYCEE PROFESSIONNEL'],
    intitule: 'Lycée professionnel',
    voies: { generale: false, technologique: false, professionnelle: true },
    effectif: 430,
    nombre: (p, a) => (p >= 12_000 ? auMoinsUn((p * PART_LYCEE * 0.3) / 430, a) : 0),
    obligatoireAuChefLieu: true,
  },
  {
    cle: 'lycee_prive',
    type: 'lycee',
    statut: 'prive',
    nature: ['306', 'LYCEE POLYVALENT'],
    intitule: 'Lycée privé',
    voies: { generale: true, technologique: true, professionnelle: true },
    effectif: 800,
    nombre: (p, a) => (p >= 15_000 ? auMoinsUn((p * PART_LYCEE * 0.2) / 800, a) : 0),
    obligatoireAuChefLieu: true,
  },
  {
    cle: 'medico_social',
    type: 'medico_social',
    statut: 'public',
    nature: ['240', 'INSTITUT MEDICO-EDUCATIF'],
    intitule: 'Institut médico-éducatif',
    effectif: 60,
    nombre: (p, a) => (p >= 20_000 ? auMoinsUn(p / 100_000, a) : 0),
    obligatoireAuChefLieu: true,
  },
];

/** Names French schools commonly bear; private ones take a saint's. */
const NOMS_PUBLICS = [
  'Jules Ferry',
  'Jean Moulin',
  'Victor Hugo',
  'Jacques Prévert',
  'Louis Pasteur',
  'Jean Jaurès',
  'Marie Curie',
  'Paul Langevin',
  'Anne Frank',
  'Jean de La Fontaine',
  'Antoine de Saint-Exupéry',
  'Simone Veil',
  'Albert Camus',
  'Georges Brassens',
  'Louise Michel',
  'Jean Macé',
  'Paul Éluard',
  'Pierre et Marie Curie',
  'Condorcet',
  'Jules Verne',
  'Léon Blum',
  'Lucie Aubrac',
  'Jean Rostand',
  'Charles Perrault',
  'Les Tilleuls',
  'Les Marronniers',
  'Le Petit Prince',
  'Robert Desnos',
  'Émile Zola',
  'Olympe de Gouges',
];
const NOMS_PRIVES = [
  'Saint-Joseph',
  'Sainte-Marie',
  'Notre-Dame',
  'Saint-Michel',
  'Jeanne d’Arc',
  'Sainte-Anne',
  'Saint-Louis',
  'Sainte-Thérèse',
  'Saint-Martin',
  'Immaculée Conception',
  'Saint-Vincent',
  'La Providence',
  'Sacré-Cœur',
  'Saint-Charles',
  'Saint-Jean-Baptiste de La Salle',
];

/** Sequence numbers of the UAI are taken from this one on, far above most of the real ones. */
const PREMIER_NUMERO = 5000;

/** The first three digits of a UAI: the département number on three digits, Corsica 620 and 720. */
export function prefixeUai(departement: string): string {
  if (departement === '2A') return '620';
  if (departement === '2B') return '720';
  return departement.padStart(3, '0');
}

/**
 * The establishments of every département of `departements` (all its communes, whatever part of
 * it is generated), deterministic for a seed: communes in code order, kinds in a fixed order,
 * each commune's draws from its own stream.
 */
export function etablissementsSynthetiques(territoire: Geographie, departements: Iterable<string>, graine: number): EtablissementSynthetique[] {
  const racine = new Alea(graine).fils('etablissements-synthetiques');
  const lignes: EtablissementSynthetique[] = [];
  for (const departement of [...new Set(departements)].sort()) {
    const communes = territoire.communesDuDepartement(departement);
    if (communes.length === 0) continue;
    const chefLieu = communes.reduce((grande, c) => (c.population > grande.population ? c : grande));
    let numero = PREMIER_NUMERO;
    for (const commune of communes) {
      const alea = racine.fils(commune.code);
      const nomsPris = new Set<string>();
      for (const modele of MODELES) {
        let nombre = modele.nombre(commune.population, alea);
        if (commune === chefLieu && modele.obligatoireAuChefLieu) nombre = Math.max(1, nombre);
        for (let i = 0; i < nombre; i++) {
          if (numero > 9999) throw new RangeError(`Trop d'établissements synthétiques pour le département ${departement}`);
          const sept = prefixeUai(departement) + String(numero++);
          lignes.push(ligne(modele, commune, sept + lettreCleUai(sept), nommer(alea, modele, nomsPris, commune)));
        }
      }
    }
  }
  return lignes;
}

function nommer(alea: Alea, modele: Modele, pris: Set<string>, commune: Commune): string {
  const noms = modele.statut === 'prive' ? NOMS_PRIVES : NOMS_PUBLICS;
  const tirer = () => (modele.type === 'medico_social' ? `${modele.intitule} de ${commune.nom}` : `${modele.intitule} ${alea.choisir(noms)}`);
  let nom = tirer();
  for (let essai = 0; pris.has(nom) && essai < 10; essai++) nom = tirer();
  const base = nom;
  for (let rang = 2; pris.has(nom); rang++) nom = `${base} ${rang}`;
  pris.add(nom);
  return nom;
}

function ligne(modele: Modele, commune: Commune, uai: string, nom: string): EtablissementSynthetique {
  return {
    uai,
    nom,
    nom_normalise: normaliserLibelle(nom),
    type: modele.type,
    type_libelle: { ecole: 'Ecole', college: 'Collège', lycee: 'Lycée', medico_social: 'Médico-social' }[modele.type],
    statut: modele.statut,
    type_contrat_prive: modele.statut === 'public' ? null : modele.horsContrat ? 'HORS CONTRAT' : "CONTRAT D'ASSOCIATION TOUTES CLASSES",
    nature_code: modele.nature[0],
    nature_libelle: modele.nature[1],
    code_postal: commune.codesPostaux[0] ?? null,
    code_commune: commune.code,
    nom_commune: commune.nom,
    code_departement: commune.departement,
    code_region: commune.region,
    ecole_maternelle: modele.ecole ? modele.ecole.maternelle : null,
    ecole_elementaire: modele.ecole ? modele.ecole.elementaire : null,
    voie_generale: modele.voies ? modele.voies.generale : null,
    voie_technologique: modele.voies ? modele.voies.technologique : null,
    voie_professionnelle: modele.voies ? modele.voies.professionnelle : null,
    hebergement: modele.type === 'lycee' && modele.statut === 'public',
    etat: 'OUVERT',
    nombre_eleves: modele.effectif,
    latitude: null,
    longitude: null,
    ministere_tutelle: modele.type === 'medico_social' ? 'SANTE ET SOLIDARITE NATIONALE' : "MINISTERE DE L'EDUCATION NATIONALE",
    synthetique: true,
  };
}

/** The annuaire's columns plus the bookkeeping of an import, ready for table `etablissements`. */
export function enregistrementsSynthetiques(lignes: readonly EtablissementSynthetique[], maintenant: string): Array<Record<string, unknown>> {
  return lignes.map((l) => ({
    ...l,
    empreinte: crypto.createHash('sha256').update(JSON.stringify(l)).digest('hex'),
    importe_le: maintenant,
    modifie_le: maintenant,
  }));
}
