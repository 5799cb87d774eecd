import type { ListePublicationLigne, ListeVersionLigne } from '../db/tables-eleves';

/** A person's entry in a list of one kind at one publication: which list (`cle`) and its content. */
export interface EtatDansLaListe {
  cle: string;
  /** The entry's content (written as JSON, in the key order given: keep it stable). */
  donnees: Record<string, unknown>;
  /** Why the person appears on a list he was not on (default `ajout`). */
  motifEntree?: string;
}

interface Compteurs {
  ajouts: number;
  modifications: number;
  retraits: number;
}

/**
 * Writes the lists of one kind into the generic tables: from each person's entry at each
 * publication, one version per state (valid from a publication until the next change, a
 * tombstone with its reason when he leaves a list), and one publication row per list and date
 * with what it changed. `publications` are the generation's dates in order.
 */
export class HistoriqueListe {
  private readonly compteurs = new Map<string, Map<string, Compteurs>>();

  constructor(
    private readonly liste: string,
    private readonly publications: readonly string[],
    private readonly anneeScolaireA: (indice: number) => string,
    private readonly ecrire: (version: ListeVersionLigne) => void,
  ) {}

  /** A list is published even when nobody is on it. */
  declarerCle(cle: string): void {
    if (!this.compteurs.has(cle)) this.compteurs.set(cle, new Map());
  }

  /**
   * One person's entries, `etats[i]` at `publications[i]` (null: on no list of this kind);
   * `motifSortie(i)` says why he is no longer on the list he was on at `i - 1`.
   */
  suivre(eleveId: string, etats: ReadonlyArray<EtatDansLaListe | null>, motifSortie: (indice: number) => string): void {
    let ouverte: ListeVersionLigne | null = null;
    let contenu: Record<string, unknown> = {};
    for (let i = 0; i < this.publications.length; i++) {
      const date = this.publications[i];
      const etat = etats[i] ?? null;
      if (ouverte && (!etat || etat.cle !== ouverte.cle)) {
        this.fermer(ouverte, date, motifSortie(i));
        ouverte = null;
      }
      if (!etat) continue;
      if (!ouverte) {
        ouverte = this.ouvrir(eleveId, etat, i, etat.motifEntree ?? 'ajout', null);
      } else {
        const changes = Object.keys({ ...contenu, ...etat.donnees }).filter((k) => JSON.stringify(contenu[k]) !== JSON.stringify(etat.donnees[k]));
        if (changes.length === 0) continue;
        this.fermer(ouverte, date, null);
        ouverte = this.ouvrir(eleveId, etat, i, 'modification', changes);
      }
      contenu = etat.donnees;
    }
    if (ouverte) this.ecrire(ouverte);
  }

  /** One row per list and publication (key order, then date order), once every person is followed. */
  *bilan(generationId: number): Generator<ListePublicationLigne> {
    for (const [cle, parDate] of [...this.compteurs].sort(([a], [b]) => (a < b ? -1 : 1))) {
      let nombre = 0;
      for (let i = 0; i < this.publications.length; i++) {
        const date = this.publications[i];
        const c = parDate.get(date) ?? { ajouts: 0, modifications: 0, retraits: 0 };
        nombre += c.ajouts - c.retraits;
        yield {
          liste: this.liste,
          cle,
          date_publication: date,
          annee_scolaire: this.anneeScolaireA(i),
          numero: i + 1,
          nombre_total: nombre,
          nombre_ajouts: c.ajouts,
          nombre_modifications: c.modifications,
          nombre_retraits: c.retraits,
          generation_id: generationId,
        };
      }
    }
  }

  private ouvrir(eleveId: string, etat: EtatDansLaListe, indice: number, motif: string, changes: string[] | null): ListeVersionLigne {
    const date = this.publications[indice];
    const c = this.compteursDe(etat.cle, date);
    if (changes) c.modifications++;
    else c.ajouts++;
    return {
      liste: this.liste,
      cle: etat.cle,
      eleve_id: eleveId,
      annee_scolaire: this.anneeScolaireA(indice),
      valide_du: date,
      valide_jusqu_au: null,
      motif_debut: motif,
      motif_fin: null,
      champs_modifies: changes ? JSON.stringify(changes) : null,
      donnees: JSON.stringify(etat.donnees),
    };
  }

  private fermer(version: ListeVersionLigne, date: string, motif: string | null): void {
    version.valide_jusqu_au = date;
    version.motif_fin = motif;
    if (motif) this.compteursDe(version.cle, date).retraits++;
    this.ecrire(version);
  }

  private compteursDe(cle: string, date: string): Compteurs {
    this.declarerCle(cle);
    const parDate = this.compteurs.get(cle)!;
    let c = parDate.get(date);
    if (!c) parDate.set(date, (c = { ajouts: 0, modifications: 0, retraits: 0 }));
    return c;
  }
}
