import { ajouterJours, ajouterMoisBorne } from '../referentiels/calendrier';

/**
 * A convention's life is computed from its dates, never set by hand (annexes 3 and 5 of the
 * report: one year, tacitly renewed, ended by a notice of 6 or 12 months).
 * Days are 'YYYY-MM-DD' strings; "last day" means the last day the convention is in force.
 */

export type StatutConvention = 'a_venir' | 'en_vigueur' | 'denoncee' | 'expiree';

export interface Termes {
  date_effet: string;
  duree_mois: number;
  reconduction_tacite: boolean;
  preavis_mois: number;
  /** Day the denunciation was received by the other parties. */
  date_denonciation: string | null;
}

export function veille(jour: string): string {
  return ajouterJours(jour, -1);
}

/**
 * Last day in force: the end of the first term without tacit renewal, the end of the notice
 * once denounced ("la résiliation prend effet une année après réception de cette lettre"),
 * whichever comes first; null while tacit renewal keeps it open-ended.
 */
export function dernierJourEnVigueur(t: Termes): string | null {
  const finDuTerme = t.reconduction_tacite ? null : veille(ajouterMoisBorne(t.date_effet, t.duree_mois));
  const finDuPreavis = t.date_denonciation ? veille(ajouterMoisBorne(t.date_denonciation, t.preavis_mois)) : null;
  if (finDuTerme && finDuPreavis) return finDuTerme < finDuPreavis ? finDuTerme : finDuPreavis;
  return finDuTerme ?? finDuPreavis;
}

export function statutConvention(t: Termes, jour: string): StatutConvention {
  const fin = dernierJourEnVigueur(t);
  if (fin !== null && jour > fin) return 'expiree';
  if (jour < t.date_effet) return 'a_venir';
  if (t.date_denonciation !== null && t.date_denonciation <= jour) return 'denoncee';
  return 'en_vigueur';
}

/** The end of the current term: the next tacit renewal date's eve, or the last day in force. */
export function finDuTermeEnCours(t: Termes, jour: string): string | null {
  const fin = dernierJourEnVigueur(t);
  if (fin !== null && jour > fin) return null;
  let periodes = 1;
  while (veille(ajouterMoisBorne(t.date_effet, periodes * t.duree_mois)) < jour) periodes++;
  const terme = veille(ajouterMoisBorne(t.date_effet, periodes * t.duree_mois));
  return fin !== null && fin < terme ? fin : terme;
}
