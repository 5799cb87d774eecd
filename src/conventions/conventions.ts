import { randomUUID } from 'node:crypto';
import type { Db } from '../db/knex';
import { isPostgres, readJson } from '../db/knex';
import { invalide, Probleme } from '../http/problemes';
import { publierEvenement } from '../notifications/evenements';
import { aujourdhui, horodatage } from '../horloge';
import { estSiretValide } from '../territoire/codes';
import type { CodeRegistre } from '../registry/scopes';
import { estUaiValide, normaliserUai } from '../territoire/uai';
import academies from './academies.json';
import { dernierJourEnVigueur, finDuTermeEnCours, statutConvention, type StatutConvention } from './termes';

export type TypeConvention = 'cadre_national' | 'convention_locale' | 'tripartite';
export type NatureCollectivite = 'commune' | 'departement' | 'region' | 'groupement';
export type PartieConvention = 'academie' | 'collectivite' | 'etablissement';

const TYPES_CONVENTION: TypeConvention[] = ['cadre_national', 'convention_locale', 'tripartite'];
const NATURES: NatureCollectivite[] = ['commune', 'departement', 'region', 'groupement'];

const ACADEMIES = new Map(academies.map((a) => [a.code, a]));

export interface EtablissementPartie {
  /**
   * @maxLength 8
   * @example "0350029C"
   */
  uai: string;
  /**
   * Qualité du signataire pour l'EPLE.
   * @maxLength 200
   * @example "Proviseur"
   */
  chef_etablissement: string;
}

export interface PerimetreConvention {
  /**
   * @maxItems 50
   * @example ["SIECLE"]
   */
  traitements: CodeRegistre[];
  /**
   * @maxItems 50
   * @example ["api-ecole"]
   */
  apis: CodeRegistre[];
  /**
   * @maxItems 50
   * @example ["ecole:effectifs"]
   */
  scopes: CodeRegistre[];
}

/** Le périmètre saisi : chaque liste est facultative (vide par défaut). */
export interface PerimetreConventionSaisi {
  /** @maxItems 50 */
  traitements?: CodeRegistre[];
  /** @maxItems 50 */
  apis?: CodeRegistre[];
  /** @maxItems 50 */
  scopes?: CodeRegistre[];
}

/** What an operator records; the status and end dates are computed from it. */
export interface DonneesConvention {
  /**
   * @maxLength 100
   * @example "DEPP-ARF-2015"
   */
  reference: string;
  type: TypeConvention;
  /**
   * Code de l'académie signataire ; absent pour un cadre national signé par l'administration centrale.
   * @maxLength 3
   * @example "14"
   */
  academie_code?: string | null;
  /**
   * @maxLength 14
   * @example "23350001600016"
   */
  collectivite_siret: string;
  /**
   * @maxLength 200
   * @example "Région Bretagne"
   */
  collectivite_nom: string;
  collectivite_nature: NatureCollectivite;
  /**
   * EPLE parties d'une convention tripartite.
   * @maxItems 500
   */
  etablissements?: EtablissementPartie[];
  /**
   * @maxLength 2000
   * @example "Échanges de données statistiques sur les lycées de la région"
   */
  objet: string;
  perimetre?: PerimetreConventionSaisi;
  /**
   * @pattern ^\d{4}-\d{2}-\d{2}$
   * @maxLength 10
   */
  date_signature: string;
  /**
   * Par défaut, la date de signature.
   * @pattern ^\d{4}-\d{2}-\d{2}$
   * @maxLength 10
   */
  date_effet?: string;
  /**
   * Durée d'une période, en mois (12 par défaut).
   * @isInt
   * @minimum 1
   * @maximum 120
   */
  duree_mois?: number;
  /** Reconduction tacite à chaque échéance (oui par défaut). */
  reconduction_tacite?: boolean;
  /**
   * Préavis de dénonciation en mois : 6 dans le modèle normand, 12 dans la convention DEPP–ARF de 2015.
   * @isInt
   * @minimum 0
   * @maximum 24
   */
  preavis_mois: number;
  /**
   * @maxLength 2048
   * @example "https://www.ac-rennes.fr/conventions/2015-depp-arf.pdf"
   */
  document_url?: string | null;
  /**
   * SHA-256 du document signé, en hexadécimal.
   * @pattern ^[0-9a-f]{64}$
   * @maxLength 64
   */
  document_sha256?: string | null;
}

export interface Convention {
  id: string;
  reference: string;
  type: TypeConvention;
  academie: { code: string; nom: string } | null;
  collectivite: { siret: string; nom: string; nature: NatureCollectivite };
  etablissements: EtablissementPartie[];
  objet: string;
  perimetre: PerimetreConvention;
  date_signature: string;
  date_effet: string;
  duree_mois: number;
  reconduction_tacite: boolean;
  preavis_mois: number;
  date_denonciation: string | null;
  partie_denoncante: PartieConvention | null;
  /** Calculé à la date du jour. */
  statut: StatutConvention;
  /** Dernier jour en vigueur (fin du terme sans reconduction, ou fin du préavis) ; null tant que la reconduction tacite court. */
  dernier_jour: string | null;
  /** Fin de la période en cours (prochaine échéance de reconduction), null une fois expirée. */
  fin_periode_en_cours: string | null;
  document: { url: string | null; sha256: string | null };
  version: number;
  cree_le: string;
  modifie_le: string;
}

export interface EntreeHistorique {
  version: number;
  action: 'enregistrement' | 'modification' | 'denonciation';
  champs_modifies: string[];
  acteur: string;
  motif: string | null;
  le: string;
  etat: Record<string, unknown>;
}

export interface FiltreConventions {
  academie?: string;
  region?: string;
  type?: TypeConvention;
  statut?: StatutConvention;
}

const JOUR = /^\d{4}-\d{2}-\d{2}$/;
type Ligne = Record<string, unknown>;

function versConvention(l: Ligne, jour: string): Convention {
  const termes = {
    date_effet: l.date_effet as string,
    duree_mois: Number(l.duree_mois),
    reconduction_tacite: Boolean(l.reconduction_tacite),
    preavis_mois: Number(l.preavis_mois),
    date_denonciation: (l.date_denonciation as string) ?? null,
  };
  const academie = l.academie_code ? ACADEMIES.get(l.academie_code as string) : undefined;
  return {
    id: l.id as string,
    reference: l.reference as string,
    type: l.type as TypeConvention,
    academie: academie ? { code: academie.code, nom: academie.nom } : null,
    collectivite: { siret: l.collectivite_siret as string, nom: l.collectivite_nom as string, nature: l.collectivite_nature as NatureCollectivite },
    etablissements: readJson<EtablissementPartie[]>(l.etablissements),
    objet: l.objet as string,
    perimetre: readJson<PerimetreConvention>(l.perimetre),
    date_signature: l.date_signature as string,
    ...termes,
    partie_denoncante: (l.partie_denoncante as PartieConvention) ?? null,
    statut: statutConvention(termes, jour),
    dernier_jour: dernierJourEnVigueur(termes),
    fin_periode_en_cours: finDuTermeEnCours(termes, jour),
    document: { url: (l.document_url as string) ?? null, sha256: (l.document_sha256 as string) ?? null },
    version: Number(l.version),
    cree_le: l.cree_le as string,
    modifie_le: l.modifie_le as string,
  };
}

/** The stored columns of a convention, defaults applied, every field checked; errors name fields, never values. */
async function colonnes(db: Db, d: DonneesConvention): Promise<Ligne> {
  const erreurs: Array<{ champ: string; message: string }> = [];
  const erreur = (champ: string, message: string) => erreurs.push({ champ, message });
  const etablissements = (d.etablissements ?? []).map((e) => ({ uai: normaliserUai(e.uai), chef_etablissement: e.chef_etablissement }));
  const perimetre: PerimetreConvention = {
    traitements: [...new Set(d.perimetre?.traitements ?? [])].sort(),
    apis: [...new Set(d.perimetre?.apis ?? [])].sort(),
    scopes: [...new Set(d.perimetre?.scopes ?? [])].sort(),
  };
  const ligne = {
    reference: d.reference?.trim(),
    type: d.type,
    academie_code: d.academie_code ?? null,
    collectivite_siret: d.collectivite_siret,
    collectivite_nom: d.collectivite_nom?.trim(),
    collectivite_nature: d.collectivite_nature,
    etablissements: JSON.stringify(etablissements),
    objet: d.objet?.trim(),
    perimetre: JSON.stringify(perimetre),
    date_signature: d.date_signature,
    date_effet: d.date_effet ?? d.date_signature,
    duree_mois: d.duree_mois ?? 12,
    reconduction_tacite: d.reconduction_tacite ?? true,
    preavis_mois: d.preavis_mois,
    document_url: d.document_url ?? null,
    document_sha256: d.document_sha256?.toLowerCase() ?? null,
  };

  if (!ligne.reference) erreur('reference', 'obligatoire');
  if (!TYPES_CONVENTION.includes(ligne.type)) erreur('type', `attendu : ${TYPES_CONVENTION.join(', ')}`);
  if (ligne.academie_code === null ? ligne.type !== 'cadre_national' : !ACADEMIES.has(ligne.academie_code)) {
    erreur('academie_code', "code d'académie inconnu (seul un cadre national peut ne pas en avoir)");
  }
  if (!estSiretValide(ligne.collectivite_siret ?? '')) erreur('collectivite_siret', 'SIRET invalide (14 chiffres, clé de Luhn)');
  if (!ligne.collectivite_nom) erreur('collectivite_nom', 'obligatoire');
  if (!NATURES.includes(ligne.collectivite_nature)) erreur('collectivite_nature', `attendu : ${NATURES.join(', ')}`);
  if (ligne.type === 'tripartite' && etablissements.length === 0) erreur('etablissements', 'une convention tripartite nomme au moins un EPLE');
  if (etablissements.some((e) => !estUaiValide(e.uai))) erreur('etablissements', 'UAI invalide');
  if (etablissements.some((e) => !e.chef_etablissement?.trim())) erreur('etablissements', "chef d'établissement signataire obligatoire");
  if (!ligne.objet) erreur('objet', 'obligatoire');
  for (const champ of ['date_signature', 'date_effet'] as const) {
    if (!JOUR.test(ligne[champ] ?? '') || Number.isNaN(Date.parse(ligne[champ]))) erreur(champ, 'date AAAA-MM-JJ attendue');
  }
  if (ligne.date_effet < ligne.date_signature) erreur('date_effet', 'antérieure à la signature');
  if (!Number.isInteger(ligne.duree_mois) || ligne.duree_mois < 1) erreur('duree_mois', 'entier positif attendu');
  if (!Number.isInteger(ligne.preavis_mois) || ligne.preavis_mois < 0) erreur('preavis_mois', 'entier positif ou nul attendu');
  if (ligne.document_url !== null && !/^https:\/\/\S+$/.test(ligne.document_url)) erreur('document_url', 'URL https attendue');
  if (ligne.document_sha256 !== null && !/^[0-9a-f]{64}$/.test(ligne.document_sha256)) erreur('document_sha256', '64 caractères hexadécimaux attendus');

  const inconnus = async (table: string, cle: string, codes: string[]) => {
    if (codes.length === 0) return false;
    const connus = await db(table).whereIn(cle, codes).count({ n: '*' }).first();
    return Number(connus?.n) !== codes.length;
  };
  if (await inconnus('traitements', 'code', perimetre.traitements)) erreur('perimetre.traitements', 'traitement inconnu du registre');
  if (await inconnus('apis', 'id', perimetre.apis)) erreur('perimetre.apis', 'API inconnue du catalogue');
  if (await inconnus('scopes', 'code', perimetre.scopes)) erreur('perimetre.scopes', 'scope inconnu du registre');

  if (erreurs.length > 0) throw new Probleme('requete_invalide', undefined, { erreurs });
  return ligne;
}

function avecFin(ligne: Ligne): Ligne {
  return {
    ...ligne,
    date_fin: dernierJourEnVigueur({
      date_effet: ligne.date_effet as string,
      duree_mois: Number(ligne.duree_mois),
      reconduction_tacite: Boolean(ligne.reconduction_tacite),
      preavis_mois: Number(ligne.preavis_mois),
      date_denonciation: (ligne.date_denonciation as string) ?? null,
    }),
  };
}

/** SQLite reads booleans back as 0/1: compare stored values in one textual form. */
function texte(valeur: unknown): string {
  return String(typeof valeur === 'boolean' ? Number(valeur) : (valeur ?? ''));
}

/** Its collectivité and every recipient whose habilitation rests on it learn of a change. */
async function annoncer(db: Db, c: Convention, action: EntreeHistorique['action']): Promise<void> {
  const titulaires = await db('habilitations').where({ convention_id: c.id }).distinct('siret');
  const sirets = new Set([c.collectivite.siret, ...titulaires.map((h: { siret: string }) => h.siret)]);
  for (const siret of sirets) {
    await publierEvenement(
      { db },
      {
        type: 'convention_modifiee',
        siret,
        donnees: { convention_id: c.id, reference: c.reference, action, statut: c.statut, dernier_jour: c.dernier_jour },
      },
    );
  }
}

/**
 * Every write goes through here: the row and its history entry (author, reason, fields
 * changed, full state after) are committed together, then the parties are notified.
 */
async function ecrire(
  db: Db,
  id: string,
  action: EntreeHistorique['action'],
  calculer: (trx: Db, avant: Ligne | undefined) => Promise<Ligne>,
  acteur: string,
  motif: string | null,
): Promise<Convention> {
  await db.transaction(async (trx) => {
    const requete = trx('conventions').where({ id }).first();
    const avant: Ligne | undefined = await (isPostgres(db) ? requete.forUpdate() : requete);
    if (action !== 'enregistrement' && !avant) throw new Probleme('ressource_introuvable', 'Convention inconnue.');
    const apres = avecFin(await calculer(trx, avant));
    const reference = await trx('conventions').where({ reference: apres.reference }).whereNot({ id }).first();
    if (reference) throw new Probleme('conflit', 'Une convention porte déjà cette référence.');
    const champs = Object.keys(apres).filter((k) => k !== 'date_fin' && texte(apres[k]) !== texte(avant?.[k]));
    if (avant && champs.length === 0) throw new Probleme('entite_non_traitable', 'La modification ne change aucun champ.');
    const maintenant = horodatage();
    const version = avant ? Number(avant.version) + 1 : 1;
    const ligne: Ligne = { ...apres, version, modifie_le: maintenant };
    if (avant) await trx('conventions').where({ id }).update(ligne);
    else await trx('conventions').insert({ ...ligne, id, cree_le: maintenant });
    await trx('convention_historique').insert({
      convention_id: id,
      version,
      action,
      champs_modifies: JSON.stringify(champs),
      etat: JSON.stringify({ ...ligne, etablissements: readJson(ligne.etablissements), perimetre: readJson(ligne.perimetre) }),
      acteur,
      motif,
      le: maintenant,
    });
    await annoncer(trx, versConvention(await trx('conventions').where({ id }).first(), aujourdhui()), action);
  });
  return (await trouverConvention(db, id))!;
}

export async function enregistrerConvention(db: Db, d: DonneesConvention, acteur: string, motif?: string): Promise<Convention> {
  return ecrire(db, randomUUID(), 'enregistrement', (trx) => colonnes(trx, d), acteur, motif ?? null);
}

/** An amendment (avenant): any recorded field may change, the reason is mandatory. */
export async function modifierConvention(db: Db, id: string, changements: Partial<DonneesConvention>, acteur: string, motif: string): Promise<Convention> {
  if (!motif?.trim()) throw invalide('motif', 'obligatoire');
  return ecrire(
    db,
    id,
    'modification',
    async (trx, avant) => {
      const actuelle = versConvention(avant!, aujourdhui());
      const fusion: DonneesConvention = {
        reference: actuelle.reference,
        type: actuelle.type,
        academie_code: actuelle.academie?.code ?? null,
        collectivite_siret: actuelle.collectivite.siret,
        collectivite_nom: actuelle.collectivite.nom,
        collectivite_nature: actuelle.collectivite.nature,
        etablissements: actuelle.etablissements,
        objet: actuelle.objet,
        perimetre: actuelle.perimetre,
        date_signature: actuelle.date_signature,
        date_effet: actuelle.date_effet,
        duree_mois: actuelle.duree_mois,
        reconduction_tacite: actuelle.reconduction_tacite,
        preavis_mois: actuelle.preavis_mois,
        document_url: actuelle.document.url,
        document_sha256: actuelle.document.sha256,
        ...changements,
      };
      return { ...(await colonnes(trx, fusion)), date_denonciation: avant!.date_denonciation ?? null, partie_denoncante: avant!.partie_denoncante ?? null };
    },
    acteur,
    motif.trim(),
  );
}

/** The convention stays in force until its notice ends; a denounced or expired one cannot be denounced again. */
export async function denoncerConvention(
  db: Db,
  id: string,
  denonciation: { date: string; partie: PartieConvention },
  acteur: string,
  motif: string,
): Promise<Convention> {
  if (!motif?.trim()) throw invalide('motif', 'obligatoire');
  if (!JOUR.test(denonciation.date) || Number.isNaN(Date.parse(denonciation.date))) {
    throw invalide('date_denonciation', 'date AAAA-MM-JJ attendue');
  }
  return ecrire(
    db,
    id,
    'denonciation',
    async (_trx, avant) => {
      const actuelle = versConvention(avant!, denonciation.date);
      if (actuelle.date_denonciation !== null) throw new Probleme('conflit', 'Cette convention est déjà dénoncée.');
      if (actuelle.statut === 'expiree') throw new Probleme('conflit', 'Cette convention était déjà expirée à cette date.');
      if (denonciation.date < actuelle.date_signature) throw new Probleme('entite_non_traitable', 'La dénonciation précède la signature.');
      const { id: _id, version: _v, cree_le: _c, modifie_le: _m, date_fin: _f, ...colonnesActuelles } = avant!;
      return { ...colonnesActuelles, date_denonciation: denonciation.date, partie_denoncante: denonciation.partie };
    },
    acteur,
    motif.trim(),
  );
}

export async function trouverConvention(db: Db, id: string, jour = aujourdhui()): Promise<Convention | undefined> {
  const ligne = await db('conventions').where({ id }).first();
  return ligne ? versConvention(ligne, jour) : undefined;
}

export async function historiqueConvention(db: Db, id: string): Promise<EntreeHistorique[]> {
  if (!(await db('conventions').where({ id }).first())) throw new Probleme('ressource_introuvable', 'Convention inconnue.');
  const lignes = await db('convention_historique').where({ convention_id: id }).orderBy('version');
  return lignes.map((l: Ligne) => ({
    version: Number(l.version),
    action: l.action as EntreeHistorique['action'],
    champs_modifies: readJson<string[]>(l.champs_modifies),
    acteur: l.acteur as string,
    motif: (l.motif as string) ?? null,
    le: l.le as string,
    etat: readJson<Record<string, unknown>>(l.etat),
  }));
}

/** Filters on académie, région (through the académie) and type in SQL; the status depends on the day, so in code. */
export async function listerConventions(db: Db, filtre: FiltreConventions = {}, jour = aujourdhui()): Promise<Convention[]> {
  const q = db('conventions').orderBy([{ column: 'reference' }, { column: 'id' }]);
  if (filtre.academie) q.where({ academie_code: filtre.academie });
  if (filtre.region)
    q.whereIn(
      'academie_code',
      academies.filter((a) => a.region === filtre.region).map((a) => a.code),
    );
  if (filtre.type) q.where({ type: filtre.type });
  const conventions = (await q).map((l: Ligne) => versConvention(l, jour));
  return filtre.statut ? conventions.filter((c) => c.statut === filtre.statut) : conventions;
}
