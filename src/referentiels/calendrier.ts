/**
 * The one calendar of the gateway: days, months, school years and the mairie lists' publication
 * dates. Every function takes its dates as arguments ('YYYY-MM-DD'): nothing here reads the clock.
 */

const JOUR_MS = 86_400_000;
const MOTIF_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function lireDate(date: string): { annee: number; mois: number; jour: number } {
  const m = MOTIF_DATE.exec(date);
  if (!m) throw new RangeError(`Date attendue au format AAAA-MM-JJ : ${date}`);
  return { annee: Number(m[1]), mois: Number(m[2]), jour: Number(m[3]) };
}

export function formaterDate(annee: number, mois: number, jour: number): string {
  return `${String(annee).padStart(4, '0')}-${String(mois).padStart(2, '0')}-${String(jour).padStart(2, '0')}`;
}

function versJours(date: string): number {
  const { annee, mois, jour } = lireDate(date);
  return Date.UTC(annee, mois - 1, jour) / JOUR_MS;
}

function depuisJours(jours: number): string {
  const d = new Date(jours * JOUR_MS);
  return formaterDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function ajouterJours(date: string, jours: number): string {
  return depuisJours(versJours(date) + jours);
}

/** Calendar months, clamped to the month's end (31 January + 1 month = 28 or 29 February): a convention's terms. */
export function ajouterMoisBorne(jour: string, mois: number): string {
  const [annee, m, j] = jour.split('-').map(Number);
  const cible = new Date(Date.UTC(annee, m - 1 + mois, 1));
  const dernierDuMois = new Date(Date.UTC(cible.getUTCFullYear(), cible.getUTCMonth() + 1, 0)).getUTCDate();
  return versJour(Date.UTC(cible.getUTCFullYear(), cible.getUTCMonth(), Math.min(j, dernierDuMois)));
}

function versJour(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function joursEntre(debut: string, fin: string): number {
  return versJours(fin) - versJours(debut);
}

/** Same day number `mois` months later, never clamped: meant for 1sts of month (a 31st would give an impossible date). */
export function ajouterMoisMemeJour(date: string, mois: number): string {
  const d = lireDate(date);
  const total = d.annee * 12 + (d.mois - 1) + mois;
  return formaterDate(Math.floor(total / 12), (total % 12) + 1, d.jour);
}

/** The calendar year in which the school year of this date began (a school year runs 1 September – 31 August). */
export function anneeDeRentree(date: string): number {
  const { annee, mois } = lireDate(date);
  return mois >= 9 ? annee : annee - 1;
}

/** '2026-2027' for any date from 2026-09-01 to 2027-08-31. */
export function anneeScolaireDe(date: string): string {
  return libelleAnneeScolaire(anneeDeRentree(date));
}

export function libelleAnneeScolaire(anneeRentree: number): string {
  return `${anneeRentree}-${anneeRentree + 1}`;
}

/** The one reading of a school year: '2026-2027' → 2026; null for anything but two consecutive years. */
export function lireAnneeScolaire(saisie: string): number | null {
  const m = /^(\d{4})-(\d{4})$/.exec(saisie);
  return m && Number(m[2]) === Number(m[1]) + 1 ? Number(m[1]) : null;
}

/** '2026-2027' → 2026; throws on anything else. */
export function anneeRentreeDe(anneeScolaire: string): number {
  const rentree = lireAnneeScolaire(anneeScolaire);
  if (rentree === null) throw new RangeError(`Année scolaire attendue au format AAAA-AAAA : ${anneeScolaire}`);
  return rentree;
}

export function dateRentree(anneeRentree: number): string {
  return formaterDate(anneeRentree, 9, 1);
}

/**
 * The 1sts of month on which the mairie list is published for the school year containing
 * `aujourdhui`: the last list of the previous year (1 June, before the summer), the rentrée,
 * then every 1st of month up to the latest one on or before `aujourdhui`.
 */
export function datesPublication(aujourdhui: string): string[] {
  const rentree = anneeDeRentree(aujourdhui);
  const dates = [formaterDate(rentree, 6, 1)];
  for (let d = dateRentree(rentree); d <= aujourdhui; d = ajouterMoisMemeJour(d, 1)) dates.push(d);
  return dates;
}

/** The date a person born on `dateNaissance` turns `ans` (29 February → 1 March in common years). */
export function anniversaire(dateNaissance: string, ans: number): string {
  const annee = String(Number(dateNaissance.slice(0, 4)) + ans).padStart(4, '0');
  const moisJour = dateNaissance.slice(4);
  return moisJour === '-02-29' && !estBissextile(Number(annee)) ? `${annee}-03-01` : annee + moisJour;
}

const DEBUTS_MOIS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

/** The `jour`-th day (0-based) of `annee`. */
export function jourDeLAnnee(annee: number, jour: number): string {
  const bissextile = estBissextile(annee);
  let mois = 0;
  while (jour >= DEBUTS_MOIS[mois + 1] + (bissextile && mois + 1 >= 2 ? 1 : 0)) mois++;
  const debut = DEBUTS_MOIS[mois] + (bissextile && mois >= 2 ? 1 : 0);
  return formaterDate(annee, mois + 1, jour - debut + 1);
}

export function estBissextile(annee: number): boolean {
  return (annee % 4 === 0 && annee % 100 !== 0) || annee % 400 === 0;
}
