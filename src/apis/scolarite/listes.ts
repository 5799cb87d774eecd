import type { Readable } from 'node:stream';
import type { Contexte } from '../../contexte';
import { type Db, executer } from '../../db/knex';
import { Probleme } from '../../http/problemes';
import { type ColonneCsv, texteCsv } from '../../listes/csv';
import type { DescripteurListe } from '../../listes/descripteur';
import { donneesDe, sourceGenerique, type VersionGenerique } from '../../listes/generique';
import { changementsDe, listeDe, type ParametresChangements, type ParametresListe, type Reponse, type Revalidation } from '../../listes/service';
import { inscrireAuJournal } from '../../listes/journal';
import type { Divulgation } from '../../privacy/divulgation';
import { type Code, LIEN_RESPONSABLE, NIVEAU, REGIME } from '../../referentiels/nomenclatures';
import { geographieOfficielle } from '../../territoire/geographie';
import type { ChangementsElevesEtablissement, EleveListeEtablissement, ListeElevesEtablissement } from './listes-modeles';

/**
 * The catering, boarding and grant lists of public collèges (département) and lycées (région),
 * one list per establishment, published monthly in the generic list tables: the list machinery
 * (src/listes) serves them like the mairie list.
 */

/** The kinds of list, as the generator names them in `liste_versions.liste`. */
export type ListeEtablissement = 'demi-pensionnaires' | 'internes' | 'boursiers';

/** An entry as the generator stores it (`donnees`). */
interface DonneesEleve {
  nom: string;
  prenoms: string;
  date_naissance: string;
  niveau: string | null;
  mef: { code: string; libelle: string | null } | null;
  regime: string | null;
  echelon?: number | null;
  responsables?: Array<{ nom: string; prenoms: string; lien: string; adresse: { ligne: string; code_postal: string; code_insee: string } }>;
}

function codeLibelle(table: Readonly<Record<string, Code>>, code: string | null): Code | null {
  return code === null ? null : { code, libelle: table[code]?.libelle ?? code };
}

function commune(code: string): string {
  const territoire = geographieOfficielle();
  return territoire.existe(code) ? territoire.commune(code).nom : code;
}

/** The whole entry (the scope's mask then keeps the caller's fields). */
function eleve(v: VersionGenerique, id: string): EleveListeEtablissement {
  const d = donneesDe<DonneesEleve>(v);
  return {
    id,
    nom: d.nom,
    prenoms: d.prenoms,
    date_naissance: d.date_naissance,
    classe: { niveau: codeLibelle(NIVEAU, d.niveau), mef: d.mef ? { code: d.mef.code, libelle: d.mef.libelle ?? d.mef.code } : null },
    ...(d.regime ? { regime: codeLibelle(REGIME, d.regime)! } : {}),
    ...(d.echelon ? { echelon_bourse: d.echelon } : {}),
    ...(d.responsables
      ? {
          responsables: d.responsables.map((r) => ({
            nom: r.nom,
            prenoms: r.prenoms,
            lien: codeLibelle(LIEN_RESPONSABLE, r.lien)!,
            adresse: { ...r.adresse, commune: commune(r.adresse.code_insee) },
          })),
        }
      : {}),
    date_mise_a_jour: v.valide_du,
  };
}

type Colonne = ColonneCsv<EleveListeEtablissement>;

function colonnesResponsable(rang: number): Colonne[] {
  const r = (e: Partial<EleveListeEtablissement>) => e.responsables?.[rang - 1];
  const p = `responsable_${rang}_`;
  return [
    { entete: `${p}nom`, champ: 'responsables', cellule: (e) => r(e)?.nom },
    { entete: `${p}prenoms`, champ: 'responsables', cellule: (e) => r(e)?.prenoms },
    { entete: `${p}lien`, champ: 'responsables', cellule: (e) => r(e)?.lien.libelle },
    { entete: `${p}adresse`, champ: 'responsables', cellule: (e) => r(e)?.adresse.ligne },
    { entete: `${p}code_postal`, champ: 'responsables', cellule: (e) => texteCsv(r(e)?.adresse.code_postal) },
    { entete: `${p}commune`, champ: 'responsables', cellule: (e) => r(e)?.adresse.commune },
  ];
}

/** One row per pupil, for French Excel; the scope's mask hides the columns it does not grant. */
const COLONNES_CSV: readonly Colonne[] = [
  { entete: 'identifiant', champ: 'id', cellule: (e) => e.id },
  { entete: 'nom', champ: 'nom', cellule: (e) => e.nom },
  { entete: 'prenoms', champ: 'prenoms', cellule: (e) => e.prenoms },
  { entete: 'date_naissance', champ: 'date_naissance', cellule: (e) => e.date_naissance },
  { entete: 'niveau', champ: 'classe', cellule: (e) => e.classe?.niveau?.libelle },
  { entete: 'code_mef', champ: 'classe', cellule: (e) => texteCsv(e.classe?.mef?.code) },
  { entete: 'formation', champ: 'classe', cellule: (e) => e.classe?.mef?.libelle },
  { entete: 'regime', champ: 'regime', cellule: (e) => e.regime?.libelle },
  { entete: 'echelon_bourse', champ: 'echelon_bourse', cellule: (e) => e.echelon_bourse },
  ...colonnesResponsable(1),
  ...colonnesResponsable(2),
  { entete: 'date_mise_a_jour', champ: 'date_mise_a_jour', cellule: (e) => e.date_mise_a_jour },
];

/** A public collège (département's) or lycée (région's); the registry rule's perimeter says which type the recipient may read. */
async function etablissement(db: Db, uai: string) {
  const e = await executer<
    { uai: string; type: string; statut: string | null; code_commune: string; code_departement: string; code_region: string | null } | undefined
  >(db, db('etablissements').where({ uai }).first('uai', 'type', 'statut', 'code_commune', 'code_departement', 'code_region'));
  if (!e) throw new Probleme('ressource_introuvable', 'Aucun établissement ne porte ce code UAI.');
  if ((e.type !== 'college' && e.type !== 'lycee') || e.statut !== 'public') {
    throw new Probleme('entite_non_traitable', 'Ces listes ne portent que sur les collèges et lycées publics.', { type_etablissement: e.type });
  }
  return {
    cle: e.uai,
    territoire: { code_commune: e.code_commune, code_departement: e.code_departement, code_region: e.code_region, type_etablissement: e.type },
  };
}

function descripteur(liste: ListeEtablissement, scope: string): DescripteurListe<VersionGenerique, EleveListeEtablissement> {
  return {
    source: sourceGenerique(liste),
    resoudre: etablissement,
    aucunePublication: "Aucune liste n'est encore publiée pour cet établissement.",
    perimetres: { [scope]: { complet: true } },
    cleDuJeton: (uai) => `${liste}:${uai}`,
    entete: (uai) => ({ uai }),
    champs: { entrees: 'eleves', entree: 'eleve' },
    lecteur: () => async (versions, ids) => versions.map((v, i) => eleve(v, ids[i])),
    csv: { colonnes: COLONNES_CSV, nomFichier: (uai, date) => `${liste}-${uai}-${date}.csv` },
    detailler: (champ) => champ === 'classe',
  };
}

const DESCRIPTEURS: Readonly<Record<ListeEtablissement, DescripteurListe<VersionGenerique, EleveListeEtablissement>>> = {
  'demi-pensionnaires': descripteur('demi-pensionnaires', 'scolarite:restauration'),
  internes: descripteur('internes', 'scolarite:hebergement'),
  boursiers: descripteur('boursiers', 'scolarite:bourse-collectivite'),
};
// The data-subject report joins these lists from the process's start (src/listes/journal.ts).
for (const d of Object.values(DESCRIPTEURS)) inscrireAuJournal(d);

export async function listeEtablissement(
  liste: ListeEtablissement,
  ctx: Contexte,
  divulgation: Divulgation,
  p: ParametresListe,
  revalidation: Revalidation,
): Promise<Reponse<ListeElevesEtablissement | Readable>> {
  return (await listeDe(DESCRIPTEURS[liste], ctx, divulgation, p, revalidation)) as unknown as Reponse<ListeElevesEtablissement | Readable>;
}

export async function changementsEtablissement(
  liste: ListeEtablissement,
  ctx: Contexte,
  divulgation: Divulgation,
  p: ParametresChangements,
  revalidation: Revalidation,
): Promise<Reponse<ChangementsElevesEtablissement>> {
  return (await changementsDe(DESCRIPTEURS[liste], ctx, divulgation, p, revalidation)) as unknown as Reponse<ChangementsElevesEtablissement>;
}
