import type { Knex } from 'knex';
import { type Db, executer, instruction, readJson } from '../db/knex';
import { ajouterJours } from '../referentiels/calendrier';
import { enPaquets } from './paquets';
import { horodatage } from '../horloge';

/**
 * Rights of the person at query time. Opposition (RGPD art. 21) only binds purposes resting on a
 * public-interest mission or legitimate interest (6.1.e, 6.1.f) — never a legal obligation (6.1.c).
 * A purpose that requires consent reaches only persons whose consent, for that purpose and that
 * recipient, is given, not withdrawn and not expired. Callers learn how many were excluded, not who.
 */

export interface FinaliteDroits {
  code: string;
  base_rgpd: string;
  opposition_applicable: boolean | number;
  consentement_requis: boolean | number;
}

export interface ContexteFiltrage {
  finalite: FinaliteDroits;
  /** Recipient SIRET: consents are given to one recipient. */
  siret: string;
  /** Day of the query, 'YYYY-MM-DD'. */
  date: string;
}

export type Portee = Record<string, boolean>;

export interface ResultatFiltrage {
  /** Input order, duplicates removed. */
  autorisees: string[];
  exclues: number;
  /** For consent-based purposes: what each authorised person's consent covers (e.g. adresse_contact). */
  portees: Map<string, Portee>;
}

const BASES_OPPOSABLES = new Set(['6.1.e', '6.1.f']);
const JOUR = /^\d{4}-\d{2}-\d{2}$/;

function jour(valeur: string, nom: string): string {
  if (typeof valeur !== 'string' || !JOUR.test(valeur) || Number.isNaN(Date.parse(valeur))) {
    throw new TypeError(`${nom} doit être une date AAAA-MM-JJ`);
  }
  return valeur;
}

function nonVide(valeur: string, nom: string): string {
  if (typeof valeur !== 'string' || valeur.trim() === '') throw new TypeError(`${nom} manquant`);
  return valeur;
}

export function oppositionApplicable(finalite: FinaliteDroits): boolean {
  return Boolean(finalite.opposition_applicable) && BASES_OPPOSABLES.has(finalite.base_rgpd);
}

export async function filtrerParOppositionEtConsentement(db: Db, contexte: ContexteFiltrage, personnes: readonly string[]): Promise<ResultatFiltrage> {
  const { finalite, siret } = contexte;
  const date = jour(contexte.date, 'date');
  const uniques = [...new Set(personnes)];
  const opposees = new Set<string>();
  const portees = new Map<string, Portee>();
  const consentementRequis = Boolean(finalite.consentement_requis);

  for (const paquet of enPaquets(uniques)) {
    if (oppositionApplicable(finalite)) {
      const lignes = await executer<{ personne_id: string }[]>(
        db,
        db('oppositions')
          .select('personne_id')
          .where('finalite_code', finalite.code)
          .whereIn('personne_id', paquet)
          .where('date_debut', '<=', date)
          .where((q) => q.whereNull('date_fin').orWhere('date_fin', '>=', date)),
      );
      for (const l of lignes) opposees.add(l.personne_id);
    }
    if (consentementRequis) {
      const lignes = await executer<{ personne_id: string; portee: string }[]>(
        db,
        db('consentements')
          .select('personne_id', 'portee')
          .where({ finalite_code: finalite.code, siret })
          .whereIn('personne_id', paquet)
          .where('date_recueil', '<=', date)
          .where('date_expiration', '>=', date)
          .where((q) => q.whereNull('date_retrait').orWhere('date_retrait', '>', date))
          .orderBy([{ column: 'date_recueil' }, { column: 'id' }]),
      ); // the latest consent's scope wins
      for (const l of lignes) portees.set(l.personne_id, readJson<Portee>(l.portee));
    }
  }

  const autorisees = uniques.filter((p) => !opposees.has(p) && (!consentementRequis || portees.has(p)));
  return { autorisees, exclues: uniques.length - autorisees.length, portees };
}

type Agregat = Array<{ n: number | string; m?: number | string | null; s?: number | string | null }>;

// On the 304 path: compiled once, run on a pooled connection without knex's runner.
const toutesLesOppositions = instruction<{ finalite: string }, Agregat>((db, p) =>
  db('oppositions').where('finalite_code', p.finalite).count({ n: '*' }).max({ m: 'id' }),
);
const oppositionsActives = instruction<{ finalite: string; date: string }, Agregat>((db, p) =>
  db('oppositions')
    .where('finalite_code', p.finalite)
    .where('date_debut', '<=', p.date)
    .andWhere((w) => w.whereNull('date_fin').orWhere('date_fin', '>=', p.date))
    .count({ n: '*' })
    .sum({ s: 'id' }),
);

/**
 * What an opposition registered or lifted changes in a list that honours oppositions: a validator
 * part read from two aggregates, so a 304 never hides a newly opposed person.
 */
export async function etatDesOppositions(db: Db, finalite: FinaliteDroits, date: string): Promise<string> {
  if (!oppositionApplicable(finalite)) return 'sans-opposition';
  const [[total], [actives]] = await Promise.all([
    toutesLesOppositions(db, { finalite: finalite.code }),
    oppositionsActives(db, { finalite: finalite.code, date }),
  ]);
  return [date, total.n, total.m, actives.n, actives.s].join(':');
}

/**
 * Persons (as `personne_id`) whose opposition to the finalité was recorded or lifted since `depuis`:
 * a subquery a list's change feed unites with its own. An opposition is active on d when
 * date_debut <= d <= date_fin; a list may have been read before an opposition of its very day was
 * recorded or lifted, so a state that differs from the eve counts too.
 */
export function oppositionsChangeesDepuis(db: Db, finaliteCode: string, depuis: string): Knex.QueryBuilder {
  return db('oppositions')
    .where('finalite_code', finaliteCode)
    .andWhere((w) => w.where('date_debut', '>=', depuis).orWhere('date_fin', '>=', ajouterJours(depuis, -1)));
}

/** Those of `personnes` whose opposition to the finalité changed since `depuis` (see oppositionsChangeesDepuis). */
export async function personnesAOppositionChangee(db: Db, finaliteCode: string, depuis: string, personnes: readonly string[]): Promise<Set<string>> {
  if (personnes.length === 0) return new Set();
  const lignes: Array<{ personne_id: string }> = await oppositionsChangeesDepuis(db, finaliteCode, depuis)
    .whereIn('personne_id', personnes)
    .distinct('personne_id');
  return new Set(lignes.map((l) => l.personne_id));
}

export interface NouvelleOpposition {
  personneId: string;
  finaliteCode: string;
  dateDebut: string;
  /** Last day the opposition applies; absent: until lifted. */
  dateFin?: string | null;
  /** How it was received, e.g. "courrier au DPO académique du 2024-09-12". */
  origine: string;
}

export async function enregistrerOpposition(db: Db, opposition: NouvelleOpposition): Promise<number> {
  const [ligne] = await db('oppositions').insert(
    {
      personne_id: nonVide(opposition.personneId, 'personneId'),
      finalite_code: nonVide(opposition.finaliteCode, 'finaliteCode'),
      date_debut: jour(opposition.dateDebut, 'dateDebut'),
      date_fin: opposition.dateFin ? jour(opposition.dateFin, 'dateFin') : null,
      origine: nonVide(opposition.origine, 'origine'),
      cree_le: horodatage(),
    },
    ['id'],
  );
  return Number(ligne.id);
}

/** Ends the person's running oppositions for this purpose: from `date` on, they no longer apply. */
export async function leverOpposition(db: Db, levee: { personneId: string; finaliteCode: string; date: string }): Promise<number> {
  const veille = new Date(`${jour(levee.date, 'date')}T00:00:00.000Z`);
  veille.setUTCDate(veille.getUTCDate() - 1);
  return db('oppositions')
    .where({ personne_id: levee.personneId, finalite_code: levee.finaliteCode })
    .where((q) => q.whereNull('date_fin').orWhere('date_fin', '>=', levee.date))
    .update({ date_fin: veille.toISOString().slice(0, 10) });
}

export interface NouveauConsentement {
  personneId: string;
  finaliteCode: string;
  siret: string;
  portee: Portee;
  dateRecueil: string;
  /** Last day the consent is valid. */
  dateExpiration: string;
  origine: string;
}

export async function enregistrerConsentement(db: Db, consentement: NouveauConsentement): Promise<number> {
  if (!/^\d{14}$/.test(consentement.siret)) throw new TypeError('siret doit compter 14 chiffres');
  const dateRecueil = jour(consentement.dateRecueil, 'dateRecueil');
  const dateExpiration = jour(consentement.dateExpiration, 'dateExpiration');
  if (dateExpiration < dateRecueil) throw new TypeError('dateExpiration précède dateRecueil');
  const [ligne] = await db('consentements').insert(
    {
      personne_id: nonVide(consentement.personneId, 'personneId'),
      finalite_code: nonVide(consentement.finaliteCode, 'finaliteCode'),
      siret: consentement.siret,
      portee: JSON.stringify(consentement.portee ?? {}),
      date_recueil: dateRecueil,
      date_expiration: dateExpiration,
      date_retrait: null,
      origine: nonVide(consentement.origine, 'origine'),
      cree_le: horodatage(),
    },
    ['id'],
  );
  return Number(ligne.id);
}

/** Withdrawal takes effect on `date` itself: the next query of that day no longer sees the person. */
export async function retirerConsentement(db: Db, retrait: { personneId: string; finaliteCode: string; siret: string; date: string }): Promise<number> {
  return db('consentements')
    .where({ personne_id: retrait.personneId, finalite_code: retrait.finaliteCode, siret: retrait.siret })
    .whereNull('date_retrait')
    .update({ date_retrait: jour(retrait.date, 'date') });
}

/** Consents whose expiry is before `date` (withdrawn ones included) are deleted. */
export async function purgerConsentementsExpires(db: Db, date: string): Promise<number> {
  return db('consentements').where('date_expiration', '<', jour(date, 'date')).delete();
}
