import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { invalide, Probleme } from '../http/problemes';
import { aujourdhui } from '../horloge';
import { type DesignationEleve, eleveDesigne } from './designation';
import { journaliser } from './journal';
import { enregistrerOpposition, leverOpposition, oppositionApplicable, type FinaliteDroits } from './opposition';
import { hacherPersonne } from './pseudonyme';

/**
 * The DPO records the oppositions (RGPD art. 21) a family sends, and lifts them, in the one
 * registry the lists check at query time. Each recording and lifting is a hash-chained journal
 * entry (who, when, finalité, the person hashed), so the person's art. 15 report shows it.
 * An opposition binds a finalité for every recipient: the registry has no per-recipient opposition.
 */

/** Journal `api` of the entries recording the exercise of a right, as opposed to a disclosure. */
export const API_DROITS = 'droits-personnes';
const BASE_LEGALE_OPPOSITION = 'RGPD art. 21 (droit d’opposition)';

/** Who acts: an operator's OAuth2 client, or the command line. */
export interface Auteur {
  /** OAuth2 client id, or `cli:<user>`. */
  clientId: string;
  /** SIRET of the operator's organisation; '-' from the command line, which acts for no organisation. */
  siret: string;
  requestId: string;
  scopes: string[];
}

/** Une opposition au registre. */
export interface Opposition {
  /** @example 12 */
  id: number;
  /**
   * Identifiant interne de l'élève (celui du rapport au titre de l'article 15).
   * @example "eleve-000123"
   */
  id_interne: string;
  /** @example "restauration_scolaire" */
  finalite: string;
  /**
   * Premier jour où l'élève n'est plus communiqué pour cette finalité.
   * @example "2026-12-01"
   */
  date_debut: string;
  /**
   * Dernier jour où l'opposition a valu (null : jusqu'à sa levée).
   * @example null
   */
  date_fin: string | null;
  /** @example "courrier des parents reçu le 2026-11-28" */
  origine: string;
  /**
   * Instant de l'enregistrement (UTC).
   * @example "2026-12-01T09:30:00.000Z"
   */
  enregistree_le: string;
  /** Vrai si l'opposition vaut aujourd'hui ou vaudra à sa date de début. */
  en_cours: boolean;
}

export interface OppositionARecevoir extends DesignationEleve {
  finalite: string;
  /** First day it applies; default today. */
  dateDebut?: string;
  origine: string;
}

export interface LeveeOpposition extends DesignationEleve {
  finalite: string;
  /** First day the opposition no longer applies; default today. */
  date?: string;
}

export interface FiltresOppositions extends DesignationEleve {
  finalite?: string;
  /** true: running or upcoming ones only; false: lifted ones only. */
  enCours?: boolean;
  limit: number;
  /** Id of the last opposition of the previous page. */
  avant?: number;
}

interface LigneOpposition {
  id: number | string;
  personne_id: string;
  finalite_code: string;
  date_debut: string;
  date_fin: string | null;
  origine: string;
  cree_le: string;
}

function versOpposition(l: LigneOpposition, jour: string): Opposition {
  return {
    id: Number(l.id),
    id_interne: l.personne_id,
    finalite: l.finalite_code,
    date_debut: l.date_debut,
    date_fin: l.date_fin,
    origine: l.origine,
    enregistree_le: l.cree_le,
    en_cours: l.date_fin === null || l.date_fin >= jour,
  };
}

async function finaliteDuRegistre(db: Db, code: string): Promise<FinaliteDroits> {
  const f = await db('finalites').where({ code }).first('code', 'base_rgpd', 'opposition_applicable', 'consentement_requis');
  if (!f) throw invalide('finalite', 'finalité inconnue du registre');
  return f;
}

/** Opposition binds 6.1.e/f purposes only: a legal obligation (6.1.c) has none, a consent (6.1.a) is withdrawn instead. */
function verifierOpposable(f: FinaliteDroits): void {
  if (oppositionApplicable(f)) return;
  const raison =
    f.base_rgpd === '6.1.c'
      ? "repose sur une obligation légale (RGPD art. 6.1.c) : le droit d'opposition ne s'y applique pas (art. 21)"
      : f.consentement_requis
        ? 'repose sur le consentement (RGPD art. 6.1.a) : la personne retire son consentement (POST /admin/consentements/retraits)'
        : `repose sur la base ${f.base_rgpd}, à laquelle le droit d'opposition ne s'applique pas`;
  throw new Probleme('opposition_non_applicable', `La finalité « ${f.code} » ${raison}.`, { finalite: f.code, base_rgpd: f.base_rgpd });
}

/** What was communicated before cannot be recalled, and change feeds only announce what changes from today on. */
function jourAVenir(date: string | undefined, champ: string): string {
  const jour = aujourdhui();
  if (date === undefined) return jour;
  if (date < jour) throw new Probleme('entite_non_traitable', `${champ} ne peut précéder le jour de l'enregistrement (${jour}).`);
  return date;
}

/** Malformed values reaching the registry (command line) are the caller's error. */
async function auRegistre<T>(appel: () => Promise<T>): Promise<T> {
  try {
    return await appel();
  } catch (err) {
    if (err instanceof TypeError) throw invalide('opposition', err.message);
    throw err;
  }
}

/**
 * The change is undone if its journal entry cannot be written: no opposition is recorded or
 * lifted without the trace of who did it.
 */
async function journaliserOuAnnuler(
  db: Db,
  cleJournal: string,
  auteur: Auteur,
  acte: { operation: 'enregistrerOpposition' | 'leverOpposition'; finalite: string; personneId: string; resultat: string },
  annuler: () => Promise<unknown>,
): Promise<void> {
  try {
    await journaliser(db, {
      requestId: auteur.requestId,
      clientId: auteur.clientId,
      siret: auteur.siret,
      api: API_DROITS,
      operation: acte.operation,
      finalite: acte.finalite,
      baseLegale: BASE_LEGALE_OPPOSITION,
      scopes: auteur.scopes,
      champs: [],
      personnes: [hacherPersonne(cleJournal, acte.personneId)],
      resultat: acte.resultat,
    });
  } catch {
    await annuler();
    throw new Probleme('journal_indisponible', "L'opération n'a pas pu être journalisée : elle n'a pas été faite ; réessayer.", {}, { 'Retry-After': '5' });
  }
}

const enCoursLe = (jour: string) => (q: Knex.QueryBuilder) => q.whereNull('date_fin').orWhere('date_fin', '>=', jour);

/** 409 when the person already has a running or upcoming opposition for this finalité: lift it first, or keep it. */
export async function recevoirOpposition(db: Db, cleJournal: string, auteur: Auteur, o: OppositionARecevoir): Promise<Opposition> {
  const personneId = await eleveDesigne(db, o);
  const finalite = await finaliteDuRegistre(db, o.finalite);
  verifierOpposable(finalite);
  const dateDebut = jourAVenir(o.dateDebut, 'date_debut');
  const jour = aujourdhui();
  const existante = await db('oppositions').where({ personne_id: personneId, finalite_code: finalite.code }).where(enCoursLe(jour)).first('id', 'date_debut');
  if (existante) {
    throw new Probleme('conflit', `Une opposition de cet élève à la finalité « ${finalite.code} » est déjà enregistrée (depuis le ${existante.date_debut}).`, {
      opposition_id: Number(existante.id),
    });
  }
  const id = await auRegistre(() => enregistrerOpposition(db, { personneId, finaliteCode: finalite.code, dateDebut, origine: o.origine }));
  await journaliserOuAnnuler(
    db,
    cleJournal,
    auteur,
    { operation: 'enregistrerOpposition', finalite: finalite.code, personneId, resultat: 'opposition_enregistree' },
    () => db('oppositions').where({ id }).delete(),
  );
  const ligne: LigneOpposition = await db('oppositions').where({ id }).first();
  return versOpposition(ligne, jour);
}

/** Ends the person's running oppositions to this finalité from `date` on (default today); 404 when there is none. */
export async function leverOppositionDe(db: Db, cleJournal: string, auteur: Auteur, l: LeveeOpposition): Promise<{ oppositions_levees: number }> {
  const personneId = await eleveDesigne(db, l);
  const finalite = await finaliteDuRegistre(db, l.finalite);
  const date = jourAVenir(l.date, 'date');
  const enCours: Array<{ id: number | string; date_fin: string | null }> = await db('oppositions')
    .where({ personne_id: personneId, finalite_code: finalite.code })
    .where(enCoursLe(date))
    .select('id', 'date_fin');
  if (enCours.length === 0) throw new Probleme('ressource_introuvable', `Aucune opposition en cours de cet élève à la finalité « ${finalite.code} ».`);
  const n = await auRegistre(() => leverOpposition(db, { personneId, finaliteCode: finalite.code, date }));
  await journaliserOuAnnuler(
    db,
    cleJournal,
    auteur,
    { operation: 'leverOpposition', finalite: finalite.code, personneId, resultat: 'opposition_levee' },
    async () => {
      for (const o of enCours) await db('oppositions').where({ id: o.id }).update({ date_fin: o.date_fin });
    },
  );
  return { oppositions_levees: n };
}

export interface PageOppositions {
  oppositions: Opposition[];
  /** Identifiant de la dernière opposition de la page, à passer en `avant` ; null en fin de liste. */
  suivante: number | null;
}

/** Most recent first, by pages. */
export async function listerOppositions(db: Db, f: FiltresOppositions): Promise<PageOppositions> {
  const jour = aujourdhui();
  const requete = db('oppositions')
    .orderBy('id', 'desc')
    .limit(f.limit + 1);
  if (f.ine !== undefined || f.idInterne !== undefined) requete.where('personne_id', await eleveDesigne(db, f));
  if (f.finalite !== undefined) requete.where('finalite_code', f.finalite);
  if (f.enCours === true) requete.where(enCoursLe(jour));
  if (f.enCours === false) requete.where('date_fin', '<', jour);
  if (f.avant !== undefined) requete.where('id', '<', f.avant);
  const lignes: LigneOpposition[] = await requete;
  const oppositions = lignes.slice(0, f.limit).map((l) => versOpposition(l, jour));
  return { oppositions, suivante: lignes.length > f.limit ? oppositions[oppositions.length - 1].id : null };
}
