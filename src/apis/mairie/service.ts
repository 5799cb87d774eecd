import type { Readable } from 'node:stream';
import type { Contexte } from '../../contexte';
import { Probleme } from '../../http/problemes';
import type { DescripteurListe } from '../../listes/descripteur';
import { inscrireAuJournal } from '../../listes/journal';
import { changementsDe, listeDe, type ParametresChangements, type ParametresListe, type Reponse, type Revalidation } from '../../listes/service';
import type { Divulgation } from '../../privacy/divulgation';
import { geographieOfficielle } from '../../territoire/geographie';
import { COLONNES_CSV, nomFichierCsv } from './csv';
import { ficheEnfant } from './fiche';
import type { ChangementsEnfantsSoumisObligation, EnfantSoumisObligation, ListeEnfantsSoumisObligation } from './models';
import { EcolesDeLaListe, PERIMETRES_MAIRIE, SOURCE_MAIRIE, type VersionDeListe } from './repository';

/** The mairie's R131-3 list, one per commune, through the list machinery (src/listes). */
const LISTE_MAIRIE: DescripteurListe<VersionDeListe, EnfantSoumisObligation> = {
  source: SOURCE_MAIRIE,
  async resoudre(_db, codeInsee) {
    const territoire = geographieOfficielle();
    if (!territoire.existe(codeInsee)) throw new Probleme('ressource_introuvable', 'Aucune commune actuelle ne porte ce code INSEE.');
    const commune = territoire.commune(codeInsee);
    return { cle: commune.code, territoire: { code_commune: commune.code, code_departement: commune.departement, code_region: commune.region } };
  },
  aucunePublication: "Aucune liste n'est encore publiée pour cette commune.",
  perimetres: PERIMETRES_MAIRIE,
  // Tokens issued before the machinery named the commune alone.
  cleDuJeton: (codeCommune) => codeCommune,
  entete: (codeCommune) => ({ code_commune: codeCommune }),
  champs: { entrees: 'enfants', entree: 'enfant' },
  lecteur(db) {
    // Establishments are read once per request, whatever the number of pages.
    const ecoles = new EcolesDeLaListe(db);
    return async (versions, ids) => {
      const connues = await ecoles.de(versions);
      return versions.map((v, i) => ficheEnfant(v, ids[i], connues));
    };
  },
  csv: { colonnes: COLONNES_CSV, nomFichier: nomFichierCsv },
  detailler: (champ) => champ.startsWith('scolarite_'),
};

// The data-subject report joins whole-list journal entries back to these lists.
inscrireAuJournal(LISTE_MAIRIE);

export async function listeEnfants(
  ctx: Contexte,
  divulgation: Divulgation,
  p: Omit<ParametresListe, 'cle'> & { codeInsee: string },
  revalidation: Revalidation,
): Promise<Reponse<ListeEnfantsSoumisObligation | Readable>> {
  const { codeInsee, ...reste } = p;
  return (await listeDe(LISTE_MAIRIE, ctx, divulgation, { cle: codeInsee, ...reste }, revalidation)) as Reponse<ListeEnfantsSoumisObligation | Readable>;
}

export async function changementsEnfants(
  ctx: Contexte,
  divulgation: Divulgation,
  p: Omit<ParametresChangements, 'cle'> & { codeInsee: string },
  revalidation: Revalidation,
): Promise<Reponse<ChangementsEnfantsSoumisObligation>> {
  const { codeInsee, ...reste } = p;
  return (await changementsDe(
    LISTE_MAIRIE,
    ctx,
    divulgation,
    { cle: codeInsee, ...reste },
    revalidation,
  )) as unknown as Reponse<ChangementsEnfantsSoumisObligation>;
}
