import type { Db } from '../../db/knex';
import { Probleme } from '../../http/problemes';
import { anneeRentreeDe, libelleAnneeScolaire } from '../../referentiels/calendrier';
import type { CapacitesAnnee, CapacitesEtablissement } from './models';
import { comparerNiveaux, libelleNiveau, verifierAnneeScolaire } from './niveaux';

const SOURCE_CAPACITES =
  'Rectorat — structures des établissements (divisions) de l’année constatée et structures prévisionnelles de l’année suivante (données synthétiques de démonstration)';

/** The requested year (default: the latest observed structure) and the next one. */
export async function capacitesEtablissement(db: Db, uai: string, anneeDemandee: string | undefined): Promise<CapacitesEtablissement> {
  const annee =
    verifierAnneeScolaire(anneeDemandee) ??
    ((await db('capacites').where({ origine: 'structure' }).max({ a: 'annee_scolaire' }).first()) as { a: string | null } | undefined)?.a ??
    undefined;
  if (annee === undefined) throw new Probleme('ressource_introuvable', 'Aucune capacité d’accueil enregistrée.');
  const annees = [annee, libelleAnneeScolaire(anneeRentreeDe(annee) + 1)];
  const lignes = (await db('capacites').where({ uai }).whereIn('annee_scolaire', annees)) as Array<{
    annee_scolaire: string;
    niveau_code: string;
    divisions: number;
    places_par_division: number;
    origine: 'structure' | 'prevision';
  }>;
  const parAnnee = annees
    .map((a) => lignes.filter((l) => l.annee_scolaire === a))
    .filter((l) => l.length > 0)
    .map((l): CapacitesAnnee => {
      const niveaux = l
        .sort((x, y) => comparerNiveaux(x.niveau_code, y.niveau_code))
        .map((x) => ({
          code: x.niveau_code,
          libelle: libelleNiveau(x.niveau_code),
          divisions: Number(x.divisions),
          places_par_division: Number(x.places_par_division),
          places: Number(x.divisions) * Number(x.places_par_division),
        }));
      return {
        annee_scolaire: l[0].annee_scolaire,
        nature: l[0].origine,
        niveaux,
        divisions: niveaux.reduce((s, n) => s + n.divisions, 0),
        places: niveaux.reduce((s, n) => s + n.places, 0),
      };
    });
  if (parAnnee.length === 0) {
    throw new Probleme('ressource_introuvable', `Aucune capacité d’accueil enregistrée pour cet établissement en ${annee}.`);
  }
  return { uai, annee_scolaire: annee, source: SOURCE_CAPACITES, annees: parAnnee };
}
