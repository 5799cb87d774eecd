import type { Db } from '../../db/knex';
import { lecteurDuTableau, publierTableaux, type CelluleStatistique, type SommeDe, type TableauDeComptages } from '../../privacy/secret-statistique';
import { clePerimetre, comparerCodes, perimetresEmboites, type Implantation } from '../../territoire/emboitement';
import { EXAMENS, mentionsDeLaSession, VOIES, type CodeExamen, type CodeMention, type CodeVoie } from './examens';
import type { Territoire } from './models';

/** Art. 4 of the 2015 DEPP–ARF convention: published figures cite their source. */
export const SOURCE_RESULTATS =
  'Ministère de l’Éducation nationale — systèmes de gestion des examens OCEAN et CYCLADES (données synthétiques de démonstration)';

const REGLE_SECRET =
  'Cellule masquée : valeur null et secret true. Un effectif de 1 à seuil−1 (inscrits, présents, absents, admis, non admis, chaque mention) est masqué, puis d’autres le sont pour qu’aucun ne se recalcule par différence, ni dans ce tableau ni avec ceux des établissements et territoires qui le contiennent ou qu’il contient ; la raison n’est pas dite. Les zéros sont publiés. Le taux de réussite (admis / présents) est null dès que l’un des deux est masqué.';

/** Admis par mention ; les clés présentes sont les mentions que l'examen décernait à cette session. */
export interface MentionsResultats {
  sans_mention: CelluleStatistique;
  assez_bien?: CelluleStatistique;
  bien?: CelluleStatistique;
  tres_bien?: CelluleStatistique;
  /** Baccalauréat, depuis la session 2021. */
  tres_bien_felicitations?: CelluleStatistique;
}

/** Résultats d'un ensemble de candidats. */
export interface LigneResultats {
  inscrits: CelluleStatistique;
  presents: CelluleStatistique;
  admis: CelluleStatistique;
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

/** Candidates of one establishment counted by every attribute a breakdown needs. */
export interface GroupeCandidats {
  uai: string;
  voie: CodeVoie;
  serie_code: string | null;
  serie_libelle: string | null;
  present: boolean;
  admis: boolean;
  mention: CodeMention | null;
  n: number;
}

/**
 * The one definition of who is counted: candidates of a session and exam in the establishments of
 * the given départements, with where each establishment lies.
 */
export async function candidatsDesDepartements(
  db: Db,
  session: number,
  examen: CodeExamen,
  departements: readonly string[],
): Promise<{ groupes: GroupeCandidats[]; implantations: Implantation[] }> {
  const lignes = (await db('candidats_examens as c')
    .join('etablissements as e', 'e.uai', 'c.uai')
    .where({ 'c.session': session, 'c.examen': examen })
    .whereIn('e.code_departement', departements)
    .groupBy('c.uai', 'e.code_commune', 'e.code_departement', 'e.code_region', 'c.voie', 'c.serie_code', 'c.serie_libelle', 'c.present', 'c.admis', 'c.mention')
    .select('c.uai', 'e.code_commune', 'e.code_departement', 'e.code_region', 'c.voie', 'c.serie_code', 'c.serie_libelle', 'c.present', 'c.admis', 'c.mention')
    .count({ n: '*' })
    .orderBy(['c.uai', 'c.voie', 'c.serie_code', 'c.serie_libelle', 'c.present', 'c.admis', 'c.mention'])) as Array<
    Omit<GroupeCandidats, 'n'> & Implantation & { n: number | string }
  >;
  const implantations = new Map<string, Implantation>();
  for (const l of lignes)
    implantations.set(l.uai, { uai: l.uai, code_commune: l.code_commune, code_departement: l.code_departement, code_region: l.code_region ?? null });
  return {
    groupes: lignes.map((l) => ({
      uai: l.uai,
      voie: l.voie,
      serie_code: l.serie_code ?? null,
      serie_libelle: l.serie_libelle ?? null,
      present: Boolean(l.present),
      admis: Boolean(l.admis),
      mention: l.mention ?? null,
      n: Number(l.n),
    })),
    implantations: [...implantations.values()].sort((a, b) => comparerCodes(a.uai, b.uai)),
  };
}

const CLES_MENTIONS: Readonly<Record<CodeMention, keyof MentionsResultats>> = {
  AB: 'assez_bien',
  B: 'bien',
  TB: 'tres_bien',
  TBF: 'tres_bien_felicitations',
};

type Terme = 'inscrits' | 'absents' | 'presents' | 'non_admis' | 'admis' | keyof MentionsResultats;

/** Computed for the relations inscrits = absents + présents and présents = non admis + admis, never shown. */
const TERMES_CACHES: ReadonlySet<string> = new Set<Terme>(['absents', 'non_admis']);

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

function taux(admis: CelluleStatistique, presents: CelluleStatistique): number | null {
  if (admis.valeur === null || presents.valeur === null || presents.valeur === 0) return null;
  return Math.round((admis.valeur / presents.valeur) * 1000) / 10;
}

/** A row of a perimeter's table: 'total', 'v:<voie>', 'v:<voie>/s:<série>' or 's:<spécialité>'. */
interface Ligne {
  cle: string;
  groupes: GroupeCandidats[];
}

interface SousLignes {
  lignes: Ligne[];
  /** Séries are shown only when they cover every candidate of the row, so that they add up to it. */
  montrees: boolean;
}

/** The rows of one perimeter's table, and how they nest. */
function structure(groupes: GroupeCandidats[], parVoie: boolean) {
  const series = (prefixe: string, sous: GroupeCandidats[]): SousLignes => {
    const codes = [...new Set(sous.flatMap((g) => (g.serie_code === null ? [] : [g.serie_code])))].sort();
    return {
      lignes: codes.map((code) => ({ cle: `${prefixe}s:${code}`, groupes: sous.filter((g) => g.serie_code === code) })),
      montrees: codes.length > 0 && sous.every((g) => g.serie_code !== null),
    };
  };
  const voies = parVoie
    ? (Object.keys(VOIES) as CodeVoie[])
        .filter((v) => groupes.some((g) => g.voie === v))
        .map((code) => {
          const deLaVoie = groupes.filter((g) => g.voie === code);
          return { code, ligne: { cle: `v:${code}`, groupes: deLaVoie }, series: series(`v:${code}/`, deLaVoie) };
        })
    : null;
  return { total: { cle: 'total', groupes }, voies, series: voies ? null : series('', groupes) };
}

export type ResultatsPublies = Pick<ResultatsExamen, 'secret_statistique' | keyof LigneResultats | 'voies' | 'series'> & {
  nombre_etablissements: number;
};

/**
 * Every table a reader may obtain for one exam and session in a set of départements — each
 * establishment's, commune's, département's and région's, by voie, série and mention — with every
 * relation a reader knows (inscrits = absents + présents, présents = non admis + admis, admis =
 * sum of mentions, a row = sum of its sub-rows, a perimeter = sum of the perimeters it contains),
 * under one statistical secret. Keys: clePerimetre ('etablissement:0350024A', 'commune:35238'…).
 */
export function publierResultatsDesPerimetres(
  groupes: readonly GroupeCandidats[],
  implantations: readonly Implantation[],
  options: { examen: CodeExamen; session: number; seuil: number },
): Map<string, ResultatsPublies> {
  const mentions = mentionsDeLaSession(options.examen, options.session).map((m) => CLES_MENTIONS[m]);
  const avecMentions = EXAMENS[options.examen].mentions.length > 0;
  const termesMentions: Terme[] = avecMentions ? ['sans_mention', ...mentions] : [];
  const termes: Terme[] = ['inscrits', 'absents', 'presents', 'non_admis', 'admis', ...termesMentions];
  const libelles = new Map(groupes.flatMap((g) => (g.serie_code === null ? [] : [[g.serie_code, g.serie_libelle ?? g.serie_code] as const])));

  const parUai = new Map<string, GroupeCandidats[]>();
  for (const g of groupes) {
    if (!parUai.has(g.uai)) parUai.set(g.uai, []);
    parUai.get(g.uai)!.push(g);
  }
  const perimetres = [
    ...implantations.map((e) => ({ cle: clePerimetre('etablissement', e.uai), etablissements: [e.uai], parties: [] as string[] })),
    ...perimetresEmboites(implantations),
  ];

  const tableaux: TableauDeComptages[] = [];
  const structures = new Map<string, ReturnType<typeof structure>>();
  for (const p of perimetres) {
    const s = structure(
      p.etablissements.flatMap((u) => parUai.get(u) ?? []),
      EXAMENS[options.examen].parVoie,
    );
    structures.set(p.cle, s);
    const lignes: Ligne[] = [s.total];
    const sommesDeLignes: SommeDe[] = [];
    const cachees = new Set<string>();
    const sousLignes = (parent: Ligne, sous: SousLignes) => {
      lignes.push(...sous.lignes);
      if (sous.montrees) sommesDeLignes.push({ total: parent.cle, parties: sous.lignes.map((l) => l.cle) });
      else sous.lignes.forEach((l) => cachees.add(l.cle));
    };
    if (s.voies) {
      lignes.push(...s.voies.map((v) => v.ligne));
      sommesDeLignes.push({ total: 'total', parties: s.voies.map((v) => v.ligne.cle) });
      for (const v of s.voies) sousLignes(v.ligne, v.series);
    }
    if (s.series) sousLignes(s.total, s.series);
    tableaux.push({
      cle: p.cle,
      cellules: new Map(lignes.map((l) => [l.cle, new Map(termes.map((t) => [t, compter(l.groupes, t)]))])),
      sommesDeLignes,
      sommesDeColonnes: [
        { total: 'inscrits', parties: ['absents', 'presents'] },
        { total: 'presents', parties: ['non_admis', 'admis'] },
        ...(avecMentions ? [{ total: 'admis', parties: termesMentions }] : []),
      ],
      decompositions: p.parties.length > 0 ? [p.parties] : [],
      lignesCachees: cachees,
      colonnesCachees: TERMES_CACHES,
    });
  }
  const publies = publierTableaux(tableaux, { seuil: options.seuil }).tableaux;

  const resultat = new Map<string, ResultatsPublies>();
  for (const p of perimetres) {
    const lire = lecteurDuTableau(publies, p.cle);
    const ligne = (cle: string): LigneResultats => {
      const cellule = (t: Terme) => lire(cle, t);
      const admis = cellule('admis');
      const presents = cellule('presents');
      return {
        inscrits: cellule('inscrits'),
        presents,
        admis,
        taux_reussite: taux(admis, presents),
        ...(avecMentions ? { mentions: Object.fromEntries(termesMentions.map((t) => [t, cellule(t)])) as unknown as MentionsResultats } : {}),
      };
    };
    const series = (sous: SousLignes): ResultatsSerie[] =>
      sous.montrees
        ? sous.lignes.map((l) => {
            const code = l.cle.slice(l.cle.lastIndexOf('s:') + 2);
            return { code, libelle: libelles.get(code) ?? code, ...ligne(l.cle) };
          })
        : [];
    const s = structures.get(p.cle)!;
    const seriesDuTotal = s.series ? series(s.series) : [];
    resultat.set(p.cle, {
      nombre_etablissements: p.etablissements.length,
      secret_statistique: { seuil: options.seuil, regle: REGLE_SECRET },
      ...ligne('total'),
      ...(s.voies
        ? {
            voies: s.voies.map((v) => {
              const seriesDeLaVoie = series(v.series);
              return { code: v.code, libelle: VOIES[v.code], ...ligne(v.ligne.cle), ...(seriesDeLaVoie.length > 0 ? { series: seriesDeLaVoie } : {}) };
            }),
          }
        : {}),
      ...(seriesDuTotal.length > 0 ? { series: seriesDuTotal } : {}),
    });
  }
  return resultat;
}
