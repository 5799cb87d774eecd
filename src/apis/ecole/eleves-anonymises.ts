import type { Readable } from 'node:stream';
import type { Contexte } from '../../contexte';
import type { Db } from '../../db/knex';
import { aujourdhui } from '../../horloge';
import { validationPrivee } from '../../http/etag';
import { decoderCurseur, encoderCurseur } from '../../http/pagination';
import { invalide, Probleme } from '../../http/problemes';
import { BOM, ligneCsv, TexteCsv } from '../../privacy/csv';
import type { Divulgation } from '../../privacy/divulgation';
import { champsDivulgues } from '../../privacy/masque';
import { etatDesOppositions } from '../../privacy/opposition';
import { empreinte, publicationMemorisee } from '../../privacy/publications-memorisees';
import { type Generalisation, publierSousSecret } from '../../privacy/secret-lignes';
import { SEUIL_SECRET_STATISTIQUE } from '../../privacy/secret-statistique';
import { type CodeOrigineSociale, NIVEAU, ORIGINE_SOCIALE, origineSociale, REGIME } from '../../referentiels/nomenclatures';
import { anneeScolaireDe } from '../../referentiels/calendrier';
import { geographieOfficielle } from '../../territoire/geographie';
import { verifierTerritoire } from '../../territoire/perimetre';
import { fluxDeLignes, ndjsonDeLaListe } from '../../listes/flux';
import { emettreJeton, lireJeton, type Porteur } from '../../listes/jeton-synchronisation';
import type { FormatListe, Reponse, Revalidation } from '../../listes/service';
import type {
  ChangementsElevesAnonymises,
  CodeGeneralisation,
  EleveAnonymise,
  EnteteFichierElevesAnonymises,
  FichierElevesAnonymises,
  ModificationEleveAnonymise,
  SecretDuFichier,
  ZoneDuFichier,
  ZoneResidence,
} from './eleves-anonymises-models';

/**
 * The anonymised pupil file for sectorisation and mixité sociale (loi du 24 août 2021, art. 61):
 * one row per pupil of the collectivité's public collèges (département) or lycées (région), with a
 * per-recipient pseudonym and no name, address or birth date, under the rows' statistical secret
 * (src/privacy/secret-lignes.ts). The file as of a publication date is rebuilt from SIÈCLE's
 * rows (entries and exits dated); the change feed is the difference of two such files.
 */

export type NiveauTerritoire = 'departement' | 'region';

/** The establishments the file can cover: those whose pupils have SIÈCLE files of their own cycle. */
type TypeEtablissementFichier = 'college' | 'lycee';
const TYPES_FICHIER: readonly TypeEtablissementFichier[] = ['college', 'lycee'];

/** SIÈCLE's row of a pupil as the file reads it (never sent). */
interface Source {
  eleve_id: string;
  uai: string;
  niveau_code: string | null;
  code_mef_stat: string | null;
  libelle_mef: string | null;
  regime: string | null;
  est_boursier: boolean | number;
  echelon_bourse: number | null;
  code_commune_residence: string;
  pcs: string | null;
}

/** A row of the file before pseudonymisation: the values the statistical secret may coarsen. */
interface Ligne {
  eleveId: string;
  zone: ZoneResidence | null;
  /** Where `zone_elargie` widens to; never sent. */
  departementResidence: string;
  uai: string;
  niveau: string | null;
  mef: { code_mef_stat: string; libelle: string } | null;
  regime: string | null;
  boursier: boolean | null;
  echelon: number | null;
  origine: CodeOrigineSociale;
}

/** One file as of one date: rows in internal-id order, and what the secret did. */
interface Fichier {
  date: string;
  lignes: Array<{ ligne: Ligne; generalisations: string[] }>;
  secret: SecretDuFichier;
  zones: ZoneDuFichier[];
}

interface Acces {
  divulgation: Divulgation;
  niveau: NiveauTerritoire;
  code: string;
  generationId: number;
  /** Publication dates up to today, in order: the previous year's June file, then each 1st of month from the rentrée. */
  dates: string[];
  avecEchelon: boolean;
  /** The establishments of the recipient's charge, from its habilitation's rule. */
  types: TypeEtablissementFichier[];
  porteur: Porteur;
  /** What the sync token is bound to, besides the recipient and the scope. */
  cleJeton: string;
}

export interface ParametresFichier {
  niveau: NiveauTerritoire;
  code: string;
  dateReference?: string;
  limit: number;
  curseur?: string;
  format: FormatListe;
}

export interface ParametresChangements {
  niveau: NiveauTerritoire;
  code: string;
  depuis: string;
  limit: number;
  curseur?: string;
}

/** The territory exists (404), is the recipient's (403), and a generation has published its year (404). */
async function acceder(ctx: Contexte, divulgation: Divulgation, niveau: NiveauTerritoire, code: string): Promise<Acces> {
  const territoire = geographieOfficielle().territoire(niveau, code);
  if (!territoire)
    throw new Probleme('ressource_introuvable', niveau === 'departement' ? 'Aucun département ne porte ce code.' : 'Aucune région ne porte ce code.');
  verifierTerritoire(divulgation.principal, divulgation.habilitation, { code_departement: territoire.code_departement, code_region: territoire.code_region });
  // Which establishments is the registry's (the rule's perimeter): collèges for a département (L213-1), lycées for a région (L214-5).
  const permis = divulgation.habilitation.perimetre?.types_etablissement;
  const types = TYPES_FICHIER.filter((t) => !permis || permis.includes(t));
  const generation = await ctx.db('generations').whereNotNull('termine_le').orderBy('id', 'desc').first('id', 'dates_publication');
  const jour = aujourdhui();
  // The June file of the previous school year comes first, so that the rentrée reads as changes.
  const dates = generation ? (JSON.parse(generation.dates_publication) as string[]).filter((d) => d <= jour) : [];
  if (!generation || dates.length === 0) throw new Probleme('ressource_introuvable', "Aucun fichier n'est encore publié pour cette année scolaire.");
  const scope = divulgation.scopes[0];
  return {
    divulgation,
    niveau,
    code,
    generationId: Number(generation.id),
    dates,
    avecEchelon: divulgation.champs.includes('echelon_bourse'),
    types,
    porteur: { siret: divulgation.principal.destinataire.siret, cle: ctx.config.cles.pseudonyme },
    cleJeton: `eleves-anonymises:${niveau}:${code}:${scope}`,
  };
}

/** The pupils of the territory's public collèges or lycées on `date`: entered on or before it, not yet gone. */
async function lireSource(db: Db, acces: Acces, date: string): Promise<Source[]> {
  const lignes: Array<Source & { type: TypeEtablissementFichier }> = await db('scolarites as s')
    .join('eleves as e', 'e.id', 's.eleve_id')
    .join('etablissements as t', 't.uai', 's.uai')
    .leftJoin('responsables as r', (j) => j.on('r.foyer_id', 'e.foyer_id').andOnVal('r.rang', 1))
    .where({ 's.annee_scolaire': anneeScolaireDe(date), 's.mode_instruction': 'public', 't.statut': 'public' })
    .whereIn('t.type', acces.types)
    .andWhere(acces.niveau === 'departement' ? 't.code_departement' : 't.code_region', acces.code)
    .andWhere((w) => w.whereNull('s.date_entree').orWhere('s.date_entree', '<=', date))
    .andWhere((w) => w.whereNull('s.date_sortie').orWhere('s.date_sortie', '>', date))
    .orderBy('s.eleve_id')
    .select(
      's.eleve_id',
      's.uai',
      's.niveau_code',
      's.code_mef_stat',
      's.libelle_mef',
      's.regime',
      's.est_boursier',
      's.echelon_bourse',
      'e.code_commune_residence',
      'r.pcs',
      't.type',
    );
  // A lycée's BTS students are students, not pupils: not in the file.
  return lignes.filter(({ type, ...l }) => l.niveau_code !== null && NIVEAU[l.niveau_code]?.cycle === type).map(({ type: _type, ...l }) => l);
}

/**
 * Zones of residence, IRIS-like: a commune with at least `seuil` pupils of the file is its own
 * zone; smaller ones are grouped within their intercommunality, then their département, then
 * all together, so that no zone holds fewer than `seuil` pupils (the last group aside, which the
 * rows' secret then coarsens).
 */
export function zonesDeResidence(effectifs: ReadonlyMap<string, number>, seuil: number): { zoneDe: Map<string, ZoneResidence>; zones: ZoneDuFichier[] } {
  const geo = geographieOfficielle();
  const communes = [...effectifs.keys()].sort();
  const zoneDe = new Map<string, ZoneResidence>();
  const membres = new Map<string, ZoneDuFichier>();
  const attribuer = (groupe: readonly string[], zone: ZoneResidence): void => {
    for (const c of groupe) zoneDe.set(c, zone);
    membres.set(zone.code, { ...zone, communes: [...groupe] });
  };
  const petites: string[] = [];
  for (const c of communes) {
    if (effectifs.get(c)! >= seuil) attribuer([c], { code: c, type: 'commune', libelle: geo.nomCommune(c) ?? c });
    else petites.push(c);
  }
  const total = (groupe: readonly string[]) => groupe.reduce((n, c) => n + effectifs.get(c)!, 0);
  const grouper = (liste: readonly string[], cle: (c: string) => string | null, zone: (k: string) => ZoneResidence): string[] => {
    const groupes = new Map<string, string[]>();
    const restes: string[] = [];
    for (const c of liste) {
      const k = cle(c);
      if (k === null) restes.push(c);
      else groupes.set(k, [...(groupes.get(k) ?? []), c]);
    }
    for (const [k, groupe] of [...groupes].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (total(groupe) >= seuil) attribuer(groupe, zone(k));
      else restes.push(...groupe);
    }
    return restes.sort();
  };
  const commune = (c: string) => (geo.existe(c) ? geo.commune(c) : undefined);
  const horsEpci = grouper(
    petites,
    (c) => commune(c)?.epci ?? null,
    (k) => ({ code: `EPCI-${k}`, type: 'epci', libelle: `Petites communes regroupées de l'intercommunalité ${k}` }),
  );
  const restes = grouper(
    horsEpci,
    (c) => commune(c)?.departement ?? null,
    (k) => ({ code: `DEP-${k}-AUTRES`, type: 'departement_autres', libelle: `Autres petites communes du département ${k}` }),
  );
  if (restes.length > 0) attribuer(restes, { code: 'AUTRES', type: 'autres', libelle: 'Autres communes regroupées' });
  return { zoneDe, zones: [...membres.values()].sort((a, b) => (a.code < b.code ? -1 : 1)) };
}

const zoneElargie = (departement: string): ZoneResidence => ({
  code: `DEP-${departement}`,
  type: 'departement',
  libelle: `Département ${departement} (zone élargie)`,
});

/** The quasi-identifiers: what a neighbour or a classmate may know of a pupil. The social origin is the attribute studied. */
function quasiIdentifiants(avecEchelon: boolean): string[] {
  return ['zone_residence', 'uai', 'formation', 'regime', 'boursier', ...(avecEchelon ? ['echelon_bourse'] : [])];
}

const combinaison = (l: Ligne): string =>
  JSON.stringify([l.zone?.code ?? null, l.uai, l.niveau, l.mef?.code_mef_stat ?? null, l.regime, l.boursier, l.echelon]);

/**
 * The ladder, finest loss first: rarer attributes coarsened before common ones are hidden. A step
 * applies to every row of a rare combination that shows the attribute's parent, whatever its own
 * value: a row's list of steps must not tell what a later step hid (an `echelon_masque` only on
 * boursiers would reveal the boursier once `boursier_masque` has hidden it).
 */
const ECHELLE: ReadonlyArray<Generalisation<Ligne> & { code: CodeGeneralisation }> = [
  { code: 'echelon_masque', applicable: (l) => l.boursier !== null, appliquer: (l) => ({ ...l, echelon: null }) },
  { code: 'mef_vers_niveau', applicable: (l) => l.niveau !== null, appliquer: (l) => ({ ...l, mef: null }) },
  {
    code: 'zone_elargie',
    applicable: (l) => l.zone !== null && l.zone.type !== 'departement',
    appliquer: (l) => ({ ...l, zone: zoneElargie(l.departementResidence) }),
  },
  { code: 'regime_masque', applicable: (l) => l.regime !== null, appliquer: (l) => ({ ...l, regime: null }) },
  { code: 'boursier_masque', applicable: (l) => l.boursier !== null, appliquer: (l) => ({ ...l, boursier: null, echelon: null }) },
  { code: 'formation_masquee', applicable: (l) => l.niveau !== null, appliquer: (l) => ({ ...l, niveau: null, mef: null }) },
  { code: 'zone_masquee', applicable: (l) => l.zone !== null, appliquer: (l) => ({ ...l, zone: null }) },
];

async function construireFichier(ctx: Contexte, acces: Acces, date: string): Promise<Fichier> {
  const d = acces.divulgation;
  let sources = await lireSource(ctx.db, acces, date);
  // Should the finalité ever admit opposition or require consent, excluded pupils leave before the secret is computed.
  if (d.exclusionsPossibles) {
    const autorisees = new Set(
      (
        await d.filtrer(
          sources.map((s) => s.eleve_id),
          date,
        )
      ).autorisees,
    );
    sources = sources.filter((s) => autorisees.has(s.eleve_id));
  }
  const parCommune = new Map<string, number>();
  for (const s of sources) parCommune.set(s.code_commune_residence, (parCommune.get(s.code_commune_residence) ?? 0) + 1);
  const { zoneDe, zones } = zonesDeResidence(parCommune, SEUIL_SECRET_STATISTIQUE);
  const geo = geographieOfficielle();
  const lignes: Ligne[] = sources.map((s) => ({
    eleveId: s.eleve_id,
    zone: zoneDe.get(s.code_commune_residence)!,
    departementResidence: geo.existe(s.code_commune_residence) ? geo.commune(s.code_commune_residence).departement : s.code_commune_residence.slice(0, 2),
    uai: s.uai,
    niveau: s.niveau_code,
    mef: s.code_mef_stat ? { code_mef_stat: s.code_mef_stat, libelle: s.libelle_mef ?? '' } : null,
    regime: s.regime,
    boursier: Boolean(s.est_boursier),
    // Without the échelon scope the échelon is no part of the file, not even of its secret.
    echelon: acces.avecEchelon && s.est_boursier ? s.echelon_bourse : null,
    origine: origineSociale(s.pcs),
  }));
  const publie = publierSousSecret(
    lignes,
    combinaison,
    ECHELLE.filter((e) => acces.avecEchelon || e.code !== 'echelon_masque'),
  );
  return {
    date,
    lignes: publie.lignes,
    secret: {
      seuil: publie.seuil,
      quasi_identifiants: quasiIdentifiants(acces.avecEchelon),
      lignes_generalisees: publie.generalisations,
      lignes_retenues: publie.retenues,
    },
    zones,
  };
}

/** A file is computed once per content of its sources (generation, date, scope, oppositions) and kept. */
async function fichier(ctx: Contexte, acces: Acces, date: string): Promise<Fichier> {
  const d = acces.divulgation;
  const cle = `eleves-anonymises:${acces.niveau}:${acces.code}:${acces.types.join(',')}:${date}:${acces.avecEchelon}:${d.droits.consentement_requis ? d.siretDestinataire : ''}`;
  const sources = empreinte([acces.generationId, await etatDesOppositions(ctx.db, d.droits, date)]);
  return publicationMemorisee(ctx.db, cle, sources, () => construireFichier(ctx, acces, date));
}

/** A row as this recipient sees it: its own pseudonym, labels, the scope's mask. */
function eleveAnonymise(acces: Acces, ligne: Ligne, generalisations: string[]): EleveAnonymise {
  const complet: EleveAnonymise = {
    id: acces.divulgation.pseudonyme(ligne.eleveId),
    zone_residence: ligne.zone,
    uai: ligne.uai,
    formation: ligne.niveau ? { niveau: { code: ligne.niveau, libelle: NIVEAU[ligne.niveau]?.libelle ?? ligne.niveau }, mef: ligne.mef } : null,
    regime: ligne.regime ? { code: ligne.regime, libelle: REGIME[ligne.regime]?.libelle ?? ligne.regime } : null,
    boursier: ligne.boursier,
    ...(acces.avecEchelon ? { echelon_bourse: ligne.echelon } : {}),
    origine_sociale: { code: ligne.origine, libelle: ORIGINE_SOCIALE[ligne.origine].libelle },
    generalisations: generalisations as CodeGeneralisation[],
  };
  return acces.divulgation.masquer(complet) as EleveAnonymise;
}

/** A row of the recipient's file: its pseudonym, and the row itself built only when sent (a page costs its size). */
interface LigneDuDestinataire {
  eleveId: string;
  id: string;
  eleve: () => EleveAnonymise;
}

/** The recipient's rows sorted by its pseudonyms: an order that says nothing of the internal ids. */
function lignesDuDestinataire(acces: Acces, f: Fichier): LigneDuDestinataire[] {
  return f.lignes
    .map(({ ligne, generalisations }) => ({ eleveId: ligne.eleveId, id: acces.divulgation.pseudonyme(ligne.eleveId), ligne, generalisations }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ eleveId, id, ligne, generalisations }) => ({ eleveId, id, eleve: () => eleveAnonymise(acces, ligne, generalisations) }));
}

interface Curseur {
  date: string;
  apres: string;
  depuis?: string;
}

function lireCurseur(curseur: string | undefined): Curseur | undefined {
  const c = decoderCurseur<Curseur>(curseur);
  if (c !== undefined && (typeof c?.date !== 'string' || typeof c?.apres !== 'string')) throw invalide('curseur', 'curseur illisible');
  return c;
}

async function validateur(
  ctx: Contexte,
  revalidation: Revalidation,
  acces: Acces,
  parties: Array<string | number | null>,
): Promise<{ inchange: boolean; entetes: Record<string, string> }> {
  const d = acces.divulgation;
  return validationPrivee(
    (etag) => revalidation.inchange(etag),
    ...parties,
    acces.niveau,
    acces.code,
    acces.generationId,
    acces.dates[acces.dates.length - 1],
    d.principal.destinataire.siret,
    d.scopes.join(' '),
    await etatDesOppositions(ctx.db, d.droits, aujourdhui()),
  );
}

function jeton(acces: Acces, date: string): string {
  return emettreJeton({ cle: acces.cleJeton, generationId: acces.generationId, datePublication: date, scope: acces.divulgation.scopes[0] }, acces.porteur);
}

export async function fichierElevesAnonymises(
  ctx: Contexte,
  divulgation: Divulgation,
  p: ParametresFichier,
  revalidation: Revalidation,
): Promise<Reponse<FichierElevesAnonymises | Readable>> {
  const acces = await acceder(ctx, divulgation, p.niveau, p.code);
  const entier = p.format !== 'json';
  const curseur = entier ? undefined : lireCurseur(p.curseur);
  if (curseur && p.dateReference && curseur.date !== p.dateReference) throw invalide('curseur', "ce curseur appartient au fichier d'une autre date");
  const date = curseur?.date ?? p.dateReference ?? acces.dates[acces.dates.length - 1];
  if (!acces.dates.includes(date)) {
    throw new Probleme('entite_non_traitable', 'Aucun fichier publié à cette date : choisir une des dates publiées.', { dates_publiees: acces.dates });
  }
  const { inchange, entetes } = await validateur(ctx, revalidation, acces, [
    `fichier-${p.format}`,
    date,
    entier ? null : p.limit,
    entier ? null : (p.curseur ?? null),
  ]);
  if (inchange) return { statut: 304, entetes };

  const d = acces.divulgation;
  const f = await fichier(ctx, acces, date);
  const lignes = lignesDuDestinataire(acces, f);
  const entete: EnteteFichierElevesAnonymises = {
    code_territoire: acces.code,
    niveau_territoire: acces.niveau,
    types_etablissement: acces.types,
    annee_scolaire: anneeScolaireDe(date),
    date_reference: date,
    nombre_eleves: lignes.length,
    secret_statistique: f.secret,
    zones: f.zones,
    jeton_synchronisation: jeton(acces, date),
  };
  if (entier) {
    // The whole file is one disclosure, journaled (every pupil, every column of the mask) before its first byte.
    if (lignes.length > 0)
      await d.journaliser(
        lignes.map((l) => l.eleveId),
        d.champs,
      );
    if (p.format === 'ndjson')
      return { statut: 200, entetes: { ...entetes, 'Content-Type': 'application/x-ndjson; charset=utf-8' }, corps: ndjsonDeLaListe(entete, paquets(lignes)) };
    return {
      statut: 200,
      entetes: {
        ...entetes,
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="eleves-anonymises-${acces.niveau}-${acces.code}-${date}.csv"`,
      },
      corps: csvDuFichier(acces.avecEchelon, paquets(lignes)),
    };
  }
  const suite = curseur ? lignes.filter((l) => l.id > curseur.apres) : lignes;
  const page = suite.slice(0, p.limit);
  const eleves = page.map((l) => l.eleve());
  if (page.length > 0)
    await d.journaliser(
      page.map((l) => l.eleveId),
      champsDivulgues(eleves),
    );
  return {
    statut: 200,
    entetes,
    corps: {
      ...entete,
      eleves,
      curseur_suivant: suite.length > p.limit ? encoderCurseur({ date, apres: eleves[eleves.length - 1].id } satisfies Curseur) : null,
    },
  };
}

/** Rows built and handed to the stream a few hundred at a time, as the socket drains. */
async function* paquets(lignes: readonly LigneDuDestinataire[], taille = 500): AsyncGenerator<EleveAnonymise[]> {
  for (let i = 0; i < lignes.length; i += taille) yield lignes.slice(i, i + taille).map((l) => l.eleve());
}

/** One spreadsheet row per pupil; codes with leading zeros stay text in Excel. */
function csvDuFichier(avecEchelon: boolean, eleves: AsyncIterable<EleveAnonymise[]>): Readable {
  const colonnes: Array<[string, (e: EleveAnonymise) => unknown]> = [
    ['identifiant', (e) => e.id],
    ['zone_residence', (e) => (e.zone_residence ? new TexteCsv(e.zone_residence.code) : null)],
    ['type_zone', (e) => e.zone_residence?.type],
    ['libelle_zone', (e) => e.zone_residence?.libelle],
    ['uai', (e) => new TexteCsv(e.uai)],
    ['niveau', (e) => e.formation?.niveau.code],
    ['code_mef_stat', (e) => (e.formation?.mef ? new TexteCsv(e.formation.mef.code_mef_stat) : null)],
    ['libelle_mef', (e) => e.formation?.mef?.libelle],
    ['regime', (e) => e.regime?.libelle],
    ['boursier', (e) => (e.boursier === null ? null : e.boursier ? 'oui' : 'non')],
    ...(avecEchelon ? [['echelon_bourse', (e: EleveAnonymise) => e.echelon_bourse] as [string, (e: EleveAnonymise) => unknown]] : []),
    ['origine_sociale', (e) => e.origine_sociale.libelle],
    ['generalisations', (e) => e.generalisations.join(' ')],
  ];
  async function* lignes(): AsyncGenerator<string[]> {
    yield [BOM + ligneCsv(colonnes.map(([entete]) => entete))];
    for await (const paquet of eleves) yield paquet.map((e) => ligneCsv(colonnes.map(([, cellule]) => cellule(e))));
  }
  return fluxDeLignes(lignes());
}

/** Fields of a row that differ between two versions of it. */
function champsModifies(a: EleveAnonymise, b: EleveAnonymise): string[] {
  const cles = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof EleveAnonymise>;
  return [...cles].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

export async function changementsElevesAnonymises(
  ctx: Contexte,
  divulgation: Divulgation,
  p: ParametresChangements,
  revalidation: Revalidation,
): Promise<Reponse<ChangementsElevesAnonymises>> {
  const acces = await acceder(ctx, divulgation, p.niveau, p.code);
  const lu = lireJeton(p.depuis, { cle: acces.cleJeton, scope: acces.divulgation.scopes[0], aujourdhui: aujourdhui() }, acces.porteur);
  // Another generation, or a year no longer published: the files cannot be compared.
  if (lu.generationId !== acces.generationId || !acces.dates.includes(lu.datePublication)) throw new Probleme('jeton_synchronisation_perime');
  const depuis = lu.datePublication;
  const curseur = lireCurseur(p.curseur);
  const cible = curseur?.date ?? acces.dates[acces.dates.length - 1];
  if (!acces.dates.includes(cible) || cible < depuis || (curseur && curseur.depuis !== depuis))
    throw invalide('curseur', "ce curseur appartient à d'autres changements");
  const { inchange, entetes } = await validateur(ctx, revalidation, acces, ['changements', depuis, cible, p.limit, p.curseur ?? null]);
  if (inchange) return { statut: 304, entetes };

  const lignes = async (date: string) =>
    new Map(lignesDuDestinataire(acces, await fichier(ctx, acces, date)).map((l) => [l.id, { eleveId: l.eleveId, eleve: l.eleve() }]));
  const avant = await lignes(depuis);
  const apres = await lignes(cible);
  const ids = [...new Set([...avant.keys(), ...apres.keys()])]
    .filter((id) => {
      const a = avant.get(id)?.eleve;
      const b = apres.get(id)?.eleve;
      return !a || !b || JSON.stringify(a) !== JSON.stringify(b);
    })
    .sort()
    .filter((id) => !curseur || id > curseur.apres);
  const page = ids.slice(0, p.limit);

  const ajouts: EleveAnonymise[] = [];
  const modifications: ModificationEleveAnonymise[] = [];
  const retraits: Array<{ id: string }> = [];
  const internes: string[] = [];
  for (const id of page) {
    const a = avant.get(id);
    const b = apres.get(id);
    if (b && !a) ajouts.push(b.eleve);
    else if (a && b) modifications.push({ champs_modifies: champsModifies(a.eleve, b.eleve), eleve: b.eleve });
    else retraits.push({ id });
    internes.push((b ?? a)!.eleveId);
  }
  const d = acces.divulgation;
  if (internes.length > 0) await d.journaliser(internes, champsDivulgues([...ajouts, ...modifications.map((m) => m.eleve), ...retraits]));
  return {
    statut: 200,
    entetes,
    corps: {
      code_territoire: acces.code,
      niveau_territoire: acces.niveau,
      depuis,
      date_reference: cible,
      ajouts,
      modifications,
      retraits,
      curseur_suivant: ids.length > p.limit ? encoderCurseur({ date: cible, depuis, apres: page[page.length - 1] } satisfies Curseur) : null,
      jeton_synchronisation: jeton(acces, cible),
    },
  };
}
