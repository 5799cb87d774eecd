import { aujourdhui } from '../../horloge';
import { Probleme } from '../../http/problemes';
import { libelleAnneeScolaire, lireDate } from '../../referentiels/calendrier';
import { MEFS, type Mef } from '../../referentiels/nomenclatures';

/**
 * The exams of the simulated exam systems, who sits them, the mentions they award and when their
 * results are published: one table read by the generator, the aggregates and the laureates list alike.
 */

/** Diplôme national du brevet, baccalauréat, CAP, BTS. */
export type CodeExamen = 'dnb' | 'bac' | 'cap' | 'bts';
export type CodeVoie = 'generale' | 'technologique' | 'professionnelle';
/** Assez bien, bien, très bien, très bien avec les félicitations du jury. */
export type CodeMention = 'AB' | 'B' | 'TB' | 'TBF';

export interface DefinitionExamen {
  code: CodeExamen;
  libelle: string;
  /** Mentions the exam awards (none at the CAP and BTS). */
  mentions: readonly CodeMention[];
  /** The bac's results are published by voie (générale, technologique, professionnelle). */
  parVoie: boolean;
}

export const EXAMENS: Readonly<Record<CodeExamen, DefinitionExamen>> = {
  dnb: { code: 'dnb', libelle: 'Diplôme national du brevet', mentions: ['AB', 'B', 'TB'], parVoie: false },
  bac: { code: 'bac', libelle: 'Baccalauréat', mentions: ['AB', 'B', 'TB', 'TBF'], parVoie: true },
  cap: { code: 'cap', libelle: "Certificat d'aptitude professionnelle", mentions: [], parVoie: false },
  bts: { code: 'bts', libelle: 'Brevet de technicien supérieur', mentions: [], parVoie: false },
};

export const VOIES: Readonly<Record<CodeVoie, string>> = {
  generale: 'Voie générale',
  technologique: 'Voie technologique',
  professionnelle: 'Voie professionnelle',
};

export const MENTIONS: Readonly<Record<CodeMention, string>> = {
  AB: 'Assez bien',
  B: 'Bien',
  TB: 'Très bien',
  TBF: 'Très bien avec les félicitations du jury',
};

/** In increasing order: a minimal mention keeps itself and those after it. */
const ORDRE_MENTIONS: readonly CodeMention[] = ['AB', 'B', 'TB', 'TBF'];

/** The félicitations du jury exist since the 2021 session of the bac. */
const PREMIERE_SESSION_FELICITATIONS = 2021;

export function mentionsDeLaSession(examen: CodeExamen, session: number): CodeMention[] {
  return EXAMENS[examen].mentions.filter((m) => m !== 'TBF' || session >= PREMIERE_SESSION_FELICITATIONS);
}

export function mentionsAuMoins(minimale: CodeMention): CodeMention[] {
  return ORDRE_MENTIONS.slice(ORDRE_MENTIONS.indexOf(minimale));
}

/** Final-year levels of the referential and the exam their pupils sit. */
export interface Candidature {
  niveau: string;
  examen: CodeExamen;
  voie: CodeVoie;
}

export const CANDIDATURES: readonly Candidature[] = [
  { niveau: '3E', examen: 'dnb', voie: 'generale' },
  { niveau: 'TG', examen: 'bac', voie: 'generale' },
  { niveau: 'TT', examen: 'bac', voie: 'technologique' },
  { niveau: 'TPRO', examen: 'bac', voie: 'professionnelle' },
  { niveau: '2CAP', examen: 'cap', voie: 'professionnelle' },
  { niveau: 'BTS2', examen: 'bts', voie: 'professionnelle' },
];

export interface Serie {
  code: string;
  libelle: string;
}

/**
 * The série (bac technologique) or spécialité (bac pro, CAP, BTS) of a final-year MEF: spécialité
 * and ordre of the MEF_STAT_11, and its label without the year prefix ("TERMINALE STMG" → "STMG").
 * A level with a single MEF (3e, terminale générale) has none.
 */
export function serieDuMef(niveau: string, codeMef: string | null, libelleMef: string | null): Serie | null {
  const mefs: readonly Mef[] = MEFS[niveau] ?? [];
  if (mefs.length < 2 || !codeMef) return null;
  const libelle = (libelleMef ?? mefs.find((m) => m.code_mef_stat === codeMef)?.libelle ?? codeMef).split(' ').slice(1).join(' ');
  return { code: codeMef.slice(3, 8), libelle };
}

/** The school year whose pupils sit the June session: 2026 → "2025-2026". */
export function anneeDeLaSession(session: number): string {
  return libelleAnneeScolaire(session - 1);
}

/**
 * Day ('MM-JJ') from which a June session's results are served: by then every exam's are final
 * (bac published 4–8 July in 2022–2025, its second group and the last académies' brevet until ~11 July).
 */
const PUBLICATION_RESULTATS = '07-15';

/** The day the results of a session are served from: 2026 → '2026-07-15'. */
function datePublication(session: number): string {
  return `${session}-${PUBLICATION_RESULTATS}`;
}

/**
 * The latest session whose results are published on `jour` ('AAAA-MM-JJ'): the June session of
 * that year from its publication day on, the previous year's before (2026-12-01 → 2026,
 * 2027-07-01 → 2026, 2027-07-15 → 2027).
 */
export function derniereSessionPubliee(jour: string): number {
  const { annee } = lireDate(jour);
  return jour >= datePublication(annee) ? annee : annee - 1;
}

/** A session not yet published today has no results to serve, only a 404 saying when it will. */
export function exigerSessionPubliee(session: number): void {
  const derniere = derniereSessionPubliee(aujourdhui());
  if (session <= derniere) return;
  const detail = `Les résultats de la session ${session} seront publiés le ${datePublication(session)} ; dernière session publiée : ${derniere}.`;
  throw new Probleme('session_non_publiee', detail, { derniere_session_publiee: derniere });
}
