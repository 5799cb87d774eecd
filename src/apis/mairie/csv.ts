import { type ColonneCsv, texteCsv as texte } from '../../listes/csv';
import type { EnfantSoumisObligation, Responsable, Scolarite } from './models';

type Colonne = ColonneCsv<EnfantSoumisObligation>;

function colonnesScolarite(prefixe: string, suffixe: string, champ: 'scolarite_actuelle' | 'scolarite_precedente'): Colonne[] {
  const s = (e: Partial<EnfantSoumisObligation>): Partial<Scolarite> | undefined => e[champ];
  return [
    { entete: `annee_scolaire${suffixe}`, champ: `${champ}.annee_scolaire`, cellule: (e) => s(e)?.annee_scolaire },
    ...(champ === 'scolarite_precedente'
      ? [
          {
            entete: 'mode_instruction_precedent',
            champ: `${champ}.mode_instruction`,
            cellule: (e: Partial<EnfantSoumisObligation>) => s(e)?.mode_instruction?.libelle,
          },
        ]
      : []),
    { entete: `${prefixe}uai${suffixe}`, champ: `${champ}.etablissement`, cellule: (e) => texte(s(e)?.etablissement?.uai) },
    { entete: `${prefixe}etablissement${suffixe}`, champ: `${champ}.etablissement`, cellule: (e) => s(e)?.etablissement?.nom },
    { entete: `${prefixe}code_insee_etablissement${suffixe}`, champ: `${champ}.etablissement`, cellule: (e) => texte(s(e)?.etablissement?.code_insee) },
    { entete: `niveau${suffixe}`, champ: `${champ}.niveau`, cellule: (e) => s(e)?.niveau?.libelle },
  ];
}

function colonnesResponsable(rang: number): Colonne[] {
  const r = (e: Partial<EnfantSoumisObligation>): Partial<Responsable> | undefined => e.responsables?.[rang - 1];
  const p = `responsable_${rang}_`;
  return [
    { entete: `${p}nom`, champ: 'responsables.nom', cellule: (e) => r(e)?.nom },
    { entete: `${p}prenoms`, champ: 'responsables.prenoms', cellule: (e) => r(e)?.prenoms },
    { entete: `${p}lien`, champ: 'responsables.lien', cellule: (e) => r(e)?.lien?.libelle },
    { entete: `${p}adresse`, champ: 'responsables.adresse', cellule: (e) => r(e)?.adresse?.ligne },
    { entete: `${p}code_postal`, champ: 'responsables.adresse', cellule: (e) => texte(r(e)?.adresse?.code_postal) },
    { entete: `${p}commune`, champ: 'responsables.adresse', cellule: (e) => r(e)?.adresse?.commune },
  ];
}

/** One row per child, the responsables flattened (two at most in the source systems). */
export const COLONNES_CSV: readonly Colonne[] = [
  { entete: 'identifiant', champ: 'id', cellule: (e) => e.id },
  { entete: 'nom', champ: 'nom', cellule: (e) => e.nom },
  { entete: 'prenoms', champ: 'prenoms', cellule: (e) => e.prenoms },
  { entete: 'sexe', champ: 'sexe', cellule: (e) => e.sexe },
  { entete: 'date_naissance', champ: 'date_naissance', cellule: (e) => e.date_naissance },
  { entete: 'code_insee_naissance', champ: 'lieu_naissance', cellule: (e) => texte(e.lieu_naissance?.code_insee) },
  { entete: 'lieu_naissance', champ: 'lieu_naissance', cellule: (e) => e.lieu_naissance?.libelle },
  { entete: 'adresse', champ: 'adresse', cellule: (e) => e.adresse?.ligne },
  { entete: 'code_postal', champ: 'adresse', cellule: (e) => texte(e.adresse?.code_postal) },
  { entete: 'commune', champ: 'adresse', cellule: (e) => e.adresse?.commune },
  { entete: 'mode_instruction', champ: 'mode_instruction', cellule: (e) => e.mode_instruction?.libelle },
  ...colonnesScolarite('', '', 'scolarite_actuelle'),
  ...colonnesScolarite('', '_precedente', 'scolarite_precedente'),
  ...colonnesResponsable(1),
  ...colonnesResponsable(2),
  { entete: 'date_mise_a_jour', champ: 'date_mise_a_jour', cellule: (e) => e.date_mise_a_jour },
];

export function nomFichierCsv(codeCommune: string, date: string): string {
  return `enfants-soumis-obligation-${codeCommune}-${date}.csv`;
}
