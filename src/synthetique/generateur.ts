import { Alea, hacher32, TablePonderee } from './alea';
import { type Adresse, Voirie } from './adresses';
import { ajouterJours, anniversaire, anneeDeRentree, dateRentree, datesPublication, estBissextile, jourDeLAnnee, joursEntre, libelleAnneeScolaire } from './calendrier';
import { type Accueil, accueilDuNiveau, CarteScolaire, type EtablissementSource, type Secteur } from './carte-scolaire';
import { normaliserNomMemorise, type Sexe, tirerNom, tirerPrenoms } from './identites';
import {
  type CodeLien,
  type CodeModeInstruction,
  ECHELON_MAX,
  type Mef,
  mefDuNiveau,
  MOTIFS_AJOUT,
  type MotifDebut,
  type MotifFin,
  NIVEAU,
  NIVEAUX,
} from './referentiels';
import { CHAMPS_LISTE, type EleveLigne, type PublicationLigne, type ResponsableLigne, type ResponsableStocke, type ScolariteLigne, type VersionLigne } from './tables';
import { type Commune, type Lieu, Territoire, territoireOfficiel } from './territoire';

/** Share of a commune's population aged 3 to 16 (the compulsory-instruction ages). */
export const PART_3_16_ANS = 0.15;

/** Children per birth cohort, relative to one cohort of 3–16-year-olds: lycée pupils aged 17–19 are those still at school. */
const POIDS_AGE = TablePonderee.depuis<number>([
  ...Array.from({ length: 14 }, (_, i) => [3 + i, 1] as const),
  [17, 0.95],
  [18, 0.2],
  [19, 0.08],
]);

/** Monthly probabilities per household (or per child), and over the summer between the June list and the rentrée. */
const TAUX = {
  demenagementEte: 0.035,
  arriveesEte: 0.035,
  demenagementMois: 0.006,
  arriveesMois: 0.006,
  changementAdresseMois: 0.003,
  rattachementMois: 0.0002,
  changementEtablissementMois: 0.002,
  passageInstructionFamilleMois: 0.0003,
  inconnuRetrouveMois: 0.12,
  erreurIdentite: 0.004,
} as const;

/** Households' school sector; a few children depart from it. */
const SECTEURS = TablePonderee.depuis<Secteur>([
  ['public', 0.836],
  ['prive_sous_contrat', 0.16],
  ['prive_hors_contrat', 0.004],
]);

const SEUIL_BOURSE = 0.255;
/** Levels that do not depend on the track: primary, collège, BTS. */
const NIVEAU_PAR_RANG: Readonly<Record<number, string>> = Object.fromEntries(
  NIVEAUX.filter((n) => n.rang <= 11 || n.rang >= 15).map((n) => [n.rang, n.code]),
);
const LETTRES_CLE = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const MODULO_INE = 36n ** 10n;
/** A Weyl multiplier coprime to 36: consecutive pupils get unrelated-looking INEs. */
const MULTIPLICATEUR_INE = 2262222091487917n;

export interface ParametresGeneration {
  /** Same seed and inputs → same rows, byte for byte. */
  graine: number;
  /** 'YYYY-MM-DD': fixes the school year and the last publication; the clock is never read. */
  aujourdhui: string;
  /** Scale factor on the number of children (1 = the real share of the population). */
  echelle?: number;
  etablissements: readonly EtablissementSource[];
  /** Communes generated in this run: moves to other communes leave the list without an arrival. */
  perimetre: ReadonlySet<string>;
  territoire?: Territoire;
}

/** Receives the rows as they are generated, commune after commune. */
export interface Puits {
  eleve(ligne: EleveLigne): void;
  responsable(ligne: ResponsableLigne): void;
  scolarite(ligne: ScolariteLigne): void;
  version(ligne: VersionLigne): void;
}

interface EtatScolaire {
  mode: CodeModeInstruction;
  uai: string | null;
  niveau: string | null;
  mef: Mef | null;
  dateEntree: string | null;
}

interface Responsable {
  id: string;
  rang: number;
  lien: CodeLien;
  nom: string;
  prenoms: string;
  sexe: Sexe;
  adresse: Adresse;
  /** Separated parents keep their own address when the household moves. */
  suitLeFoyer: boolean;
}

/** An identity error in the source file, corrected at publication `indice`. */
interface Erreur {
  indice: number;
  nom?: string;
  prenoms?: string;
  date_naissance?: string;
  naissance?: Lieu;
}

interface Enfant {
  id: string;
  ine: string;
  alea: Alea;
  nom: string;
  prenoms: string;
  sexe: Sexe;
  dateNaissance: string;
  anneeNaissance: number;
  /** 16th birthday: the end of compulsory instruction. */
  seize: string;
  naissance: Lieu;
  /** Age reached during the calendar year of the current rentrée. */
  age: number;
  /** Years since petite section in the current school year. */
  rang: number;
  redoublant: boolean;
  filiere: 'gt' | 'pro' | 'cap';
  technologique: boolean;
  indiceMef: number;
  uRegime: number;
  uApprenti: number;
  modes: [CodeModeInstruction, CodeModeInstruction];
  /** School years N-2, N-1 and N (null: not schooled yet, or unknown for arrivals). */
  annees: [EtatScolaire | null, EtatScolaire | null, EtatScolaire | null];
  erreur: Erreur | null;
  /** The last version of his entry in a commune's list, not yet closed. */
  ouverte: VersionLigne | null;
  /** Left the territory during the current year. */
  dateSortie: string | null;
  emis: boolean;
  /** Something of his entry changed since the last publication. */
  modifie: boolean;
}

interface Foyer {
  id: string;
  alea: Alea;
  commune: Commune;
  adresse: Adresse;
  responsables: Responsable[];
  enfants: Enfant[];
  /** Lower is poorer: drives the grants. */
  ressources: number;
  secteur: Secteur;
  instructionFamille: boolean;
  /** Establishments chosen for the siblings, by kind and sector. */
  ecoles: Map<string, string | null>;
  /** First publication at which the household lives in its commune (0 for the June list). */
  arrivee: number;
  venuDAilleurs: boolean;
  dansPerimetre: boolean;
  /** Why its children appear in, or leave, a list at the next publication. */
  motifEntree: MotifDebut | null;
  motifSortie: MotifFin | null;
  dateEvenement: string | null;
  responsablesJson: string | null;
  /** Something of its children's entries changed since the last publication. */
  modifie: boolean;
}

/** What happened to one commune's list at one publication. */
interface Compteurs {
  ajouts: number;
  modifications: number;
  retraits: number;
}

/**
 * The synthetic population: households of each commune with their children, schooling over
 * two school years and the monthly changes of the mairie lists. Pure: rows go to a `Puits`,
 * nothing is read from the clock or the database.
 */
export class GenerateurPopulation {
  readonly anneeRentree: number;
  readonly publications: readonly string[];
  private readonly joursIntervalle: readonly number[];
  private readonly racine: Alea;
  private readonly territoire: Territoire;
  private readonly carte: CarteScolaire;
  private readonly voirie: Voirie;
  private readonly echelle: number;
  private readonly compteurs = new Map<string, Map<string, Compteurs>>();
  private puits!: Puits;

  constructor(private readonly parametres: ParametresGeneration) {
    this.territoire = parametres.territoire ?? territoireOfficiel();
    this.carte = new CarteScolaire(parametres.etablissements, this.territoire);
    this.racine = new Alea(parametres.graine);
    this.voirie = new Voirie(hacher32('voirie', parametres.graine), parametres.perimetre);
    this.echelle = parametres.echelle ?? 1;
    this.anneeRentree = anneeDeRentree(parametres.aujourdhui);
    this.publications = datesPublication(parametres.aujourdhui);
    this.joursIntervalle = this.publications.map((d, i) => (i === 0 ? 0 : joursEntre(this.publications[i - 1], d)));
  }

  /** All households living in the commune in June, then those arriving until the last publication. */
  genererCommune(commune: Commune, puits: Puits): void {
    this.puits = puits;
    this.compteursDe(commune.code);
    const alea = this.racine.fils(`commune:${commune.code}`);
    const sequence = { valeur: 0 };
    const cible = (commune.population * PART_3_16_ANS * this.echelle * POIDS_AGE.total) / 14;
    let enfants = 0;
    let foyers = 0;
    // Each household is simulated as soon as it is drawn, so that memory holds one at a time.
    while (enfants < cible) {
      const foyer = this.creerFoyer(alea.fils(`foyer:${foyers}`), commune, `${commune.code}-F${foyers}`, 0, cible - enfants, sequence);
      enfants += foyer.enfants.length;
      foyers++;
      this.simulerFoyer(foyer);
    }
    for (let i = 1; i < this.publications.length; i++) {
      const taux = i === 1 ? TAUX.arriveesEte : TAUX.arriveesMois;
      const nombre = alea.fils(`arrivees:${i}`).arrondir(foyers * taux);
      for (let k = 0; k < nombre; k++) {
        const foyerAlea = alea.fils(`arrivee:${i}:${k}`);
        const foyer = this.creerFoyer(foyerAlea, commune, `${commune.code}-A${i}-${k}`, i, Infinity, sequence);
        foyer.motifEntree = 'arrivee';
        foyer.dateEvenement = this.dateDansIntervalle(foyerAlea, i);
        this.simulerFoyer(foyer);
      }
    }
  }

  /** Counts of each commune's publications (commune order, then date order), once every commune is generated. */
  *bilanPublications(generationId: number): Generator<PublicationLigne> {
    for (const [code, parDate] of [...this.compteurs].sort(([a], [b]) => (a < b ? -1 : 1))) {
      let nombre = 0;
      for (let i = 0; i < this.publications.length; i++) {
        const date = this.publications[i];
        const c = parDate.get(date) ?? { ajouts: 0, modifications: 0, retraits: 0 };
        nombre += c.ajouts - c.retraits;
        yield {
          code_commune: code,
          date_publication: date,
          annee_scolaire: this.anneeScolaireA(i),
          numero: i + 1,
          nombre_enfants: nombre,
          nombre_ajouts: c.ajouts,
          nombre_modifications: c.modifications,
          nombre_retraits: c.retraits,
          generation_id: generationId,
        };
      }
    }
  }

  private anneeScolaireA(indice: number): string {
    return libelleAnneeScolaire(indice === 0 ? this.anneeRentree - 1 : this.anneeRentree);
  }

  // ---- households and children -------------------------------------------------------

  private creerFoyer(alea: Alea, commune: Commune, id: string, arrivee: number, restant: number, sequence: { valeur: number }): Foyer {
    const u = alea.nombre();
    const taille = Math.max(1, Math.min(u < 0.4 ? 1 : u < 0.8 ? 2 : u < 0.95 ? 3 : 4, Math.ceil(restant)));
    const adresse = this.voirie.adresse(alea, commune);
    const foyer: Foyer = {
      id,
      alea,
      commune,
      adresse,
      responsables: [],
      enfants: [],
      ressources: alea.nombre(),
      secteur: SECTEURS.tirer(alea),
      instructionFamille: alea.probabilite(0.003),
      ecoles: new Map(),
      arrivee,
      venuDAilleurs: arrivee > 0,
      dansPerimetre: this.parametres.perimetre.has(commune.code),
      motifEntree: null,
      motifSortie: null,
      dateEvenement: null,
      responsablesJson: null,
      modifie: true,
    };
    const nomEnfants = this.creerResponsables(foyer);
    for (let k = 0; k < taille; k++) foyer.enfants.push(this.creerEnfant(foyer, alea.fils(`enfant:${k}`), nomEnfants, sequence));
    return foyer;
  }

  /** One or two legal guardians; returns the children's surname. */
  private creerResponsables(foyer: Foyer): string {
    const alea = foyer.alea;
    const nomPere = tirerNom(alea);
    const nomMere = tirerNom(alea);
    const u = alea.nombre();
    const forme = u < 0.62 ? 'couple' : u < 0.76 ? 'separes' : u < 0.93 ? 'mere' : u < 0.97 ? 'pere' : u < 0.99 ? 'tuteur' : 'famille';
    if (forme === 'couple' || forme === 'separes') {
      const nomMereUsage = forme === 'couple' && alea.probabilite(0.45) ? nomPere : nomMere;
      if (alea.probabilite(0.65)) {
        this.ajouterResponsable(foyer, 'mere', nomMereUsage, 'F');
        this.ajouterResponsable(foyer, 'pere', nomPere, 'M');
      } else {
        this.ajouterResponsable(foyer, 'pere', nomPere, 'M');
        this.ajouterResponsable(foyer, 'mere', nomMereUsage, 'F');
      }
      if (forme === 'separes') {
        const ailleurs = foyer.responsables[1];
        const commune = alea.probabilite(0.4) ? foyer.commune : this.territoire.destination(alea, foyer.commune);
        ailleurs.adresse = this.voirie.adresse(alea, commune);
        ailleurs.suitLeFoyer = false;
      }
      const v = alea.nombre();
      return v < 0.8 ? nomPere : v < 0.9 ? `${nomPere} ${nomMere}` : nomMere;
    }
    if (forme === 'mere') {
      this.ajouterResponsable(foyer, 'mere', nomMere, 'F');
      return alea.probabilite(0.7) ? nomMere : nomPere;
    }
    if (forme === 'pere') {
      this.ajouterResponsable(foyer, 'pere', nomPere, 'M');
      return nomPere;
    }
    const sexe: Sexe = alea.probabilite(0.7) ? 'F' : 'M';
    this.ajouterResponsable(foyer, forme === 'tuteur' ? 'tuteur' : 'autre_membre_famille', alea.probabilite(0.5) ? nomPere : tirerNom(alea), sexe);
    return nomPere;
  }

  private ajouterResponsable(foyer: Foyer, lien: CodeLien, nom: string, sexe: Sexe): void {
    const rang = foyer.responsables.length + 1;
    foyer.responsables.push({
      id: `${foyer.id}-R${rang}`,
      rang,
      lien,
      nom,
      prenoms: tirerPrenoms(foyer.alea, sexe, 'adulte'),
      sexe,
      adresse: foyer.adresse,
      suitLeFoyer: true,
    });
  }

  private creerEnfant(foyer: Foyer, alea: Alea, nom: string, sequence: { valeur: number }): Enfant {
    const numero = sequence.valeur++;
    const age = POIDS_AGE.tirer(alea);
    const anneeNaissance = this.anneeRentree - age;
    const dateNaissance = jourDeLAnnee(anneeNaissance, Math.floor(alea.nombre() * (estBissextile(anneeNaissance) ? 366 : 365)));
    const sexe: Sexe = alea.probabilite(0.512) ? 'M' : 'F';
    const decalage = this.tirerDecalage(alea, age);
    const rang = Math.max(0, Math.min(16, age - 3 - decalage));
    const enRetard = decalage >= 1;
    const v = alea.nombre();
    const tiree = enRetard ? (v < 0.3 ? 'gt' : v < 0.75 ? 'pro' : 'cap') : v < 0.65 ? 'gt' : v < 0.93 ? 'pro' : 'cap';
    // BTS students came through a bac, not a CAP.
    const filiere = tiree === 'cap' && rang >= 15 ? 'pro' : tiree;
    const enfant: Enfant = {
      id: `${foyer.commune.code}-${String(numero).padStart(6, '0')}`,
      ine: this.ine(foyer.commune.code, numero),
      alea,
      nom,
      prenoms: tirerPrenoms(alea, sexe, 'enfant'),
      sexe,
      dateNaissance,
      anneeNaissance,
      seize: anniversaire(dateNaissance, 16),
      naissance: this.territoire.lieuNaissance(alea, foyer.commune.departement, foyer.venuDAilleurs),
      age,
      rang,
      redoublant: enRetard && rang >= 3 && alea.probabilite(0.2),
      filiere,
      technologique: alea.probabilite(0.28),
      indiceMef: alea.entier32(),
      uRegime: alea.nombre(),
      uApprenti: alea.nombre(),
      modes: ['public', 'public'],
      annees: [null, null, null],
      erreur: null,
      ouverte: null,
      dateSortie: null,
      emis: false,
      modifie: false,
    };
    enfant.modes = this.tirerModes(alea, foyer, age);
    enfant.erreur = this.tirerErreur(alea, enfant, foyer);
    return enfant;
  }

  /** Years behind (positive) or ahead (negative) of the usual level for the age. */
  private tirerDecalage(alea: Alea, age: number): number {
    const u = alea.nombre();
    if (age <= 5) return 0;
    if (age === 17) return u < 0.85 ? 0 : 1;
    if (age === 18) return u < 0.55 ? 0 : 1;
    if (age === 19) return u < 0.5 ? 0 : u < 0.8 ? 1 : 2;
    return u < 0.01 ? -1 : u < 0.915 ? 0 : u < 0.995 ? 1 : 2;
  }

  /** Modes of instruction for the previous and the current school year. */
  private tirerModes(alea: Alea, foyer: Foyer, age: number): [CodeModeInstruction, CodeModeInstruction] {
    const secteur = alea.probabilite(0.12) ? SECTEURS.tirer(alea) : foyer.secteur;
    if (age > 16) return [secteur, secteur];
    if (foyer.instructionFamille) return ['instruction_famille', 'instruction_famille'];
    const u = alea.nombre();
    if (u < 0.0015) return ['etablissement_specialise', 'etablissement_specialise'];
    if (u < 0.0025) return [alea.probabilite(0.6) ? 'cned' : secteur, 'cned'];
    if (u < 0.0035) return [secteur, 'inconnu'];
    if (alea.probabilite(0.03)) return [secteur === 'public' ? 'prive_sous_contrat' : 'public', secteur];
    return [secteur, secteur];
  }

  /** A few files carry an identity error that a later publication corrects. */
  private tirerErreur(alea: Alea, enfant: Enfant, foyer: Foyer): Erreur | null {
    const dernier = this.publications.length - 1;
    const premier = Math.max(2, foyer.arrivee + 1);
    if (premier > dernier || !alea.probabilite(TAUX.erreurIdentite)) return null;
    const indice = alea.entre(premier, dernier);
    const u = alea.nombre();
    if (u < 0.4) {
      const prenoms = enfant.prenoms.split(' ');
      return { indice, prenoms: prenoms.length > 1 ? prenoms.slice(0, -1).join(' ') : sansAccents(enfant.prenoms) };
    }
    if (u < 0.7) {
      const decale = ajouterJours(enfant.dateNaissance, alea.probabilite(0.5) ? 1 : -1);
      return { indice, date_naissance: decale.slice(0, 4) === enfant.dateNaissance.slice(0, 4) ? decale : ajouterJours(enfant.dateNaissance, 2) };
    }
    if (u < 0.85 && enfant.nom !== sansAccents(enfant.nom)) return { indice, nom: sansAccents(enfant.nom) };
    return { indice, naissance: this.territoire.lieuNaissance(alea, foyer.commune.departement, false) };
  }

  /** INE: a bijection of (commune, sequence) so two pupils never share one, whatever the scope. */
  private ine(codeCommune: string, numero: number): string {
    const n = BigInt(this.territoire.ordinal(codeCommune) + 1) * 10_000_000n + BigInt(numero);
    const decalage = BigInt(hacher32('ine', this.parametres.graine));
    const valeur = (n * MULTIPLICATEUR_INE + decalage) % MODULO_INE;
    return valeur.toString(36).toUpperCase().padStart(10, '0') + LETTRES_CLE[Number(valeur % 23n)];
  }

  // ---- schooling -------------------------------------------------------------------------

  private niveauDuRang(enfant: Enfant, rang: number): string | null {
    if (rang < 0) return null;
    if (rang <= 11 || rang >= 15) return NIVEAU_PAR_RANG[rang];
    const { filiere, technologique } = enfant;
    if (rang === 12) return filiere === 'gt' ? '2GT' : filiere === 'pro' ? '2PRO' : '1CAP';
    if (rang === 13) return filiere === 'gt' ? (technologique ? '1T' : '1G') : filiere === 'pro' ? '1PRO' : '2CAP';
    // After a CAP, the pupils still at school go on to a bac pro.
    return filiere === 'gt' ? (technologique ? 'TT' : 'TG') : filiere === 'pro' ? 'TPRO' : '1PRO';
  }

  /**
   * The schooling of a child in year `indiceAnnee` (0 = N-2, 1 = N-1, 2 = N), living in
   * `commune`: he keeps last year's establishment when it teaches his new level.
   */
  private etatAnnee(enfant: Enfant, foyer: Foyer, indiceAnnee: number, precedent: EtatScolaire | null, dateEntree: string | null): EtatScolaire | null {
    const rangCourant = enfant.rang;
    const rangPrecedent = enfant.redoublant ? rangCourant : rangCourant - 1;
    const rang = indiceAnnee === 2 ? rangCourant : indiceAnnee === 1 ? rangPrecedent : rangPrecedent - 1;
    const niveau = this.niveauDuRang(enfant, rang);
    if (!niveau) return null;
    const mode = enfant.modes[indiceAnnee === 2 ? 1 : 0];
    return this.scolariser(enfant, foyer, mode, niveau, precedent, dateEntree);
  }

  private scolariser(enfant: Enfant, foyer: Foyer, mode: CodeModeInstruction, niveau: string, precedent: EtatScolaire | null, dateEntree: string | null): EtatScolaire {
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

  private ligneScolarite(enfant: Enfant, foyer: Foyer, etat: EtatScolaire, annee: number, dateSortie: string | null): ScolariteLigne {
    const niveau = etat.niveau ? NIVEAU[etat.niveau] : null;
    const cycle = niveau?.cycle;
    const secondaire = cycle === 'college' || cycle === 'lycee' || cycle === 'sts';
    const enEtablissement = etat.uai !== null || etat.mode === 'cned';
    const bourse = (cycle === 'college' || cycle === 'lycee') && (etat.mode === 'public' || etat.mode === 'prive_sous_contrat') && foyer.ressources < SEUIL_BOURSE;
    const internat = !!etat.uai && !!this.carte.etablissement(etat.uai)?.internat;
    let regime: string | null = null;
    if (secondaire && etat.uai) {
      const [externe, demiPension] = cycle === 'college' ? [0.25, 0.98] : cycle === 'lycee' ? [0.35, 0.88] : [0.5, 0.92];
      regime = enfant.uRegime < externe ? '0' : enfant.uRegime < demiPension || !internat ? '2' : '3';
    }
    const apprenti = (cycle === 'sts' || (etat.niveau !== null && /PRO|CAP/.test(etat.niveau))) && enfant.uApprenti < 0.08;
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

  // ---- the timeline ----------------------------------------------------------------------

  private simulerFoyer(foyer: Foyer): void {
    const rentree = this.publications[1];
    if (foyer.arrivee === 0) {
      for (const enfant of foyer.enfants) {
        enfant.annees[0] = this.etatAnnee(enfant, foyer, 0, null, null);
        enfant.annees[1] = this.etatAnnee(enfant, foyer, 1, enfant.annees[0], dateRentree(this.anneeRentree - 1));
      }
      this.publier(foyer, 0);
    } else {
      for (const enfant of foyer.enfants) this.arriverDAilleurs(enfant, foyer);
      this.publier(foyer, foyer.arrivee);
    }
    for (let i = Math.max(1, foyer.arrivee + 1); i < this.publications.length; i++) {
      if (!foyer.dansPerimetre) break;
      if (i === 1) this.ete(foyer, rentree);
      else this.mois(foyer, i);
      this.publier(foyer, i);
    }
    this.cloturer(foyer);
  }

  /** A household coming from outside: this year's schooling in its new commune, last year's mostly unknown. */
  private arriverDAilleurs(enfant: Enfant, foyer: Foyer): void {
    const date = foyer.dateEvenement ?? this.publications[foyer.arrivee];
    enfant.annees[2] = this.etatAnnee(enfant, foyer, 2, null, date);
    const niveauPrecedent = this.niveauDuRang(enfant, enfant.redoublant ? enfant.rang : enfant.rang - 1);
    if (niveauPrecedent && enfant.alea.probabilite(0.5)) {
      enfant.annees[1] = { mode: enfant.modes[0], uai: null, niveau: niveauPrecedent, mef: null, dateEntree: null };
    }
  }

  /** Between the June list and the rentrée: moves, arrivals and the new school year. */
  private ete(foyer: Foyer, rentree: string): void {
    const demenage = foyer.alea.probabilite(TAUX.demenagementEte);
    if (demenage) this.demenager(foyer, this.territoire.destination(foyer.alea, foyer.commune), this.dateDansIntervalle(foyer.alea, 1), 'demenagement');
    if (!foyer.dansPerimetre) return;
    for (const enfant of foyer.enfants) {
      enfant.annees[2] = this.etatAnnee(enfant, foyer, 2, demenage ? null : enfant.annees[1], rentree);
    }
  }

  /** One month of the school year. */
  private mois(foyer: Foyer, i: number): void {
    const alea = foyer.alea;
    const u = alea.nombre();
    const date = this.dateDansIntervalle(alea, i);
    if (u < TAUX.demenagementMois) {
      this.demenager(foyer, this.territoire.destination(alea, foyer.commune), date, 'demenagement');
    } else if (u < TAUX.demenagementMois + TAUX.changementAdresseMois) {
      this.changerAdresse(foyer, this.voirie.adresse(alea, foyer.commune));
      foyer.dateEvenement = date;
    } else if (u < TAUX.demenagementMois + TAUX.changementAdresseMois + TAUX.rattachementMois) {
      this.demenager(foyer, this.territoire.voisine(alea, foyer.commune), date, 'correction');
    }
    if (!foyer.dansPerimetre) return;
    for (const enfant of foyer.enfants) {
      const etat = enfant.annees[2];
      if (!etat) continue;
      const v = enfant.alea.nombre();
      if (etat.mode === 'inconnu') {
        if (v < TAUX.inconnuRetrouveMois && etat.niveau === null) {
          const niveau = this.niveauDuRang(enfant, enfant.rang);
          if (niveau) enfant.annees[2] = this.scolariser(enfant, foyer, foyer.secteur, niveau, null, date);
          enfant.modifie = true;
        }
      } else if (etat.uai && etat.niveau && v < TAUX.changementEtablissementMois) {
        const autre = this.carte.choisir(enfant.alea, foyer.commune, accueilDuNiveau(etat.niveau), etat.mode as Secteur, etat.uai);
        if (autre && autre.uai !== etat.uai) enfant.annees[2] = { ...etat, uai: autre.uai, dateEntree: date };
        enfant.modifie = true;
      } else if ((etat.mode === 'public' || etat.mode === 'prive_sous_contrat') && enfant.age <= 16 && v > 1 - TAUX.passageInstructionFamilleMois) {
        enfant.annees[2] = { mode: 'instruction_famille', uai: null, niveau: null, mef: null, dateEntree: date };
        enfant.modifie = true;
      }
    }
  }

  /** The household leaves for another commune (or was attached to the wrong one, `correction`). */
  private demenager(foyer: Foyer, destination: Commune, date: string, motif: MotifFin): void {
    foyer.commune = destination;
    foyer.dansPerimetre = this.parametres.perimetre.has(destination.code);
    foyer.motifSortie = motif;
    foyer.motifEntree = motif === 'correction' ? 'rattachement' : 'arrivee';
    foyer.dateEvenement = date;
    this.changerAdresse(foyer, this.voirie.adresse(foyer.alea, destination));
    // A wrong attachment was a clerical error: the children stay in their schools.
    if (motif === 'correction') return;
    foyer.ecoles.clear();
    if (date <= this.publications[1]) return;
    for (const enfant of foyer.enfants) {
      const etat = enfant.annees[2];
      if (!etat) continue;
      if (!foyer.dansPerimetre) {
        enfant.dateSortie = date;
        continue;
      }
      // Primary pupils change school with the commune; secondary pupils keep theirs within the département.
      const cycle = etat.niveau ? NIVEAU[etat.niveau].cycle : null;
      const garde = (cycle === 'lycee' || cycle === 'sts' || cycle === 'college') && this.carte.etablissement(etat.uai ?? '')?.departement === destination.departement;
      if (etat.uai && etat.niveau && !garde) enfant.annees[2] = this.scolariser(enfant, foyer, etat.mode, etat.niveau, null, date);
    }
  }

  private changerAdresse(foyer: Foyer, adresse: Adresse): void {
    foyer.modifie = true;
    foyer.adresse = adresse;
    for (const r of foyer.responsables) if (r.suitLeFoyer) r.adresse = adresse;
    foyer.responsablesJson = null;
  }

  private dateDansIntervalle(alea: Alea, i: number): string {
    return ajouterJours(this.publications[i - 1], 1 + Math.floor(alea.nombre() * this.joursIntervalle[i]));
  }

  // ---- the lists -------------------------------------------------------------------------

  /** Subject to compulsory instruction on `date`: 3 in the calendar year of the rentrée, not yet 16. */
  private estSoumis(enfant: Enfant, indice: number, date: string): boolean {
    const annee = indice === 0 ? this.anneeRentree - 1 : this.anneeRentree;
    return enfant.anneeNaissance <= annee - 3 && date < enfant.seize;
  }

  /** Each child's entry in his commune's list at publication `i`, compared with his previous one. */
  private publier(foyer: Foyer, i: number): void {
    const date = this.publications[i];
    for (const enfant of foyer.enfants) {
      if (i >= 2 && !foyer.modifie && !enfant.modifie && enfant.erreur?.indice !== i) {
        // Nothing happened this month: only a 16th birthday can take him off the list.
        if (enfant.ouverte && date >= enfant.seize) this.fermer(enfant, date, 'fin_obligation');
        continue;
      }
      enfant.modifie = false;
      const visible = foyer.dansPerimetre && this.estSoumis(enfant, i, date);
      const fiche = visible ? this.fiche(enfant, foyer, i) : null;
      const ouverte = enfant.ouverte;
      if (ouverte && (!fiche || fiche.code_commune !== ouverte.code_commune)) {
        const motif = ouverte.code_commune !== foyer.commune.code ? (foyer.motifSortie ?? 'demenagement') : 'fin_obligation';
        this.fermer(enfant, date, motif);
      }
      if (!fiche) continue;
      if (!enfant.ouverte) {
        fiche.motif_debut = i === 0 ? 'publication_initiale' : (foyer.motifEntree ?? 'entree_obligation');
        fiche.date_evenement = i === 0 ? date : (foyer.motifEntree ? (foyer.dateEvenement ?? date) : date);
        this.ouvrir(enfant, fiche);
        continue;
      }
      const changes = champsModifies(enfant.ouverte, fiche);
      if (changes.length === 0) continue;
      fiche.motif_debut = motifModification(i, changes);
      fiche.champs_modifies = JSON.stringify(changes);
      fiche.date_evenement = i === 1 ? date : (foyer.dateEvenement ?? this.dateChangementScolaire(enfant, i) ?? date);
      this.fermer(enfant, date, null);
      this.ouvrir(enfant, fiche);
    }
    foyer.motifEntree = null;
    foyer.motifSortie = null;
    foyer.dateEvenement = null;
    foyer.modifie = false;
  }

  /** The day a child changed school or mode during the month before publication `i`, if he did. */
  private dateChangementScolaire(enfant: Enfant, i: number): string | null {
    const entree = enfant.annees[2]?.dateEntree;
    return entree && entree > this.publications[i - 1] ? entree : null;
  }

  private fiche(enfant: Enfant, foyer: Foyer, i: number): VersionLigne {
    const erreur = enfant.erreur && enfant.erreur.indice > i ? enfant.erreur : null;
    const courant = i === 0 ? enfant.annees[1] : enfant.annees[2];
    const precedent = i === 0 ? enfant.annees[0] : enfant.annees[1];
    const naissance = erreur?.naissance ?? enfant.naissance;
    return {
      eleve_id: enfant.id,
      code_commune: foyer.commune.code,
      annee_scolaire: this.anneeScolaireA(i),
      valide_du: this.publications[i],
      valide_jusqu_au: null,
      motif_debut: 'publication_initiale',
      motif_fin: null,
      champs_modifies: null,
      date_evenement: this.publications[i],
      nom: erreur?.nom ?? enfant.nom,
      prenoms: erreur?.prenoms ?? enfant.prenoms,
      sexe: enfant.sexe,
      date_naissance: erreur?.date_naissance ?? enfant.dateNaissance,
      code_commune_naissance: naissance.code,
      libelle_commune_naissance: naissance.libelle,
      adresse_ligne: foyer.adresse.ligne,
      code_postal: foyer.adresse.code_postal,
      mode_instruction: courant?.mode ?? 'inconnu',
      uai: courant?.uai ?? null,
      niveau_code: courant?.niveau ?? null,
      mode_instruction_precedent: precedent?.mode ?? null,
      uai_precedent: precedent?.uai ?? null,
      niveau_precedent_code: precedent?.niveau ?? null,
      responsables: this.responsablesJson(foyer),
    };
  }

  private responsablesJson(foyer: Foyer): string {
    if (foyer.responsablesJson === null) {
      const stockes: ResponsableStocke[] = [];
      for (const r of foyer.responsables) {
        const stocke: ResponsableStocke = { nom: r.nom, prenoms: r.prenoms, lien: r.lien };
        if (!r.suitLeFoyer) stocke.adresse = { ligne: r.adresse.ligne, code_postal: r.adresse.code_postal, code_insee: r.adresse.code_commune };
        stockes.push(stocke);
      }
      foyer.responsablesJson = JSON.stringify(stockes);
    }
    return foyer.responsablesJson;
  }

  private ouvrir(enfant: Enfant, fiche: VersionLigne): void {
    enfant.ouverte = fiche;
    enfant.emis = true;
    const c = this.compteursDe(fiche.code_commune, fiche.valide_du);
    if (MOTIFS_AJOUT.includes(fiche.motif_debut)) c.ajouts++;
    else c.modifications++;
  }

  private fermer(enfant: Enfant, date: string, motif: MotifFin | null): void {
    const version = enfant.ouverte!;
    version.valide_jusqu_au = date;
    version.motif_fin = motif;
    if (motif) this.compteursDe(version.code_commune, date).retraits++;
    this.puits.version(version);
    enfant.ouverte = null;
  }

  private compteursDe(code: string, date?: string): Compteurs {
    let parDate = this.compteurs.get(code);
    if (!parDate) {
      parDate = new Map();
      this.compteurs.set(code, parDate);
    }
    if (!date) return { ajouts: 0, modifications: 0, retraits: 0 };
    let c = parDate.get(date);
    if (!c) {
      c = { ajouts: 0, modifications: 0, retraits: 0 };
      parDate.set(date, c);
    }
    return c;
  }

  /** Open versions, then the current state of the household: pupils, schooling, guardians. */
  private cloturer(foyer: Foyer): void {
    let emis = false;
    for (const enfant of foyer.enfants) {
      if (enfant.ouverte) {
        this.puits.version(enfant.ouverte);
        enfant.ouverte = null;
      }
      const scolarites: ScolariteLigne[] = [];
      const [, precedente, courante] = enfant.annees;
      if (precedente && foyer.arrivee === 0) scolarites.push(this.ligneScolarite(enfant, foyer, precedente, this.anneeRentree - 1, null));
      if (courante) scolarites.push(this.ligneScolarite(enfant, foyer, courante, this.anneeRentree, enfant.dateSortie));
      if (!enfant.emis && scolarites.length === 0) continue;
      emis = true;
      this.puits.eleve({
        id: enfant.id,
        ine: enfant.ine,
        nom: enfant.nom,
        prenoms: enfant.prenoms,
        sexe: enfant.sexe,
        date_naissance: enfant.dateNaissance,
        code_commune_naissance: enfant.naissance.code,
        libelle_commune_naissance: enfant.naissance.libelle,
        nom_normalise: normaliserNomMemorise(enfant.nom),
        foyer_id: foyer.id,
        adresse_ligne: foyer.adresse.ligne,
        code_postal: foyer.adresse.code_postal,
        code_commune_residence: foyer.adresse.code_commune,
      });
      for (const s of scolarites) this.puits.scolarite(s);
    }
    if (!emis) return;
    for (const r of foyer.responsables) {
      this.puits.responsable({
        id: r.id,
        foyer_id: foyer.id,
        rang: r.rang,
        lien: r.lien,
        nom: r.nom,
        prenoms: r.prenoms,
        sexe: r.sexe,
        adresse_ligne: r.adresse.ligne,
        code_postal: r.adresse.code_postal,
        code_commune: r.adresse.code_commune,
      });
    }
  }
}

/** Échelon from the household's relative resources (0 = poorest): the poorest get the highest échelon. */
function echelon(relatif: number, maximum: number): number {
  const seuils = maximum === 3 ? [0.3, 0.55] : [0.13, 0.25, 0.4, 0.55, 0.7];
  const rang = seuils.findIndex((s) => relatif < s);
  return rang === -1 ? 1 : maximum - rang;
}

function sansAccents(texte: string): string {
  return texte.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function champsModifies(avant: VersionLigne, apres: VersionLigne): string[] {
  const champs: string[] = [];
  for (const [colonne, champ] of CHAMPS_LISTE) {
    if (avant[colonne] !== apres[colonne] && !champs.includes(champ)) champs.push(champ);
  }
  return champs;
}

function motifModification(indice: number, champs: readonly string[]): MotifDebut {
  if (indice === 1) return 'rentree';
  if (champs.some((c) => c === 'nom' || c === 'prenoms' || c === 'date_naissance' || c === 'lieu_naissance')) return 'correction';
  if (champs.includes('mode_instruction')) return 'changement_mode';
  if (champs.includes('etablissement')) return 'changement_etablissement';
  return 'changement_adresse';
}
