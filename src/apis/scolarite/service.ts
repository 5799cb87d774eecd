import type { Contexte } from '../../contexte';
import { Probleme } from '../../http/problemes';
import { cleDeRequete, requetesEnCours } from '../../http/requetes-en-cours';
import type { Divulgation } from '../../privacy/divulgation';
import { champsDivulgues } from '../../privacy/masque';
import { aujourdhui } from '../../horloge';
import { verifierTerritoire } from '../../territoire/perimetre';
import { lireDemande, type ParametresStatut } from './demande';
import type { StatutEleve } from './models';
import { lieuDeScolarisation, rechercherEleves, statutComplet } from './repository';

export const OPERATION_STATUT = 'StatutEleve';

/**
 * "Is this person a pupil?" for an administration: 400 → 422 → 403 → 409, then exactly one
 * pupil or none. A 404 or an ambiguous identity is journaled without any person (the DPO sees
 * who searched, never whom); a 200 is journaled with the person and the fields disclosed.
 */
export async function statutEleve(ctx: Contexte, appel: Divulgation, parametres: ParametresStatut): Promise<StatutEleve> {
  const demande = lireDemande(parametres, aujourdhui());
  const { principal } = appel;
  if (demande.siretDestinataire !== principal.destinataire.siret) throw new Probleme('destinataire_non_autorise');
  const divulgation = appel.dansLeCadre({ contexte: demande.contexte, objet: demande.objet, siretDestinataire: demande.siretDestinataire });

  const cle = cleDeRequete(ctx.config.cles.journal, principal.clientId, OPERATION_STATUT, { ...demande });
  return requetesEnCours(ctx).executer(cle, async () => {
    const candidats = await rechercherEleves(ctx.db, demande);
    // Ambiguity is decided before opposition: filtering first could answer about the wrong person.
    if (candidats.length > 1) {
      await divulgation.journaliser([], [], 'ambigu');
      throw new Probleme('identite_ambigue');
    }
    const { autorisees } = await divulgation.filtrer(candidats.map((c) => c.id));
    const eleve = candidats.find((c) => autorisees.includes(c.id));
    if (!eleve) {
      await divulgation.journaliser([], [], 'non_trouve');
      throw new Probleme('eleve_introuvable');
    }
    verifierTerritoire(principal, divulgation.habilitation, lieuDeScolarisation(eleve));
    const reponse = divulgation.masquer(statutComplet(eleve));
    await divulgation.journaliser([eleve.id], champsDivulgues(reponse));
    return reponse;
  });
}
