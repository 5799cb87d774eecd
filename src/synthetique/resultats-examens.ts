import type { Db } from '../db/knex';
import { enregistrerConsentement } from '../privacy/opposition';
import { aujourdhui } from '../horloge';
import { ajouterMoisMemeJour } from '../referentiels/calendrier';
import { Alea, TablePonderee } from './alea';
import {
  anneeDeLaSession,
  CANDIDATURES,
  derniereSessionPubliee,
  mentionsDeLaSession,
  serieDuMef,
  type CodeExamen,
  type CodeMention,
  type CodeVoie,
} from '../apis/resultats-examens/examens';

/**
 * Synthetic exam results, deterministic for a seed, up to the current session: the latest one
 * published on the pupils' generation day (never one published after today). Its candidates are
 * the generated pupils of the final-year levels of its school year, one named candidate each.
 * Cohorts are sized on the final-year pupils of the generated school year, the only complete
 * ones, ±15 % per session: the current session's named candidates are completed by anonymous
 * ones (those who have since left school are not in the generated data), and earlier sessions
 * are anonymous only, so that only their aggregates are served.
 */

export interface OptionsResultatsExamens {
  /** Same seed and pupils → same candidates. */
  seed: number;
  /** Sessions to (re)generate, none after the current one; default: the current one and the four before. */
  sessions?: number[];
  /**
   * Demo only: consents for the regional merit grant recorded for a deterministic share of the
   * current session's bac laureates with a mention; false: none.
   */
  consentementsDemo?: ConsentementsDemo | false;
}

export interface ConsentementsDemo {
  /** Recipient the consents are given to. */
  siret: string;
  /** Share of the laureates with a mention who consent (0 to 1). */
  part: number;
}

export interface BilanResultatsExamens {
  /** The latest session published on the generation day: the newest one generated. */
  sessionCourante: number;
  sessions: number[];
  candidats: number;
  /** Candidates linked to a generated pupil (current session only). */
  nommes: number;
  consentements: number;
}

/**
 * Région Bretagne's demo client pulls a non-empty laureates list: about 60 % of the laureates with
 * a mention consented through the region's grant application form, three in four of them to being
 * written to at home.
 */
const CONSENTEMENTS_DEMO: ConsentementsDemo = { siret: '23350001600016', part: 0.6 };
const ORIGINE_CONSENTEMENT_DEMO = 'formulaire_demande_bourse';
const FINALITE_BOURSE_MERITE = 'bourse_merite_regionale';

const TAUX_PRESENCE = 0.97;
const PART_ADRESSE_CONTACT = 0.75;

type Issue = CodeMention | 'sans';

/** Pass rate among those present, and mentions among those admitted (national orders of magnitude). */
const PROFILS: Readonly<Record<string, { admis: number; mentions: Partial<Record<Issue, number>> }>> = {
  'dnb:generale': { admis: 0.87, mentions: { sans: 22, AB: 25, B: 25, TB: 28 } },
  'bac:generale': { admis: 0.96, mentions: { sans: 30, AB: 30, B: 22, TB: 14, TBF: 4 } },
  'bac:technologique': { admis: 0.9, mentions: { sans: 45, AB: 33, B: 16, TB: 5, TBF: 1 } },
  'bac:professionnelle': { admis: 0.83, mentions: { sans: 42, AB: 35, B: 17, TB: 5.5, TBF: 0.5 } },
  'cap:professionnelle': { admis: 0.8, mentions: {} },
  'bts:professionnelle': { admis: 0.75, mentions: {} },
};

interface Resultat {
  present: boolean;
  admis: boolean;
  mention: CodeMention | null;
}

export interface LigneCandidat extends Resultat {
  session: number;
  examen: CodeExamen;
  voie: CodeVoie;
  serie_code: string | null;
  serie_libelle: string | null;
  uai: string;
  eleve_id: string | null;
}

interface Inscription {
  eleve_id: string;
  uai: string;
  niveau_code: string;
  code_mef_stat: string | null;
  libelle_mef: string | null;
}

interface Inscrit {
  eleve_id: string;
  uai: string;
  examen: CodeExamen;
  voie: CodeVoie;
  serie_code: string | null;
  serie_libelle: string | null;
}

/** Draws a candidate's results: establishment and session shift the pass rate a few points. */
class Jury {
  private readonly tables = new Map<string, TablePonderee<Issue>>();

  constructor(private readonly racine: Alea) {}

  tauxAdmis(uai: string, examen: CodeExamen, voie: CodeVoie, session: number): number {
    const effetEtablissement = (this.racine.fils(`etablissement:${uai}`).nombre() - 0.5) * 0.08;
    const effetSession = (this.racine.fils(`session:${session}`).nombre() - 0.5) * 0.04;
    return Math.min(0.995, Math.max(0.4, PROFILS[`${examen}:${voie}`].admis + effetEtablissement + effetSession));
  }

  /** Before the félicitations existed, those candidates had a plain TB. */
  private mentions(examen: CodeExamen, voie: CodeVoie, session: number): TablePonderee<Issue> | null {
    const cle = `${examen}:${voie}:${session}`;
    if (!this.tables.has(cle)) {
      const poids = PROFILS[`${examen}:${voie}`].mentions;
      const decernees = mentionsDeLaSession(examen, session);
      if (decernees.length === 0) return null;
      const entrees: Array<[Issue, number]> = [['sans', poids.sans ?? 0]];
      for (const m of decernees) entrees.push([m, (poids[m] ?? 0) + (m === 'TB' && !decernees.includes('TBF') ? (poids.TBF ?? 0) : 0)]);
      this.tables.set(cle, TablePonderee.depuis(entrees));
    }
    return this.tables.get(cle) ?? null;
  }

  juger(alea: Alea, taux: number, examen: CodeExamen, voie: CodeVoie, session: number): Resultat {
    const present = alea.probabilite(TAUX_PRESENCE);
    const admis = present && alea.probabilite(taux);
    const issue = admis ? (this.mentions(examen, voie, session)?.tirer(alea) ?? 'sans') : 'sans';
    return { present, admis, mention: issue === 'sans' ? null : issue };
  }
}

function verifierSessions(sessions: number[], courante: number): number[] {
  for (const s of sessions) {
    if (!Number.isInteger(s) || s < 1990 || s > courante) {
      throw new RangeError(`Session ${s} impossible : de 1990 à la dernière session publiée (${courante})`);
    }
  }
  return [...new Set(sessions)].sort((a, b) => a - b);
}

/** Pupils of a school year in a final-year level, still in the territory: the candidates of its June session. */
async function inscritsDeLAnnee(db: Db, anneeScolaire: string): Promise<Inscrit[]> {
  const inscriptions: Inscription[] = await db('scolarites as s')
    .join('etablissements as e', 'e.uai', 's.uai')
    .where('s.annee_scolaire', anneeScolaire)
    .whereIn(
      's.niveau_code',
      CANDIDATURES.map((c) => c.niveau),
    )
    .whereNull('s.date_sortie')
    .orderBy('s.eleve_id')
    .select('s.eleve_id', 's.uai', 's.niveau_code', 's.code_mef_stat', 's.libelle_mef');
  return inscriptions.map((i) => {
    const { examen, voie } = CANDIDATURES.find((c) => c.niveau === i.niveau_code)!;
    const serie = serieDuMef(i.niveau_code, i.code_mef_stat, i.libelle_mef);
    return { eleve_id: i.eleve_id, uai: i.uai, examen, voie, serie_code: serie?.code ?? null, serie_libelle: serie?.libelle ?? null };
  });
}

/**
 * Replaces the candidates of the given sessions (table `candidats_examens`) from the generated
 * pupils (tables `scolarites`, `etablissements`), and deletes any of a session after the current
 * one, in one transaction. Call after `genererDonnees`.
 */
export async function genererResultatsExamens(db: Db, options: OptionsResultatsExamens): Promise<BilanResultatsExamens> {
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 2 ** 31 - 1) {
    throw new RangeError('La graine doit être un entier de 0 à 2147483647');
  }
  const generation = (await db('generations').orderBy('id', 'desc').first('annee_scolaire', 'aujourdhui')) as
    { annee_scolaire: string; aujourdhui: string } | undefined;
  if (!generation) throw new Error('Aucune génération d’élèves : appeler genererDonnees d’abord');
  // The pupils' day dates the cohorts; the clock still forbids a session published after today.
  const sessionCourante = Math.min(derniereSessionPubliee(generation.aujourdhui), derniereSessionPubliee(aujourdhui()));
  const sessions = verifierSessions(options.sessions ?? [0, 1, 2, 3, 4].map((k) => sessionCourante - k), sessionCourante);
  const racine = new Alea(options.seed).fils('resultats-examens');
  const jury = new Jury(racine);

  // From the rentrée to the publication day the current session is the previous school year's, whose scolarités the generator keeps.
  const reference = await inscritsDeLAnnee(db, generation.annee_scolaire);
  const anneeSession = anneeDeLaSession(sessionCourante);
  const nommes = anneeSession === generation.annee_scolaire ? reference : await inscritsDeLAnnee(db, anneeSession);

  const candidats: LigneCandidat[] = [];
  for (const session of sessions) {
    const deLaSession = session === sessionCourante ? nommes : [];
    for (const i of deLaSession) {
      const taux = jury.tauxAdmis(i.uai, i.examen, i.voie, session);
      candidats.push({ session, ...i, ...jury.juger(racine.fils(`${session}:${i.eleve_id}`), taux, i.examen, i.voie, session) });
    }
    // The generated school year's cohort is complete; another's lacks the pupils who left school since.
    if (anneeDeLaSession(session) === generation.annee_scolaire) continue;
    const presents = grouper(deLaSession);
    for (const [cle, groupe] of grouper(reference)) {
      const alea = racine.fils(`${session}:${cle}`);
      const { uai, examen, voie, serie_code, serie_libelle } = groupe[0];
      const taux = jury.tauxAdmis(uai, examen, voie, session);
      const effectif = alea.arrondir(groupe.length * (0.85 + 0.3 * alea.nombre()));
      for (let k = presents.get(cle)?.length ?? 0; k < effectif; k++) {
        candidats.push({ session, uai, examen, voie, serie_code, serie_libelle, eleve_id: null, ...jury.juger(alea, taux, examen, voie, session) });
      }
    }
  }

  const consentements = options.consentementsDemo ?? CONSENTEMENTS_DEMO;
  let nombreConsentements = 0;
  await db.transaction(async (trx) => {
    await trx('candidats_examens').whereIn('session', sessions).orWhere('session', '>', sessionCourante).delete();
    for (let debut = 0; debut < candidats.length; debut += 500) {
      await trx('candidats_examens').insert(candidats.slice(debut, debut + 500));
    }
    if (consentements && sessions.includes(sessionCourante)) {
      nombreConsentements = await consentirDemo(
        trx,
        racine,
        consentements,
        candidats.filter((c) => c.session === sessionCourante),
      );
    }
  });
  return {
    sessionCourante,
    sessions,
    candidats: candidats.length,
    nommes: candidats.filter((c) => c.eleve_id !== null).length,
    consentements: nombreConsentements,
  };
}

/** One cohort per establishment, exam and track, in a stable order. */
function grouper<T extends { uai: string; examen: string; voie: string; serie_code: string | null }>(lignes: T[]): Map<string, T[]> {
  const groupes = new Map<string, T[]>();
  for (const l of lignes) {
    const cle = `${l.uai}:${l.examen}:${l.voie}:${l.serie_code ?? ''}`;
    const groupe = groupes.get(cle);
    if (groupe) groupe.push(l);
    else groupes.set(cle, [l]);
  }
  return new Map([...groupes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Consents already on record for this recipient are kept: re-running the generation adds none twice. */
async function consentirDemo(db: Db, racine: Alea, demo: ConsentementsDemo, candidats: LigneCandidat[]): Promise<number> {
  const dejaConsentants = new Set(
    (await db('consentements').where({ finalite_code: FINALITE_BOURSE_MERITE, siret: demo.siret }).select('personne_id')).map(
      (l: { personne_id: string }) => l.personne_id,
    ),
  );
  const dateRecueil = aujourdhui();
  const dateExpiration = ajouterMoisMemeJour(dateRecueil, 12);
  let n = 0;
  for (const c of candidats) {
    if (c.examen !== 'bac' || !c.mention || !c.eleve_id || dejaConsentants.has(c.eleve_id)) continue;
    const alea = racine.fils(`consentement:${c.eleve_id}`);
    if (!alea.probabilite(demo.part)) continue;
    await enregistrerConsentement(db, {
      personneId: c.eleve_id,
      finaliteCode: FINALITE_BOURSE_MERITE,
      siret: demo.siret,
      portee: { adresse_contact: alea.probabilite(PART_ADRESSE_CONTACT) },
      dateRecueil,
      dateExpiration,
      origine: ORIGINE_CONSENTEMENT_DEMO,
    });
    n++;
  }
  return n;
}
