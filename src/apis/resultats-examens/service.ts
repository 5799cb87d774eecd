import type { Contexte } from '../../contexte';
import { habilitationPour, type Principal } from '../../auth/principal';
import { Probleme } from '../../http/problemes';
import { champsDesScopes, compilerMasque } from '../../privacy/masque';
import { CHAMPS_PAR_SCOPE } from '../../registry/scopes';
import { verifierTerritoire, type Lieu } from '../../territoire/perimetre';
import { lireUaiDemande, trouverEtablissement } from '../ecole/annuaire';
import { EXAMENS, exigerSessionPubliee, type CodeExamen } from './examens';
import { candidatsDesDepartements, publierResultatsDesPerimetres, SOURCE_RESULTATS, type ResultatsExamen, type ResultatsPublies } from './resultats';
import { territoireOfficiel, type NiveauTerritoire } from './territoires';
import { clePerimetre, ensembleDeLaRegion, ensembleDuDepartement } from '../../territoire/emboitement';
import { empreinte, publicationMemorisee } from '../../privacy/publications-memorisees';

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

/**
 * One publication per exam, session and set of départements (a région): every route serves its
 * slice of it, so a cell is masked alike wherever it shows and no two slices combine into a mask.
 */
async function publication(ctx: Contexte, session: number, examen: CodeExamen, ensemble: { cle: string; departements: readonly string[] }): Promise<Map<string, ResultatsPublies>> {
  const seuil = ctx.config.seuilSecretStatistique;
  const { groupes, implantations } = await candidatsDesDepartements(ctx.db, session, examen, ensemble.departements);
  return publicationMemorisee(ctx.db, `resultats-examens/${examen}/${session}/${ensemble.cle}/${seuil}`, empreinte([groupes, implantations]), () =>
    publierResultatsDesPerimetres(groupes, implantations, { examen, session, seuil }),
  );
}

async function resultats(
  ctx: Contexte,
  demande: { session: number; examen: CodeExamen; ensemble: { cle: string; departements: readonly string[] }; cle: string },
  decrire: (nombreEtablissements: number) => Pick<ResultatsExamen, 'etablissement' | 'territoire'>,
): Promise<ResultatsExamen> {
  const publie = (await publication(ctx, demande.session, demande.examen, demande.ensemble)).get(demande.cle);
  if (!publie) {
    throw new Probleme('ressource_introuvable', `Aucun candidat à l'examen ${demande.examen} de la session ${demande.session} ici.`);
  }
  const { nombre_etablissements, ...lignes } = publie;
  return masquerResultats({
    session: demande.session,
    examen: { code: demande.examen, libelle: EXAMENS[demande.examen].libelle },
    ...decrire(nombre_etablissements),
    source: SOURCE_RESULTATS,
    ...lignes,
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
  return resultats(ctx, { ...demande, ensemble: ensembleDuDepartement(e.code_departement), cle: clePerimetre('etablissement', e.uai) }, () => ({
    etablissement: { uai: e.uai, nom: e.nom, code_commune: e.code_commune, nom_commune: e.nom_commune },
  }));
}

export async function resultatsTerritoire(
  ctx: Contexte,
  principal: Principal,
  demande: { session: number; examen: CodeExamen; niveau: NiveauTerritoire; code: string },
): Promise<ResultatsExamen> {
  const { territoire, lieu } = territoireOfficiel(demande.niveau, demande.code);
  exigerSessionPubliee(demande.session);
  autoriser(principal, lieu);
  const ensemble = territoire.niveau === 'region' ? ensembleDeLaRegion(territoire.code) : ensembleDuDepartement(lieu.code_departement!);
  return resultats(ctx, { ...demande, ensemble, cle: clePerimetre(territoire.niveau, territoire.code) }, (n) => ({
    territoire: { ...territoire, nombre_etablissements: n },
  }));
}
