import type { Db } from '../../db/knex';
import { Probleme } from '../../http/problemes';
import { appliquerSecretStatistiqueListe, CELLULE_MASQUEE, sansRaison, type CelluleStatistique } from '../../privacy/secret-statistique';
import { geographieOfficielle, type NiveauGeographique } from '../../territoire/geographie';
import type { Lieu } from '../../territoire/perimetre';
import { anneeRentreeDe, libelleAnneeScolaire } from '../../referentiels/calendrier';
import type { TypeEtablissement } from '../../referentiels/etablissement';
import { REGLE_SECRET, SOURCE_EFFECTIFS } from './effectifs';
import type { EffectifsAnnee, Previsions } from './models';
import { libelleNiveau, typeDuNiveau } from './niveaux';
import { PASSAGES, projeter } from './projection';

/** The annuaire column a requested territory is matched on. */
export type ColonneTerritoire = 'code_commune' | 'code_departement' | 'code_region';

const DESCRIPTION_METHODE =
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

/** A projected year; `masquer`: levels computed from a masked figure, which the projection would give back. */
function publierAnnee(annee: string, niveaux: string[], valeurs: ReadonlyMap<string, number>, seuil: number, masquer: ReadonlySet<string>): EffectifsAnnee {
  const liste = appliquerSecretStatistiqueListe(
    niveaux.map((n) => ({ libelle: n, valeur: Math.round(valeurs.get(n) ?? 0), masquer: masquer.has(n) })),
    { seuil },
  );
  return {
    annee_scolaire: annee,
    niveaux: liste.cellules.map(({ libelle, ...cellule }) => ({ code: libelle, libelle: libelleNiveau(libelle), effectif: sansRaison(cellule) })),
    total: sansRaison(liste.total),
  };
}

/**
 * The reference year's head-counts, masked exactly as the same counts are wherever else they are
 * published (the territory's level = Σ its establishments': src/apis/ecole/effectifs.ts). A count
 * that differs from that publication is masked. The total, over a list of levels that varies with
 * the request, is given only when the published figures already give it, so it never gives one back.
 */
function publierConstat(annee: string, niveaux: string[], valeurs: ReadonlyMap<string, number>, publie: ConstatPublie | undefined): EffectifsAnnee {
  const valeur = (n: string) => valeurs.get(n) ?? 0;
  const conformes = niveaux.filter((n) => valeur(n) > 0 && publie?.niveaux.get(n)?.reel === valeur(n));
  const cellules = niveaux.map((n): CelluleStatistique =>
    valeur(n) === 0 ? { valeur: 0 } : conformes.includes(n) ? publie!.niveaux.get(n)!.cellule : CELLULE_MASQUEE,
  );
  const masques = niveaux.filter((_, i) => cellules[i].valeur === null);
  const totalConnu = masques.every((n) => conformes.includes(n)) && (masques.length === 0 || publie!.totalConnu(masques));
  return {
    annee_scolaire: annee,
    niveaux: niveaux.map((n, i) => ({ code: n, libelle: libelleNiveau(n), effectif: cellules[i] })),
    total: totalConnu ? { valeur: niveaux.reduce((s, n) => s + valeur(n), 0) } : CELLULE_MASQUEE,
  };
}

/** A territory's published head-counts by level, and which subtotals a reader computes from them. */
export interface ConstatPublie {
  /** Level code → real count and published cell. */
  niveaux: ReadonlyMap<string, { reel: number; cellule: CelluleStatistique }>;
  totalConnu(niveaux: readonly string[]): boolean;
}

/**
 * Projected head-counts of a territory's establishments of the given types, by the passage
 * matrix estimated on the territory's history (all its establishments, so a département's 6e
 * are fed by its écoles' CM2), with the rates and base-year inputs beside the figures.
 */
export async function previsionsTerritoire(
  db: Db,
  territoire: { niveau: ColonneTerritoire; code: string },
  options: {
    horizon: number;
    types: TypeEtablissement[] | null;
    seuil: number;
    /** The territory's head-counts by level of a school year, as published with its establishments'. */
    constatPublie: (anneeScolaire: string) => Promise<ConstatPublie | undefined>;
  },
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
  const annee = libelleAnneeScolaire(projection.annee_reference);
  const constat = publierConstat(annee, niveauxUtilises, reference, await options.constatPublie(annee));

  // A projection is rate × the figures of the year before, rate published: from a masked figure it is masked too.
  const nourris = new Set(projection.taux.filter((t) => t.taux !== null).map((t) => t.niveau));
  let masques = new Set(constat.niveaux.filter((n) => n.effectif.valeur === null).map((n) => n.code));
  const previsions = projection.annees.map((a) => {
    const derives = new Set(PASSAGES.filter((p) => nourris.has(p.niveau) && p.depuis.some((d) => masques.has(d))).map((p) => p.niveau));
    const publiee = publierAnnee(libelleAnneeScolaire(a.annee), sorties, a.effectifs, options.seuil, derives);
    masques = new Set([...derives, ...publiee.niveaux.filter((n) => n.effectif.valeur === null).map((n) => n.code)]);
    return publiee;
  });

  return {
    territoire: { [territoire.niveau]: territoire.code, types_etablissement: options.types },
    annee_reference: annee,
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
      constat,
    },
    previsions,
    secret_statistique: { seuil: options.seuil, regle: REGLE_SECRET },
  };
}

/** A mean head-count is a count too: below the threshold it is masked like one. */
function moyennePubliee(moyenne: number, seuil: number): CelluleStatistique {
  const arrondie = Math.round(moyenne * 10) / 10;
  return arrondie > 0 && arrondie < seuil ? CELLULE_MASQUEE : { valeur: arrondie };
}
