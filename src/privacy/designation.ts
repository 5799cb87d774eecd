import type { Db } from '../db/knex';
import { Probleme } from '../http/problemes';

/**
 * How operators name the pupil a right is exercised for (consent, opposition): by INE, as written
 * on the form or the letter, or by the gateway's internal id, as the DPO's report gives it.
 */

export interface DesignationEleve {
  ine?: string;
  idInterne?: string;
}

/** L'élève : par son INE (tel qu'il figure sur le formulaire ou le courrier) ou par son identifiant interne, l'un ou l'autre. */
export interface DesignationEleveCorps {
  /**
   * Identifiant national élève.
   * @pattern ^[0-9A-Za-z]{11}$
   * @maxLength 11
   * @example "070123456AB"
   */
  ine?: string;
  /**
   * Identifiant interne de la passerelle (rapport DPO).
   * @maxLength 64
   */
  id_interne?: string;
}

/** The pupil's internal id; 422 when named twice or not at all, 404 when no pupil bears it. */
export async function eleveDesigne(db: Db, d: DesignationEleve): Promise<string> {
  if ((d.ine === undefined) === (d.idInterne === undefined)) {
    throw new Probleme('entite_non_traitable', "Désigner l'élève soit par ine, soit par id_interne.");
  }
  const eleve = await db('eleves')
    .where(d.ine !== undefined ? { ine: d.ine.toUpperCase() } : { id: d.idInterne })
    .first('id');
  if (!eleve) throw new Probleme('ressource_introuvable', 'Aucun élève des bases élèves ne porte cet identifiant.');
  return String(eleve.id);
}
