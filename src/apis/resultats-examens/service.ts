import type { Contexte } from '../../contexte';
import type { Db } from '../../db/knex';
import { decoderCurseur, encoderCurseur } from '../../http/pagination';
import { invalide, Probleme } from '../../http/problemes';
import type { Divulgation } from '../../privacy/divulgation';
import { champsDivulgues } from '../../privacy/masque';
import { MOTIF_CODE_DEPARTEMENT, MOTIF_CODE_INSEE, MOTIF_CODE_REGION } from '../../territoire/codes';
import { clePerimetre, ensembleDeLaRegion, ensembleDuDepartement } from '../../territoire/emboitement';
import { geographieOfficielle } from '../../territoire/geographie';
import { estDansTerritoire, verifierTerritoire, type Lieu } from '../../territoire/perimetre';
import { empreinte, publicationMemorisee } from '../../privacy/publications-memorisees';
import { trouverEtablissement } from '../ecole/repository';
import { lireUaiDemande } from '../ecole/service';
import { EXAMENS, exigerSessionPubliee, MENTIONS, mentionsAuMoins, VOIES, type CodeExamen, type CodeMention } from './examens';
import type { Laureat, ListeLaureats, NiveauTerritoire, Territoire } from './models';
import { candidatsAvecMention, fichesDesLaureats, verifierSessionNominative } from './repository';
import { candidatsDesDepartements, publierResultatsDesPerimetres, SOURCE_RESULTATS, type ResultatsExamen, type ResultatsPublies } from './resultats';

/**
 * API résultats examens' aggregates: not personal data, so not journaled; they go registry →
 * territory rule → statistical secret → scope mask. 400, 404 (unknown establishment or territory,
 * session not yet published), then 403, then 404 without results. The laureates list, personal
 * data, goes through the caller's disclosure (consent, mask, journal).
 */

function autoriser(divulgation: Divulgation, lieu: Lieu): void {
  verifierTerritoire(divulgation.principal, divulgation.habilitation, lieu);
}

/**
 * One publication per exam, session and set of départements (a région): every route serves its
 * slice of it, so a cell is masked alike wherever it shows and no two slices combine into a mask.
 */
async function publication(
  ctx: Contexte,
  session: number,
  examen: CodeExamen,
  ensemble: { cle: string; departements: readonly string[] },
): Promise<Map<string, ResultatsPublies>> {
  const seuil = ctx.config.seuilSecretStatistique;
  const { groupes, implantations } = await candidatsDesDepartements(ctx.db, session, examen, ensemble.departements);
  return publicationMemorisee(ctx.db, `resultats-examens/${examen}/${session}/${ensemble.cle}/${seuil}`, empreinte([groupes, implantations]), () =>
    publierResultatsDesPerimetres(groupes, implantations, { examen, session, seuil }),
  );
}

async function resultats(
  ctx: Contexte,
  divulgation: Divulgation,
  demande: { session: number; examen: CodeExamen; ensemble: { cle: string; departements: readonly string[] }; cle: string },
  decrire: (nombreEtablissements: number) => Pick<ResultatsExamen, 'etablissement' | 'territoire'>,
): Promise<ResultatsExamen> {
  const publie = (await publication(ctx, demande.session, demande.examen, demande.ensemble)).get(demande.cle);
  if (!publie) {
    throw new Probleme('ressource_introuvable', `Aucun candidat à l'examen ${demande.examen} de la session ${demande.session} ici.`);
  }
  const { nombre_etablissements, ...lignes } = publie;
  return divulgation.masquer({
    session: demande.session,
    examen: { code: demande.examen, libelle: EXAMENS[demande.examen].libelle },
    ...decrire(nombre_etablissements),
    source: SOURCE_RESULTATS,
    ...lignes,
  }) as ResultatsExamen;
}

export async function resultatsEtablissement(
  ctx: Contexte,
  divulgation: Divulgation,
  demande: { session: number; examen: CodeExamen; uai: string },
): Promise<ResultatsExamen> {
  const { etablissement: e } = await trouverEtablissement(ctx.db, lireUaiDemande(demande.uai));
  exigerSessionPubliee(demande.session);
  autoriser(divulgation, { code_commune: e.code_commune, code_departement: e.code_departement, code_region: e.code_region, type_etablissement: e.type });
  return resultats(ctx, divulgation, { ...demande, ensemble: ensembleDuDepartement(e.code_departement), cle: clePerimetre('etablissement', e.uai) }, () => ({
    etablissement: { uai: e.uai, nom: e.nom, code_commune: e.code_commune, nom_commune: e.nom_commune },
  }));
}

const MOTIFS: Readonly<Record<NiveauTerritoire, RegExp>> = {
  commune: new RegExp(MOTIF_CODE_INSEE),
  departement: new RegExp(MOTIF_CODE_DEPARTEMENT),
  region: new RegExp(MOTIF_CODE_REGION),
};

/** The territory a caller asked for: 400 for a malformed code, 404 for one the official geography does not know. */
function territoireDemande(niveau: NiveauTerritoire, saisie: string): { territoire: Territoire; lieu: Lieu } {
  const code = saisie.toUpperCase();
  if (!MOTIFS[niveau].test(code)) {
    throw invalide('code', `code de ${niveau} mal formé`);
  }
  const officiel = geographieOfficielle().territoire(niveau, code);
  if (!officiel) throw new Probleme('ressource_introuvable', `Aucun territoire « ${niveau} » de code ${code} dans le découpage administratif.`);
  return {
    territoire: { niveau, code, libelle: officiel.nom },
    lieu: { code_commune: officiel.code_commune, code_departement: officiel.code_departement, code_region: officiel.code_region },
  };
}

export async function resultatsTerritoire(
  ctx: Contexte,
  divulgation: Divulgation,
  demande: { session: number; examen: CodeExamen; niveau: NiveauTerritoire; code: string },
): Promise<ResultatsExamen> {
  const { territoire, lieu } = territoireDemande(demande.niveau, demande.code);
  exigerSessionPubliee(demande.session);
  autoriser(divulgation, lieu);
  const ensemble = territoire.niveau === 'region' ? ensembleDeLaRegion(territoire.code) : ensembleDuDepartement(lieu.code_departement!);
  return resultats(ctx, divulgation, { ...demande, ensemble, cle: clePerimetre(territoire.niveau, territoire.code) }, (n) => ({
    territoire: { ...territoire, nombre_etablissements: n },
  }));
}

export interface DemandeLaureats {
  session: number;
  mentionMinimale: CodeMention;
  limit: number;
  curseur?: string;
}

/**
 * Laureates of the caller's territory with at least the minimal mention, filtered by consent at
 * query time (a withdrawal is honoured on the next call), pseudonymised, masked and journaled.
 * The cursor is the candidate row's number, never a person identifier.
 */
export async function listerLaureats(db: Db, divulgation: Divulgation, demande: DemandeLaureats): Promise<ListeLaureats> {
  const apres = decoderCurseur<number>(demande.curseur) ?? 0;
  if (!Number.isInteger(apres)) throw invalide('curseur', 'curseur illisible');
  exigerSessionPubliee(demande.session);
  await verifierSessionNominative(db, demande.session);

  const { principal, habilitation } = divulgation;
  const candidats = (
    await candidatsAvecMention(db, demande.session, mentionsAuMoins(demande.mentionMinimale), principal.destinataire.code_region ?? '')
  ).filter((c) => estDansTerritoire(principal, habilitation, { ...c, type_etablissement: c.type }));

  const { autorisees, exclues, portees } = await divulgation.filtrer(candidats.map((c) => c.eleve_id));
  const consentants = new Set(autorisees);
  const suivants = candidats.filter((c) => c.id > apres && consentants.has(c.eleve_id)).slice(0, demande.limit + 1);
  const page = suivants.slice(0, demande.limit);

  const fiches =
    page.length === 0
      ? []
      : await fichesDesLaureats(
          db,
          page.map((c) => c.id),
        );

  const laureats = fiches.map(
    (f) =>
      divulgation.masquer<Laureat>({
        id: divulgation.pseudonyme(f.eleve_id),
        nom: f.nom,
        prenoms: f.prenoms,
        date_naissance: f.date_naissance,
        etablissement: { uai: f.uai, nom: f.etablissement_nom, code_commune: f.code_commune, nom_commune: f.nom_commune },
        serie: { voie: f.voie, code: f.serie_code, libelle: f.serie_libelle ?? VOIES[f.voie] },
        mention: { code: f.mention, libelle: MENTIONS[f.mention] },
        ...(portees.get(f.eleve_id)?.adresse_contact
          ? {
              adresse_contact: {
                ligne: f.adresse_ligne,
                code_postal: f.code_postal,
                code_commune: f.code_commune_residence,
                commune: geographieOfficielle().nomCommune(f.code_commune_residence),
              },
            }
          : {}),
      }) as Laureat,
  );

  // Every 200 is journaled, an empty page too: the DPO sees each time the région asked.
  await divulgation.journaliser(
    fiches.map((f) => f.eleve_id),
    champsDivulgues(laureats),
  );
  return {
    session: demande.session,
    mention_minimale: demande.mentionMinimale,
    nombre_exclus_sans_consentement: exclues,
    laureats,
    curseur_suivant: suivants.length > demande.limit ? encoderCurseur(page[page.length - 1].id) : null,
  };
}
