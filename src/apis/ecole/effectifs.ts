import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import { Probleme } from '../../http/problemes';
import { lecteurDuTableau, publierTableaux, type CelluleStatistique, type SommeDe, type TableauDeComptages } from '../../privacy/secret-statistique';
import type { TypeEtablissement } from '../../referentiels/etablissement';
import { clePerimetre, comparerCodes, perimetresEmboites, type Implantation } from '../../territoire/emboitement';
import { comparerNiveaux, libelleNiveau, verifierAnneeScolaire } from './niveaux';

/** Art. 4 of the 2015 DEPP–ARF convention: published figures cite their source. */
export const SOURCE_EFFECTIFS = 'Ministère de l’Éducation nationale — bases élèves ONDE et SIÈCLE (données synthétiques de démonstration)';

/** Le secret statistique appliqué (convention DEPP–ARF 2015, art. 4 : rien ne doit permettre d'identifier une personne). */
export interface SecretStatistique {
  /** Plus petit effectif publié tel quel. */
  seuil: number;
  regle: string;
}

/** Une ligne d'effectifs : l'effectif et ses ventilations, chacune de somme égale à `effectif`. */
export interface LigneEffectifs {
  effectif: CelluleStatistique;
  filles: CelluleStatistique;
  garcons: CelluleStatistique;
  /** Collèges et lycées : bourses nationales. */
  boursiers?: CelluleStatistique;
  non_boursiers?: CelluleStatistique;
  /** Collèges et lycées : régime. */
  externes?: CelluleStatistique;
  demi_pensionnaires?: CelluleStatistique;
  internes?: CelluleStatistique;
}

/** Effectifs d'un module élémentaire de formation (MEF). */
export interface EffectifsFormation extends LigneEffectifs {
  /** @example "10010012110" */
  code_mef_stat: string;
  /** @example "6EME" */
  libelle: string;
}

/** Effectifs d'un niveau. */
export interface EffectifsNiveau extends LigneEffectifs {
  /** @example "6E" */
  code: string;
  /** @example "Sixième" */
  libelle: string;
  /** Second degré : effectifs par module élémentaire de formation (MEF) du niveau. */
  formations?: EffectifsFormation[];
}

/** Effectifs constatés d'un établissement, sous secret statistique. */
export interface EffectifsEtablissement {
  /** @example "0350024A" */
  uai: string;
  /** @example "2025-2026" */
  annee_scolaire: string;
  source: string;
  secret_statistique: SecretStatistique;
  total: LigneEffectifs;
  niveaux: EffectifsNiveau[];
}

/** Pupils of one establishment and year, counted by every attribute a breakdown needs. */
export interface GroupeEleves {
  uai: string;
  niveau_code: string;
  code_mef_stat: string | null;
  libelle_mef: string | null;
  sexe: 'F' | 'M';
  est_boursier: boolean;
  regime: string | null;
  n: number;
}

type Colonne = Exclude<keyof LigneEffectifs, 'effectif'>;

/** Each breakdown partitions the head-count: a reader knows its columns add up to `effectif`. */
interface Ventilation {
  colonnes: Colonne[];
  colonneDe: (g: GroupeEleves) => Colonne;
}

const SEXE: Ventilation = { colonnes: ['filles', 'garcons'], colonneDe: (g) => (g.sexe === 'F' ? 'filles' : 'garcons') };
const BOURSE: Ventilation = { colonnes: ['boursiers', 'non_boursiers'], colonneDe: (g) => (g.est_boursier ? 'boursiers' : 'non_boursiers') };
const REGIME: Record<string, Colonne> = { '0': 'externes', '2': 'demi_pensionnaires', '3': 'internes' };
const PENSION: Ventilation = { colonnes: ['externes', 'demi_pensionnaires', 'internes'], colonneDe: (g) => REGIME[g.regime!] };

export const REGLE_SECRET =
  'Cellule masquée : valeur null et secret true. Un effectif de 1 à seuil−1 est masqué, puis d’autres cellules le sont pour qu’aucune ne se recalcule par différence, ni avec les totaux du tableau ni avec les effectifs par niveau des communes, départements et régions (prévisions) ; la raison n’est pas dite, elle suffirait parfois à retrouver la valeur. Les zéros sont publiés.';

const SECOND_DEGRE: ReadonlySet<TypeEtablissement> = new Set(['college', 'lycee', 'erea']);

/** An establishment with pupils: where it lies and its type (which breakdowns it publishes). */
export interface EtablissementEleves extends Implantation {
  type: TypeEtablissement;
}

/** Rows of an establishment's table: 'total', 'n:<niveau>', 'n:<niveau>/f:<MEF>'. */
const ligneNiveau = (niveau: string): string => `n:${niveau}`;
const ligneFormation = (niveau: string, mef: string): string => `n:${niveau}/f:${mef}`;

/** An establishment's nested table (total → levels → MEF) and the relations a reader knows in it. */
function tableauEtablissement(groupes: GroupeEleves[], type: TypeEtablissement) {
  const secondDegre = SECOND_DEGRE.has(type);
  const ventilations = [SEXE];
  if (secondDegre) ventilations.push(BOURSE);
  // A breakdown is published only where every pupil has the attribute: otherwise its parts would not add up.
  if (secondDegre && groupes.every((g) => g.regime !== null && g.regime in REGIME)) ventilations.push(PENSION);
  const colonnes: Array<keyof LigneEffectifs> = ['effectif', ...ventilations.flatMap((v) => v.colonnes)];
  const compter = (sous: GroupeEleves[]) =>
    new Map(colonnes.map((c) => [c, sous.reduce((s, g) => s + (c === 'effectif' || ventilations.some((v) => v.colonneDe(g) === c) ? g.n : 0), 0)]));

  const cellules = new Map([['total', compter(groupes)]]);
  const sommesDeLignes: SommeDe[] = [];
  const niveaux = [...new Set(groupes.map((g) => g.niveau_code))].sort(comparerNiveaux).map((code) => {
    const duNiveau = groupes.filter((g) => g.niveau_code === code);
    cellules.set(ligneNiveau(code), compter(duNiveau));
    const mefs = secondDegre ? [...new Set(duNiveau.map((g) => g.code_mef_stat).filter((m): m is string => m !== null))].sort() : [];
    // Formations are listed only when they cover the whole level, so that they add up to it.
    const complet = mefs.length > 0 && duNiveau.every((g) => g.code_mef_stat !== null);
    const formations = (complet ? mefs : []).map((mef) => {
      const deLaFormation = duNiveau.filter((g) => g.code_mef_stat === mef);
      cellules.set(ligneFormation(code, mef), compter(deLaFormation));
      return { mef, libelle: deLaFormation[0].libelle_mef ?? mef };
    });
    if (formations.length > 0) sommesDeLignes.push({ total: ligneNiveau(code), parties: formations.map((f) => ligneFormation(code, f.mef)) });
    return { code, formations };
  });
  sommesDeLignes.push({ total: 'total', parties: niveaux.map((n) => ligneNiveau(n.code)) });
  return {
    colonnes,
    niveaux,
    cellules,
    sommesDeLignes,
    sommesDeColonnes: ventilations.map((v) => ({ total: 'effectif', parties: v.colonnes })),
  };
}

export type EffectifsPublies = Pick<EffectifsEtablissement, 'secret_statistique' | 'total' | 'niveaux'>;

/** Head-counts of the establishments of a set of départements and of their territories, under one secret. */
export interface PublicationEffectifs {
  /** Each establishment with pupils, by UAI. */
  etablissements: Map<string, EffectifsPublies>;
  /** Each territory (clePerimetre), its head-count by level: the real count and the published cell. */
  territoires: Map<string, Map<string, { reel: number; cellule: CelluleStatistique }>>;
  /** Whether a reader computes a territory's head-count over these levels from the publication. */
  totalConnu(territoire: string, niveaux: readonly string[]): boolean;
}

/**
 * Every head-count table a reader may obtain for a school year in a set of départements — each
 * establishment's by level and formation, and each commune's, département's and région's by level
 * (the constat of the prévisions) — with every relation a reader knows (each breakdown sums to the
 * head-count, each level to its formations, the total to its levels, a territory's level to its
 * establishments'), under one statistical secret.
 */
export function publierEffectifsDesPerimetres(
  groupes: readonly GroupeEleves[],
  etablissements: readonly EtablissementEleves[],
  options: { seuil: number },
): PublicationEffectifs {
  const parUai = new Map<string, GroupeEleves[]>(etablissements.map((e) => [e.uai, []]));
  for (const g of groupes) parUai.get(g.uai)?.push(g);
  const tableaux: TableauDeComptages[] = [];
  const structures = new Map<string, ReturnType<typeof tableauEtablissement>>();
  for (const e of etablissements) {
    const t = tableauEtablissement(parUai.get(e.uai)!, e.type);
    structures.set(e.uai, t);
    tableaux.push({ cle: clePerimetre('etablissement', e.uai), cellules: t.cellules, sommesDeLignes: t.sommesDeLignes, sommesDeColonnes: t.sommesDeColonnes });
  }
  const territoires = perimetresEmboites(etablissements);
  const parTerritoire = new Map<string, Map<string, ReadonlyMap<string, number>>>();
  for (const p of territoires) {
    const parNiveau = new Map<string, number>();
    for (const uai of p.etablissements) {
      for (const g of parUai.get(uai)!) parNiveau.set(g.niveau_code, (parNiveau.get(g.niveau_code) ?? 0) + g.n);
    }
    const cellules = new Map([...parNiveau].map(([niveau, n]) => [ligneNiveau(niveau), new Map([['effectif', n]])]));
    parTerritoire.set(p.cle, cellules);
    tableaux.push({ cle: p.cle, cellules, decompositions: [p.parties] });
  }
  const publication = publierTableaux(tableaux, { seuil: options.seuil, sousTotaux: territoires.map((p) => p.cle) });
  const { tableaux: publies, sommeConnue } = publication;

  const resultat: PublicationEffectifs = {
    etablissements: new Map(),
    territoires: new Map(),
    totalConnu: (territoire, niveaux) => sommeConnue(niveaux.map((n) => ({ tableau: territoire, ligne: ligneNiveau(n), colonne: 'effectif' }))),
  };
  for (const e of etablissements) {
    const t = structures.get(e.uai)!;
    const cellule = lecteurDuTableau(publies, clePerimetre('etablissement', e.uai));
    const ligne = (cle: string): LigneEffectifs => Object.fromEntries(t.colonnes.map((c) => [c, cellule(cle, c)])) as unknown as LigneEffectifs;
    resultat.etablissements.set(e.uai, {
      secret_statistique: { seuil: options.seuil, regle: REGLE_SECRET },
      total: ligne('total'),
      niveaux: t.niveaux.map(({ code, formations }) => ({
        code,
        libelle: libelleNiveau(code),
        ...ligne(ligneNiveau(code)),
        ...(formations.length > 0
          ? { formations: formations.map((f) => ({ code_mef_stat: f.mef, libelle: f.libelle, ...ligne(ligneFormation(code, f.mef)) })) }
          : {}),
      })),
    });
  }
  for (const p of territoires) {
    const cellule = lecteurDuTableau(publies, p.cle);
    const reels = parTerritoire.get(p.cle)!;
    resultat.territoires.set(
      p.cle,
      new Map([...reels].map(([ligne, c]) => [ligne.slice(2), { reel: c.get('effectif')!, cellule: cellule(ligne, 'effectif') }])),
    );
  }
  return resultat;
}

/** The head-counts of an establishment without pupils that year: zeros, which identify no one. */
export function effectifsVides(type: TypeEtablissement, seuil: number): EffectifsPublies {
  const t = tableauEtablissement([], type);
  return {
    secret_statistique: { seuil, regle: REGLE_SECRET },
    total: Object.fromEntries(t.colonnes.map((c) => [c, { valeur: 0 }])) as unknown as LigneEffectifs,
    niveaux: [],
  };
}

/**
 * The school year observed in full: the latest in the pupil data. Earlier rows only describe the
 * current pupils' previous schooling (those who left since are absent), so they are no constat.
 */
export async function anneeConstatee(db: Db): Promise<string | undefined> {
  const ligne = (await db('scolarites').whereNotNull('uai').max({ annee: 'annee_scolaire' }).first()) as { annee: string | null } | undefined;
  return ligne?.annee ?? undefined;
}

/** The requested school year, or the observed one; 404 for any other. */
export async function anneeDemandee(db: Db, anneeScolaire: string | undefined): Promise<string> {
  verifierAnneeScolaire(anneeScolaire);
  const constatee = await anneeConstatee(db);
  if (constatee === undefined || (anneeScolaire !== undefined && anneeScolaire !== constatee)) {
    throw new Probleme('ressource_introuvable', `Effectifs constatés disponibles pour : ${constatee ?? 'aucune année'}.`);
  }
  return constatee;
}

/** The one definition of who is counted: pupils on an establishment's roll that year, not left during it. */
export function scolaritesComptees(db: Db, anneeScolaire: string): Knex.QueryBuilder {
  return db('scolarites as s').where('s.annee_scolaire', anneeScolaire).whereNotNull('s.uai').whereNotNull('s.niveau_code').whereNull('s.date_sortie');
}

/**
 * What the head-counts of a set of départements are computed from, in two cheap reads: the pupils'
 * generation (the pupil tables are only ever written by one, atomically, recorded in table
 * `generations`) and the annuaire of their establishments.
 */
export async function versionDesEleves(db: Db, departements: readonly string[]): Promise<string> {
  const generation = await db('generations').orderBy('id', 'desc').first('id', 'termine_le');
  const annuaire = await db('etablissements').whereIn('code_departement', departements).count({ n: '*' }).max({ modifie: 'modifie_le' }).first();
  return JSON.stringify([generation ?? null, annuaire ?? null]);
}

/** Pupils of the establishments of the given départements, grouped for `publierEffectifsDesPerimetres`. */
export async function elevesDesDepartements(
  db: Db,
  departements: readonly string[],
  anneeScolaire: string,
): Promise<{ groupes: GroupeEleves[]; etablissements: EtablissementEleves[] }> {
  const lignes = await scolaritesComptees(db, anneeScolaire)
    .join('eleves as el', 'el.id', 's.eleve_id')
    .join('etablissements as e', 'e.uai', 's.uai')
    .whereIn('e.code_departement', departements)
    .groupBy('s.uai', 's.niveau_code', 's.code_mef_stat', 's.libelle_mef', 'el.sexe', 's.est_boursier', 's.regime')
    .select('s.uai', 's.niveau_code', 's.code_mef_stat', 's.libelle_mef', 'el.sexe', 's.est_boursier', 's.regime')
    .count({ n: '*' })
    .orderBy(['s.uai', 's.niveau_code', 's.code_mef_stat', 's.libelle_mef', 'el.sexe', 's.est_boursier', 's.regime']);
  const uais = [...new Set(lignes.map((l: Record<string, unknown>) => l.uai as string))];
  const etablissements: EtablissementEleves[] = [];
  // Where each establishment lies, in chunks that keep under the databases' bound-parameter limits.
  for (let i = 0; i < uais.length; i += 1000) {
    const lot = await db('etablissements')
      .whereIn('uai', uais.slice(i, i + 1000))
      .select('uai', 'code_commune', 'code_departement', 'code_region', 'type');
    etablissements.push(...lot.map((e: EtablissementEleves) => ({ ...e, code_region: e.code_region ?? null })));
  }
  return {
    groupes: lignes.map((l: Record<string, unknown>) => ({
      uai: l.uai as string,
      niveau_code: l.niveau_code as string,
      code_mef_stat: (l.code_mef_stat as string) ?? null,
      libelle_mef: (l.libelle_mef as string) ?? null,
      sexe: l.sexe === 'F' ? 'F' : 'M',
      est_boursier: Boolean(l.est_boursier),
      regime: (l.regime as string) ?? null,
      n: Number(l.n),
    })),
    etablissements: etablissements.sort((a, b) => comparerCodes(a.uai, b.uai)),
  };
}
