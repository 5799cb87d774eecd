import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { instruction, isPostgres, readJson } from '../db/knex';
import { invalide, Probleme } from '../http/problemes';
import { publierEvenement } from '../notifications/evenements';
import { trouverDestinataire } from './destinataires';
import { aujourdhui, horodatage } from '../horloge';
import type { EchelonTerritorial } from '../territoire/perimetre';

/**
 * DataPass's lifecycle: brouillon → soumise → (modifications_demandees ↔ soumise) → validee | refusee;
 * validee → revoquee, or obsolete when a renewed version is validated; a request still in the
 * requester's hands (brouillon, modifications_demandees) may be withdrawn (retiree). `expiree` is
 * never stored: it is computed from the habilitation's end date and the convention it rests on.
 */
export type StatutHabilitation = 'brouillon' | 'soumise' | 'modifications_demandees' | 'validee' | 'refusee' | 'revoquee' | 'expiree' | 'obsolete' | 'retiree';
/** The transitions an operator (or the recipient, for submission and withdrawal) may ask for. */
export type TransitionDemandee = 'soumise' | 'modifications_demandees' | 'validee' | 'refusee' | 'revoquee' | 'retiree';

export interface Habilitation {
  id: string;
  siret: string;
  api_id: string | null;
  regle_code: string;
  finalite_code: string;
  scopes: string[];
  /** Intitulé du projet. */
  intitule: string;
  description: string | null;
  /** Texte de la base légale (par défaut, celle de la règle du registre). */
  base_legale_texte: string | null;
  base_legale_url: string | null;
  /** Durée de conservation des données chez le destinataire, en mois. */
  duree_conservation_mois: number | null;
  /** Obligatoire au-delà de 36 mois. */
  justification_conservation: string | null;
  responsable_traitement: string | null;
  /** Contact du délégué à la protection des données du destinataire (adresse fonctionnelle). */
  dpo: string | null;
  /** Nom du délégué à la protection des données du destinataire. */
  dpo_nom: string | null;
  /** Volume attendu, en requêtes par minute. */
  volume_attendu: number | null;
  /** Convention sur laquelle repose l'habilitation : sa fin met fin à l'habilitation. */
  convention_id: string | null;
  version: number;
  /** Version précédente, rendue obsolète quand celle-ci est validée. */
  remplace_id: string | null;
  date_debut: string;
  date_fin: string;
  /** Dernier jour de validité : la date de fin, ou la fin de la convention si elle survient avant. */
  date_fin_effective: string;
  /** Calculé : une habilitation validée échue, ou dont la convention a pris fin, est « expiree ». */
  statut: StatutHabilitation;
  motif: string | null;
}

/** What a request may rely on: a habilitation valid today, with the rule and finalité behind it. */
export interface HabilitationActive {
  id: string;
  api_id: string | null;
  scopes: string[];
  finalite_code: string;
  base_rgpd: string;
  opposition_applicable: boolean;
  consentement_requis: boolean;
  regle_code: string;
  territoire: EchelonTerritorial;
  perimetre: { types_etablissement?: string[] } | null;
  base_legale: string;
}

/** DataPass's fields; all but the first six are optional for the foundation's callers. */
export interface ChampsHabilitation {
  siret: string;
  finalite: string;
  scopes: string[];
  intitule: string;
  /** YYYY-MM-DD */
  dateDebut: string;
  /** YYYY-MM-DD */
  dateFin: string;
  description?: string | null;
  baseLegaleTexte?: string | null;
  baseLegaleUrl?: string | null;
  dureeConservationMois?: number | null;
  justificationConservation?: string | null;
  responsableTraitement?: string | null;
  dpo?: string | null;
  dpoNom?: string | null;
  volumeAttendu?: number | null;
  conventionId?: string | null;
}

export interface NouvelleHabilitation extends ChampsHabilitation {
  /** Kept as a draft (brouillon) instead of being submitted at once. */
  brouillon?: boolean;
}

export interface Transition {
  de: StatutHabilitation | null;
  vers: StatutHabilitation;
  acteur: string;
  motif: string | null;
  le: string;
}

/** Stored states only: `expiree` is computed, `obsolete` follows the validation of the next version. */
const TRANSITIONS: Record<StatutHabilitation, StatutHabilitation[]> = {
  brouillon: ['soumise', 'retiree'],
  soumise: ['modifications_demandees', 'validee', 'refusee'],
  modifications_demandees: ['soumise', 'retiree'],
  validee: ['revoquee', 'obsolete'],
  refusee: [],
  revoquee: [],
  expiree: [],
  obsolete: [],
  retiree: [],
};
/** The recipient must learn why: these transitions carry a reason. */
const MOTIF_OBLIGATOIRE: TransitionDemandee[] = ['modifications_demandees', 'refusee', 'revoquee'];
const MODIFIABLES: StatutHabilitation[] = ['brouillon', 'modifications_demandees'];
const RETENTION_SANS_JUSTIFICATION_MOIS = 36;

type Ligne = Record<string, unknown>;
const JOUR = /^\d{4}-\d{2}-\d{2}$/;

/** Habilitations with the computed end of the convention they rest on (null: open-ended or none). */
function requeteHabilitations(db: Db | Knex.Transaction) {
  return db('habilitations as h').leftJoin('conventions as c', 'c.id', 'h.convention_id').select('h.*', 'c.date_fin as convention_date_fin');
}

function versHabilitation(l: Ligne, jour: string): Habilitation {
  const statutStocke = l.statut as StatutHabilitation;
  const finConvention = (l.convention_date_fin as string) ?? null;
  const fin = finConvention !== null && finConvention < (l.date_fin as string) ? finConvention : (l.date_fin as string);
  const entier = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: l.id as string,
    siret: l.siret as string,
    api_id: (l.api_id as string) ?? null,
    regle_code: l.regle_code as string,
    finalite_code: l.finalite_code as string,
    scopes: readJson<string[]>(l.scopes),
    intitule: l.intitule as string,
    description: (l.description as string) ?? null,
    base_legale_texte: (l.base_legale_texte as string) ?? null,
    base_legale_url: (l.base_legale_url as string) ?? null,
    duree_conservation_mois: entier(l.duree_conservation_mois),
    justification_conservation: (l.justification_conservation as string) ?? null,
    responsable_traitement: (l.responsable_traitement as string) ?? null,
    dpo: (l.dpo as string) ?? null,
    dpo_nom: (l.dpo_nom as string) ?? null,
    volume_attendu: entier(l.volume_attendu),
    convention_id: (l.convention_id as string) ?? null,
    version: Number(l.version ?? 1),
    remplace_id: (l.remplace_id as string) ?? null,
    date_debut: l.date_debut as string,
    date_fin: l.date_fin as string,
    date_fin_effective: fin,
    statut: statutStocke === 'validee' && fin < jour ? 'expiree' : statutStocke,
    motif: (l.motif as string) ?? null,
  };
}

/**
 * The columns of a habilitation, checked against the registry: its scopes must be granted by a
 * rule to the recipient's category for that finalité, and a convention it rests on must bind
 * that recipient (or the collectivité an éditeur works for) and cover those scopes.
 */
async function preparer(db: Db, h: ChampsHabilitation): Promise<Ligne> {
  const destinataire = await trouverDestinataire(db, h.siret);
  if (!destinataire) throw new Probleme('ressource_introuvable', 'Destinataire inconnu.');
  if (!JOUR.test(h.dateDebut) || !JOUR.test(h.dateFin) || h.dateFin < h.dateDebut) {
    throw new Probleme('entite_non_traitable', 'Dates de validité incohérentes (AAAA-MM-JJ, fin postérieure au début).');
  }
  const regle = await db('regles').where({ finalite_code: h.finalite, categorie_code: destinataire.categorie_code }).first();
  if (!regle) {
    throw new Probleme('scopes_non_autorises', `Aucune règle n'autorise la finalité « ${h.finalite} » pour la catégorie « ${destinataire.categorie_code} ».`);
  }
  const permis = readJson<string[]>(regle.scopes);
  const refuses = h.scopes.filter((s) => !permis.includes(s));
  if (h.scopes.length === 0 || refuses.length > 0) {
    throw new Probleme('scopes_non_autorises', undefined, { scopes_refuses: refuses, scopes_permis: permis });
  }
  const conservation = h.dureeConservationMois ?? null;
  if (conservation !== null && (!Number.isInteger(conservation) || conservation < 1)) throw invalide('duree_conservation_mois', 'entier positif attendu');
  if (conservation !== null && conservation > RETENTION_SANS_JUSTIFICATION_MOIS && !h.justificationConservation?.trim()) {
    throw new Probleme('entite_non_traitable', `Une conservation de plus de ${RETENTION_SANS_JUSTIFICATION_MOIS} mois doit être justifiée.`, {
      erreurs: [{ champ: 'justification_conservation', message: 'obligatoire au-delà de 36 mois' }],
    });
  }
  if (h.baseLegaleUrl && !/^https:\/\/\S+$/.test(h.baseLegaleUrl)) throw invalide('base_legale_url', 'URL https attendue');
  if (h.volumeAttendu !== undefined && h.volumeAttendu !== null && (!Number.isInteger(h.volumeAttendu) || h.volumeAttendu < 0)) {
    throw invalide('volume_attendu', 'entier positif attendu');
  }
  const scopes = [...new Set(h.scopes)].sort();
  if (h.conventionId) {
    const convention = await db('conventions').where({ id: h.conventionId }).first();
    if (!convention) throw new Probleme('ressource_introuvable', 'Convention inconnue.');
    const parties = [destinataire.siret, destinataire.pour_compte_de_siret];
    if (!parties.includes(convention.collectivite_siret)) {
      throw new Probleme('entite_non_traitable', 'Cette convention ne lie pas ce destinataire (ni la collectivité pour laquelle il agit).');
    }
    const couverts = readJson<{ scopes: string[] }>(convention.perimetre).scopes;
    const horsPerimetre = couverts.length > 0 ? scopes.filter((s) => !couverts.includes(s)) : [];
    if (horsPerimetre.length > 0) {
      throw new Probleme('scopes_non_autorises', 'Scopes hors du périmètre de la convention.', { scopes_refuses: horsPerimetre, scopes_permis: couverts });
    }
    if (convention.date_fin !== null && convention.date_fin < h.dateDebut) {
      throw new Probleme('entite_non_traitable', "La convention prend fin avant le début de l'habilitation.");
    }
  }
  const scope = await db('scopes').where({ code: scopes[0] }).first();
  return {
    siret: h.siret,
    api_id: scope?.api_id ?? null,
    regle_code: regle.code,
    finalite_code: h.finalite,
    scopes: JSON.stringify(scopes),
    intitule: h.intitule,
    date_debut: h.dateDebut,
    date_fin: h.dateFin,
    description: h.description ?? null,
    base_legale_texte: h.baseLegaleTexte ?? regle.base_legale,
    base_legale_url: h.baseLegaleUrl ?? null,
    duree_conservation_mois: conservation,
    justification_conservation: h.justificationConservation ?? null,
    responsable_traitement: h.responsableTraitement ?? null,
    dpo: h.dpo ?? null,
    dpo_nom: h.dpoNom ?? null,
    volume_attendu: h.volumeAttendu ?? null,
    convention_id: h.conventionId ?? null,
  };
}

function versChamps(h: Habilitation): ChampsHabilitation {
  return {
    siret: h.siret,
    finalite: h.finalite_code,
    scopes: h.scopes,
    intitule: h.intitule,
    dateDebut: h.date_debut,
    dateFin: h.date_fin,
    description: h.description,
    baseLegaleTexte: h.base_legale_texte,
    baseLegaleUrl: h.base_legale_url,
    dureeConservationMois: h.duree_conservation_mois,
    justificationConservation: h.justification_conservation,
    responsableTraitement: h.responsable_traitement,
    dpo: h.dpo,
    dpoNom: h.dpo_nom,
    volumeAttendu: h.volume_attendu,
    conventionId: h.convention_id,
  };
}

/** One row in the transition log and one notification to the recipient, inside the caller's transaction. */
async function tracer(
  trx: Knex.Transaction,
  h: { id: string; siret: string; version: number },
  de: StatutHabilitation | null,
  vers: StatutHabilitation,
  acteur: string,
  motif: string | null,
  le: string,
): Promise<void> {
  await trx('habilitation_transitions').insert({ habilitation_id: h.id, de, vers, acteur, motif, le });
  if (de !== vers) {
    await publierEvenement(
      { db: trx },
      {
        type: 'habilitation_modifiee',
        siret: h.siret,
        donnees: { habilitation_id: h.id, version: h.version, statut_precedent: de, statut: vers },
      },
    );
  }
}

async function creer(
  db: Db,
  colonnes: Ligne,
  statut: StatutHabilitation,
  version: number,
  remplaceId: string | null,
  acteur: string,
  motif: string | null,
): Promise<Habilitation> {
  const maintenant = horodatage();
  const id = randomUUID();
  await db.transaction(async (trx) => {
    await trx('habilitations').insert({ ...colonnes, id, statut, version, remplace_id: remplaceId, cree_le: maintenant, modifie_le: maintenant });
    await tracer(trx, { id, siret: colonnes.siret as string, version }, null, statut, acteur, motif, maintenant);
  });
  return (await trouverHabilitation(db, id))!;
}

/** Records a habilitation, submitted at once unless kept as a draft. */
export async function soumettreHabilitation(db: Db, h: NouvelleHabilitation, acteur: string): Promise<Habilitation> {
  return creer(db, await preparer(db, h), h.brouillon ? 'brouillon' : 'soumise', 1, null, acteur, null);
}

export async function trouverHabilitation(db: Db, id: string, jour = aujourdhui()): Promise<Habilitation | undefined> {
  const ligne = await requeteHabilitations(db).where('h.id', id).first();
  return ligne ? versHabilitation(ligne, jour) : undefined;
}

async function exiger(db: Db, id: string): Promise<Habilitation> {
  const h = await trouverHabilitation(db, id);
  if (!h) throw new Probleme('ressource_introuvable', 'Habilitation inconnue.');
  return h;
}

export interface FiltreHabilitations {
  siret?: string;
  statut?: StatutHabilitation;
  conventionId?: string;
  /** Validated habilitations still running whose last day falls before this day (YYYY-MM-DD). */
  expirantAvant?: string;
}

export async function listerHabilitations(db: Db, filtre: FiltreHabilitations = {}, jour = aujourdhui()): Promise<Habilitation[]> {
  const q = requeteHabilitations(db).orderBy([{ column: 'h.siret' }, { column: 'h.cree_le' }]);
  if (filtre.siret) q.where('h.siret', filtre.siret);
  if (filtre.conventionId) q.where('h.convention_id', filtre.conventionId);
  let habilitations = (await q).map((l: Ligne) => versHabilitation(l, jour));
  if (filtre.statut) habilitations = habilitations.filter((h) => h.statut === filtre.statut);
  if (filtre.expirantAvant) {
    const limite = filtre.expirantAvant;
    habilitations = habilitations
      .filter((h) => h.statut === 'validee' && h.date_fin_effective < limite)
      .sort((a, b) => a.date_fin_effective.localeCompare(b.date_fin_effective));
  }
  return habilitations;
}

export async function transitionsHabilitation(db: Db, id: string): Promise<Transition[]> {
  await exiger(db, id);
  const lignes = await db('habilitation_transitions').where({ habilitation_id: id }).orderBy('id');
  return lignes.map((l: Ligne) => ({
    de: (l.de as StatutHabilitation) ?? null,
    vers: l.vers as StatutHabilitation,
    acteur: l.acteur as string,
    motif: (l.motif as string) ?? null,
    le: l.le as string,
  }));
}

/**
 * One state machine for every transition, each recorded with its actor and reason. The check
 * runs on the computed status, so an expired habilitation cannot be revoked nor validated again.
 * Validating a renewal makes the version it replaces obsolete in the same transaction.
 */
export async function changerStatut(db: Db, id: string, vers: TransitionDemandee, acteur: string, motif?: string): Promise<Habilitation> {
  const raison = motif?.trim() || null;
  if (MOTIF_OBLIGATOIRE.includes(vers) && !raison) throw invalide('motif', 'obligatoire pour cette transition');
  await db.transaction(async (trx) => {
    const verrou = trx('habilitations').where({ id }).first('id');
    if (!(await (isPostgres(db) ? verrou.forUpdate() : verrou))) throw new Probleme('ressource_introuvable', 'Habilitation inconnue.');
    const actuel = versHabilitation(await requeteHabilitations(trx).where('h.id', id).first(), aujourdhui());
    if (!TRANSITIONS[actuel.statut].includes(vers)) {
      throw new Probleme('conflit', `Transition interdite : ${actuel.statut} → ${vers}.`, { statut: actuel.statut });
    }
    const maintenant = horodatage();
    await trx('habilitations').where({ id }).update({ statut: vers, motif: raison, modifie_le: maintenant });
    await tracer(trx, actuel, actuel.statut, vers, acteur, raison, maintenant);
    if (vers === 'validee' && actuel.remplace_id) {
      const precedente = await trx('habilitations').where({ id: actuel.remplace_id }).first();
      if (precedente?.statut === 'validee') {
        const pourquoi = `Remplacée par la version ${actuel.version}`;
        await trx('habilitations').where({ id: precedente.id }).update({ statut: 'obsolete', motif: pourquoi, modifie_le: maintenant });
        await tracer(
          trx,
          { id: precedente.id, siret: precedente.siret, version: Number(precedente.version) },
          'validee',
          'obsolete',
          acteur,
          pourquoi,
          maintenant,
        );
      }
    }
  });
  return (await trouverHabilitation(db, id))!;
}

/** While a draft or asked to change, the request's fields may be edited; the edit is logged with the fields it touched. */
export async function modifierHabilitation(
  db: Db,
  id: string,
  changements: Partial<ChampsHabilitation>,
  acteur: string,
  motif?: string,
): Promise<Habilitation> {
  const actuelle = await exiger(db, id);
  if (!MODIFIABLES.includes(actuelle.statut)) {
    throw new Probleme('conflit', `Une habilitation « ${actuelle.statut} » ne se modifie pas : la renouveler.`, { statut: actuelle.statut });
  }
  if (changements.siret !== undefined && changements.siret !== actuelle.siret) throw invalide('siret', 'le destinataire ne change pas');
  const colonnes = await preparer(db, { ...versChamps(actuelle), ...changements });
  const stockee = await db('habilitations').where({ id }).first();
  const champs = Object.keys(colonnes).filter((k) => String(colonnes[k] ?? '') !== String(stockee[k] ?? ''));
  if (champs.length === 0) throw new Probleme('entite_non_traitable', 'La modification ne change aucun champ.');
  const maintenant = horodatage();
  await db.transaction(async (trx) => {
    const n = await trx('habilitations')
      .where({ id, statut: actuelle.statut })
      .update({ ...colonnes, modifie_le: maintenant });
    if (n === 0) throw new Probleme('conflit', "L'habilitation a changé d'état entre-temps.");
    const trace = [`Modification : ${champs.join(', ')}`, motif?.trim()].filter(Boolean).join(' — ');
    await tracer(trx, actuelle, actuelle.statut, actuelle.statut, acteur, trace, maintenant);
  });
  return (await trouverHabilitation(db, id))!;
}

/**
 * A renewal is a new version, submitted for validation; the current one keeps working until
 * the new one is validated, then becomes obsolete (no gap in service, no overlap in rights).
 */
export async function renouvelerHabilitation(
  db: Db,
  id: string,
  changements: Partial<ChampsHabilitation>,
  acteur: string,
  motif?: string,
): Promise<Habilitation> {
  const actuelle = await exiger(db, id);
  if (!['validee', 'expiree'].includes(actuelle.statut)) {
    throw new Probleme('conflit', `Seule une habilitation validée ou expirée se renouvelle (statut : ${actuelle.statut}).`, { statut: actuelle.statut });
  }
  const enCours = await db('habilitations')
    .where({ remplace_id: id })
    .whereIn('statut', ['brouillon', 'soumise', 'modifications_demandees', 'validee'])
    .first();
  if (enCours) throw new Probleme('conflit', 'Un renouvellement de cette habilitation existe déjà.', { habilitation_id: enCours.id });
  if (changements.siret !== undefined && changements.siret !== actuelle.siret) throw invalide('siret', 'le destinataire ne change pas');
  const colonnes = await preparer(db, { ...versChamps(actuelle), dateDebut: aujourdhui(), ...changements });
  const pourquoi = [`Renouvellement de la version ${actuelle.version}`, motif?.trim()].filter(Boolean).join(' — ');
  return creer(db, colonnes, 'soumise', actuelle.version + 1, id, acteur, pourquoi);
}

const lignesActives = instruction<{ siret: string; jour: string }, Record<string, unknown>[]>((db, p) =>
  db('habilitations as h')
    .join('regles as r', 'r.code', 'h.regle_code')
    .join('finalites as f', 'f.code', 'h.finalite_code')
    .leftJoin('conventions as c', 'c.id', 'h.convention_id')
    .where('h.siret', p.siret)
    .andWhere('h.statut', 'validee')
    .andWhere('h.date_debut', '<=', p.jour)
    .andWhere('h.date_fin', '>=', p.jour)
    .andWhere((q) =>
      q
        .whereNull('h.convention_id')
        .orWhere((c) => c.where('c.date_effet', '<=', p.jour).andWhere((fin) => fin.whereNull('c.date_fin').orWhere('c.date_fin', '>=', p.jour))),
    )
    .select(
      'h.id',
      'h.api_id',
      'h.scopes',
      'h.finalite_code',
      'h.regle_code',
      'r.territoire',
      'r.perimetre',
      'r.base_legale',
      'f.base_rgpd',
      'f.opposition_applicable',
      'f.consentement_requis',
    ),
);

/**
 * Habilitations that open data today: validated, inside their dates, with their rule, and —
 * when they rest on a convention — while that convention is in force. Computed at each
 * request, so a convention's end cuts live tokens at once, without any scheduled job.
 */
export async function habilitationsActives(db: Db, siret: string, jour = aujourdhui()): Promise<HabilitationActive[]> {
  const lignes = await lignesActives(db, { siret, jour });
  return lignes.map((l) => ({
    id: l.id as string,
    api_id: (l.api_id as string) ?? null,
    scopes: readJson<string[]>(l.scopes),
    finalite_code: l.finalite_code as string,
    base_rgpd: l.base_rgpd as string,
    opposition_applicable: Boolean(l.opposition_applicable),
    consentement_requis: Boolean(l.consentement_requis),
    regle_code: l.regle_code as string,
    territoire: l.territoire as EchelonTerritorial,
    perimetre: l.perimetre ? readJson(l.perimetre) : null,
    base_legale: l.base_legale as string,
  }));
}
