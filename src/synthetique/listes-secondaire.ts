import type { ListePublicationLigne, ListeVersionLigne, ScolariteLigne } from '../db/tables-eleves';
import { type EtatDansLaListe, HistoriqueListe } from '../listes/historique';
import type { Enfant, Foyer } from './modele';

/**
 * The catering, boarding and grant lists of public collèges and lycées (one list per
 * establishment and kind), published on the same dates as the mairie lists: each pupil's
 * situation at each publication, turned into versions by `HistoriqueListe`.
 */

/** The kinds of list, as stored in `liste_versions.liste` (the API's descriptors read the same names). */
const LISTES_SECONDAIRE = ['demi-pensionnaires', 'internes', 'boursiers'] as const;
type Kind = (typeof LISTES_SECONDAIRE)[number];

/** A pupil at one publication: out of the territory, not in a public collège or lycée (`ligne` null), or his schooling there. */
export interface SituationSecondaire {
  dansPerimetre: boolean;
  ligne: ScolariteLigne | null;
}

export class ListesSecondaire {
  private readonly historiques: Record<Kind, HistoriqueListe>;
  /** Per pupil of the household being simulated: his situation and entries at each publication. */
  private readonly suivis = new Map<string, Array<{ situation: SituationSecondaire; etats: Record<Kind, EtatDansLaListe | null> } | undefined>>();

  constructor(publications: readonly string[], anneeScolaireA: (indice: number) => string, ecrire: (version: ListeVersionLigne) => void) {
    const h = (kind: Kind) => new HistoriqueListe(kind, publications, anneeScolaireA, ecrire);
    this.historiques = { 'demi-pensionnaires': h('demi-pensionnaires'), internes: h('internes'), boursiers: h('boursiers') };
  }

  /** The pupil's situation at publication `indice`; his entries are read now (the household moves later). */
  constater(enfant: Enfant, foyer: Foyer, indice: number, situation: SituationSecondaire): void {
    let suivi = this.suivis.get(enfant.id);
    if (!suivi) {
      if (!situation.ligne) return;
      this.suivis.set(enfant.id, (suivi = []));
    }
    const etats = Object.fromEntries(LISTES_SECONDAIRE.map((kind) => [kind, etatDans(kind, situation, enfant, foyer)])) as Record<Kind, EtatDansLaListe | null>;
    suivi[indice] = { situation, etats };
  }

  /** Writes the pupil's versions in the three kinds of list, once his household is simulated. */
  clore(enfant: Enfant): void {
    const suivi = this.suivis.get(enfant.id);
    if (!suivi) return;
    this.suivis.delete(enfant.id);
    for (const kind of LISTES_SECONDAIRE) {
      const etats = Array.from(suivi, (s) => s?.etats[kind] ?? null);
      this.historiques[kind].suivre(enfant.id, etats, (i) => motifDeSortie(kind, suivi[i]?.situation, etats[i - 1]?.cle));
    }
  }

  *bilan(generationId: number): Generator<ListePublicationLigne> {
    for (const kind of LISTES_SECONDAIRE) yield* this.historiques[kind].bilan(generationId);
  }
}

function dans(kind: Kind, ligne: ScolariteLigne): boolean {
  if (kind === 'demi-pensionnaires') return ligne.regime === '2';
  if (kind === 'internes') return ligne.regime === '3';
  return ligne.est_boursier;
}

/** The entry: identity, class, régime; the grant's échelon and the guardians (to pay the aid) on the grant list only. */
function etatDans(kind: Kind, s: SituationSecondaire, enfant: Enfant, foyer: Foyer): EtatDansLaListe | null {
  const ligne = s.ligne;
  if (!s.dansPerimetre || !ligne?.uai || !dans(kind, ligne)) return null;
  const donnees: Record<string, unknown> = {
    nom: enfant.nom,
    prenoms: enfant.prenoms,
    date_naissance: enfant.dateNaissance,
    niveau: ligne.niveau_code,
    mef: ligne.code_mef_stat ? { code: ligne.code_mef_stat, libelle: ligne.libelle_mef } : null,
    regime: ligne.regime,
  };
  if (kind === 'boursiers') {
    donnees.echelon = ligne.echelon_bourse;
    donnees.responsables = foyer.responsables.map((r) => ({
      nom: r.nom,
      prenoms: r.prenoms,
      lien: r.lien,
      adresse: { ligne: r.adresse.ligne, code_postal: r.adresse.code_postal, code_insee: r.adresse.code_commune },
    }));
  }
  return { cle: ligne.uai, donnees };
}

/** Why a pupil is no longer on the list of establishment `cle`: he moved away, changed establishment, or régime/grant. */
function motifDeSortie(kind: Kind, s: SituationSecondaire | undefined, cle: string | undefined): string {
  if (!s || !s.dansPerimetre) return 'demenagement';
  if (!s.ligne?.uai || s.ligne.uai !== cle) return 'changement_etablissement';
  return kind === 'boursiers' ? 'fin_bourse' : 'changement_regime';
}
