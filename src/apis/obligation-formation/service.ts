import type { Readable } from 'node:stream';
import type { Contexte } from '../../contexte';
import { type Db, executer } from '../../db/knex';
import { Probleme } from '../../http/problemes';
import { type DescripteurListe } from '../../listes/descripteur';
import { donneesDe, sourceGenerique, type VersionGenerique } from '../../listes/generique';
import { texteCsv, type ColonneCsv } from '../../listes/csv';
import { changementsDe, listeDe, type FormatListe, type Reponse, type Revalidation } from '../../listes/service';
import { inscrireAuJournal } from '../../listes/journal';
import type { Divulgation } from '../../privacy/divulgation';
import { MEFS, NIVEAU } from '../../referentiels/nomenclatures';
import { geographieOfficielle } from '../../territoire/geographie';
import type { ChangementsJeunesObligationFormation, JeuneObligationFormation, ListeJeunesObligationFormation, NiveauTerritoireFormation } from './models';

export type { FormatListe, Reponse, Revalidation };

/** The kind of this list in the generic tables (migration 100). */
export const LISTE_OBLIGATION_FORMATION = 'obligation_formation';

/** A young person's entry as the generator stores it (`liste_versions.donnees`). */
export interface DonneesJeune {
  nom: string;
  prenoms: string;
  sexe: 'F' | 'M';
  date_naissance: string;
  code_commune: string;
  adresse_ligne: string;
  code_postal: string;
  uai: string | null;
  annee_scolaire_sortie: string;
  niveau_code: string;
  code_mef_stat: string | null;
  date_sortie: string;
  motif_entree: 'sortie_sans_diplome' | 'arrivee';
}

/** One list per département and per région: the key names both (`departement:35`, `region:53`). */
function cleDeLaListe(niveau: NiveauTerritoireFormation, code: string): string {
  return `${niveau}:${code}`;
}

function lireCle(cle: string): { niveau: NiveauTerritoireFormation; code: string } {
  const [niveau, code] = cle.split(':') as [NiveauTerritoireFormation, string];
  return { niveau, code };
}

const MOTIFS_ENTREE: Readonly<Record<DonneesJeune['motif_entree'], string>> = {
  sortie_sans_diplome: 'Sorti de formation initiale sans diplôme',
  arrivee: 'Arrivé dans le territoire, sans formation',
};

const LIBELLES_MEF: ReadonlyMap<string, string> = new Map(Object.values(MEFS).flatMap((mefs) => mefs.map((m) => [m.code_mef_stat, m.libelle] as const)));

/** Establishment names, read once per request for the UAIs of a page. */
function lecteur(db: Db): (versions: readonly VersionGenerique[], ids: readonly string[]) => Promise<JeuneObligationFormation[]> {
  const etablissements = new Map<string, { nom: string | null; code_commune: string | null }>();
  const geographie = geographieOfficielle();
  return async (versions, ids) => {
    const donnees = versions.map((v) => donneesDe<DonneesJeune>(v));
    const inconnus = [...new Set(donnees.map((d) => d.uai).filter((u): u is string => !!u && !etablissements.has(u)))];
    if (inconnus.length > 0) {
      const lignes = await executer<Array<{ uai: string; nom: string; code_commune: string }>>(
        db,
        db('etablissements').whereIn('uai', inconnus).select('uai', 'nom', 'code_commune'),
      );
      for (const uai of inconnus) etablissements.set(uai, { nom: null, code_commune: null });
      for (const l of lignes) etablissements.set(l.uai, { nom: l.nom, code_commune: l.code_commune });
    }
    return donnees.map((d, i) => {
      const commune = geographie.existe(d.code_commune) ? geographie.commune(d.code_commune).nom : d.code_commune;
      const etablissement = d.uai ? etablissements.get(d.uai)! : null;
      return {
        id: ids[i],
        nom: d.nom,
        prenoms: d.prenoms,
        sexe: d.sexe,
        date_naissance: d.date_naissance,
        commune_residence: { code_insee: d.code_commune, libelle: commune },
        adresse: { ligne: d.adresse_ligne, code_postal: d.code_postal, code_insee: d.code_commune, commune },
        dernier_etablissement: d.uai ? { uai: d.uai, nom: etablissement!.nom, code_insee: etablissement!.code_commune } : null,
        derniere_classe: {
          annee_scolaire: d.annee_scolaire_sortie,
          niveau: { code: d.niveau_code, libelle: NIVEAU[d.niveau_code]?.libelle ?? d.niveau_code },
          mef: d.code_mef_stat ? { code_mef_stat: d.code_mef_stat, libelle: LIBELLES_MEF.get(d.code_mef_stat) ?? d.code_mef_stat } : null,
        },
        date_sortie: d.date_sortie,
        motif_entree: { code: d.motif_entree, libelle: MOTIFS_ENTREE[d.motif_entree] },
        date_mise_a_jour: versions[i].valide_du,
      };
    });
  };
}

/** One row per young person, for French Excel; the address columns only when the scope's mask reaches `adresse`. */
const COLONNES: ReadonlyArray<ColonneCsv<JeuneObligationFormation>> = [
  { entete: 'identifiant', champ: 'id', cellule: (j) => j.id },
  { entete: 'nom', champ: 'nom', cellule: (j) => j.nom },
  { entete: 'prenoms', champ: 'prenoms', cellule: (j) => j.prenoms },
  { entete: 'sexe', champ: 'sexe', cellule: (j) => j.sexe },
  { entete: 'date_naissance', champ: 'date_naissance', cellule: (j) => j.date_naissance },
  { entete: 'code_insee_residence', champ: 'commune_residence', cellule: (j) => texteCsv(j.commune_residence?.code_insee) },
  { entete: 'commune_residence', champ: 'commune_residence', cellule: (j) => j.commune_residence?.libelle },
  { entete: 'adresse', champ: 'adresse', cellule: (j) => j.adresse?.ligne },
  { entete: 'code_postal', champ: 'adresse', cellule: (j) => texteCsv(j.adresse?.code_postal) },
  { entete: 'uai_dernier_etablissement', champ: 'dernier_etablissement', cellule: (j) => texteCsv(j.dernier_etablissement?.uai) },
  { entete: 'dernier_etablissement', champ: 'dernier_etablissement', cellule: (j) => j.dernier_etablissement?.nom },
  { entete: 'annee_scolaire_derniere_classe', champ: 'derniere_classe', cellule: (j) => j.derniere_classe?.annee_scolaire },
  { entete: 'derniere_classe', champ: 'derniere_classe', cellule: (j) => j.derniere_classe?.niveau.libelle },
  { entete: 'code_mef_stat', champ: 'derniere_classe', cellule: (j) => texteCsv(j.derniere_classe?.mef?.code_mef_stat) },
  { entete: 'formation', champ: 'derniere_classe', cellule: (j) => j.derniere_classe?.mef?.libelle },
  { entete: 'date_sortie', champ: 'date_sortie', cellule: (j) => j.date_sortie },
  { entete: 'motif_entree', champ: 'motif_entree', cellule: (j) => j.motif_entree?.libelle },
  { entete: 'date_mise_a_jour', champ: 'date_mise_a_jour', cellule: (j) => j.date_mise_a_jour },
];

/** Both scopes see every young person of the list; the mask (scopes.json) decides whether the address goes with them. */
const TOUTE_LA_LISTE = { complet: true } as const;

const DESCRIPTEUR_OBLIGATION_FORMATION: DescripteurListe<VersionGenerique, JeuneObligationFormation> = {
  source: sourceGenerique(LISTE_OBLIGATION_FORMATION),
  async resoudre(_db, cle) {
    const { niveau, code } = lireCle(cle);
    const lieu = geographieOfficielle().territoire(niveau, code);
    if (!lieu)
      throw new Probleme(
        'ressource_introuvable',
        niveau === 'region' ? 'Aucune région actuelle ne porte ce code.' : 'Aucun département actuel ne porte ce code.',
      );
    // A région's list is no département's: a mission locale (département rule) is refused it.
    return { cle, territoire: { code_departement: lieu.code_departement, code_region: lieu.code_region } };
  },
  aucunePublication: "Aucune liste n'est encore publiée pour ce territoire.",
  perimetres: { 'scolarite:obligation-formation-contact': TOUTE_LA_LISTE, 'scolarite:obligation-formation': TOUTE_LA_LISTE },
  cleDuJeton: (cle) => `${LISTE_OBLIGATION_FORMATION}:${cle}`,
  entete: (cle) => ({ ...lireCle(cle) }),
  champs: { entrees: 'jeunes', entree: 'jeune' },
  lecteur,
  csv: {
    colonnes: COLONNES,
    nomFichier: (cle, date) => `jeunes-obligation-formation-${lireCle(cle).niveau}-${lireCle(cle).code}-${date}.csv`,
  },
};
// The data-subject report joins this list from the process's start (src/listes/journal.ts).
inscrireAuJournal(DESCRIPTEUR_OBLIGATION_FORMATION);

export interface ParametresListeJeunes {
  niveau: NiveauTerritoireFormation;
  code: string;
  anneeScolaire?: string;
  dateReference?: string;
  limit: number;
  curseur?: string;
  format: FormatListe;
}

export async function listeJeunes(
  ctx: Contexte,
  divulgation: Divulgation,
  p: ParametresListeJeunes,
  revalidation: Revalidation,
): Promise<Reponse<ListeJeunesObligationFormation | Readable>> {
  const { niveau, code, ...reste } = p;
  return (await listeDe(DESCRIPTEUR_OBLIGATION_FORMATION, ctx, divulgation, { cle: cleDeLaListe(niveau, code), ...reste }, revalidation)) as Reponse<
    ListeJeunesObligationFormation | Readable
  >;
}

export async function changementsJeunes(
  ctx: Contexte,
  divulgation: Divulgation,
  p: { niveau: NiveauTerritoireFormation; code: string; depuis: string; limit: number; curseur?: string },
  revalidation: Revalidation,
): Promise<Reponse<ChangementsJeunesObligationFormation>> {
  const { niveau, code, ...reste } = p;
  return (await changementsDe(
    DESCRIPTEUR_OBLIGATION_FORMATION,
    ctx,
    divulgation,
    { cle: cleDeLaListe(niveau, code), ...reste },
    revalidation,
  )) as unknown as Reponse<ChangementsJeunesObligationFormation>;
}
