import type { Contexte } from '../../contexte';
import { habilitationPour, type Principal } from '../../auth/principal';
import { invalide, Probleme } from '../../http/problemes';
import { champsDesScopes, compilerMasque } from '../../privacy/masque';
import { CHAMPS_PAR_SCOPE } from '../../registry/scopes';
import { verifierTerritoire } from '../../territoire/perimetre';
import { clePerimetre, ensembleDeLaRegion, ensembleDuDepartement, type Perimetre } from '../../territoire/emboitement';
import { publicationMemorisee } from '../../privacy/publications-memorisees';
import type { Etablissement } from '../../referentiels/etablissement';
import { estUaiValide, normaliserUai } from '../../territoire/uai';
import { capacitesEtablissement } from './capacites';
import {
  anneeDemandee, effectifsVides, elevesDesDepartements, publierEffectifsDesPerimetres, SOURCE_EFFECTIFS, versionDesEleves,
  type EffectifsEtablissement, type PublicationEffectifs,
} from './effectifs';
import type { CapacitesEtablissement, Previsions } from './models';
import { lieuDuTerritoire, previsionsTerritoire, type ColonneTerritoire } from './previsions';
import { trouverEtablissement } from './repository';

/**
 * API école's protected operations: aggregates, not personal data, so they are not journaled;
 * they go registry → territory rule → statistical secret → scope mask. 400, 404, then 403.
 */

const PERIMETRE: Readonly<Record<ColonneTerritoire, Perimetre>> = { code_commune: 'commune', code_departement: 'departement', code_region: 'region' };

/** Path parameter check: a malformed UAI (wrong check letter included) is the caller's error, named as such. */
export function lireUaiDemande(saisie: string): string {
  const uai = normaliserUai(saisie);
  if (!estUaiValide(uai)) {
    throw invalide('uai', '7 chiffres suivis de la lettre clé (numéro modulo 23) attendus');
  }
  return uai;
}

/** The registry's scope → fields table decides what leaves, here as for every API. */
function reveler<T>(scope: string, valeur: T): T {
  return compilerMasque(champsDesScopes(CHAMPS_PAR_SCOPE, [scope]))(valeur) as T;
}

async function etablissementAutorise(ctx: Contexte, principal: Principal, scope: string, uai: string): Promise<Etablissement> {
  const { etablissement } = await trouverEtablissement(ctx.db, lireUaiDemande(uai));
  verifierTerritoire(principal, habilitationPour(principal, scope), {
    code_commune: etablissement.code_commune,
    code_departement: etablissement.code_departement,
    code_region: etablissement.code_region,
    type_etablissement: etablissement.type,
  });
  return etablissement;
}

/**
 * One publication per school year and set of départements (a région): the establishments' tables
 * and the territories' head-counts by level, masked together; every route serves its slice of it.
 */
async function publicationEffectifs(ctx: Contexte, ensemble: { cle: string; departements: readonly string[] }, annee: string): Promise<PublicationEffectifs> {
  const seuil = ctx.config.seuilSecretStatistique;
  // Reading a région's pupils costs seconds: the publication is recomputed only when a new generation or the annuaire changes them.
  return publicationMemorisee(ctx.db, `effectifs/${annee}/${ensemble.cle}/${seuil}`, await versionDesEleves(ctx.db, ensemble.departements), async () => {
    const { groupes, etablissements } = await elevesDesDepartements(ctx.db, ensemble.departements, annee);
    return publierEffectifsDesPerimetres(groupes, etablissements, { seuil });
  });
}

export async function effectifs(ctx: Contexte, principal: Principal, uai: string, anneeScolaire?: string): Promise<EffectifsEtablissement> {
  const etablissement = await etablissementAutorise(ctx, principal, 'ecole:effectifs', uai);
  const annee = await anneeDemandee(ctx.db, anneeScolaire);
  const publication = await publicationEffectifs(ctx, ensembleDuDepartement(etablissement.code_departement), annee);
  const publie = publication.etablissements.get(etablissement.uai) ?? effectifsVides(etablissement.type, ctx.config.seuilSecretStatistique);
  return reveler('ecole:effectifs', { uai: etablissement.uai, annee_scolaire: annee, source: SOURCE_EFFECTIFS, ...publie });
}

export async function capacites(ctx: Contexte, principal: Principal, uai: string, anneeScolaire?: string): Promise<CapacitesEtablissement> {
  const etablissement = await etablissementAutorise(ctx, principal, 'ecole:capacites', uai);
  return reveler('ecole:capacites', await capacitesEtablissement(ctx.db, etablissement.uai, anneeScolaire));
}

export async function previsions(
  ctx: Contexte,
  principal: Principal,
  territoire: Partial<Record<ColonneTerritoire, string>>,
  horizon: number,
): Promise<Previsions> {
  const demandes = (Object.entries(territoire) as Array<[ColonneTerritoire, string | undefined]>).filter(([, code]) => code);
  if (demandes.length !== 1) {
    throw new Probleme('entite_non_traitable', 'Indiquer exactement un territoire : codeCommune, codeDepartement ou codeRegion.');
  }
  const [[niveau, code]] = demandes as Array<[ColonneTerritoire, string]>;
  const habilitation = habilitationPour(principal, 'ecole:previsions');
  const lieu = lieuDuTerritoire(niveau, code.toUpperCase());
  verifierTerritoire(principal, habilitation, lieu);
  const ensemble = niveau === 'code_region' ? ensembleDeLaRegion(lieu.code_region!) : ensembleDuDepartement(lieu.code_departement!);
  const cle = clePerimetre(PERIMETRE[niveau], code.toUpperCase());
  return reveler(
    'ecole:previsions',
    await previsionsTerritoire(ctx.db, { niveau, code: code.toUpperCase() }, {
      horizon,
      types: (habilitation.perimetre?.types_etablissement as Previsions['territoire']['types_etablissement']) ?? null,
      seuil: ctx.config.seuilSecretStatistique,
      constatPublie: async (annee) => {
        const publication = await publicationEffectifs(ctx, ensemble, annee);
        const niveaux = publication.territoires.get(cle);
        return niveaux && { niveaux, totalConnu: (liste) => publication.totalConnu(cle, liste) };
      },
    }),
  );
}
