import type { Db } from '../db/knex';
import { Alea } from './alea';
import { anneeConstatee, scolaritesComptees } from '../apis/ecole/effectifs';
import { anneeRentreeDe, libelleAnneeScolaire } from '../referentiels/calendrier';
import { PASSAGES, projeter } from '../apis/ecole/projection';

/**
 * Planning data the source systems do not hold, derived deterministically from the pupils:
 * - `constats_effectifs`: head-counts by establishment and level for the observed year, then
 *   back-cast year by year (each level of year t−1 from the levels it fed in year t at a
 *   plausible passage rate, the others drifting a little) over `anneesHistorique` past years;
 * - `capacites`: divisions and places per division for the latest year (from its head-counts)
 *   and the next one (from the establishment's own one-year projection).
 * Regenerating replaces both tables.
 */
export interface OptionsGeneration {
  graine: number;
  /** Past years of head-counts before the latest one (default 5). */
  anneesHistorique?: number;
}

export interface RapportGeneration {
  /** The observed year (latest in the pupil data). */
  annee_reference: string | null;
  annees_retropolees: string[];
  constats: number;
  capacites: number;
}

/** Class sizes the académies plan with; CP, CE1 and GS are halved in éducation prioritaire. */
function placesParDivision(niveau: string, educationPrioritaire: boolean): number {
  if (educationPrioritaire && ['GS', 'CP', 'CE1'].includes(niveau)) return 12;
  if (['PS', 'MS', 'GS'].includes(niveau)) return 26;
  if (['CP', 'CE1', 'CE2', 'CM1', 'CM2'].includes(niveau)) return 25;
  if (['6E', '5E', '4E', '3E'].includes(niveau)) return educationPrioritaire ? 24 : 28;
  if (['2PRO', '1PRO', 'TPRO'].includes(niveau)) return 30;
  if (['1CAP', '2CAP'].includes(niveau)) return 24;
  return 35;
}

/** Levels of year t that feed exactly one level of t+1 from a single source: the ones a back-cast can derive. */
const SUCCESSEURS = new Map<string, string[]>();
for (const { niveau, depuis } of PASSAGES) {
  if (depuis.length === 1) SUCCESSEURS.set(depuis[0], [...(SUCCESSEURS.get(depuis[0]) ?? []), niveau]);
}

/** One year earlier for one establishment: cohorts walked back through their passage, the rest drift a little. */
function anneePrecedente(annee: ReadonlyMap<string, number>, niveaux: readonly string[], alea: (niveau: string) => Alea): Map<string, number> {
  const precedente = new Map<string, number>();
  for (const niveau of niveaux) {
    const a = alea(niveau);
    const suivants = (SUCCESSEURS.get(niveau) ?? []).filter((s) => niveaux.includes(s));
    const valeur =
      suivants.length > 0
        ? suivants.reduce((s, x) => s + (annee.get(x) ?? 0), 0) / (0.95 + 0.07 * a.nombre())
        : (annee.get(niveau) ?? 0) * (0.94 + 0.12 * a.nombre());
    precedente.set(niveau, a.arrondir(valeur));
  }
  return precedente;
}

const LIGNES_PAR_LOT = 500;

export async function genererConstatsEtCapacites(db: Db, options: OptionsGeneration): Promise<RapportGeneration> {
  const profondeur = options.anneesHistorique ?? 5;
  const racine = new Alea(options.graine).fils('api-ecole');
  const constatee = await anneeConstatee(db);
  const rapport: RapportGeneration = { annee_reference: constatee ?? null, annees_retropolees: [], constats: 0, capacites: 0 };
  const constats: Array<Record<string, unknown>> = [];
  const capacites: Array<Record<string, unknown>> = [];

  if (constatee !== undefined) {
    const reference = anneeRentreeDe(constatee);
    for (let a = reference - profondeur; a < reference; a++) rapport.annees_retropolees.push(libelleAnneeScolaire(a));
    const lignes = (await scolaritesComptees(db, constatee).groupBy('s.uai', 's.niveau_code').select('s.uai', 's.niveau_code').count({ n: '*' })) as Array<{
      uai: string;
      niveau_code: string;
      n: number | string;
    }>;
    const parUai = new Map<string, Map<string, number>>();
    for (const l of lignes) {
      if (!parUai.has(l.uai)) parUai.set(l.uai, new Map());
      parUai.get(l.uai)!.set(l.niveau_code, Number(l.n));
    }
    const educationPrioritaire = new Set((await db('etablissements').whereNotNull('education_prioritaire').select('uai')).map((e: { uai: string }) => e.uai));

    for (const [uai, observe] of [...parUai].sort(([a], [b]) => a.localeCompare(b))) {
      const niveaux = [...observe.keys()].sort();
      const historique = new Map<number, ReadonlyMap<string, number>>([[reference, observe]]);
      for (let a = reference - 1; a >= reference - profondeur; a--) {
        historique.set(
          a,
          anneePrecedente(historique.get(a + 1)!, niveaux, (n) => racine.fils(`${uai}/${n}/${a}`)),
        );
      }
      for (const [a, effectifs] of historique) {
        for (const [niveau, effectif] of effectifs) {
          if (effectif > 0) {
            constats.push({
              uai,
              annee_scolaire: libelleAnneeScolaire(a),
              niveau_code: niveau,
              effectif,
              origine: a === reference ? 'constat' : 'retropolation',
            });
          }
        }
      }

      const ep = educationPrioritaire.has(uai);
      const structures: Array<[number, ReadonlyMap<string, number>, string]> = [
        [reference, observe, 'structure'],
        [reference + 1, projeter(historique, 1).annees[0].effectifs, 'prevision'],
      ];
      for (const [a, effectifs, origine] of structures) {
        for (const niveau of niveaux) {
          const places = placesParDivision(niveau, ep);
          const divisions = Math.ceil(Math.round(effectifs.get(niveau) ?? 0) / places);
          if (divisions > 0)
            capacites.push({ uai, annee_scolaire: libelleAnneeScolaire(a), niveau_code: niveau, divisions, places_par_division: places, origine });
        }
      }
    }
  }

  await db.transaction(async (trx) => {
    await trx('capacites').delete();
    await trx('constats_effectifs').delete();
    for (let i = 0; i < constats.length; i += LIGNES_PAR_LOT) await trx('constats_effectifs').insert(constats.slice(i, i + LIGNES_PAR_LOT));
    for (let i = 0; i < capacites.length; i += LIGNES_PAR_LOT) await trx('capacites').insert(capacites.slice(i, i + LIGNES_PAR_LOT));
  });
  rapport.constats = constats.length;
  rapport.capacites = capacites.length;
  return rapport;
}
