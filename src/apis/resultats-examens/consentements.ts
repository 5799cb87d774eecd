import type { Db } from '../../db/knex';
import { invalide, Probleme } from '../../http/problemes';
import { enregistrerConsentement, retirerConsentement, type Portee } from '../../privacy/opposition';
import { aujourdhui } from '../../horloge';
import { type DesignationEleve, eleveDesigne } from '../../privacy/designation';

/**
 * Operators record the consents collected by a recipient (e.g. a région's grant application form)
 * and their withdrawals, in the one consent registry the gateway checks at query time.
 */

export interface ConsentementARecueillir extends DesignationEleve {
  finalite: string;
  siret: string;
  portee: Portee;
  dateRecueil: string;
  dateExpiration: string;
  origine: string;
}

export interface RetraitConsentement extends DesignationEleve {
  finalite: string;
  siret: string;
  /** First day the consent no longer applies; default today. */
  date?: string;
}

/** Only a finalité resting on consent, and a registered recipient, can be consented to. */
async function verifierFinaliteEtDestinataire(db: Db, finalite: string, siret: string): Promise<void> {
  const f = await db('finalites').where({ code: finalite }).first('consentement_requis');
  if (!f) throw invalide('finalite', 'finalité inconnue du registre');
  if (!f.consentement_requis) throw new Probleme('entite_non_traitable', `La finalité « ${finalite} » ne repose pas sur le consentement.`);
  if (!(await db('destinataires').where({ siret }).first('siret'))) throw invalide('siret', 'destinataire inconnu du registre');
}

/** TypeErrors of the consent registry name a malformed field: the caller's error. */
async function enregistrement<T>(appel: () => Promise<T>): Promise<T> {
  try {
    return await appel();
  } catch (err) {
    if (err instanceof TypeError) throw invalide('consentement', err.message);
    throw err;
  }
}

export async function recueillirConsentement(db: Db, c: ConsentementARecueillir): Promise<{ id: number; id_interne: string }> {
  const personneId = await eleveDesigne(db, c);
  await verifierFinaliteEtDestinataire(db, c.finalite, c.siret);
  const id = await enregistrement(() =>
    enregistrerConsentement(db, {
      personneId,
      finaliteCode: c.finalite,
      siret: c.siret,
      portee: c.portee,
      dateRecueil: c.dateRecueil,
      dateExpiration: c.dateExpiration,
      origine: c.origine,
    }),
  );
  return { id, id_interne: personneId };
}

/** Takes effect on `date` itself: the recipient's next call no longer sees the pupil. */
export async function retirer(db: Db, r: RetraitConsentement): Promise<{ consentements_retires: number }> {
  const personneId = await eleveDesigne(db, r);
  const n = await enregistrement(() => retirerConsentement(db, { personneId, finaliteCode: r.finalite, siret: r.siret, date: r.date ?? aujourdhui() }));
  if (n === 0) throw new Probleme('ressource_introuvable', 'Aucun consentement en cours pour cet élève, cette finalité et ce destinataire.');
  return { consentements_retires: n };
}
