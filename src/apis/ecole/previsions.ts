import type { Db } from '../../db/knex';
import { Probleme } from '../../http/problemes';
import { appliquerSecretStatistiqueListe } from '../../privacy/secret-statistique';
import { geographieOfficielle, type NiveauGeographique } from '../../territoire/geographie';
import type { Lieu } from '../../territoire/perimetre';
import { anneeRentreeDe, libelleAnneeScolaire } from '../../referentiels/calendrier';
import type { TypeEtablissement } from '../../referentiels/etablissement';
import { publierCellule, REGLE_SECRET, SOURCE_EFFECTIFS, type CelluleSecret } from './effectifs';
import type { EffectifsAnnee, Previsions } from './models';
import { libelleNiveau, typeDuNiveau } from './niveaux';
import { PASSAGES, projeter } from './projection';

/** The annuaire column a requested territory is matched on. */
export type ColonneTerritoire = 'code_commune' | 'code_departement' | 'code_region';

export const DESCRIPTION_METHODE =
  'Matrice de passage (convention DEPP–ARF 2015) : l’effectif d’un niveau en t+1 est le taux de passage apparent ' +
  'multiplié par l’effectif en t du ou des niveaux qui l’alimentent ; chaque taux est le rapport, cumulé sur les années ' +
  'consécutives de l’historique, des arrivées dans le niveau aux effectifs des niveaux sources (redoublements, ' +
  'arrivées et départs du territoire compris). Un niveau que rien n’alimente dans le territoire est maintenu à sa ' +
  'moyenne historique. Les projections sont arrondies à l’unité et publiées sous secret statistique : ce sont des ' +
  'estimations, non des dénombrements.';

const NIVEAU_GEOGRAPHIQUE: Readonly<Record<ColonneTerritoire, NiveauGeographique>> = {
  code_commune: 'commune',
  code_departement: 'departement',
  code_region: 'region',
};

/** Where a territory lies in the official geography, for the one territory rule. 404 when the geography does not know it. */
export function lieuDuTerritoire(niveau: ColonneTerritoire, code: string): Lieu {
  const officiel = geographieOfficielle().territoire(NIVEAU_GEOGRAPHIQUE[niveau], code);
  if (!officiel) throw new Probleme('ressource_introuvable', 'Aucun territoire de ce code dans le découpage administratif.');
  return { code_commune: officiel.code_commune, code_departement: officiel.code_departement, code_region: officiel.code_region };
}

/** Levels whose year-t values feed `niveaux` within `profondeur` years. */
function amont(niveaux: ReadonlySet<string>, profondeur: number): Set<string> {
  const utilises = new Set(niveaux);
  let front = [...niveaux];
  for (let p = 0; p < profondeur; p++) {
    front = front.flatMap((n) => PASSAGES.find((x) => x.niveau === n)?.depuis ?? []).filter((d) => !utilises.has(d));
    front.forEach((d) => utilises.add(d));
  }
  return utilises;
}

function publierAnnee(annee: string, niveaux: string[], valeurs: ReadonlyMap<string, number>, seuil: number): EffectifsAnnee {
  const liste = appliquerSecretStatistiqueListe(
    niveaux.map((n) => ({ libelle: n, valeur: Math.round(valeurs.get(n) ?? 0) })),
    { seuil },
  );
  return {
    annee_scolaire: annee,
    niveaux: liste.cellules.map(({ libelle, ...cellule }) => ({ code: libelle, libelle: libelleNiveau(libelle), effectif: publierCellule(cellule) })),
    total: publierCellule(liste.total),
  };
}

/**
 * Projected head-counts of a territory's establishments of the given types, by the passage
 * matrix estimated on the territory's history (all its establishments, so a département's 6e
 * are fed by its écoles' CM2), with the rates and base-year inputs beside the figures.
 */
export async function previsionsTerritoire(
  db: Db,
  territoire: { niveau: ColonneTerritoire; code: string },
  options: { horizon: number; types: TypeEtablissement[] | null; seuil: number },
): Promise<Previsions> {
  const lignes = (await db('constats_effectifs as c')
    .join('etablissements as e', 'e.uai', 'c.uai')
    .where(`e.${territoire.niveau}`, territoire.code)
    .groupBy('c.annee_scolaire', 'c.niveau_code')
    .select('c.annee_scolaire', 'c.niveau_code')
    .sum({ effectif: 'c.effectif' })) as Array<{ annee_scolaire: string; niveau_code: string; effectif: number | string }>;
  if (lignes.length === 0) throw new Probleme('ressource_introuvable', 'Aucun effectif historique pour ce territoire.');
  const historique = new Map<number, Map<string, number>>();
  for (const l of lignes) {
    const a = anneeRentreeDe(l.annee_scolaire);
    if (!historique.has(a)) historique.set(a, new Map());
    historique.get(a)!.set(l.niveau_code, Number(l.effectif));
  }

  const projection = projeter(historique, options.horizon);
  const reference = historique.get(projection.annee_reference)!;
  const presents = (n: string): boolean => (reference.get(n) ?? 0) > 0 || projection.annees.some((a) => Math.round(a.effectifs.get(n) ?? 0) > 0);
  const sorties = PASSAGES.map((p) => p.niveau).filter((n) => presents(n) && (options.types === null || options.types.includes(typeDuNiveau(n)!)));
  const utilises = amont(new Set(sorties), options.horizon);
  const niveauxUtilises = PASSAGES.map((p) => p.niveau).filter((n) => utilises.has(n) && (presents(n) || sorties.includes(n)));

  return {
    territoire: { [territoire.niveau]: territoire.code, types_etablissement: options.types },
    annee_reference: libelleAnneeScolaire(projection.annee_reference),
    horizon: options.horizon,
    source: SOURCE_EFFECTIFS,
    methode: {
      code: 'matrice_de_passage',
      description: DESCRIPTION_METHODE,
      annees_historique: projection.annees_historique.map(libelleAnneeScolaire),
      taux: projection.taux
        .filter((t) => niveauxUtilises.includes(t.niveau))
        .map((t) => ({
          niveau: t.niveau,
          depuis: t.depuis,
          taux: t.taux === null ? null : Math.round(t.taux * 10_000) / 10_000,
          entree_moyenne: t.entree_moyenne === null ? null : moyennePubliee(t.entree_moyenne, options.seuil),
        })),
      constat: publierAnnee(libelleAnneeScolaire(projection.annee_reference), niveauxUtilises, reference, options.seuil),
    },
    previsions: projection.annees.map((a) => publierAnnee(libelleAnneeScolaire(a.annee), sorties, a.effectifs, options.seuil)),
    secret_statistique: { seuil: options.seuil, regle: REGLE_SECRET },
  };
}

/** A mean head-count is a count too: below the threshold it is masked like one. */
function moyennePubliee(moyenne: number, seuil: number): CelluleSecret {
  const arrondie = Math.round(moyenne * 10) / 10;
  return arrondie > 0 && arrondie < seuil ? { valeur: null, secret: true } : { valeur: arrondie };
}
