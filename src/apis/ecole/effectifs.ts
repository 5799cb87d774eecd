import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import { Probleme } from '../../http/problemes';
import { appliquerSecretStatistiqueEquations, type Cellule, type EquationComptage } from '../../privacy/secret-statistique';
import type { TypeEtablissement } from '../../referentiels/etablissement';
import { comparerNiveaux, libelleNiveau, verifierAnneeScolaire } from './niveaux';

/** Art. 4 of the 2015 DEPP–ARF convention: published figures cite their source. */
export const SOURCE_EFFECTIFS = 'Ministère de l’Éducation nationale — bases élèves ONDE et SIÈCLE (données synthétiques de démonstration)';

/**
 * Un effectif publié, ou masqué (`valeur` null, `secret` true) au titre du secret statistique.
 * La règle qui l'a masqué (seuil ou masquage secondaire) n'est pas dite : quand plusieurs
 * ventilations partagent un total, elle suffirait parfois à retrouver la valeur.
 */
export type CelluleSecret = { valeur: number } | { valeur: null; secret: true };

export function publierCellule(cellule: Cellule): CelluleSecret {
  return cellule.valeur === null ? { valeur: null, secret: true } : { valeur: cellule.valeur };
}

/** Le secret statistique appliqué (convention DEPP–ARF 2015, art. 4 : rien ne doit permettre d'identifier une personne). */
export interface SecretStatistique {
  /** Plus petit effectif publié tel quel. */
  seuil: number;
  regle: string;
}

/** Une ligne d'effectifs : l'effectif et ses ventilations, chacune de somme égale à `effectif`. */
export interface LigneEffectifs {
  effectif: CelluleSecret;
  filles: CelluleSecret;
  garcons: CelluleSecret;
  /** Collèges et lycées : bourses nationales. */
  boursiers?: CelluleSecret;
  non_boursiers?: CelluleSecret;
  /** Collèges et lycées : régime. */
  externes?: CelluleSecret;
  demi_pensionnaires?: CelluleSecret;
  internes?: CelluleSecret;
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
  'Cellule masquée : valeur null et secret true. Un effectif de 1 à seuil−1 est masqué, puis d’autres cellules le sont pour qu’aucune ne se recalcule par différence avec les totaux ; la raison n’est pas dite, elle suffirait parfois à retrouver la valeur. Les zéros sont publiés.';

const SECOND_DEGRE: ReadonlySet<TypeEtablissement> = new Set(['college', 'lycee', 'erea']);

/** A row of the nested table: the establishment, a level, or a formation within a level. */
interface Ligne {
  parent: number | null;
  groupes: GroupeEleves[];
}

/**
 * Builds the nested table (total → levels → MEF), writes every relation a reader knows as an
 * equation (each breakdown sums to the head-count, each level to its formations, the total to
 * its levels) and applies the one statistical secret to the whole system at once.
 */
export function publierEffectifs(
  groupes: GroupeEleves[],
  options: { type: TypeEtablissement; seuil: number },
): Pick<EffectifsEtablissement, 'secret_statistique' | 'total' | 'niveaux'> {
  const secondDegre = SECOND_DEGRE.has(options.type);
  const ventilations = [SEXE];
  if (secondDegre) ventilations.push(BOURSE);
  // A breakdown is published only where every pupil has the attribute: otherwise its parts would not add up.
  if (secondDegre && groupes.every((g) => g.regime !== null && g.regime in REGIME)) ventilations.push(PENSION);
  const colonnes: Array<keyof LigneEffectifs> = ['effectif', ...ventilations.flatMap((v) => v.colonnes)];

  const niveaux = [...new Set(groupes.map((g) => g.niveau_code))].sort(comparerNiveaux);
  const lignes: Ligne[] = [{ parent: null, groupes }];
  const structure = niveaux.map((code) => {
    const duNiveau = groupes.filter((g) => g.niveau_code === code);
    const indice = lignes.push({ parent: 0, groupes: duNiveau }) - 1;
    const mefs = secondDegre ? [...new Set(duNiveau.map((g) => g.code_mef_stat).filter((m): m is string => m !== null))].sort() : [];
    // Formations are listed only when they cover the whole level, so that they add up to it.
    const complet = mefs.length > 0 && duNiveau.every((g) => g.code_mef_stat !== null);
    const formations = (complet ? mefs : []).map((mef) => {
      const deLaFormation = duNiveau.filter((g) => g.code_mef_stat === mef);
      return { mef, libelle: deLaFormation[0].libelle_mef ?? mef, indice: lignes.push({ parent: indice, groupes: deLaFormation }) - 1 };
    });
    return { code, indice, formations };
  });

  const terme = (ligne: number, colonne: keyof LigneEffectifs): number => ligne * colonnes.length + colonnes.indexOf(colonne);
  const valeurs = lignes.flatMap((l) =>
    colonnes.map((c) =>
      l.groupes.reduce((s, g) => s + (c === 'effectif' || ventilations.some((v) => v.colonneDe(g) === c) ? g.n : 0), 0),
    ),
  );
  const equations: EquationComptage[] = [];
  lignes.forEach((_, i) => {
    for (const v of ventilations) equations.push({ parties: v.colonnes.map((c) => terme(i, c)), total: terme(i, 'effectif') });
  });
  lignes.forEach((_, p) => {
    const enfants = lignes.flatMap((l, i) => (l.parent === p ? [i] : []));
    if (enfants.length === 0) return;
    for (const c of colonnes) equations.push({ parties: enfants.map((i) => terme(i, c)), total: terme(p, c) });
  });

  const { seuil, cellules } = appliquerSecretStatistiqueEquations(valeurs, equations, { seuil: options.seuil });
  const ligne = (i: number): LigneEffectifs =>
    Object.fromEntries(colonnes.map((c) => [c, publierCellule(cellules[terme(i, c)])])) as unknown as LigneEffectifs;

  return {
    secret_statistique: { seuil, regle: REGLE_SECRET },
    total: ligne(0),
    niveaux: structure.map(({ code, indice, formations }) => ({
      code,
      libelle: libelleNiveau(code),
      ...ligne(indice),
      ...(formations.length > 0
        ? { formations: formations.map((f) => ({ code_mef_stat: f.mef, libelle: f.libelle, ...ligne(f.indice) })) }
        : {}),
    })),
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
  return db('scolarites as s')
    .where('s.annee_scolaire', anneeScolaire)
    .whereNotNull('s.uai')
    .whereNotNull('s.niveau_code')
    .whereNull('s.date_sortie');
}

/** Pupils of one establishment, grouped for `publierEffectifs`. */
export async function groupesEleves(db: Db, uai: string, anneeScolaire: string): Promise<GroupeEleves[]> {
  const lignes = await scolaritesComptees(db, anneeScolaire)
    .join('eleves as e', 'e.id', 's.eleve_id')
    .where('s.uai', uai)
    .groupBy('s.niveau_code', 's.code_mef_stat', 's.libelle_mef', 'e.sexe', 's.est_boursier', 's.regime')
    .select('s.niveau_code', 's.code_mef_stat', 's.libelle_mef', 'e.sexe', 's.est_boursier', 's.regime')
    .count({ n: '*' });
  return lignes.map((l: Record<string, unknown>) => ({
    niveau_code: l.niveau_code as string,
    code_mef_stat: (l.code_mef_stat as string) ?? null,
    libelle_mef: (l.libelle_mef as string) ?? null,
    sexe: l.sexe === 'F' ? 'F' : 'M',
    est_boursier: Boolean(l.est_boursier),
    regime: (l.regime as string) ?? null,
    n: Number(l.n),
  }));
}
