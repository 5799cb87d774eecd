import type { Db } from '../../db/knex';
import { Probleme } from '../../http/problemes';
import type { CodeMention, CodeVoie } from './examens';

// Reads of the exam tables; the aggregates' own query (candidatsDesDepartements) is in resultats.ts.

/** A named candidate, placed for the territory rule. */
interface Candidat {
  id: number;
  eleve_id: string;
  code_commune: string;
  code_departement: string;
  code_region: string | null;
  type: string;
}

/** What the laureates list shows of a candidate. */
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
export async function verifierSessionNominative(db: Db, session: number): Promise<void> {
  const nominative = await db('candidats_examens').where({ session, examen: 'bac' }).whereNotNull('eleve_id').first('id');
  if (nominative) return;
  const sessions = (await db('candidats_examens').whereNotNull('eleve_id').distinct('session').orderBy('session')).map((l: { session: number }) => l.session);
  throw new Probleme('ressource_introuvable', `Liste nominative disponible pour la session : ${sessions.join(', ') || 'aucune'}.`);
}

/** Admitted bac candidates of a région with one of `mentions`, named ones only, in row order (the cursor). */
export async function candidatsAvecMention(db: Db, session: number, mentions: CodeMention[], codeRegion: string): Promise<Candidat[]> {
  return db('candidats_examens as c')
    .join('etablissements as e', 'e.uai', 'c.uai')
    .where({ 'c.session': session, 'c.examen': 'bac', 'c.admis': true })
    .whereIn('c.mention', mentions)
    .whereNotNull('c.eleve_id')
    .where('e.code_region', codeRegion)
    .orderBy('c.id')
    .select('c.id', 'c.eleve_id', 'e.code_commune', 'e.code_departement', 'e.code_region', 'e.type');
}

/** What the list shows of these candidates: exam, establishment and identity, in row order. */
export async function fichesDesLaureats(db: Db, ids: number[]): Promise<Fiche[]> {
  return db('candidats_examens as c')
    .join('etablissements as e', 'e.uai', 'c.uai')
    .join('eleves as el', 'el.id', 'c.eleve_id')
    .whereIn('c.id', ids)
    .orderBy('c.id')
    .select(
      'c.id',
      'c.eleve_id',
      'c.voie',
      'c.serie_code',
      'c.serie_libelle',
      'c.mention',
      'c.uai',
      'e.nom as etablissement_nom',
      'e.code_commune',
      'e.nom_commune',
      'el.nom',
      'el.prenoms',
      'el.date_naissance',
      'el.adresse_ligne',
      'el.code_postal',
      'el.code_commune_residence',
    );
}
