/**
 * The one clock of business dates: school year, publication of the mairie lists, exam session,
 * validity of habilitations, conventions, consents and oppositions, retention.
 *
 * `APISATION_AUJOURDHUI=AAAA-MM-JJ` pins the day (demos, tests, the CI runs at several dates of
 * a school year); otherwise the day is today's in France (Europe/Paris), where the 1st of the
 * month begins at midnight local time. Technical durations (token lifetime, rate limits,
 * timeouts) keep the machine's monotonic time: they are not business dates.
 */

const MOTIF_JOUR = /^(\d{4})-(\d{2})-(\d{2})$/;
const JOUR_FRANCE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

let jourFixe: string | undefined = lireJourFixe(process.env.APISATION_AUJOURDHUI);

function lireJourFixe(valeur: string | undefined): string | undefined {
  if (valeur === undefined || valeur === '') return undefined;
  const m = MOTIF_JOUR.exec(valeur);
  const jour = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!jour || jour.toISOString().slice(0, 10) !== valeur) {
    throw new RangeError(`APISATION_AUJOURDHUI attend une date réelle au format AAAA-MM-JJ (reçu : ${valeur})`);
  }
  return valeur;
}

/** Today, 'AAAA-MM-JJ'. */
export function aujourdhui(): string {
  return jourFixe ?? JOUR_FRANCE.format(new Date());
}

/**
 * The instant recorded on business records (journal, registry, consents): now, or — when the day
 * is pinned — the same time of day on the pinned day, so that records and business dates agree.
 */
export function maintenant(): Date {
  const reel = new Date();
  if (!jourFixe) return reel;
  return new Date(`${jourFixe}T${reel.toISOString().slice(11)}`);
}

/** `maintenant()` as an ISO 8601 timestamp, the form stored in the database. */
export function horodatage(): string {
  return maintenant().toISOString();
}

/** Pins the day (`undefined` unpins it). For the test harness and the CLI's `--aujourdhui`; the server reads the environment. */
export function fixerAujourdhui(jour: string | undefined): void {
  jourFixe = lireJourFixe(jour);
}
