import type { Db } from '../db/knex';
import { journalApplicatif } from '../http/journal-applicatif';
import { purgerCompteursExpires } from '../http/limites';
import { purgerRequetesExpirees } from '../http/requetes-en-cours';
import { purgerJournal } from './journal';
import { purgerConsentementsExpires } from './opposition';
import * as horloge from '../horloge';

/** The gateway's own traitement sets the journal's retention; 36 months when the registry is silent. */
const CONSERVATION_JOURNAL_DEFAUT_MOIS = 36;
const DELAI_GRACE_JETONS_MS = 24 * 3600 * 1000;

export async function dureeConservationJournalMois(db: Db): Promise<number> {
  const ligne = await db('traitements').where('code', 'PASSERELLE').first('duree_conservation_mois');
  const mois = Number(ligne?.duree_conservation_mois);
  return Number.isInteger(mois) && mois > 0 ? mois : CONSERVATION_JOURNAL_DEFAUT_MOIS;
}

function moisAvant(date: Date, mois: number): Date {
  const resultat = new Date(date.getTime());
  resultat.setUTCMonth(resultat.getUTCMonth() - mois);
  return resultat;
}

export interface BilanPurge {
  journal: number;
  jetons: number;
  consentements: number;
  /** Rate-limit and failed-login counters, in-flight markers, past their expiry (machine time). */
  etat_partage: number;
  /** Entries recorded before this instant were deleted. */
  limite_journal: string;
}

/** One pass of retention, for `npm run purge` and the server's periodic job. */
export async function purgerDonneesExpirees(db: Db, maintenant: Date = horloge.maintenant()): Promise<BilanPurge> {
  const limiteJournal = moisAvant(maintenant, await dureeConservationJournalMois(db)).toISOString();
  const { supprimees } = await purgerJournal(db, limiteJournal);
  const jetons = await db('oauth_tokens')
    // Token expiries are machine time, not business dates: a clock pinned ahead must not purge live tokens.
    .where('expire_le', '<', new Date(Math.min(maintenant.getTime(), Date.now()) - DELAI_GRACE_JETONS_MS).toISOString())
    .delete();
  const consentements = await purgerConsentementsExpires(db, maintenant.toISOString().slice(0, 10));
  const instant = Date.now();
  const etatPartage = (await purgerCompteursExpires(db, instant)) + (await purgerRequetesExpirees(db, instant));
  return { journal: supprimees, jetons, consentements, etat_partage: etatPartage, limite_journal: limiteJournal };
}

const PERIODE_PURGE_MS = 3600 * 1000;

/**
 * The server's periodic purge: hourly, so a restart never postpones it by much. Unref'd so that it
 * never keeps the process alive; a pass still running makes the next tick skip. The stop resolves
 * once a pass in flight has ended, so that nothing is deleted after it (nor on a closed pool).
 */
export function demarrerPurgePeriodique(db: Db, periodeMs = PERIODE_PURGE_MS): () => Promise<void> {
  let enCours: Promise<void> | undefined;
  const minuteur = setInterval(() => {
    if (enCours) return;
    enCours = purgerDonneesExpirees(db)
      .then((bilan) => journalApplicatif.info({ ...bilan }, 'purge des données échues'))
      .catch((err: Error) => journalApplicatif.error({ erreur: err.name, codeErreur: (err as { code?: string }).code }, 'purge des données échues impossible'))
      .finally(() => {
        enCours = undefined;
      });
  }, periodeMs);
  minuteur.unref();
  return async () => {
    clearInterval(minuteur);
    await enCours;
  };
}
