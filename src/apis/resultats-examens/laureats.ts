import type { Db } from '../../db/knex';
import { decoderCurseur, encoderCurseur } from '../../http/pagination';
import { Probleme } from '../../http/problemes';
import type { Divulgation } from '../../privacy/divulgation';
import { champsDivulgues } from '../../privacy/masque';
import { estDansTerritoire } from '../../territoire/perimetre';
import { exigerSessionPubliee, MENTIONS, mentionsAuMoins, VOIES, type CodeMention, type CodeVoie } from './examens';
import type { EtablissementExamen } from './resultats';
import { geographieOfficielle } from '../../territoire/geographie';

/** Adresse de l'élève, transmise seulement si son consentement le prévoit. */
export interface AdresseContact {
  /** @example "12 rue de la Monnaie" */
  ligne: string;
  /** @example "35000" */
  code_postal: string;
  /** @example "35238" */
  code_commune: string;
  /** @example "Rennes" */
  commune: string | null;
}

/** Un bachelier avec mention ayant consenti à la transmission de ses données à la région. */
export interface Laureat {
  /** Identifiant pseudonyme : stable pour la région, différent pour tout autre destinataire. */
  id: string;
  /** @example "MARTIN" */
  nom: string;
  /** @example "Léa Marie" */
  prenoms: string;
  /** @example "2008-03-14" */
  date_naissance: string;
  etablissement: EtablissementExamen;
  serie: {
    voie: CodeVoie;
    /** Série (technologique) ou spécialité (professionnelle) ; null en voie générale. @example "31209" */
    code: string | null;
    /** @example "STMG" */
    libelle: string;
  };
  mention: {
    code: CodeMention;
    /** @example "Très bien" */
    libelle: string;
  };
  /** Absente si le consentement ne couvre pas l'adresse de contact. */
  adresse_contact?: AdresseContact;
}

/** Une page de la liste des lauréats consentants. */
export interface ListeLaureats {
  /** @example 2026 */
  session: number;
  mention_minimale: CodeMention;
  /**
   * Lauréats de la région remplissant la condition de mention mais sans consentement valide pour
   * cette finalité et ce destinataire (recueilli, non retiré, non expiré) : leur nombre, jamais qui.
   */
  nombre_exclus_sans_consentement: number;
  laureats: Laureat[];
  /** À passer en paramètre `curseur` pour la page suivante ; null sur la dernière page (voir aussi l'en-tête Link). */
  curseur_suivant: string | null;
}

export interface DemandeLaureats {
  session: number;
  mentionMinimale: CodeMention;
  limit: number;
  curseur?: string;
}

interface Candidat {
  id: number;
  eleve_id: string;
  code_commune: string;
  code_departement: string;
  code_region: string | null;
  type: string;
}

interface Fiche {
  id: number;
  eleve_id: string;
  voie: CodeVoie;
  serie_code: string | null;
  serie_libelle: string | null;
  mention: CodeMention;
  uai: string;
  etablissement_nom: string;
  code_commune: string;
  nom_commune: string | null;
  nom: string;
  prenoms: string;
  date_naissance: string;
  adresse_ligne: string;
  code_postal: string;
  code_commune_residence: string;
}

/** Only the current session (the latest published) has named candidates; earlier ones are aggregates. */
async function verifierSessionNominative(db: Db, session: number): Promise<void> {
  const nominative = await db('candidats_examens').where({ session, examen: 'bac' }).whereNotNull('eleve_id').first('id');
  if (nominative) return;
  const sessions = (await db('candidats_examens').whereNotNull('eleve_id').distinct('session').orderBy('session')).map((l: { session: number }) => l.session);
  throw new Probleme('ressource_introuvable', `Liste nominative disponible pour la session : ${sessions.join(', ') || 'aucune'}.`);
}

/**
 * Laureates of the caller's territory with at least the minimal mention, filtered by consent at
 * query time (a withdrawal is honoured on the next call), pseudonymised, masked and journaled.
 * The cursor is the candidate row's number, never a person identifier.
 */
export async function listerLaureats(db: Db, divulgation: Divulgation, demande: DemandeLaureats): Promise<ListeLaureats> {
  const apres = decoderCurseur<number>(demande.curseur) ?? 0;
  if (!Number.isInteger(apres)) throw new Probleme('requete_invalide', undefined, { erreurs: [{ champ: 'curseur', message: 'curseur illisible' }] });
  exigerSessionPubliee(demande.session);
  await verifierSessionNominative(db, demande.session);

  const { principal, habilitation } = divulgation;
  const candidats: Candidat[] = (
    await db('candidats_examens as c')
      .join('etablissements as e', 'e.uai', 'c.uai')
      .where({ 'c.session': demande.session, 'c.examen': 'bac', 'c.admis': true })
      .whereIn('c.mention', mentionsAuMoins(demande.mentionMinimale))
      .whereNotNull('c.eleve_id')
      .where('e.code_region', principal.destinataire.code_region ?? '')
      .orderBy('c.id')
      .select('c.id', 'c.eleve_id', 'e.code_commune', 'e.code_departement', 'e.code_region', 'e.type')
  ).filter((c: Candidat) => estDansTerritoire(principal, habilitation, { ...c, type_etablissement: c.type }));

  const { autorisees, exclues, portees } = await divulgation.filtrer(candidats.map((c) => c.eleve_id));
  const consentants = new Set(autorisees);
  const suivants = candidats.filter((c) => c.id > apres && consentants.has(c.eleve_id)).slice(0, demande.limit + 1);
  const page = suivants.slice(0, demande.limit);

  const fiches: Fiche[] = page.length === 0 ? [] : await db('candidats_examens as c')
    .join('etablissements as e', 'e.uai', 'c.uai')
    .join('eleves as el', 'el.id', 'c.eleve_id')
    .whereIn('c.id', page.map((c) => c.id))
    .orderBy('c.id')
    .select(
      'c.id', 'c.eleve_id', 'c.voie', 'c.serie_code', 'c.serie_libelle', 'c.mention', 'c.uai',
      'e.nom as etablissement_nom', 'e.code_commune', 'e.nom_commune',
      'el.nom', 'el.prenoms', 'el.date_naissance', 'el.adresse_ligne', 'el.code_postal', 'el.code_commune_residence',
    );

  const laureats = fiches.map((f) => divulgation.masquer<Laureat>({
    id: divulgation.pseudonyme(f.eleve_id),
    nom: f.nom,
    prenoms: f.prenoms,
    date_naissance: f.date_naissance,
    etablissement: { uai: f.uai, nom: f.etablissement_nom, code_commune: f.code_commune, nom_commune: f.nom_commune },
    serie: { voie: f.voie, code: f.serie_code, libelle: f.serie_libelle ?? VOIES[f.voie] },
    mention: { code: f.mention, libelle: MENTIONS[f.mention] },
    ...(portees.get(f.eleve_id)?.adresse_contact
      ? { adresse_contact: { ligne: f.adresse_ligne, code_postal: f.code_postal, code_commune: f.code_commune_residence, commune: geographieOfficielle().nomCommune(f.code_commune_residence) } }
      : {}),
  }) as Laureat);

  // Every 200 is journaled, an empty page too: the DPO sees each time the région asked.
  await divulgation.journaliser(fiches.map((f) => f.eleve_id), champsDivulgues(laureats));
  return {
    session: demande.session,
    mention_minimale: demande.mentionMinimale,
    nombre_exclus_sans_consentement: exclues,
    laureats,
    curseur_suivant: suivants.length > demande.limit ? encoderCurseur(page[page.length - 1].id) : null,
  };
}
