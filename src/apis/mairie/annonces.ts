import type { Contexte } from '../../contexte';
import { publierEvenement } from '../../notifications/evenements';
import { listerDestinataires } from '../../registry/destinataires';
import { habilitationsActives } from '../../registry/habilitations';
import { emettreJeton } from './jeton-synchronisation';
import { SOURCE_MAIRIE } from './repository';
import { publicationsDeLaListe } from '../../listes/repository';
import { operationDuRegistre } from '../../registry/operations';

/**
 * Once a month is published, tells each recipient of a commune's list (`liste_modifiee`): the
 * count of changes and the sync token of the previous list, so the change feed it points to gives
 * exactly this month's changes. A grouping of communes is told of each member commune's list.
 * Returns the number of events queued. Call it after a generation.
 */
export async function annoncerDernieresPublications(ctx: Pick<Contexte, 'db' | 'config'>): Promise<number> {
  // The scopes that open the change feed the announcement points to, broadest first.
  const scopes = operationDuRegistre('ChangementsEnfantsSoumisObligation').scopes;
  let annonces = 0;
  for (const d of await listerDestinataires(ctx.db)) {
    const communes = d.code_commune ? [d.code_commune] : (d.groupement?.communes.map((c) => c.code_commune) ?? []);
    if (communes.length === 0) continue;
    const territoire = d.code_commune ? 'commune' : 'groupement';
    const habilitations = await habilitationsActives(ctx.db, d.siret);
    const scope = scopes.find((s) => habilitations.some((h) => h.scopes.includes(s) && h.territoire === territoire));
    if (!scope) continue;
    for (const codeCommune of communes) if (await annoncer(ctx, d.siret, codeCommune, scope)) annonces++;
  }
  return annonces;
}

async function annoncer(ctx: Pick<Contexte, 'db' | 'config'>, siret: string, codeCommune: string, scope: string): Promise<boolean> {
  const publications = await publicationsDeLaListe(ctx.db, SOURCE_MAIRIE, codeCommune);
  if (publications.length < 2) return false;
  const [precedente, derniere] = publications.slice(-2);
  const changements = derniere.nombre_ajouts + derniere.nombre_modifications + derniere.nombre_retraits;
  if (changements === 0) return false;
  const jeton = emettreJeton(
    { codeCommune, generationId: precedente.generation_id, datePublication: precedente.date_publication, scope },
    { siret, cle: ctx.config.cles.pseudonyme },
  );
  await publierEvenement(ctx, {
    type: 'liste_modifiee',
    siret,
    donnees: { code_commune: codeCommune, nombre_changements: changements, jeton_synchronisation: jeton },
  });
  return true;
}
