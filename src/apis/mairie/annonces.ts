import type { Contexte } from '../../contexte';
import { publierEvenement } from '../../notifications/evenements';
import { habilitationsActives } from '../../registry/habilitations';
import { emettreJeton } from './jeton-synchronisation';
import { SOURCE_MAIRIE } from './repository';
import { publicationsDeLaListe } from '../../listes/repository';
import { operationDuRegistre } from '../../registry/operations';

/**
 * Once a month is published, tells each recipient of a commune's list (`liste_modifiee`): the
 * count of changes and the sync token of the previous list, so the change feed it points to gives
 * exactly this month's changes. Returns the number of events queued. Call it after a generation.
 */
export async function annoncerDernieresPublications(ctx: Pick<Contexte, 'db' | 'config'>): Promise<number> {
  const destinataires: Array<{ siret: string; code_commune: string }> = await ctx
    .db('destinataires')
    .whereNotNull('code_commune')
    .orderBy('siret')
    .select('siret', 'code_commune');
  // The scopes that open the change feed the announcement points to, broadest first.
  const scopes = operationDuRegistre('ChangementsEnfantsSoumisObligation').scopes;
  let annonces = 0;
  for (const { siret, code_commune: codeCommune } of destinataires) {
    const habilitations = await habilitationsActives(ctx.db, siret);
    const scope = scopes.find((s) => habilitations.some((h) => h.scopes.includes(s) && h.territoire === 'commune'));
    if (!scope) continue;
    const publications = await publicationsDeLaListe(ctx.db, SOURCE_MAIRIE, codeCommune);
    if (publications.length < 2) continue;
    const [precedente, derniere] = publications.slice(-2);
    const changements = derniere.nombre_ajouts + derniere.nombre_modifications + derniere.nombre_retraits;
    if (changements === 0) continue;
    const jeton = emettreJeton(
      { codeCommune, generationId: precedente.generation_id, datePublication: precedente.date_publication, scope },
      { siret, cle: ctx.config.cles.pseudonyme },
    );
    await publierEvenement(ctx, {
      type: 'liste_modifiee',
      siret,
      donnees: { code_commune: codeCommune, nombre_changements: changements, jeton_synchronisation: jeton },
    });
    annonces++;
  }
  return annonces;
}
