import { randomUUID } from 'node:crypto';
import type { Db } from '../db/knex';
import { isPostgres, readJson } from '../db/knex';
import { Probleme } from '../http/problemes';
import { trouverDestinataire } from './destinataires';

export type StatutHabilitation = 'soumise' | 'validee' | 'refusee' | 'revoquee' | 'expiree';
export type Territoire = 'commune' | 'departement' | 'region' | 'national';

export interface Habilitation {
  id: string;
  siret: string;
  api_id: string | null;
  regle_code: string;
  finalite_code: string;
  scopes: string[];
  intitule: string;
  date_debut: string;
  date_fin: string;
  /** Computed: a validated habilitation past its end date is `expiree`. */
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
  territoire: Territoire;
  perimetre: { types_etablissement?: string[] } | null;
  base_legale: string;
}

export interface NouvelleHabilitation {
  siret: string;
  finalite: string;
  scopes: string[];
  intitule: string;
  /** YYYY-MM-DD */
  dateDebut: string;
  /** YYYY-MM-DD */
  dateFin: string;
}

const TRANSITIONS: Record<string, StatutHabilitation[]> = {
  soumise: ['validee', 'refusee'],
  validee: ['revoquee'],
};

export function aujourdhui(maintenant = new Date()): string {
  return maintenant.toISOString().slice(0, 10);
}

function versHabilitation(ligne: Record<string, unknown>, jour: string): Habilitation {
  const statutStocke = ligne.statut as StatutHabilitation;
  return {
    id: ligne.id as string,
    siret: ligne.siret as string,
    api_id: (ligne.api_id as string) ?? null,
    regle_code: ligne.regle_code as string,
    finalite_code: ligne.finalite_code as string,
    scopes: readJson<string[]>(ligne.scopes),
    intitule: ligne.intitule as string,
    date_debut: ligne.date_debut as string,
    date_fin: ligne.date_fin as string,
    statut: statutStocke === 'validee' && (ligne.date_fin as string) < jour ? 'expiree' : statutStocke,
    motif: (ligne.motif as string) ?? null,
  };
}

/**
 * A habilitation may only carry scopes that a registry rule grants to the recipient's
 * category for that finalité: anything else is refused, whoever asks.
 */
export async function soumettreHabilitation(db: Db, h: NouvelleHabilitation, acteur: string): Promise<Habilitation> {
  const destinataire = await trouverDestinataire(db, h.siret);
  if (!destinataire) throw new Probleme('ressource_introuvable', 'Destinataire inconnu.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(h.dateDebut) || !/^\d{4}-\d{2}-\d{2}$/.test(h.dateFin) || h.dateFin < h.dateDebut) {
    throw new Probleme('entite_non_traitable', 'Dates de validité incohérentes (AAAA-MM-JJ, fin postérieure au début).');
  }
  const regle = await db('regles')
    .where({ finalite_code: h.finalite, categorie_code: destinataire.categorie_code })
    .first();
  if (!regle) {
    throw new Probleme('scopes_non_autorises', `Aucune règle n'autorise la finalité « ${h.finalite} » pour la catégorie « ${destinataire.categorie_code} ».`);
  }
  const permis = readJson<string[]>(regle.scopes);
  const refuses = h.scopes.filter((s) => !permis.includes(s));
  if (h.scopes.length === 0 || refuses.length > 0) {
    throw new Probleme('scopes_non_autorises', undefined, { scopes_refuses: refuses, scopes_permis: permis });
  }
  const scope = await db('scopes').where({ code: h.scopes[0] }).first();
  const maintenant = new Date().toISOString();
  const id = randomUUID();
  await db.transaction(async (trx) => {
    await trx('habilitations').insert({
      id,
      siret: h.siret,
      api_id: scope?.api_id ?? null,
      regle_code: regle.code,
      finalite_code: h.finalite,
      scopes: JSON.stringify([...new Set(h.scopes)].sort()),
      intitule: h.intitule,
      date_debut: h.dateDebut,
      date_fin: h.dateFin,
      statut: 'soumise',
      cree_le: maintenant,
      modifie_le: maintenant,
    });
    await trx('habilitation_transitions').insert({ habilitation_id: id, de: null, vers: 'soumise', acteur, le: maintenant });
  });
  return (await trouverHabilitation(db, id))!;
}

export async function trouverHabilitation(db: Db, id: string): Promise<Habilitation | undefined> {
  const ligne = await db('habilitations').where({ id }).first();
  return ligne ? versHabilitation(ligne, aujourdhui()) : undefined;
}

export async function listerHabilitations(db: Db, filtre: { siret?: string } = {}): Promise<Habilitation[]> {
  const q = db('habilitations').orderBy([{ column: 'siret' }, { column: 'cree_le' }]);
  if (filtre.siret) q.where({ siret: filtre.siret });
  const jour = aujourdhui();
  return (await q).map((l: Record<string, unknown>) => versHabilitation(l, jour));
}

/** One state machine for every transition, each recorded with its actor and reason. */
export async function changerStatut(
  db: Db,
  id: string,
  vers: 'validee' | 'refusee' | 'revoquee',
  acteur: string,
  motif?: string,
): Promise<Habilitation> {
  await db.transaction(async (trx) => {
    const requete = trx('habilitations').where({ id }).first();
    const ligne = await (isPostgres(db) ? requete.forUpdate() : requete);
    if (!ligne) throw new Probleme('ressource_introuvable', 'Habilitation inconnue.');
    if (!(TRANSITIONS[ligne.statut] ?? []).includes(vers)) {
      throw new Probleme('conflit', `Transition interdite : ${ligne.statut} → ${vers}.`);
    }
    const maintenant = new Date().toISOString();
    await trx('habilitations').where({ id }).update({ statut: vers, motif: motif ?? null, modifie_le: maintenant });
    await trx('habilitation_transitions').insert({ habilitation_id: id, de: ligne.statut, vers, acteur, motif: motif ?? null, le: maintenant });
  });
  return (await trouverHabilitation(db, id))!;
}

/** Habilitations that open data today: validated, inside their dates, with their rule. */
export async function habilitationsActives(db: Db, siret: string, jour = aujourdhui()): Promise<HabilitationActive[]> {
  const lignes = await db('habilitations as h')
    .join('regles as r', 'r.code', 'h.regle_code')
    .join('finalites as f', 'f.code', 'h.finalite_code')
    .where('h.siret', siret)
    .andWhere('h.statut', 'validee')
    .andWhere('h.date_debut', '<=', jour)
    .andWhere('h.date_fin', '>=', jour)
    .select(
      'h.id', 'h.api_id', 'h.scopes', 'h.finalite_code', 'h.regle_code', 'r.territoire', 'r.perimetre', 'r.base_legale',
      'f.base_rgpd', 'f.opposition_applicable', 'f.consentement_requis',
    );
  return lignes.map((l: Record<string, unknown>) => ({
    id: l.id as string,
    api_id: (l.api_id as string) ?? null,
    scopes: readJson<string[]>(l.scopes),
    finalite_code: l.finalite_code as string,
    base_rgpd: l.base_rgpd as string,
    opposition_applicable: Boolean(l.opposition_applicable),
    consentement_requis: Boolean(l.consentement_requis),
    regle_code: l.regle_code as string,
    territoire: l.territoire as Territoire,
    perimetre: l.perimetre ? readJson(l.perimetre) : null,
    base_legale: l.base_legale as string,
  }));
}
