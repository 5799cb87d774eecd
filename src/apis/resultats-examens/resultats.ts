import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import { appliquerSecretStatistiqueEquations, type Cellule, type EquationComptage } from '../../privacy/secret-statistique';
import { EXAMENS, mentionsDeLaSession, VOIES, type CodeExamen, type CodeMention, type CodeVoie } from './examens';
import type { Territoire } from './models';

/** Art. 4 of the 2015 DEPP–ARF convention: published figures cite their source. */
export const SOURCE_RESULTATS =
  'Ministère de l’Éducation nationale — systèmes de gestion des examens OCEAN et CYCLADES (données synthétiques de démonstration)';

export const REGLE_SECRET =
  'Cellule masquée : valeur null et secret true. Un effectif de 1 à seuil−1 (inscrits, présents, absents, admis, non admis, chaque mention) est masqué, puis d’autres le sont pour qu’aucun ne se recalcule par différence ; la raison n’est pas dite. Les zéros sont publiés. Le taux de réussite (admis / présents) est null dès que l’un des deux est masqué.';

/** Un effectif publié, ou masqué au titre du secret statistique (`valeur` null, `secret` true). */
export type CelluleResultat = { valeur: number } | { valeur: null; secret: true };

/** Admis par mention ; les clés présentes sont les mentions que l'examen décernait à cette session. */
export interface MentionsResultats {
  sans_mention: CelluleResultat;
  assez_bien?: CelluleResultat;
  bien?: CelluleResultat;
  tres_bien?: CelluleResultat;
  /** Baccalauréat, depuis la session 2021. */
  tres_bien_felicitations?: CelluleResultat;
}

/** Résultats d'un ensemble de candidats. */
export interface LigneResultats {
  inscrits: CelluleResultat;
  presents: CelluleResultat;
  admis: CelluleResultat;
  /**
   * Admis pour 100 présents, à 0,1 près ; null si présents ou admis sont masqués, ou sans présent.
   * @example 91.4
   */
  taux_reussite: number | null;
  /** DNB et baccalauréat seulement (le CAP et le BTS ne décernent pas de mention). */
  mentions?: MentionsResultats;
}

/** Résultats d'une série (bac technologique) ou spécialité (bac professionnel, CAP, BTS). */
export interface ResultatsSerie extends LigneResultats {
  /** Spécialité et ordre du MEF_STAT de la formation. @example "31209" */
  code: string;
  /** @example "STMG" */
  libelle: string;
}

/** Résultats d'une voie du baccalauréat. */
export interface ResultatsVoie extends LigneResultats {
  code: CodeVoie;
  /** @example "Voie technologique" */
  libelle: string;
  /** Voies technologique et professionnelle : par série ou spécialité. */
  series?: ResultatsSerie[];
}

export interface ExamenPublie {
  code: CodeExamen;
  /** @example "Baccalauréat" */
  libelle: string;
}

/** L'établissement des candidats (annuaire de l'éducation). */
export interface EtablissementExamen {
  /** @example "0350024A" */
  uai: string;
  /** @example "Lycée Chateaubriand" */
  nom: string;
  /** @example "35238" */
  code_commune: string;
  /** @example "Rennes" */
  nom_commune: string | null;
}

/** Le territoire dont les établissements sont agrégés. */
export interface TerritoireExamen extends Territoire {
  /** Établissements ayant présenté des candidats à cette session. */
  nombre_etablissements: number;
}

/**
 * Résultats d'une session d'examen, sous secret statistique : l'ensemble des candidats, puis, au
 * baccalauréat, par voie et série, au CAP et au BTS par spécialité.
 */
export interface ResultatsExamen extends LigneResultats {
  /** Année de la session de juin. @example 2026 */
  session: number;
  examen: ExamenPublie;
  /** Présent pour les résultats d'un établissement. */
  etablissement?: EtablissementExamen;
  /** Présent pour les résultats d'un territoire. */
  territoire?: TerritoireExamen;
  source: string;
  secret_statistique: { seuil: number; regle: string };
  /** Baccalauréat : par voie. */
  voies?: ResultatsVoie[];
  /** CAP et BTS : par spécialité. */
  series?: ResultatsSerie[];
}

/** Candidates counted by every attribute a breakdown needs. */
export interface GroupeCandidats {
  voie: CodeVoie;
  serie_code: string | null;
  serie_libelle: string | null;
  present: boolean;
  admis: boolean;
  mention: CodeMention | null;
  n: number;
}

/** The one definition of who is counted: candidates of a session and exam, establishments restricted by the caller. */
export async function groupesCandidats(
  db: Db,
  session: number,
  examen: CodeExamen,
  restreindre: (q: Knex.QueryBuilder) => Knex.QueryBuilder,
): Promise<{ groupes: GroupeCandidats[]; etablissements: number }> {
  const base = () => restreindre(db('candidats_examens as c').join('etablissements as e', 'e.uai', 'c.uai').where({ 'c.session': session, 'c.examen': examen }));
  const lignes: Array<Omit<GroupeCandidats, 'n'> & { n: number | string }> = await base()
    .groupBy('c.voie', 'c.serie_code', 'c.serie_libelle', 'c.present', 'c.admis', 'c.mention')
    .select('c.voie', 'c.serie_code', 'c.serie_libelle', 'c.present', 'c.admis', 'c.mention')
    .count({ n: '*' });
  const [{ n }] = await base().countDistinct({ n: 'c.uai' });
  return {
    groupes: lignes.map((l) => ({ ...l, present: Boolean(l.present), admis: Boolean(l.admis), n: Number(l.n) })),
    etablissements: Number(n),
  };
}

const CLES_MENTIONS: Readonly<Record<CodeMention, keyof MentionsResultats>> = {
  AB: 'assez_bien',
  B: 'bien',
  TB: 'tres_bien',
  TBF: 'tres_bien_felicitations',
};

type Terme = 'inscrits' | 'absents' | 'presents' | 'non_admis' | 'admis' | keyof MentionsResultats;

interface Ligne {
  parent: number | null;
  groupes: GroupeCandidats[];
}

function compter(groupes: GroupeCandidats[], terme: Terme): number {
  const garde: (g: GroupeCandidats) => boolean = {
    inscrits: () => true,
    absents: (g: GroupeCandidats) => !g.present,
    presents: (g: GroupeCandidats) => g.present,
    non_admis: (g: GroupeCandidats) => g.present && !g.admis,
    admis: (g: GroupeCandidats) => g.admis,
    sans_mention: (g: GroupeCandidats) => g.admis && g.mention === null,
    assez_bien: (g: GroupeCandidats) => g.admis && g.mention === 'AB',
    bien: (g: GroupeCandidats) => g.admis && g.mention === 'B',
    tres_bien: (g: GroupeCandidats) => g.admis && g.mention === 'TB',
    tres_bien_felicitations: (g: GroupeCandidats) => g.admis && g.mention === 'TBF',
  }[terme];
  return groupes.reduce((s, g) => s + (garde(g) ? g.n : 0), 0);
}

function publierCellule(cellule: Cellule): CelluleResultat {
  return cellule.valeur === null ? { valeur: null, secret: true } : { valeur: cellule.valeur };
}

function taux(admis: CelluleResultat, presents: CelluleResultat): number | null {
  if (admis.valeur === null || presents.valeur === null || presents.valeur === 0) return null;
  return Math.round((admis.valeur / presents.valeur) * 1000) / 10;
}

/**
 * Builds the nested table (all candidates → voies → séries, or → spécialités), writes every
 * relation a reader knows (inscrits = absents + présents, présents = non admis + admis, admis =
 * sum of mentions, each row = sum of its sub-rows) and applies the one statistical secret to the
 * whole system at once.
 */
export function publierResultats(
  groupes: GroupeCandidats[],
  options: { examen: CodeExamen; session: number; seuil: number },
): Pick<ResultatsExamen, 'secret_statistique' | keyof LigneResultats | 'voies' | 'series'> {
  const mentions = mentionsDeLaSession(options.examen, options.session).map((m) => CLES_MENTIONS[m]);
  const avecMentions = EXAMENS[options.examen].mentions.length > 0;
  const termes: Terme[] = ['inscrits', 'absents', 'presents', 'non_admis', 'admis', ...(avecMentions ? ['sans_mention' as const, ...mentions] : [])];

  const lignes: Ligne[] = [{ parent: null, groupes }];
  const ajouter = (parent: number, sous: GroupeCandidats[]): number => lignes.push({ parent, groupes: sous }) - 1;
  const series = (parent: number, sous: GroupeCandidats[]) => {
    // Séries are listed only when they cover every candidate of the row, so that they add up to it.
    if (sous.length === 0 || sous.some((g) => g.serie_code === null)) return [];
    const libelles = new Map(sous.map((g) => [g.serie_code!, g.serie_libelle ?? g.serie_code!]));
    return [...libelles]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([code, libelle]) => ({ code, libelle, indice: ajouter(parent, sous.filter((g) => g.serie_code === code)) }));
  };

  const structureVoies = EXAMENS[options.examen].parVoie
    ? (Object.keys(VOIES) as CodeVoie[])
        .filter((v) => groupes.some((g) => g.voie === v))
        .map((code) => {
          const deLaVoie = groupes.filter((g) => g.voie === code);
          const indice = ajouter(0, deLaVoie);
          return { code, indice, series: series(indice, deLaVoie) };
        })
    : null;
  const structureSeries = structureVoies ? null : series(0, groupes);

  const terme = (ligne: number, t: Terme): number => ligne * termes.length + termes.indexOf(t);
  const valeurs = lignes.flatMap((l) => termes.map((t) => compter(l.groupes, t)));
  const equations: EquationComptage[] = [];
  lignes.forEach((_, i) => {
    equations.push({ parties: [terme(i, 'absents'), terme(i, 'presents')], total: terme(i, 'inscrits') });
    equations.push({ parties: [terme(i, 'non_admis'), terme(i, 'admis')], total: terme(i, 'presents') });
    if (avecMentions) equations.push({ parties: (['sans_mention', ...mentions] as Terme[]).map((t) => terme(i, t)), total: terme(i, 'admis') });
  });
  lignes.forEach((_, p) => {
    const enfants = lignes.flatMap((l, i) => (l.parent === p ? [i] : []));
    if (enfants.length === 0) return;
    for (const t of termes) equations.push({ parties: enfants.map((i) => terme(i, t)), total: terme(p, t) });
  });

  const { seuil, cellules } = appliquerSecretStatistiqueEquations(valeurs, equations, { seuil: options.seuil });
  const cellule = (i: number, t: Terme) => publierCellule(cellules[terme(i, t)]);
  const ligne = (i: number): LigneResultats => {
    const admis = cellule(i, 'admis');
    const presents = cellule(i, 'presents');
    return {
      inscrits: cellule(i, 'inscrits'),
      presents,
      admis,
      taux_reussite: taux(admis, presents),
      ...(avecMentions
        ? { mentions: Object.fromEntries((['sans_mention', ...mentions] as Terme[]).map((t) => [t, cellule(i, t)])) as unknown as MentionsResultats }
        : {}),
    };
  };
  const publierSeries = (liste: Array<{ code: string; libelle: string; indice: number }>): ResultatsSerie[] =>
    liste.map((s) => ({ code: s.code, libelle: s.libelle, ...ligne(s.indice) }));

  return {
    secret_statistique: { seuil, regle: REGLE_SECRET },
    ...ligne(0),
    ...(structureVoies
      ? {
          voies: structureVoies.map((v) => ({
            code: v.code,
            libelle: VOIES[v.code],
            ...ligne(v.indice),
            ...(v.series.length > 0 ? { series: publierSeries(v.series) } : {}),
          })),
        }
      : {}),
    ...(structureSeries && structureSeries.length > 0 ? { series: publierSeries(structureSeries) } : {}),
  };
}
