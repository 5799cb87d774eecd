import { type Alea, TablePonderee } from './alea';
import { NIVEAU } from '../referentiels/nomenclatures';
import type { Commune, Geographie } from '../territoire/geographie';

/**
 * The columns of table `etablissements` the generator reads. Booleans may come as 0/1
 * (SQLite) or true/false (PostgreSQL, hand-made lists).
 */
export interface EtablissementSource {
  uai: string;
  nom: string;
  type: string;
  statut: string | null;
  type_contrat_prive?: string | null;
  code_commune: string;
  code_departement: string;
  code_region?: string | null;
  ecole_maternelle?: unknown;
  ecole_elementaire?: unknown;
  voie_generale?: unknown;
  voie_technologique?: unknown;
  voie_professionnelle?: unknown;
  hebergement?: unknown;
  etat: string;
  nombre_eleves?: number | null;
  latitude?: number | null;
  longitude?: number | null;
}

export type Secteur = 'public' | 'prive_sous_contrat' | 'prive_hors_contrat';

/** What an establishment can take in; each level needs one. */
export type Accueil = 'maternelle' | 'elementaire' | 'college' | 'lycee_general' | 'lycee_technologique' | 'lycee_professionnel' | 'sts' | 'specialise';

export interface Etablissement {
  uai: string;
  nom: string;
  codeCommune: string;
  departement: string;
  secteur: Secteur;
  accueils: ReadonlySet<Accueil>;
  internat: boolean;
  effectif: number;
  latitude: number | null;
  longitude: number | null;
}

const ACCUEIL_PAR_NIVEAU: Readonly<Record<string, Accueil>> = {
  PS: 'maternelle',
  MS: 'maternelle',
  GS: 'maternelle',
  CP: 'elementaire',
  CE1: 'elementaire',
  CE2: 'elementaire',
  CM1: 'elementaire',
  CM2: 'elementaire',
  '6E': 'college',
  '5E': 'college',
  '4E': 'college',
  '3E': 'college',
  '2GT': 'lycee_general',
  '1G': 'lycee_general',
  TG: 'lycee_general',
  '1T': 'lycee_technologique',
  TT: 'lycee_technologique',
  '2PRO': 'lycee_professionnel',
  '1PRO': 'lycee_professionnel',
  TPRO: 'lycee_professionnel',
  '1CAP': 'lycee_professionnel',
  '2CAP': 'lycee_professionnel',
  BTS1: 'sts',
  BTS2: 'sts',
};

export function accueilDuNiveau(niveau: string): Accueil {
  const accueil = ACCUEIL_PAR_NIVEAU[niveau];
  if (!accueil || !NIVEAU[niveau]) throw new RangeError(`Niveau inconnu : ${niveau}`);
  return accueil;
}

/** The establishment types of the annuaire that can take in a pupil of this level. */
export const TYPES_PAR_ACCUEIL: Readonly<Record<Accueil, readonly string[]>> = {
  maternelle: ['ecole'],
  elementaire: ['ecole'],
  college: ['college'],
  lycee_general: ['lycee'],
  lycee_technologique: ['lycee'],
  lycee_professionnel: ['lycee', 'erea'],
  sts: ['lycee'],
  specialise: ['medico_social'],
};

function vrai(valeur: unknown): boolean {
  return valeur === true || valeur === 1 || valeur === '1';
}

function accueilsDe(e: EtablissementSource): Set<Accueil> {
  const accueils = new Set<Accueil>();
  switch (e.type) {
    case 'ecole': {
      const maternelle = vrai(e.ecole_maternelle);
      const elementaire = vrai(e.ecole_elementaire);
      if (maternelle || !elementaire) accueils.add('maternelle');
      if (elementaire || !maternelle) accueils.add('elementaire');
      break;
    }
    case 'college':
      accueils.add('college');
      break;
    case 'lycee':
      if (vrai(e.voie_generale)) accueils.add('lycee_general');
      if (vrai(e.voie_technologique)) accueils.add('lycee_technologique');
      if (vrai(e.voie_professionnelle)) accueils.add('lycee_professionnel');
      if (vrai(e.voie_generale) || vrai(e.voie_technologique)) accueils.add('sts');
      break;
    case 'erea':
      accueils.add('lycee_professionnel');
      break;
    case 'medico_social':
      accueils.add('specialise');
      break;
  }
  return accueils;
}

function secteurDe(e: EtablissementSource): Secteur | null {
  if (e.statut === 'public') return 'public';
  if (e.statut !== 'prive') return null;
  return /hors\s*contrat/i.test(e.type_contrat_prive ?? '') ? 'prive_hors_contrat' : 'prive_sous_contrat';
}

/** Keeps the open establishments that take in pupils, in UAI order. */
function classerEtablissements(sources: readonly EtablissementSource[]): Etablissement[] {
  const etablissements: Etablissement[] = [];
  for (const e of sources) {
    if (e.etat !== 'OUVERT' && e.etat !== 'A FERMER') continue;
    const secteur = secteurDe(e);
    const accueils = accueilsDe(e);
    if (!secteur || accueils.size === 0) continue;
    const coordonnees = typeof e.latitude === 'number' && typeof e.longitude === 'number';
    etablissements.push({
      uai: e.uai,
      nom: e.nom,
      codeCommune: e.code_commune,
      departement: e.code_departement,
      secteur,
      accueils,
      internat: vrai(e.hebergement),
      effectif: Math.max(20, Number(e.nombre_eleves) || 100),
      latitude: coordonnees ? e.latitude! : null,
      longitude: coordonnees ? e.longitude! : null,
    });
  }
  return etablissements.sort((a, b) => (a.uai < b.uai ? -1 : 1));
}

interface Point {
  latitude: number;
  longitude: number;
}

/**
 * How far pupils of each kind of establishment travel: how many candidates beyond the commune,
 * how fast preference decays with their rank, and their weight when the commune has its own.
 */
const RECRUTEMENT: Readonly<Record<Accueil, { voisins: number; decroissance: number; siLocal: number }>> = {
  maternelle: { voisins: 3, decroissance: 0.45, siLocal: 0.03 },
  elementaire: { voisins: 3, decroissance: 0.45, siLocal: 0.03 },
  college: { voisins: 3, decroissance: 0.5, siLocal: 0.1 },
  lycee_general: { voisins: 5, decroissance: 0.7, siLocal: 0.3 },
  lycee_technologique: { voisins: 5, decroissance: 0.7, siLocal: 0.3 },
  lycee_professionnel: { voisins: 5, decroissance: 0.7, siLocal: 0.3 },
  sts: { voisins: 6, decroissance: 0.75, siLocal: 0.5 },
  specialise: { voisins: 6, decroissance: 0.75, siLocal: 0.5 },
};

/**
 * Which establishment a child living in a commune attends: those of the commune first, then
 * the nearest ones of the département (by distance when coordinates are known, otherwise by
 * shared postal code, intercommunality, arrondissement), weighted by their head-count.
 */
export class CarteScolaire {
  readonly etablissements: readonly Etablissement[];
  private readonly parUai: Map<string, Etablissement>;
  /** By département, then by kind and sector ('specialise' alone: any sector). */
  private readonly parDepartement = new Map<string, Etablissement[]>();
  private readonly parOffre = new Map<string, Etablissement[]>();
  private readonly points = new Map<string, Point | null>();
  /** Per commune, per kind and sector: the weighted candidates, computed on first use. */
  private readonly viviers = new Map<string, Array<TablePonderee<Etablissement> | null | undefined>>();

  constructor(
    sources: readonly EtablissementSource[],
    private readonly territoire: Geographie,
  ) {
    this.etablissements = classerEtablissements(sources);
    this.parUai = new Map(this.etablissements.map((e) => [e.uai, e]));
    for (const e of this.etablissements) {
      ajouter(this.parDepartement, e.departement, e);
      for (const accueil of e.accueils) ajouter(this.parOffre, cleOffre(e.departement, accueil, e.secteur), e);
    }
  }

  etablissement(uai: string): Etablissement | undefined {
    return this.parUai.get(uai);
  }

  accueille(uai: string | null, accueil: Accueil): boolean {
    return !!uai && !!this.parUai.get(uai)?.accueils.has(accueil);
  }

  /** `null` when the département has no such establishment (a national run beyond the imported annuaire). */
  choisir(alea: Alea, commune: Commune, accueil: Accueil, secteur: Secteur, exclure?: string | null): Etablissement | null {
    const vivier = this.vivier(commune, accueil, secteur);
    if (!vivier) return null;
    let choix = vivier.tirer(alea);
    for (let essai = 0; exclure && choix.uai === exclure && vivier.valeurs.length > 1 && essai < 8; essai++) choix = vivier.tirer(alea);
    return choix;
  }

  /** Whether the commune's département offers this kind of establishment in this sector. */
  propose(commune: Commune, accueil: Accueil, secteur: Secteur): boolean {
    return this.vivier(commune, accueil, secteur) !== null;
  }

  private vivier(commune: Commune, accueil: Accueil, secteur: Secteur): TablePonderee<Etablissement> | null {
    let parCommune = this.viviers.get(commune.code);
    if (!parCommune) {
      parCommune = [];
      this.viviers.set(commune.code, parCommune);
    }
    const indice = INDICE_ACCUEIL[accueil] * 3 + INDICE_SECTEUR[secteur];
    let vivier = parCommune[indice];
    if (vivier !== undefined) return vivier;
    const candidats = this.parOffre.get(cleOffre(commune.departement, accueil, secteur)) ?? [];
    vivier = candidats.length === 0 ? null : this.ponderer(commune, candidats, accueil);
    parCommune[indice] = vivier;
    return vivier;
  }

  private ponderer(commune: Commune, candidats: Etablissement[], accueil: Accueil): TablePonderee<Etablissement> {
    const point = this.point(commune);
    const cle = (e: Etablissement): number => {
      if (e.codeCommune === commune.code) return 0;
      if (point && e.latitude !== null && e.longitude !== null) return 0.001 + distanceKm(point, { latitude: e.latitude, longitude: e.longitude });
      return 500 + this.eloignement(commune, e.codeCommune);
    };
    const tries = candidats.map((e) => ({ e, cle: cle(e) })).sort((a, b) => a.cle - b.cle || (a.e.uai < b.e.uai ? -1 : 1));
    const locaux = tries.filter((t) => t.cle === 0).map((t) => t.e);
    const { voisins, decroissance, siLocal } = RECRUTEMENT[accueil];
    const proches = tries
      .filter((t) => t.cle > 0)
      .slice(0, voisins)
      .map((t) => t.e);
    const facteur = locaux.length > 0 ? siLocal : 1;
    return new TablePonderee(
      [...locaux, ...proches],
      [...locaux.map((e) => e.effectif), ...proches.map((e, rang) => e.effectif * facteur * Math.pow(decroissance, rang))],
    );
  }

  /** 1 shared postal code, 2 same intercommunality, 3 same arrondissement, 4 elsewhere in the département. */
  private eloignement(commune: Commune, autreCode: string): number {
    if (!this.territoire.existe(autreCode)) return 4;
    const autre = this.territoire.commune(autreCode);
    if (autre.codesPostaux.some((cp) => commune.codesPostaux.includes(cp))) return 1;
    if (commune.epci && autre.epci === commune.epci) return 2;
    if (commune.arrondissement && autre.arrondissement === commune.arrondissement) return 3;
    return 4;
  }

  /** A commune's position: the mean of its establishments', else of its postal-code neighbours', else of its intercommunality's. */
  private point(commune: Commune): Point | null {
    if (this.points.has(commune.code)) return this.points.get(commune.code)!;
    const voisinage = [
      (e: Etablissement) => e.codeCommune === commune.code,
      (e: Etablissement) =>
        this.territoire.existe(e.codeCommune) && this.territoire.commune(e.codeCommune).codesPostaux.some((cp) => commune.codesPostaux.includes(cp)),
      (e: Etablissement) => !!commune.epci && this.territoire.existe(e.codeCommune) && this.territoire.commune(e.codeCommune).epci === commune.epci,
    ];
    let point: Point | null = null;
    const situes = (this.parDepartement.get(commune.departement) ?? []).filter((e) => e.latitude !== null && e.longitude !== null);
    for (const critere of voisinage) {
      const retenus = situes.filter(critere);
      if (retenus.length > 0) {
        point = {
          latitude: retenus.reduce((s, e) => s + e.latitude!, 0) / retenus.length,
          longitude: retenus.reduce((s, e) => s + e.longitude!, 0) / retenus.length,
        };
        break;
      }
    }
    this.points.set(commune.code, point);
    return point;
  }
}

const INDICE_ACCUEIL: Readonly<Record<Accueil, number>> = {
  maternelle: 0,
  elementaire: 1,
  college: 2,
  lycee_general: 3,
  lycee_technologique: 4,
  lycee_professionnel: 5,
  sts: 6,
  specialise: 7,
};
const INDICE_SECTEUR: Readonly<Record<Secteur, number>> = { public: 0, prive_sous_contrat: 1, prive_hors_contrat: 2 };

// Médico-social establishments are chosen by need, whatever their status.
function cleOffre(departement: string, accueil: Accueil, secteur: Secteur): string {
  return accueil === 'specialise' ? `${departement}|${accueil}` : `${departement}|${accueil}|${secteur}`;
}

function ajouter<K, V>(index: Map<K, V[]>, cle: K, valeur: V): void {
  const liste = index.get(cle);
  if (liste) liste.push(valeur);
  else index.set(cle, [valeur]);
}

/** Equirectangular approximation: precise enough within a département. */
function distanceKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const x = (b.longitude - a.longitude) * rad * Math.cos(((a.latitude + b.latitude) / 2) * rad);
  const y = (b.latitude - a.latitude) * rad;
  return 6371 * Math.sqrt(x * x + y * y);
}
