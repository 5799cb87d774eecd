import { libelleAnneeScolaire } from '../referentiels/calendrier';
import { type Accueil, accueilDuNiveau, type CarteScolaire, type Secteur } from './carte-scolaire';
import type { Enfant, EtatScolaire, Foyer } from './modele';
import { type CodeModeInstruction, ECHELON_MAX, mefDuNiveau, NIVEAU, NIVEAUX } from '../referentiels/nomenclatures';
import type { ScolariteLigne } from '../db/tables-eleves';
import type { Commune } from '../territoire/geographie';

/** Households below this relative resource level get a national grant (≈ 25 % of secondary pupils). */
const SEUIL_BOURSE = 0.255;
/** Levels that do not depend on the track: primary, collège, BTS. */
const NIVEAU_PAR_RANG: Readonly<Record<number, string>> = Object.fromEntries(NIVEAUX.filter((n) => n.rang <= 11 || n.rang >= 15).map((n) => [n.rang, n.code]));

/** Levels, establishments, grants and regimes of a child, year by year. */
export class Scolarisation {
  constructor(
    private readonly carte: CarteScolaire,
    private readonly anneeRentree: number,
  ) {}

  niveauDuRang(enfant: Enfant, rang: number): string | null {
    if (rang < 0) return null;
    if (rang <= 11 || rang >= 15) return NIVEAU_PAR_RANG[rang];
    const { filiere, technologique } = enfant;
    if (rang === 12) return filiere === 'gt' ? '2GT' : filiere === 'pro' ? '2PRO' : '1CAP';
    if (rang === 13) return filiere === 'gt' ? (technologique ? '1T' : '1G') : filiere === 'pro' ? '1PRO' : '2CAP';
    // After a CAP, the pupils still at school go on to a bac pro.
    return filiere === 'gt' ? (technologique ? 'TT' : 'TG') : filiere === 'pro' ? 'TPRO' : '1PRO';
  }

  /**
   * The schooling of a child in year `indiceAnnee` (0 = N-2, 1 = N-1, 2 = N), near his
   * household's commune: he keeps last year's establishment when it teaches his new level.
   */
  etatAnnee(enfant: Enfant, foyer: Foyer, indiceAnnee: number, precedent: EtatScolaire | null, dateEntree: string | null): EtatScolaire | null {
    const rangCourant = enfant.rang;
    const rangPrecedent = enfant.redoublant ? rangCourant : rangCourant - 1;
    const rang = indiceAnnee === 2 ? rangCourant : indiceAnnee === 1 ? rangPrecedent : rangPrecedent - 1;
    const niveau = this.niveauDuRang(enfant, rang);
    if (!niveau) return null;
    const mode = enfant.modes[indiceAnnee === 2 ? 1 : 0];
    return this.scolariser(enfant, foyer, mode, niveau, precedent, dateEntree);
  }

  scolariser(enfant: Enfant, foyer: Foyer, mode: CodeModeInstruction, niveau: string, precedent: EtatScolaire | null, dateEntree: string | null): EtatScolaire {
    switch (mode) {
      case 'instruction_famille':
      case 'inconnu':
        return { mode, uai: null, niveau: null, mef: null, dateEntree };
      case 'cned':
        return { mode, uai: null, niveau, mef: mefDuNiveau(niveau, enfant.indiceMef), dateEntree };
      case 'etablissement_specialise': {
        const etablissement = this.carte.choisir(foyer.alea, foyer.commune, 'specialise', 'public');
        if (etablissement) return { mode, uai: etablissement.uai, niveau: null, mef: null, dateEntree };
        return this.scolariser(enfant, foyer, 'public', niveau, precedent, dateEntree);
      }
      default: {
        const accueil = accueilDuNiveau(niveau);
        const secteur = this.secteurOffert(foyer.commune, accueil, mode);
        const mef = mefDuNiveau(niveau, enfant.indiceMef);
        if (precedent?.uai && precedent.mode === secteur && this.carte.accueille(precedent.uai, accueil)) {
          return { mode: secteur, uai: precedent.uai, niveau, mef, dateEntree };
        }
        const cle = `${accueil}|${secteur}`;
        let uai = foyer.ecoles.get(cle);
        if (uai === undefined) {
          uai = this.carte.choisir(foyer.alea, foyer.commune, accueil, secteur)?.uai ?? null;
          foyer.ecoles.set(cle, uai);
        }
        return { mode: secteur, uai, niveau, mef, dateEntree };
      }
    }
  }

  /** No such establishment in the family's sector: it falls back on private under contract, then public. */
  private secteurOffert(commune: Commune, accueil: Accueil, mode: Secteur): Secteur {
    if (this.carte.propose(commune, accueil, mode)) return mode;
    if (mode === 'prive_hors_contrat' && this.carte.propose(commune, accueil, 'prive_sous_contrat')) return 'prive_sous_contrat';
    return 'public';
  }

  ligneScolarite(enfant: Enfant, foyer: Foyer, etat: EtatScolaire, annee: number, dateSortie: string | null): ScolariteLigne {
    const niveau = etat.niveau ? NIVEAU[etat.niveau] : null;
    const cycle = niveau?.cycle;
    const secondaire = cycle === 'college' || cycle === 'lycee' || cycle === 'sts';
    const enEtablissement = etat.uai !== null || etat.mode === 'cned';
    const apprenti = (cycle === 'sts' || (etat.niveau !== null && /PRO|CAP/.test(etat.niveau))) && enfant.uApprenti < 0.08;
    // National grants go to collège and lycée pupils of public and contracted schools, not to apprentices.
    const bourse =
      (cycle === 'college' || cycle === 'lycee') &&
      (etat.mode === 'public' || etat.mode === 'prive_sous_contrat') &&
      !apprenti &&
      foyer.ressources < SEUIL_BOURSE;
    const internat = !!etat.uai && !!this.carte.etablissement(etat.uai)?.internat;
    let regime: string | null = null;
    if (secondaire && etat.uai) {
      const [externe, demiPension] = cycle === 'college' ? [0.25, 0.98] : cycle === 'lycee' ? [0.35, 0.88] : [0.5, 0.92];
      regime = enfant.uRegime < externe ? '0' : enfant.uRegime < demiPension || !internat ? '2' : '3';
    }
    return {
      eleve_id: enfant.id,
      annee_scolaire: libelleAnneeScolaire(annee),
      mode_instruction: etat.mode,
      uai: etat.uai,
      niveau_code: etat.niveau,
      niveau_libelle: niveau?.libelle ?? null,
      code_mef_stat: etat.mef?.code_mef_stat ?? null,
      libelle_mef: etat.mef?.libelle ?? null,
      statut_eleve: enEtablissement ? (apprenti ? 'AP' : 'ST') : null,
      est_boursier: bourse,
      echelon_bourse: bourse ? echelon(foyer.ressources / SEUIL_BOURSE, cycle === 'college' ? ECHELON_MAX.college : ECHELON_MAX.lycee) : null,
      regime,
      redoublant: annee === this.anneeRentree && enfant.redoublant && etat.niveau !== null,
      date_entree: etat.dateEntree,
      date_sortie: dateSortie,
    };
  }
}

/** Échelon from the household's relative resources (0 = poorest): the poorest get the highest échelon. */
function echelon(relatif: number, maximum: number): number {
  const seuils = maximum === 3 ? [0.3, 0.55] : [0.13, 0.25, 0.4, 0.55, 0.7];
  const rang = seuils.findIndex((s) => relatif < s);
  return rang === -1 ? 1 : maximum - rang;
}
