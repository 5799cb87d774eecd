import { Alea, hacher32, TablePonderee } from './alea';
import { type Adresse, Voirie } from './adresses';
import {
  ajouterJours,
  anniversaire,
  anneeDeRentree,
  dateRentree,
  datesPublication,
  estBissextile,
  jourDeLAnnee,
  joursEntre,
  libelleAnneeScolaire,
} from '../referentiels/calendrier';
import { accueilDuNiveau, CarteScolaire, type EtablissementSource, type Secteur } from './carte-scolaire';
import { HistoriqueListes } from './historique-listes';
import { ListesSecondaire } from './listes-secondaire';
import { normaliserNomMemorise, tirerNom, tirerPrenoms } from './identites';
import type { Enfant, Erreur, Foyer } from './modele';
import { type CodeLien, type CodeModeInstruction, type MotifFin, NIVEAU, type Sexe } from '../referentiels/nomenclatures';
import { Scolarisation } from './scolarisation';
import { tirerPcs } from './pcs';
import type {
  EleveLigne,
  ListePublicationLigne,
  ListeVersionLigne,
  PublicationLigne,
  ResponsableLigne,
  ResponsableStocke,
  ScolariteLigne,
  VersionLigne,
} from '../db/tables-eleves';
import type { Commune } from '../territoire/geographie';
import { type CarteDesCommunes, carteOfficielleDesCommunes } from './territoire';

/** Share of a commune's population aged 3 to 16 (the compulsory-instruction ages). */
const PART_3_16_ANS = 0.15;

/** Children per birth cohort, relative to one cohort of 3–16-year-olds: lycée pupils aged 17–19 are those still at school. */
const POIDS_AGE = TablePonderee.depuis<number>([...Array.from({ length: 14 }, (_, i) => [3 + i, 1] as const), [17, 0.95], [18, 0.2], [19, 0.08]]);

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
  territoire?: CarteDesCommunes;
}

/** Receives the rows as they are generated, commune after commune. */
export interface Puits {
  eleve(ligne: EleveLigne): void;
  responsable(ligne: ResponsableLigne): void;
  scolarite(ligne: ScolariteLigne): void;
  version(ligne: VersionLigne): void;
  /** Versions of the catering, boarding and grant lists of secondary schools (generic list tables). */
  versionListe?(ligne: ListeVersionLigne): void;
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
  private readonly territoire: CarteDesCommunes;
  private readonly carte: CarteScolaire;
  private readonly voirie: Voirie;
  private readonly echelle: number;
  private readonly historique: HistoriqueListes;
  private readonly listesSecondaire: ListesSecondaire;
  private readonly scolarisation: Scolarisation;
  private puits!: Puits;

  constructor(private readonly parametres: ParametresGeneration) {
    this.territoire = parametres.territoire ?? carteOfficielleDesCommunes();
    this.carte = new CarteScolaire(parametres.etablissements, this.territoire);
    this.racine = new Alea(parametres.graine);
    this.voirie = new Voirie(hacher32('voirie', parametres.graine), parametres.perimetre);
    this.echelle = parametres.echelle ?? 1;
    this.anneeRentree = anneeDeRentree(parametres.aujourdhui);
    this.publications = datesPublication(parametres.aujourdhui);
    this.joursIntervalle = this.publications.map((d, i) => (i === 0 ? 0 : joursEntre(this.publications[i - 1], d)));
    this.historique = new HistoriqueListes(this.publications, (i) => this.anneeScolaireA(i));
    this.scolarisation = new Scolarisation(this.carte, this.anneeRentree);
    this.listesSecondaire = new ListesSecondaire(
      this.publications,
      (i) => this.anneeScolaireA(i),
      (v) => this.puits.versionListe?.(v),
    );
  }

  /** All households living in the commune in June, then those arriving until the last publication. */
  genererCommune(commune: Commune, puits: Puits): void {
    for (const _ of this.foyersDeLaCommune(commune, puits));
  }

  /**
   * The same, one household at a time: each step has emitted whole households (a pupil with his
   * versions, schooling and guardians), so a writer may flush between two steps.
   */
  *foyersDeLaCommune(commune: Commune, puits: Puits): Generator<void> {
    this.puits = puits;
    this.historique.brancher((v) => puits.version(v));
    this.historique.declarerCommune(commune.code);
    const alea = this.racine.fils(`commune:${commune.code}`);
    const sequence = { valeur: 0 };
    // Rounded at random so that a small scale factor keeps the right total over many small communes.
    const cible = alea.fils('effectif').arrondir((commune.population * PART_3_16_ANS * this.echelle * POIDS_AGE.total) / 14);
    let enfants = 0;
    let foyers = 0;
    // Each household is simulated as soon as it is drawn, so that memory holds one at a time.
    while (enfants < cible) {
      const foyer = this.creerFoyer(alea.fils(`foyer:${foyers}`), commune, `${commune.code}-F${foyers}`, 0, cible - enfants, sequence);
      enfants += foyer.enfants.length;
      foyers++;
      this.simulerFoyer(foyer);
      yield;
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
        yield;
      }
    }
  }

  /** Counts of each commune's publications (commune order, then date order), once every commune is generated. */
  bilanPublications(generationId: number): Generator<PublicationLigne> {
    return this.historique.bilan(generationId);
  }

  /** Publications of the secondary schools' lists (kind, establishment, date), once every commune is generated. */
  bilanListesSecondaire(generationId: number): Generator<ListePublicationLigne> {
    return this.listesSecondaire.bilan(generationId);
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
      inscrit: false,
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

  // ---- the timeline ----------------------------------------------------------------------

  private simulerFoyer(foyer: Foyer): void {
    const rentree = this.publications[1];
    if (foyer.arrivee === 0) {
      for (const enfant of foyer.enfants) {
        enfant.annees[0] = this.scolarisation.etatAnnee(enfant, foyer, 0, null, null);
        enfant.annees[1] = this.scolarisation.etatAnnee(enfant, foyer, 1, enfant.annees[0], dateRentree(this.anneeRentree - 1));
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
    enfant.annees[2] = this.scolarisation.etatAnnee(enfant, foyer, 2, null, date);
    const niveauPrecedent = this.scolarisation.niveauDuRang(enfant, enfant.redoublant ? enfant.rang : enfant.rang - 1);
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
      enfant.annees[2] = this.scolarisation.etatAnnee(enfant, foyer, 2, demenage ? null : enfant.annees[1], rentree);
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
          const niveau = this.scolarisation.niveauDuRang(enfant, enfant.rang);
          if (niveau) enfant.annees[2] = this.scolarisation.scolariser(enfant, foyer, foyer.secteur, niveau, null, date);
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
      const garde =
        (cycle === 'lycee' || cycle === 'sts' || cycle === 'college') && this.carte.etablissement(etat.uai ?? '')?.departement === destination.departement;
      if (etat.uai && etat.niveau && !garde) enfant.annees[2] = this.scolarisation.scolariser(enfant, foyer, etat.mode, etat.niveau, null, date);
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
      this.listesSecondaire.constater(enfant, foyer, i, this.situationSecondaire(enfant, foyer, i));
      if (i >= 2 && !foyer.modifie && !enfant.modifie && enfant.erreur?.indice !== i) {
        // Nothing happened this month: only a 16th birthday can take him off the list.
        if (enfant.ouverte && date >= enfant.seize) this.historique.retirer(enfant, date, 'fin_obligation');
        continue;
      }
      enfant.modifie = false;
      const visible = foyer.dansPerimetre && this.estSoumis(enfant, i, date);
      this.historique.constater(enfant, i, visible ? this.fiche(enfant, foyer, i) : null, {
        commune: foyer.commune.code,
        motifSortie: foyer.motifSortie ?? 'demenagement',
        motifEntree: i === 0 ? 'publication_initiale' : (foyer.motifEntree ?? 'entree_obligation'),
        dateEntree: (foyer.motifEntree && foyer.dateEvenement) || date,
        dateModification: i === 1 ? date : (foyer.dateEvenement ?? this.dateChangementScolaire(enfant, i) ?? date),
      });
    }
    foyer.motifEntree = null;
    foyer.motifSortie = null;
    foyer.dateEvenement = null;
    foyer.modifie = false;
  }

  /** The pupil's schooling at publication `i` when he attends a public collège or lycée of the territory. */
  private situationSecondaire(enfant: Enfant, foyer: Foyer, i: number): { dansPerimetre: boolean; ligne: ScolariteLigne | null } {
    if (!foyer.dansPerimetre) return { dansPerimetre: false, ligne: null };
    const etat = i === 0 ? enfant.annees[1] : enfant.annees[2];
    const cycle = etat?.niveau ? NIVEAU[etat.niveau]?.cycle : null;
    if (!etat?.uai || etat.mode !== 'public' || (cycle !== 'college' && cycle !== 'lycee')) return { dansPerimetre: true, ligne: null };
    return { dansPerimetre: true, ligne: this.scolarisation.ligneScolarite(enfant, foyer, etat, i === 0 ? this.anneeRentree - 1 : this.anneeRentree, null) };
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

  /** Open versions, then the current state of the household: pupils, schooling, guardians. */
  private cloturer(foyer: Foyer): void {
    let emis = false;
    for (const enfant of foyer.enfants) {
      this.historique.clore(enfant);
      this.listesSecondaire.clore(enfant);
      const scolarites: ScolariteLigne[] = [];
      const [, precedente, courante] = enfant.annees;
      if (precedente && foyer.arrivee === 0) scolarites.push(this.scolarisation.ligneScolarite(enfant, foyer, precedente, this.anneeRentree - 1, null));
      if (courante) scolarites.push(this.scolarisation.ligneScolarite(enfant, foyer, courante, this.anneeRentree, enfant.dateSortie));
      if (!enfant.inscrit && scolarites.length === 0) continue;
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
        foyer_id: foyer.id,
        rang: r.rang,
        lien: r.lien,
        nom: r.nom,
        prenoms: r.prenoms,
        sexe: r.sexe,
        adresse_ligne: r.adresse.ligne,
        code_postal: r.adresse.code_postal,
        code_commune: r.adresse.code_commune,
        pcs: tirerPcs(this.parametres.graine, foyer.id, r.rang, foyer.ressources),
      });
    }
  }
}

function sansAccents(texte: string): string {
  return texte.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
