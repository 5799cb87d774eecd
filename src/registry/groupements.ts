import type { Knex } from 'knex';
import { type Db, executer, isPostgres } from '../db/knex';
import { Probleme } from '../http/problemes';
import { aujourdhui, horodatage } from '../horloge';
import { geographieOfficielle } from '../territoire/geographie';

/**
 * Groupings of communes as recipients: an EPCI à fiscalité propre, whose members are the official
 * geography's (@etalab/decoupage-administratif, never copied by hand), or a syndicat scolaire, whose
 * members the operators register as dated movements (adhesion, retrait) kept as its history.
 */

/** Nature juridique du groupement : les quatre EPCI à fiscalité propre, et les syndicats de communes (SIVU, SIVOM). */
export type NatureGroupement = 'metropole' | 'communaute_urbaine' | 'communaute_agglomeration' | 'communaute_communes' | 'sivu' | 'sivom';

export const LIBELLE_NATURE: Readonly<Record<NatureGroupement, string>> = {
  metropole: 'Métropole',
  communaute_urbaine: 'Communauté urbaine',
  communaute_agglomeration: "Communauté d'agglomération",
  communaute_communes: 'Communauté de communes',
  sivu: 'Syndicat intercommunal à vocation unique (SIVU)',
  sivom: 'Syndicat intercommunal à vocation multiple (SIVOM)',
};

/** The official file's EPCI types. */
const NATURE_EPCI: Readonly<Record<string, NatureGroupement>> = {
  METRO: 'metropole',
  CU: 'communaute_urbaine',
  CA: 'communaute_agglomeration',
  CC: 'communaute_communes',
};

export const NATURES_SYNDICAT: readonly NatureGroupement[] = ['sivu', 'sivom'];

export interface CommuneMembre {
  /** @example "35238" */
  code_commune: string;
  /** @example "Rennes" */
  nom: string;
}

/** Le territoire d'un groupement : les communes membres aujourd'hui. */
export interface Groupement {
  /**
   * EPCI : son code du découpage administratif (son SIREN) ; syndicat : son SIREN.
   * @example "243500139"
   */
  code: string;
  nature: NatureGroupement;
  /** @example "Métropole" */
  libelle_nature: string;
  /** `decoupage_administratif` : membres de l'EPCI selon la géographie officielle ; `registre` : adhésions enregistrées par les opérateurs. */
  source_membres: 'decoupage_administratif' | 'registre';
  /** Communes membres à la date du jour, par code. */
  communes: CommuneMembre[];
}

export type TypeMouvement = 'adhesion' | 'retrait';

/** Un mouvement daté de l'historique d'un syndicat scolaire. */
export interface MouvementAdhesion {
  code_commune: string;
  nom: string;
  mouvement: TypeMouvement;
  /** Premier jour où le mouvement s'applique (AAAA-MM-JJ). */
  date_effet: string;
  acteur: string;
  motif: string;
  enregistre_le: string;
}

export interface HistoriqueGroupement {
  siret: string;
  groupement: Groupement;
  /** Mouvements d'adhésion et de retrait, dans l'ordre de leur date d'effet ; vide pour un EPCI. */
  mouvements: MouvementAdhesion[];
}

/** The grouping columns of a recipient row. */
export interface LigneGroupement {
  siret: string;
  categorie_code: string;
  code_groupement: string | null;
  nature_groupement: string | null;
}

const JOUR = /^\d{4}-\d{2}-\d{2}$/;

function membre(code: string): CommuneMembre {
  return { code_commune: code, nom: geographieOfficielle().nomCommune(code) ?? code };
}

/** The communes of a known EPCI, in code order; its nature from the official type. */
export function epciOfficiel(code: string): { nom: string; nature: NatureGroupement; communes: string[] } | undefined {
  const geographie = geographieOfficielle();
  const epci = geographie.epci(code);
  const nature = epci && NATURE_EPCI[epci.type];
  if (!epci || !nature) return undefined;
  return { nom: epci.nom, nature, communes: geographie.communesDeLEpci(code).map((c) => c.code) };
}

/** Members on `jour`: for each commune, its last movement in force that day decides. */
function membresA(mouvements: ReadonlyArray<{ code_commune: string; mouvement: string; date_effet: string }>, jour: string): string[] {
  const etat = new Map<string, boolean>();
  for (const m of mouvements) if (m.date_effet <= jour) etat.set(m.code_commune, m.mouvement === 'adhesion');
  return [...etat]
    .filter(([, estMembre]) => estMembre)
    .map(([code]) => code)
    .sort();
}

async function mouvementsDe(db: Db, sirets: readonly string[]): Promise<Array<MouvementAdhesion & { siret: string }>> {
  if (sirets.length === 0) return [];
  const lignes = await executer<Array<Omit<MouvementAdhesion, 'nom'> & { siret: string }>>(
    db,
    db('groupement_adhesions')
      .whereIn('siret', sirets)
      .orderBy([{ column: 'date_effet' }, { column: 'id' }])
      .select('siret', 'code_commune', 'mouvement', 'date_effet', 'acteur', 'motif', 'enregistre_le'),
  );
  return lignes.map((l) => ({ ...l, nom: membre(l.code_commune).nom }));
}

/** The groupings of these recipients as of `jour` (one query for all the syndicats among them). */
export async function groupementsDe(db: Db, lignes: readonly LigneGroupement[], jour = aujourdhui()): Promise<Map<string, Groupement>> {
  const resultat = new Map<string, Groupement>();
  const syndicats = lignes.filter((l) => l.categorie_code === 'syndicat_scolaire').map((l) => l.siret);
  const mouvements = await mouvementsDe(db, syndicats);
  for (const l of lignes) {
    if (!l.code_groupement || !l.nature_groupement) continue;
    const nature = l.nature_groupement as NatureGroupement;
    const codes =
      l.categorie_code === 'epci'
        ? (epciOfficiel(l.code_groupement)?.communes ?? [])
        : membresA(
            mouvements.filter((m) => m.siret === l.siret),
            jour,
          );
    resultat.set(l.siret, {
      code: l.code_groupement,
      nature,
      libelle_nature: LIBELLE_NATURE[nature] ?? nature,
      source_membres: l.categorie_code === 'epci' ? 'decoupage_administratif' : 'registre',
      communes: codes.map(membre),
    });
  }
  return resultat;
}

/** Each commune known to the official geography, once: the caller's list is refused whole otherwise. */
export function validerCommunes(champ: string, codes: readonly string[]): string[] {
  const geographie = geographieOfficielle();
  const erreurs: Array<{ champ: string; message: string }> = [];
  codes.forEach((code, i) => {
    if (!geographie.existe(code)) erreurs.push({ champ: `${champ}[${i}]`, message: 'commune inconnue du découpage administratif officiel' });
    else if (codes.indexOf(code) !== i) erreurs.push({ champ: `${champ}[${i}]`, message: 'commune en double' });
  });
  if (erreurs.length > 0) throw new Probleme('entite_non_traitable', undefined, { erreurs });
  return [...codes];
}

/** Inside the recipient's creation: the founding members, each an adhesion on `dateEffet`. */
export async function enregistrerMembresFondateurs(
  trx: Knex.Transaction,
  siret: string,
  communes: readonly string[],
  dateEffet: string,
  acteur: string,
): Promise<void> {
  const le = horodatage();
  const lignes = communes.map((code_commune) => ({
    siret,
    code_commune,
    mouvement: 'adhesion',
    date_effet: dateEffet,
    acteur,
    motif: 'Membre à l’inscription du syndicat au registre',
    enregistre_le: le,
  }));
  if (lignes.length > 0) await trx('groupement_adhesions').insert(lignes);
}

export function lireDateEffet(dateEffet: string | undefined): string {
  const jour = dateEffet ?? aujourdhui();
  if (!JOUR.test(jour) || Number.isNaN(Date.parse(`${jour}T00:00:00Z`)) || new Date(`${jour}T00:00:00Z`).toISOString().slice(0, 10) !== jour) {
    throw new Probleme('entite_non_traitable', undefined, { erreurs: [{ champ: 'date_effet', message: 'date réelle AAAA-MM-JJ attendue' }] });
  }
  return jour;
}

async function ligneDuSyndicat(db: Db | Knex.Transaction, siret: string): Promise<LigneGroupement> {
  const ligne = (await db('destinataires').where({ siret }).first('siret', 'categorie_code', 'code_groupement', 'nature_groupement')) as
    LigneGroupement | undefined;
  if (!ligne) throw new Probleme('ressource_introuvable', 'Destinataire inconnu.');
  return ligne;
}

export async function historiqueGroupement(db: Db, siret: string): Promise<HistoriqueGroupement> {
  const ligne = await ligneDuSyndicat(db, siret);
  const groupement = (await groupementsDe(db, [ligne])).get(siret);
  if (!groupement) throw new Probleme('entite_non_traitable', "Ce destinataire n'est pas un groupement de communes.");
  const mouvements = ligne.categorie_code === 'syndicat_scolaire' ? await mouvementsDe(db, [siret]) : [];
  return { siret, groupement, mouvements: mouvements.map(({ siret: _s, ...m }) => m) };
}

/**
 * Records one dated movement of a syndicat's membership, in order: each commune's movements
 * alternate (a member cannot join twice, a non-member cannot leave) and a movement may not be
 * dated before that commune's last one, so the history reads as it happened.
 */
export async function enregistrerMouvement(
  db: Db,
  siret: string,
  m: { codeCommune: string; mouvement: TypeMouvement; dateEffet?: string; motif: string },
  acteur: string,
): Promise<HistoriqueGroupement> {
  const motif = m.motif.trim();
  if (!motif) throw new Probleme('requete_invalide', undefined, { erreurs: [{ champ: 'motif', message: 'obligatoire (délibération, arrêté préfectoral…)' }] });
  const dateEffet = lireDateEffet(m.dateEffet);
  await db.transaction(async (trx) => {
    const verrou = trx('destinataires').where({ siret }).first('siret');
    if (!(await (isPostgres(db) ? verrou.forUpdate() : verrou))) throw new Probleme('ressource_introuvable', 'Destinataire inconnu.');
    const ligne = await ligneDuSyndicat(trx, siret);
    if (ligne.categorie_code !== 'syndicat_scolaire') {
      throw new Probleme(
        'entite_non_traitable',
        ligne.categorie_code === 'epci'
          ? 'Les communes d’un EPCI suivent le découpage administratif officiel : elles ne s’enregistrent pas à la main.'
          : "Ce destinataire n'est pas un syndicat scolaire.",
      );
    }
    if (m.mouvement === 'adhesion') validerCommunes('code_commune', [m.codeCommune]);
    const derniers = await trx('groupement_adhesions')
      .where({ siret, code_commune: m.codeCommune })
      .orderBy([
        { column: 'date_effet', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first('mouvement', 'date_effet');
    const estMembre = derniers?.mouvement === 'adhesion';
    if (m.mouvement === 'adhesion' && estMembre) {
      throw new Probleme('conflit', `La commune ${m.codeCommune} est déjà membre (depuis le ${derniers.date_effet}).`);
    }
    if (m.mouvement === 'retrait' && !estMembre) throw new Probleme('conflit', `La commune ${m.codeCommune} n'est pas membre de ce syndicat.`);
    if (derniers && dateEffet <= derniers.date_effet) {
      throw new Probleme('conflit', `Un mouvement de la commune ${m.codeCommune} prend déjà effet le ${derniers.date_effet} : dater celui-ci après.`);
    }
    await trx('groupement_adhesions').insert({
      siret,
      code_commune: m.codeCommune,
      mouvement: m.mouvement,
      date_effet: dateEffet,
      acteur,
      motif,
      enregistre_le: horodatage(),
    });
  });
  return historiqueGroupement(db, siret);
}
