import type { Contexte } from '../../contexte';
import { invalide, Probleme } from '../../http/problemes';
import type { Divulgation } from '../../privacy/divulgation';
import { verifierTerritoire } from '../../territoire/perimetre';
import { clePerimetre, ensembleDeLaRegion, ensembleDuDepartement, type Perimetre } from '../../territoire/emboitement';
import { publicationMemorisee } from '../../privacy/publications-memorisees';
import type { Etablissement } from '../../referentiels/etablissement';
import { estUaiValide, normaliserUai } from '../../territoire/uai';
import { capacitesEtablissement } from './capacites';
import {
  anneeDemandee,
  effectifsVides,
  elevesDesDepartements,
  publierEffectifsDesPerimetres,
  SOURCE_EFFECTIFS,
  versionDesEleves,
  type EffectifsEtablissement,
  type PublicationEffectifs,
} from './effectifs';
import type { CapacitesEtablissement, Previsions } from './models';
import { lieuDuTerritoire, previsionsTerritoire, type ColonneTerritoire } from './previsions';
import { trouverEtablissement } from './repository';

/**
 * API école's protected operations: aggregates, not personal data, so they are not journaled;
 * they go registry → territory rule → statistical secret → the disclosure's mask. 400, 404, then 403.
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

async function etablissementAutorise(ctx: Contexte, divulgation: Divulgation, uai: string): Promise<Etablissement> {
  const { etablissement } = await trouverEtablissement(ctx.db, lireUaiDemande(uai));
  verifierTerritoire(divulgation.principal, divulgation.habilitation, {
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

export async function effectifs(ctx: Contexte, divulgation: Divulgation, uai: string, anneeScolaire?: string): Promise<EffectifsEtablissement> {
  const etablissement = await etablissementAutorise(ctx, divulgation, uai);
  const annee = await anneeDemandee(ctx.db, anneeScolaire);
  const publication = await publicationEffectifs(ctx, ensembleDuDepartement(etablissement.code_departement), annee);
  const publie = publication.etablissements.get(etablissement.uai) ?? effectifsVides(etablissement.type, ctx.config.seuilSecretStatistique);
  return divulgation.masquer<EffectifsEtablissement>({
    uai: etablissement.uai,
    annee_scolaire: annee,
    source: SOURCE_EFFECTIFS,
    ...publie,
  }) as EffectifsEtablissement;
}

export async function capacites(ctx: Contexte, divulgation: Divulgation, uai: string, anneeScolaire?: string): Promise<CapacitesEtablissement> {
  const etablissement = await etablissementAutorise(ctx, divulgation, uai);
  return divulgation.masquer(await capacitesEtablissement(ctx.db, etablissement.uai, anneeScolaire)) as CapacitesEtablissement;
}

export async function previsions(
  ctx: Contexte,
  divulgation: Divulgation,
  territoire: Partial<Record<ColonneTerritoire, string>>,
  horizon: number,
): Promise<Previsions> {
  const demandes = (Object.entries(territoire) as Array<[ColonneTerritoire, string | undefined]>).filter(([, code]) => code);
  if (demandes.length !== 1) {
    throw new Probleme('entite_non_traitable', 'Indiquer exactement un territoire : codeCommune, codeDepartement ou codeRegion.');
  }
  const [[niveau, code]] = demandes as Array<[ColonneTerritoire, string]>;
  const { habilitation } = divulgation;
  const lieu = lieuDuTerritoire(niveau, code.toUpperCase());
  verifierTerritoire(divulgation.principal, habilitation, lieu);
  const ensemble = niveau === 'code_region' ? ensembleDeLaRegion(lieu.code_region!) : ensembleDuDepartement(lieu.code_departement!);
  const cle = clePerimetre(PERIMETRE[niveau], code.toUpperCase());
  return divulgation.masquer(
    await previsionsTerritoire(
      ctx.db,
      { niveau, code: code.toUpperCase() },
      {
        horizon,
        types: (habilitation.perimetre?.types_etablissement as Previsions['territoire']['types_etablissement']) ?? null,
        seuil: ctx.config.seuilSecretStatistique,
        constatPublie: async (annee) => {
          const publication = await publicationEffectifs(ctx, ensemble, annee);
          const niveaux = publication.territoires.get(cle);
          return niveaux && { niveaux, totalConnu: (liste) => publication.totalConnu(cle, liste) };
        },
      },
    ),
  ) as Previsions;
}
