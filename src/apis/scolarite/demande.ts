import { Probleme } from '../../http/problemes';
import { normaliserNom } from '../../referentiels/texte';
import { anneeScolaireDe, formaterDate, libelleAnneeScolaire, lireAnneeScolaire } from '../../referentiels/calendrier';
import { estSiretValide, MOTIF_CODE_DEPARTEMENT, MOTIF_CODE_REGION } from '../../territoire/codes';
import { estUaiValide, normaliserUai } from '../../territoire/uai';
import type { Sexe } from './models';

/** The query of `GET /eleves/statut`, as tsoa has typed it (API Particulier's parameter names). */
export interface ParametresStatut {
  nomNaissance: string;
  prenoms: string[];
  sexeEtatCivil: Sexe;
  anneeDateNaissance: number;
  moisDateNaissance: number;
  jourDateNaissance: number;
  anneeScolaire?: string;
  codeEtablissement?: string;
  codesDepartements?: string[];
  codesRegions?: string[];
  recipient?: string;
  context?: string;
  object?: string;
}

/** Where to look: exactly one of an establishment, départements or régions. */
export type PerimetreRecherche = { uai: string } | { departements: string[] } | { regions: string[] };

/** A validated search, names already normalised the way `eleves.nom_normalise` is. */
export interface DemandeStatut {
  nom: string;
  /** Each given first name, normalised (a compound name keeps its words: "jean baptiste"). */
  prenoms: string[];
  sexe: Sexe;
  dateNaissance: string;
  anneeScolaire: string;
  perimetre: PerimetreRecherche;
  siretDestinataire: string;
  contexte: string;
  objet: string;
}

interface ErreurChamp {
  champ: string;
  message: string;
}

function texte(valeur: string | undefined): string {
  return (valeur ?? '').trim();
}

function uniques(valeurs: readonly string[] | undefined, normaliser: (v: string) => string): string[] {
  return [...new Set((valeurs ?? []).map(normaliser).filter(Boolean))];
}

/** The annuaire writes départements '035': both spellings name the same one. */
function normaliserDepartement(code: string): string {
  const c = code.trim().toUpperCase();
  return /^0\d\d$/.test(c) ? c.slice(1) : c;
}

function dateReelle(annee: number, mois: number, jour: number): string | null {
  const d = new Date(Date.UTC(annee, mois - 1, jour));
  return d.getUTCFullYear() === annee && d.getUTCMonth() === mois - 1 && d.getUTCDate() === jour ? formaterDate(annee, mois, jour) : null;
}

/** API Particulier sends the rentrée year ('2026'); the gateway's data say '2026-2027'. */
function anneeScolaireDemandee(saisie: string | undefined, aujourdhui: string, erreurs: ErreurChamp[]): string {
  const valeur = texte(saisie);
  if (valeur === '') return anneeScolaireDe(aujourdhui);
  const rentree = /^\d{4}$/.test(valeur) ? Number(valeur) : lireAnneeScolaire(valeur);
  if (rentree === null) {
    erreurs.push({ champ: 'anneeScolaire', message: 'année de rentrée (AAAA) ou année scolaire (AAAA-AAAA) attendue' });
    return '';
  }
  return libelleAnneeScolaire(rentree);
}

/**
 * Checks the query in the order an integrator fixes it: malformed values (400, each field
 * named, never its value), then missing or contradictory ones (422).
 */
export function lireDemande(p: ParametresStatut, aujourdhui: string): DemandeStatut {
  const erreurs: ErreurChamp[] = [];
  const nom = normaliserNom(p.nomNaissance);
  if (nom === '') erreurs.push({ champ: 'nomNaissance', message: 'au moins une lettre attendue' });
  const prenoms = p.prenoms.map(normaliserNom);
  if (prenoms.length === 0 || prenoms.some((x) => x === '')) erreurs.push({ champ: 'prenoms', message: '1 à 3 prénoms non vides attendus' });
  const dateNaissance = dateReelle(p.anneeDateNaissance, p.moisDateNaissance, p.jourDateNaissance);
  if (!dateNaissance || dateNaissance > aujourdhui) erreurs.push({ champ: 'jourDateNaissance', message: 'date de naissance inexistante ou future' });
  const anneeScolaire = anneeScolaireDemandee(p.anneeScolaire, aujourdhui, erreurs);

  const uai = p.codeEtablissement === undefined ? '' : normaliserUai(p.codeEtablissement);
  if (uai !== '' && !estUaiValide(uai)) erreurs.push({ champ: 'codeEtablissement', message: '7 chiffres suivis de la lettre clé (numéro modulo 23) attendus' });
  const departements = uniques(p.codesDepartements, normaliserDepartement);
  if (departements.some((d) => !new RegExp(MOTIF_CODE_DEPARTEMENT).test(d)))
    erreurs.push({ champ: 'codesDepartements', message: 'codes de département attendus (35, 2A, 971…)' });
  const regions = uniques(p.codesRegions, (r) => r.trim());
  if (regions.some((r) => !new RegExp(MOTIF_CODE_REGION).test(r)))
    erreurs.push({ champ: 'codesRegions', message: 'codes INSEE de région à deux chiffres attendus' });

  const siretDestinataire = texte(p.recipient);
  if (siretDestinataire !== '' && !estSiretValide(siretDestinataire))
    erreurs.push({ champ: 'recipient', message: 'SIRET invalide (14 chiffres, clé de Luhn)' });
  if (erreurs.length > 0) throw new Probleme('requete_invalide', undefined, { erreurs });

  const contexte = texte(p.context);
  const objet = texte(p.object);
  const manquants = (
    [
      ['recipient', siretDestinataire],
      ['context', contexte],
      ['object', objet],
    ] as const
  )
    .filter(([, v]) => v === '')
    .map(([champ]) => champ);
  if (manquants.length > 0) {
    throw new Probleme('entite_non_traitable', `Paramètres obligatoires absents : ${manquants.join(', ')}. Ils sont journalisés avec chaque communication.`, {
      erreurs: manquants.map((champ) => ({ champ, message: 'obligatoire' })),
    });
  }
  const perimetres: PerimetreRecherche[] = [
    ...(uai ? [{ uai }] : []),
    ...(departements.length > 0 ? [{ departements }] : []),
    ...(regions.length > 0 ? [{ regions }] : []),
  ];
  if (perimetres.length !== 1) {
    throw new Probleme('entite_non_traitable', 'Indiquer exactement un périmètre de recherche : codeEtablissement, codesDepartements ou codesRegions.', {
      erreurs: [{ champ: 'codeEtablissement', message: perimetres.length === 0 ? 'aucun périmètre' : 'plusieurs périmètres' }],
    });
  }
  return { nom, prenoms, sexe: p.sexeEtatCivil, dateNaissance: dateNaissance!, anneeScolaire, perimetre: perimetres[0], siretDestinataire, contexte, objet };
}
