import type { Db } from '../db/knex';
import { Probleme } from '../http/problemes';
import { aujourdhui } from '../horloge';
import { veille } from '../conventions/termes';
import { ajouterMoisBorne } from '../referentiels/calendrier';
import type { EchelonTerritorial } from '../territoire/perimetre';
import { trouverDestinataire } from '../registry/destinataires';
import type { CommuneMembre, NatureGroupement } from '../registry/groupements';
import {
  changerStatut,
  listerHabilitations,
  modifierHabilitation,
  soumettreHabilitation,
  transitionsHabilitation,
  trouverHabilitation,
  type ChampsHabilitation,
  type Habilitation,
  type StatutHabilitation,
} from '../registry/habilitations';

/**
 * A recipient's own requests for access (DataPass's form, filled by the collectivité's client):
 * the habilitations of its SIRET, seen and moved only by it — another recipient's request is a 404,
 * as if it did not exist. Validation is the registry's: the same rules, the same state machine and
 * the same transitions journal as the operators' routes, which keep validating and refusing.
 */

/** What the recipient fills in. */
export interface ChampsDemande {
  traitement: string;
  finalite: string;
  scopes: string[];
  intitule: string;
  description: string;
  baseLegaleTexte?: string;
  baseLegaleUrl?: string;
  responsableTraitement?: string;
  dpoNom: string;
  dpoCourriel: string;
  dureeConservationMois: number;
  justificationConservation?: string;
  volumeAttendu?: number;
  conventionReference?: string;
  dateDebut?: string;
  dateFin?: string;
}

/** Who acts: the recipient's client, as recorded in the transitions journal. */
export interface Demandeur {
  siret: string;
  clientId: string;
}

export type Intervenant = 'destinataire' | 'ministere';

export interface EtapeDemande {
  de: StatutHabilitation | null;
  vers: StatutHabilitation;
  /** « destinataire » : un client du destinataire ; « ministere » : les opérateurs (API d'administration, ligne de commande). */
  par: Intervenant;
  /** Le client du destinataire qui a agi ; absent pour le ministère. */
  client_id?: string;
  /** Motif ou champs modifiés : ce que les opérateurs attendent, ou pourquoi ils ont décidé. */
  motif: string | null;
  le: string;
}

export interface ProchaineEtape {
  /** Qui doit agir ; null quand la demande est close. */
  par: Intervenant | null;
  action: string;
}

export interface DemandeHabilitation {
  id: string;
  version: number;
  statut: StatutHabilitation;
  libelle_statut: string;
  prochaine_etape: ProchaineEtape;
  /** Motif de la dernière décision (modifications demandées, refus, révocation, retrait). */
  motif: string | null;
  destinataire: { siret: string; nom: string };
  traitement: string;
  finalite: string;
  scopes: string[];
  intitule: string;
  description: string | null;
  base_legale_texte: string | null;
  base_legale_url: string | null;
  responsable_traitement: string | null;
  dpo: { nom: string | null; courriel: string | null };
  duree_conservation_mois: number | null;
  justification_conservation: string | null;
  volume_attendu: number | null;
  convention_reference: string | null;
  /**
   * Territoire de la règle du registre appliquée au destinataire : sa commune, les communes
   * membres de son groupement (EPCI, syndicat scolaire), son département, sa région, ou national.
   */
  territoire: TerritoireDemande;
  date_debut: string;
  date_fin: string;
  date_fin_effective: string;
  historique: EtapeDemande[];
}

export interface TerritoireDemande {
  /** Commune, groupement de communes (EPCI, syndicat scolaire), département, région, ou tout le territoire. */
  niveau: 'commune' | 'groupement' | 'departement' | 'region' | 'national';
  /** Code INSEE de la commune, code du groupement (SIREN), du département ou de la région ; null pour national. */
  code: string | null;
  /** Groupement : sa nature (métropole, communauté de communes, SIVU…). */
  nature?: NatureGroupement;
  /** Groupement : ses communes membres à la date du jour. */
  communes?: CommuneMembre[];
}

const LIBELLE_STATUT: Record<StatutHabilitation, string> = {
  brouillon: 'Brouillon',
  soumise: 'Soumise, en cours d’instruction',
  modifications_demandees: 'Modifications demandées',
  validee: 'Validée',
  refusee: 'Refusée',
  revoquee: 'Révoquée',
  expiree: 'Expirée',
  obsolete: 'Remplacée par une version plus récente',
  retiree: 'Retirée par le destinataire',
};

/** What each state expects, and from whom: the same words in the JSON and on the page. */
function prochaineEtape(statut: StatutHabilitation): ProchaineEtape {
  switch (statut) {
    case 'brouillon':
      return { par: 'destinataire', action: 'Compléter la demande si besoin, puis la soumettre aux opérateurs du ministère ; ou la retirer.' };
    case 'soumise':
      return {
        par: 'ministere',
        action: 'Les opérateurs du ministère instruisent la demande : ils la valident, la refusent, ou demandent des modifications en disant lesquelles.',
      };
    case 'modifications_demandees':
      return { par: 'destinataire', action: 'Lire le motif des opérateurs, modifier la demande en conséquence, puis la soumettre de nouveau ; ou la retirer.' };
    case 'validee':
      return { par: 'destinataire', action: 'Demander un nouveau jeton : il porte les scopes de cette habilitation jusqu’à sa date de fin effective.' };
    case 'refusee':
      return { par: null, action: 'Décision définitive. Une nouvelle demande peut être déposée en tenant compte du motif du refus.' };
    case 'revoquee':
      return {
        par: null,
        action: 'Les jetons n’ouvrent plus les données de cette habilitation. Une nouvelle demande peut être déposée si le motif de la révocation est levé.',
      };
    case 'expiree':
      return {
        par: 'destinataire',
        action: 'La période est échue ou la convention a pris fin : demander le renouvellement aux opérateurs du ministère, ou déposer une nouvelle demande.',
      };
    case 'obsolete':
      return { par: null, action: 'Une version plus récente de cette habilitation a été validée : elle seule compte désormais.' };
    case 'retiree':
      return { par: null, action: 'Demande close sans décision. Une nouvelle demande peut être déposée à tout moment.' };
  }
}

function nonTraitable(champ: string, message: string): Probleme {
  return new Probleme('entite_non_traitable', undefined, { erreurs: [{ champ, message }] });
}

function traitementIncoherent(): Probleme {
  return nonTraitable('traitement', 'ne correspond pas au traitement dont relève la finalité (voir /catalogue)');
}

/** The finalité decides the traitement: a request naming another one is contradictory. */
async function verifierTraitement(db: Db, traitement: string, finalite: string): Promise<void> {
  const f = await db('finalites').where({ code: finalite }).first('traitement_code');
  // An unknown finalité is refused by the registry's rules (scopes_non_autorises).
  if (f && f.traitement_code !== traitement) throw traitementIncoherent();
}

async function conventionParReference(db: Db, reference: string | undefined): Promise<string | undefined> {
  if (reference === undefined) return undefined;
  const c = await db('conventions').where({ reference }).first('id');
  if (!c) throw nonTraitable('convention_reference', 'aucune convention recensée ne porte cette référence');
  return c.id as string;
}

function versChamps(c: Partial<ChampsDemande>, conventionId: string | undefined): Partial<ChampsHabilitation> {
  const champs: Partial<ChampsHabilitation> = {
    finalite: c.finalite,
    scopes: c.scopes,
    intitule: c.intitule,
    description: c.description,
    baseLegaleTexte: c.baseLegaleTexte,
    baseLegaleUrl: c.baseLegaleUrl,
    responsableTraitement: c.responsableTraitement,
    dpoNom: c.dpoNom,
    dpo: c.dpoCourriel,
    dureeConservationMois: c.dureeConservationMois,
    justificationConservation: c.justificationConservation,
    volumeAttendu: c.volumeAttendu,
    conventionId,
    dateDebut: c.dateDebut,
    dateFin: c.dateFin,
  };
  return Object.fromEntries(Object.entries(champs).filter(([, v]) => v !== undefined));
}

/** The request of this recipient, or a 404 that says nothing about other recipients' requests. */
async function exigerDemande(db: Db, siret: string, id: string): Promise<Habilitation> {
  const h = await trouverHabilitation(db, id);
  if (!h || h.siret !== siret) throw new Probleme('ressource_introuvable', 'Demande d’habilitation inconnue.');
  return h;
}

/** The request as its recipient (or an operator) reads it: fields, state, what comes next, and every transition. */
export async function vueDemande(db: Db, h: Habilitation): Promise<DemandeHabilitation> {
  const [destinataire, finalite, regle, convention, transitions, clients] = await Promise.all([
    trouverDestinataire(db, h.siret),
    db('finalites').where({ code: h.finalite_code }).first('traitement_code'),
    db('regles').where({ code: h.regle_code }).first('territoire'),
    h.convention_id ? db('conventions').where({ id: h.convention_id }).first('reference') : undefined,
    transitionsHabilitation(db, h.id),
    db('oauth_clients').where({ siret: h.siret }).select('client_id'),
  ]);
  const siens = new Set(clients.map((c: { client_id: string }) => `client:${c.client_id}`));
  const niveau = (regle?.territoire ?? 'national') as EchelonTerritorial;
  const groupement = destinataire?.groupement;
  const territoire: TerritoireDemande =
    niveau === 'groupement'
      ? { niveau, code: groupement?.code ?? null, nature: groupement?.nature, communes: groupement?.communes ?? [] }
      : {
          niveau,
          code:
            { commune: destinataire?.code_commune, departement: destinataire?.code_departement, region: destinataire?.code_region, national: null }[niveau] ??
            null,
        };
  return {
    id: h.id,
    version: h.version,
    statut: h.statut,
    libelle_statut: LIBELLE_STATUT[h.statut],
    prochaine_etape: prochaineEtape(h.statut),
    motif: h.motif,
    destinataire: { siret: h.siret, nom: destinataire?.nom ?? h.siret },
    traitement: finalite?.traitement_code ?? '',
    finalite: h.finalite_code,
    scopes: h.scopes,
    intitule: h.intitule,
    description: h.description,
    base_legale_texte: h.base_legale_texte,
    base_legale_url: h.base_legale_url,
    responsable_traitement: h.responsable_traitement,
    dpo: { nom: h.dpo_nom, courriel: h.dpo },
    duree_conservation_mois: h.duree_conservation_mois,
    justification_conservation: h.justification_conservation,
    volume_attendu: h.volume_attendu,
    convention_reference: (convention?.reference as string | undefined) ?? null,
    territoire,
    date_debut: h.date_debut,
    date_fin: h.date_fin,
    date_fin_effective: h.date_fin_effective,
    historique: transitions.map((t) => ({
      de: t.de,
      vers: t.vers,
      par: siens.has(t.acteur) ? 'destinataire' : 'ministere',
      ...(siens.has(t.acteur) ? { client_id: t.acteur.slice('client:'.length) } : {}),
      motif: t.motif,
      le: t.le,
    })),
  };
}

/**
 * Records the request, kept as a draft or submitted at once. The period defaults to one year
 * from today; operators see it and may ask for another.
 */
export async function deposerDemande(db: Db, qui: Demandeur, champs: ChampsDemande, brouillon: boolean): Promise<DemandeHabilitation> {
  await verifierTraitement(db, champs.traitement, champs.finalite);
  const conventionId = await conventionParReference(db, champs.conventionReference);
  const dateDebut = champs.dateDebut ?? aujourdhui();
  const h = await soumettreHabilitation(
    db,
    {
      ...(versChamps(champs, conventionId) as ChampsHabilitation),
      siret: qui.siret,
      dateDebut,
      dateFin: champs.dateFin ?? veille(ajouterMoisBorne(dateDebut, 12)),
      brouillon,
    },
    `client:${qui.clientId}`,
  );
  return vueDemande(db, h);
}

export async function listerDemandes(db: Db, siret: string, statut?: StatutHabilitation): Promise<DemandeHabilitation[]> {
  const habilitations = await listerHabilitations(db, { siret, statut });
  return Promise.all(habilitations.map((h) => vueDemande(db, h)));
}

export async function lireDemande(db: Db, siret: string, id: string): Promise<DemandeHabilitation> {
  return vueDemande(db, await exigerDemande(db, siret, id));
}

/** Amends a draft, or a request the operators asked to change; the edit is journaled with the fields it touched. */
export async function modifierDemande(db: Db, qui: Demandeur, id: string, changements: Partial<ChampsDemande>, motif?: string): Promise<DemandeHabilitation> {
  const actuelle = await exigerDemande(db, qui.siret, id);
  const finalite = changements.finalite ?? actuelle.finalite_code;
  if (changements.traitement !== undefined) await verifierTraitement(db, changements.traitement, finalite);
  else if (changements.finalite !== undefined && changements.finalite !== actuelle.finalite_code) {
    // Moving to a finalité of another traitement must say so: the traitement is part of what is asked.
    const [avant, apres] = await Promise.all([
      db('finalites').where({ code: actuelle.finalite_code }).first('traitement_code'),
      db('finalites').where({ code: finalite }).first('traitement_code'),
    ]);
    if (apres && avant?.traitement_code !== apres.traitement_code) throw traitementIncoherent();
  }
  const conventionId = await conventionParReference(db, changements.conventionReference);
  return vueDemande(db, await modifierHabilitation(db, id, versChamps(changements, conventionId), `client:${qui.clientId}`, motif));
}

export async function soumettreDemande(db: Db, qui: Demandeur, id: string, motif?: string): Promise<DemandeHabilitation> {
  await exigerDemande(db, qui.siret, id);
  return vueDemande(db, await changerStatut(db, id, 'soumise', `client:${qui.clientId}`, motif));
}

/** Withdraws a request still in the recipient's hands (draft, or changes requested); kept, with its journal. */
export async function retirerDemande(db: Db, qui: Demandeur, id: string, motif?: string): Promise<DemandeHabilitation> {
  await exigerDemande(db, qui.siret, id);
  return vueDemande(db, await changerStatut(db, id, 'retiree', `client:${qui.clientId}`, motif));
}
