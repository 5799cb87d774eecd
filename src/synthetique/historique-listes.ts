import { MOTIFS_AJOUT, type MotifDebut, type MotifFin } from '../referentiels/nomenclatures';
import { CHAMPS_LISTE, type PublicationLigne, type VersionLigne } from '../db/tables-eleves';

/** A child's entry, followed from one publication of the lists to the next. */
export interface Suivi {
  /** The current version of his entry, not yet closed. */
  ouverte: VersionLigne | null;
  /** Whether he has ever been on a list. */
  inscrit: boolean;
}

/** What happened to a child since the previous publication, as the list records it. */
export interface Circonstances {
  /** The commune he lives in now: an entry in another commune's list is closed. */
  commune: string;
  /** Why he left the list of a commune he no longer lives in. */
  motifSortie: MotifFin;
  /** Why he appears on a list he was not on. */
  motifEntree: MotifDebut;
  dateEntree: string;
  /** When the change of a modified entry happened. */
  dateModification: string;
}

interface Compteurs {
  ajouts: number;
  modifications: number;
  retraits: number;
}

/**
 * Turns each child's entry at each publication into versions (one row per state, valid from a
 * publication until the next change) and counts what each publication of each commune changed.
 * `publications[0]` is the June list of the previous year, `publications[1]` the rentrée.
 */
export class HistoriqueListes {
  private readonly compteurs = new Map<string, Map<string, Compteurs>>();

  constructor(
    private readonly publications: readonly string[],
    private readonly anneeScolaireA: (indice: number) => string,
    private ecrire: (version: VersionLigne) => void = () => {},
  ) {}

  /** Where the closed versions go (the generator's `Puits`). */
  brancher(ecrire: (version: VersionLigne) => void): void {
    this.ecrire = ecrire;
  }

  /** A commune is published even when nobody is on its list. */
  declarerCommune(code: string): void {
    if (!this.compteurs.has(code)) this.compteurs.set(code, new Map());
  }

  /** The child's entry at publication `indice` (`fiche` null: on no list), compared with his previous one. */
  constater(suivi: Suivi, indice: number, fiche: VersionLigne | null, c: Circonstances): void {
    const date = this.publications[indice];
    const ouverte = suivi.ouverte;
    if (ouverte && (!fiche || fiche.code_commune !== ouverte.code_commune)) {
      this.retirer(suivi, date, ouverte.code_commune !== c.commune ? c.motifSortie : 'fin_obligation');
    }
    if (!fiche) return;
    if (!suivi.ouverte) {
      fiche.motif_debut = c.motifEntree;
      fiche.date_evenement = c.dateEntree;
      this.ouvrir(suivi, fiche);
      return;
    }
    const changes = champsModifies(suivi.ouverte, fiche);
    if (changes.length === 0) return;
    fiche.motif_debut = indice === 1 ? 'rentree' : motifModification(changes);
    fiche.champs_modifies = JSON.stringify(changes);
    fiche.date_evenement = c.dateModification;
    this.fermer(suivi, date, null);
    this.ouvrir(suivi, fiche);
  }

  /** Takes the child off his list at `date`: a tombstone with its reason. */
  retirer(suivi: Suivi, date: string, motif: MotifFin): void {
    this.fermer(suivi, date, motif);
  }

  /** Writes the version still open at the end of the generation. */
  clore(suivi: Suivi): void {
    if (!suivi.ouverte) return;
    this.ecrire(suivi.ouverte);
    suivi.ouverte = null;
  }

  /** One row per commune and publication (commune order, then date order), once every commune is generated. */
  *bilan(generationId: number): Generator<PublicationLigne> {
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

  private ouvrir(suivi: Suivi, fiche: VersionLigne): void {
    suivi.ouverte = fiche;
    suivi.inscrit = true;
    const c = this.compteursDe(fiche.code_commune, fiche.valide_du);
    if (MOTIFS_AJOUT.includes(fiche.motif_debut)) c.ajouts++;
    else c.modifications++;
  }

  private fermer(suivi: Suivi, date: string, motif: MotifFin | null): void {
    const version = suivi.ouverte!;
    version.valide_jusqu_au = date;
    version.motif_fin = motif;
    if (motif) this.compteursDe(version.code_commune, date).retraits++;
    this.ecrire(version);
    suivi.ouverte = null;
  }

  private compteursDe(code: string, date: string): Compteurs {
    this.declarerCommune(code);
    const parDate = this.compteurs.get(code)!;
    let c = parDate.get(date);
    if (!c) {
      c = { ajouts: 0, modifications: 0, retraits: 0 };
      parDate.set(date, c);
    }
    return c;
  }
}

/** The API fields whose value differs between two versions of an entry. */
function champsModifies(avant: VersionLigne, apres: VersionLigne): string[] {
  const champs: string[] = [];
  for (const [colonne, champ] of CHAMPS_LISTE) {
    if (avant[colonne] !== apres[colonne] && !champs.includes(champ)) champs.push(champ);
  }
  return champs;
}

function motifModification(champs: readonly string[]): MotifDebut {
  if (champs.some((c) => c === 'nom' || c === 'prenoms' || c === 'date_naissance' || c === 'lieu_naissance')) return 'correction';
  if (champs.includes('mode_instruction')) return 'changement_mode';
  if (champs.includes('etablissement')) return 'changement_etablissement';
  return 'changement_adresse';
}
