import type { Knex } from 'knex';
import type { Contexte } from '../../contexte';
import { habilitationPour, type Principal } from '../../auth/principal';
import { Probleme } from '../../http/problemes';
import { champsDesScopes, compilerMasque } from '../../privacy/masque';
import { CHAMPS_PAR_SCOPE } from '../../registry/scopes';
import { verifierTerritoire, type Lieu } from '../../territoire/perimetre';
import { lireUaiDemande, trouverEtablissement } from '../ecole/annuaire';
import { EXAMENS, exigerSessionPubliee, type CodeExamen } from './examens';
import { groupesCandidats, publierResultats, SOURCE_RESULTATS, type ResultatsExamen } from './resultats';
import { COLONNE_TERRITOIRE, territoireDemande, type NiveauTerritoire } from './territoires';

/**
 * API résultats examens' aggregates: not personal data, so not journaled; they go registry →
 * territory rule → statistical secret → scope mask. 400, 404 (unknown establishment or territory,
 * session not yet published), then 403, then 404 without results.
 */

const SCOPE_RESULTATS = 'examens:resultats';
const masquerResultats = compilerMasque(champsDesScopes(CHAMPS_PAR_SCOPE, [SCOPE_RESULTATS]));

function autoriser(principal: Principal, lieu: Lieu): void {
  verifierTerritoire(principal, habilitationPour(principal, SCOPE_RESULTATS), lieu);
}

async function resultats(
  ctx: Contexte,
  session: number,
  examen: CodeExamen,
  restreindre: (q: Knex.QueryBuilder) => Knex.QueryBuilder,
  decrire: (nombreEtablissements: number) => Pick<ResultatsExamen, 'etablissement' | 'territoire'>,
): Promise<ResultatsExamen> {
  const { groupes, etablissements } = await groupesCandidats(ctx.db, session, examen, restreindre);
  if (groupes.length === 0) {
    throw new Probleme('ressource_introuvable', `Aucun candidat à l'examen ${examen} de la session ${session} ici.`);
  }
  const publie = publierResultats(groupes, { examen, session, seuil: ctx.config.seuilSecretStatistique });
  return masquerResultats({
    session,
    examen: { code: examen, libelle: EXAMENS[examen].libelle },
    ...decrire(etablissements),
    source: SOURCE_RESULTATS,
    ...publie,
  }) as ResultatsExamen;
}

export async function resultatsEtablissement(
  ctx: Contexte,
  principal: Principal,
  demande: { session: number; examen: CodeExamen; uai: string },
): Promise<ResultatsExamen> {
  const { etablissement: e } = await trouverEtablissement(ctx.db, lireUaiDemande(demande.uai));
  exigerSessionPubliee(demande.session);
  autoriser(principal, { code_commune: e.code_commune, code_departement: e.code_departement, code_region: e.code_region, type_etablissement: e.type });
  return resultats(ctx, demande.session, demande.examen, (q) => q.where('c.uai', e.uai), () => ({
    etablissement: { uai: e.uai, nom: e.nom, code_commune: e.code_commune, nom_commune: e.nom_commune },
  }));
}

export async function resultatsTerritoire(
  ctx: Contexte,
  principal: Principal,
  demande: { session: number; examen: CodeExamen; niveau: NiveauTerritoire; code: string },
): Promise<ResultatsExamen> {
  const { territoire, lieu } = territoireDemande(demande.niveau, demande.code);
  exigerSessionPubliee(demande.session);
  autoriser(principal, lieu);
  return resultats(ctx, demande.session, demande.examen, (q) => q.where(`e.${COLONNE_TERRITOIRE[territoire.niveau]}`, territoire.code), (n) => ({
    territoire: { ...territoire, nombre_etablissements: n },
  }));
}
