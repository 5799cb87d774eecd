import type { Readable } from 'node:stream';
import type { Contexte } from '../contexte';
import type { Db } from '../db/knex';
import { aujourdhui } from '../horloge';
import { validationPrivee } from '../http/etag';
import { decoderCurseur, encoderCurseur } from '../http/pagination';
import { invalide, Probleme } from '../http/problemes';
import type { Divulgation } from '../privacy/divulgation';
import { champsDivulgues } from '../privacy/masque';
import { etatDesOppositions, oppositionApplicable, personnesAOppositionChangee } from '../privacy/opposition';
import { verifierTerritoire } from '../territoire/perimetre';
import { champsModifies } from './champs-modifies';
import { csvDeLaListe } from './csv';
import type { DescripteurListe, Perimetre, VersionBase } from './descripteur';
import { ndjsonDeLaListe } from './flux';
import { emettreJeton, lireJeton, type Porteur } from './jeton-synchronisation';
import { journaliserListe, journaliserListeEntiere } from './journal';
import {
  idsDeLaListe,
  idsOpposesDeLaListe,
  idsTouches,
  type Lecture,
  motifsDeRetrait,
  pagesDeLaListe,
  type Publication,
  publicationsDeLaListe,
  tailleDeLaListe,
  versionsApres,
  versionsDe,
} from './repository';

/** What the HTTP layer knows of the request that a service needs: whether the client's copy is current. */
export interface Revalidation {
  /** True when `If-None-Match` matches this validator (RFC 9110 §13.1.2). */
  inchange(etag: string): boolean;
}

/** What the controller sends: a body (JSON or a CSV stream), or 304 with headers only. */
export interface Reponse<T> {
  statut: 200 | 304;
  entetes: Record<string, string>;
  corps?: T;
}

/** `json`: one page; `csv` and `ndjson`: the whole list in one streamed response. */
export type FormatListe = 'json' | 'csv' | 'ndjson';

export interface ParametresListe {
  /** The list's key as the path gives it (commune code, UAI…): the descriptor validates it. */
  cle: string;
  anneeScolaire?: string;
  dateReference?: string;
  limit: number;
  curseur?: string;
  format: FormatListe;
}

export interface ParametresChangements {
  cle: string;
  depuis: string;
  limit: number;
  curseur?: string;
}

/** A person to take off the recipient's copy: pseudonymous id and why. */
export interface Retrait {
  id: string;
  motif: string;
}

/** Pages of one list stay on that list even when a month is published while a client pages through it. */
interface Curseur {
  date: string;
  apres: string;
}

type Entree = { id: string };
type Descripteur = DescripteurListe<VersionBase, Entree>;

/** One request on one list: who asks (disclosure), for which list, on which publications. */
interface Acces {
  descripteur: Descripteur;
  divulgation: Divulgation;
  cle: string;
  publications: Publication[];
  scope: string;
  lecture: Lecture;
  porteur: Porteur;
  entrees: (versions: readonly VersionBase[], ids: readonly string[]) => Promise<Entree[]>;
}

/** Malformed keys are tsoa's 400 (pattern); the descriptor's 404/422; another territory → 403; nothing published → 404. */
async function acceder(ctx: Contexte, descripteur: Descripteur, divulgation: Divulgation, cleBrute: string): Promise<Acces> {
  const { cle, territoire } = await descripteur.resoudre(ctx.db, cleBrute);
  verifierTerritoire(divulgation.principal, divulgation.habilitation, territoire);
  const publications = await publicationsDeLaListe(ctx.db, descripteur.source, cle);
  if (publications.length === 0) throw new Probleme('ressource_introuvable', descripteur.aucunePublication);
  const scope = divulgation.scopes[0];
  return {
    descripteur,
    divulgation,
    cle,
    publications,
    scope,
    lecture: { source: descripteur.source, cle, perimetre: descripteur.perimetres[scope], etendue: etendueDe(divulgation) },
    porteur: { siret: divulgation.principal.destinataire.siret, cle: ctx.config.cles.pseudonyme },
    entrees: descripteur.lecteur(ctx.db),
  };
}

/** The communes a grouping's habilitation spans (see `Perimetre.restreindre`), else null. */
function etendueDe(divulgation: Divulgation): readonly string[] | null {
  const groupement = divulgation.habilitation.territoire === 'groupement' ? divulgation.principal.destinataire.groupement : null;
  return groupement ? groupement.communes.map((c) => c.code_commune) : null;
}

function lireCurseur(curseur: string | undefined): Curseur | undefined {
  const c = decoderCurseur<Curseur>(curseur);
  if (c !== undefined && (typeof c?.date !== 'string' || typeof c?.apres !== 'string')) throw invalide('curseur', 'curseur illisible');
  return c;
}

/** The requested publication: the cursor's, else `dateReference`, else the latest (of `anneeScolaire` if given). */
function publicationDemandee(publications: Publication[], p: { anneeScolaire?: string; dateReference?: string; curseur?: Curseur }): Publication {
  if (p.curseur && p.dateReference && p.curseur.date !== p.dateReference) throw invalide('curseur', "ce curseur appartient à la liste d'une autre date");
  const date = p.curseur?.date ?? p.dateReference;
  const candidates = p.anneeScolaire ? publications.filter((x) => x.annee_scolaire === p.anneeScolaire) : publications;
  const publication = date ? candidates.find((x) => x.date_publication === date) : candidates[candidates.length - 1];
  if (!publication) {
    throw new Probleme('entite_non_traitable', 'Aucune liste publiée à cette date ou pour cette année scolaire : choisir une des dates publiées.', {
      dates_publiees: publications.map((x) => x.date_publication),
    });
  }
  return publication;
}

/** Strong validator from the list's version, the parameters, the recipient and its scopes; nothing is rebuilt to answer 304. */
async function validateur(
  ctx: Contexte,
  revalidation: Revalidation,
  acces: Acces,
  parties: Array<string | number | null>,
): Promise<{ inchange: boolean; entetes: Record<string, string> }> {
  const derniere = acces.publications[acces.publications.length - 1];
  return validationPrivee(
    (etag) => revalidation.inchange(etag),
    ...parties,
    acces.descripteur.cleDuJeton(acces.cle),
    derniere.generation_id,
    derniere.numero,
    acces.divulgation.principal.destinataire.siret,
    acces.divulgation.scopes.join(' '),
    acces.lecture.etendue?.join(' ') ?? null,
    await etatDesOppositions(ctx.db, acces.divulgation.droits, aujourdhui()),
  );
}

function jetonDe(acces: Acces, publication: Publication): string {
  return emettreJeton(
    {
      cle: acces.descripteur.cleDuJeton(acces.cle),
      generationId: publication.generation_id,
      datePublication: publication.date_publication,
      scope: acces.scope,
    },
    acces.porteur,
  );
}

/** Entries as this recipient may see them: pseudonymous ids, the descriptor's entry, the scope's mask. */
async function fiches(acces: Acces, versions: readonly VersionBase[]): Promise<Array<Partial<Entree>>> {
  const d = acces.divulgation;
  const entrees = await acces.entrees(
    versions,
    versions.map((v) => d.pseudonyme(v.eleve_id)),
  );
  return entrees.map((e) => d.masquer(e));
}

/** The same, keyed by the internal id (never sent). */
async function fichesParId(acces: Acces, versions: readonly VersionBase[]): Promise<Map<string, Partial<Entree>>> {
  const f = await fiches(acces, versions);
  return new Map(versions.map((v, i) => [v.eleve_id, f[i]]));
}

/** One list (a JSON page, or the whole list in CSV or NDJSON) of the kind `descripteur` describes. */
export async function listeDe<V extends VersionBase, E extends Entree>(
  descripteur: DescripteurListe<V, E>,
  ctx: Contexte,
  divulgation: Divulgation,
  p: ParametresListe,
  revalidation: Revalidation,
): Promise<Reponse<Record<string, unknown> | Readable>> {
  const acces = await acceder(ctx, descripteur as unknown as Descripteur, divulgation, p.cle);
  const entiere = p.format !== 'json';
  const curseur = entiere ? undefined : lireCurseur(p.curseur);
  const publication = publicationDemandee(acces.publications, { anneeScolaire: p.anneeScolaire, dateReference: p.dateReference, curseur });
  const date = publication.date_publication;
  const { inchange, entetes } = await validateur(ctx, revalidation, acces, [
    `liste-${p.format}`,
    date,
    entiere ? null : p.limit,
    entiere ? null : (p.curseur ?? null),
  ]);
  if (inchange) return { statut: 304, entetes };

  const d = acces.divulgation;
  const jeton = jetonDe(acces, publication);

  // A JSON page of a list nobody can be excluded from (legal obligation, no consent) reads only its own entries.
  if (!entiere && !d.exclusionsPossibles) {
    const versions = await versionsApres(ctx.db, acces.lecture, date, curseur?.apres, p.limit + 1);
    return pageDeListe(acces, publication, entetes, jeton, {
      versions: versions.slice(0, p.limit),
      encore: versions.length > p.limit,
      // The publication records the whole list's size; only a perimeter's share is counted.
      total: acces.lecture.perimetre.complet ? publication.nombre_total : await tailleDeLaListe(ctx.db, acces.lecture, date),
      exclues: 0,
    });
  }

  // Consent withholds most of a list: a page is cut from the ids of those who gave it.
  if (!entiere && d.droits.consentement_requis) {
    const filtrage = await d.filtrer(await idsDeLaListe(ctx.db, acces.lecture, date));
    const suite = curseur ? filtrage.autorisees.filter((id) => id > curseur.apres) : filtrage.autorisees;
    return pageDeListe(acces, publication, entetes, jeton, {
      versions: await versionsDe(ctx.db, acces.lecture, date, suite.slice(0, p.limit)),
      encore: suite.length > p.limit,
      total: filtrage.autorisees.length,
      exclues: filtrage.exclues,
    });
  }

  // Exclusions (the few opposed) and counts precede any byte of the list.
  const exclues = await exclusDeLaListe(ctx, acces, date);
  const total = (await tailleDeLaListe(ctx.db, acces.lecture, date)) - exclues.length;
  if (p.format !== 'json') return listeEntiere(ctx, acces, publication, entetes, jeton, { format: p.format, exclues, total });

  // Reading as many more entries as there are exclusions leaves a full page once they are dropped.
  const retenues = new Set(exclues);
  const lues = await versionsApres(ctx.db, acces.lecture, date, curseur?.apres, p.limit + 1 + exclues.length);
  const versions = lues.filter((v) => !retenues.has(v.eleve_id));
  return pageDeListe(acces, publication, entetes, jeton, {
    versions: versions.slice(0, p.limit),
    encore: versions.length > p.limit,
    total,
    exclues: exclues.length,
  });
}

/**
 * The persons of the list withheld from this recipient: the few opposed, by an anti-join; when
 * the finalité requires consent, everyone without it (the list's ids are then read to check them).
 */
async function exclusDeLaListe(ctx: Contexte, acces: Acces, date: string): Promise<string[]> {
  const d = acces.divulgation;
  if (d.droits.consentement_requis) {
    const ids = await idsDeLaListe(ctx.db, acces.lecture, date);
    const autorisees = new Set((await d.filtrer(ids)).autorisees);
    return ids.filter((id) => !autorisees.has(id));
  }
  if (!oppositionApplicable(d.droits)) return [];
  return idsOpposesDeLaListe(ctx.db, acces.lecture, date, { finaliteCode: d.droits.code, jour: aujourdhui() });
}

/** Entries read from the list per query by the whole-list representations: two such pages in memory at a time. */
const PAGE_DE_LECTURE = 500;

/**
 * The masked entries of the list, a page at a time in the list's order, but the `exclues`
 * persons (read and journaled before the first byte).
 */
async function* pagesDeFiches(db: Db, acces: Acces, date: string, exclues: ReadonlySet<string>): AsyncGenerator<Array<Partial<Entree>>> {
  for await (const versions of pagesDeLaListe(db, acces.lecture, date, PAGE_DE_LECTURE)) {
    yield await fiches(acces, exclues.size === 0 ? versions : versions.filter((v) => !exclues.has(v.eleve_id)));
  }
}

/** The list's header: its key, date, year and counts. */
function enteteDeListe(acces: Acces, publication: Publication, total: number, exclues: number): Record<string, unknown> {
  return {
    ...acces.descripteur.entete(acces.cle),
    date_reference: publication.date_publication,
    annee_scolaire: publication.annee_scolaire,
    nombre_total: total,
    ...(exclues > 0 ? { nombre_exclus: exclues } : {}),
  };
}

/**
 * The whole list in one response (CSV, NDJSON), journaled before its first byte as one entry
 * naming the list (not its persons) and streamed as the socket drains: memory and first byte do
 * not grow with the list.
 */
async function listeEntiere(
  ctx: Contexte,
  acces: Acces,
  publication: Publication,
  entetes: Record<string, string>,
  jeton: string,
  l: { format: Exclude<FormatListe, 'json'>; exclues: string[]; total: number },
): Promise<Reponse<Readable>> {
  const d = acces.divulgation;
  const date = publication.date_publication;
  // A whole-list file carries every column of the mask (its header names them) before any row is read.
  await journaliserListeEntiere(
    d,
    {
      descripteur: acces.descripteur,
      cle: acces.cle,
      scope: acces.scope,
      etendue: acces.lecture.etendue ?? null,
      publication,
      exclues: l.exclues,
      nombre: l.total,
    },
    d.champs,
  );
  const pages = pagesDeFiches(ctx.db, acces, date, new Set(l.exclues));
  if (l.format === 'csv') {
    return {
      statut: 200,
      entetes: {
        ...entetes,
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${acces.descripteur.csv.nomFichier(acces.cle, date)}"`,
      },
      corps: csvDeLaListe(acces.descripteur.csv.colonnes, d.champs, pages),
    };
  }
  return {
    statut: 200,
    entetes: { ...entetes, 'Content-Type': 'application/x-ndjson; charset=utf-8' },
    corps: ndjsonDeLaListe({ ...enteteDeListe(acces, publication, l.total, l.exclues.length), jeton_synchronisation: jeton }, pages),
  };
}

/** One JSON page: the masked entries of `versions`, journaled before the body leaves. */
async function pageDeListe(
  acces: Acces,
  publication: Publication,
  entetes: Record<string, string>,
  jeton: string,
  l: { versions: VersionBase[]; encore: boolean; total: number; exclues: number },
): Promise<Reponse<Record<string, unknown>>> {
  const d = acces.divulgation;
  const ids = l.versions.map((v) => v.eleve_id);
  const curseurSuivant = l.encore ? encoderCurseur({ date: publication.date_publication, apres: ids[ids.length - 1] } satisfies Curseur) : null;
  const entrees = await fiches(acces, l.versions);
  await journaliserListe(d, ids, champsDivulgues(entrees), 'page');
  return {
    statut: 200,
    entetes,
    corps: {
      ...enteteDeListe(acces, publication, l.total, l.exclues),
      [acces.descripteur.champs.entrees]: entrees,
      curseur_suivant: curseurSuivant,
      jeton_synchronisation: jeton,
    },
  };
}

/** What changed in a list since the one a sync token names: additions, modifications, removals with their reason. */
export async function changementsDe<V extends VersionBase, E extends Entree>(
  descripteur: DescripteurListe<V, E>,
  ctx: Contexte,
  divulgation: Divulgation,
  p: ParametresChangements,
  revalidation: Revalidation,
): Promise<Reponse<Record<string, unknown>>> {
  const acces = await acceder(ctx, descripteur as unknown as Descripteur, divulgation, p.cle);
  const source = descripteur.source;
  const liste = lireJeton(p.depuis, { cle: descripteur.cleDuJeton(acces.cle), scope: acces.scope, aujourdhui: aujourdhui() }, acces.porteur);
  const depuis = acces.publications.find((x) => x.date_publication === liste.datePublication && x.generation_id === liste.generationId);
  // The lists were regenerated since: versions of another generation cannot be compared.
  if (!depuis) throw new Probleme('jeton_synchronisation_perime');
  const curseur = lireCurseur(p.curseur);
  const cible = curseur ? acces.publications.find((x) => x.date_publication === curseur.date) : acces.publications[acces.publications.length - 1];
  if (!cible || cible.date_publication < depuis.date_publication) throw invalide('curseur', "ce curseur appartient à d'autres changements");
  const { inchange, entetes } = await validateur(ctx, revalidation, acces, [
    'changements',
    depuis.date_publication,
    cible.date_publication,
    p.limit,
    p.curseur ?? null,
  ]);
  if (inchange) return { statut: 304, entetes };

  const d = acces.divulgation;
  const finalite = d.droits;
  const touches = await idsTouches(
    ctx.db,
    source,
    acces.cle,
    { depuis: depuis.date_publication, jusquAu: cible.date_publication, oppositionsDe: oppositionApplicable(finalite) ? finalite.code : null },
    { apres: curseur?.apres ?? null, limit: p.limit + 1 },
  );
  const page = touches.slice(0, p.limit);
  const curseurSuivant = touches.length > p.limit ? encoderCurseur({ date: cible.date_publication, apres: page[page.length - 1] } satisfies Curseur) : null;

  const [versionsAvant, versionsApres] = await Promise.all([
    versionsDe(ctx.db, acces.lecture, depuis.date_publication, page),
    versionsDe(ctx.db, acces.lecture, cible.date_publication, page),
  ]);
  // Each side as the recipient saw or sees it: oppositions as of the token's list, and as of today.
  const avantAutorises = new Set(
    (
      await d.filtrer(
        versionsAvant.map((x) => x.eleve_id),
        depuis.date_publication,
      )
    ).autorisees,
  );
  const apresAutorises = new Set((await d.filtrer(versionsApres.map((x) => x.eleve_id))).autorisees);
  const avant = await fichesParId(
    acces,
    versionsAvant.filter((x) => avantAutorises.has(x.eleve_id)),
  );
  const apres = await fichesParId(
    acces,
    versionsApres.filter((x) => apresAutorises.has(x.eleve_id)),
  );
  // Whether the recipient read its list before or after an opposition recorded or lifted since is unknown: the current state is restated.
  const reaffirmes = oppositionApplicable(finalite)
    ? await personnesAOppositionChangee(ctx.db, finalite.code, depuis.date_publication, page)
    : new Set<string>();
  const dansLePerimetre = new Set([...versionsAvant, ...versionsApres].map((x) => x.eleve_id));

  const ajouts: Array<Partial<Entree>> = [];
  const modifications: Array<{ champs_modifies: string[]; entree: Partial<Entree> }> = [];
  const partis: string[] = [];
  const communiques: string[] = [];
  for (const id of page) {
    const a = avant.get(id);
    const b = apres.get(id);
    if (b && !a) ajouts.push(b);
    else if (b && a && JSON.stringify(a) !== JSON.stringify(b)) modifications.push({ champs_modifies: champsModifies(a, b, descripteur.detailler), entree: b });
    else if (a && !b) partis.push(id);
    else if (reaffirmes.has(id) && b) ajouts.push(b);
    else if (reaffirmes.has(id) && dansLePerimetre.has(id)) partis.push(id);
    else continue;
    communiques.push(id);
  }
  const retraits = await motifs(ctx.db, acces, depuis.date_publication, cible.date_publication, partis);

  await journaliserListe(
    d,
    communiques,
    champsDivulgues([...ajouts, ...modifications.map((m) => m.entree), ...retraits.map((r) => ({ id: r.id }))]),
    'changements',
  );
  return {
    statut: 200,
    entetes,
    corps: {
      ...descripteur.entete(acces.cle),
      depuis: depuis.date_publication,
      date_reference: cible.date_publication,
      ajouts,
      modifications: modifications.map((m) => ({ champs_modifies: m.champs_modifies, [descripteur.champs.entree]: m.entree })),
      retraits,
      curseur_suivant: curseurSuivant,
      jeton_synchronisation: jetonDe(acces, cible),
    },
  };
}

/** The whole list, whatever the scope: who is still on it left only the recipient's perimeter. */
const TOUTE_LA_LISTE: Perimetre = { complet: true };

/**
 * A person who left the list carries the generator's reason; one still on it left only the
 * recipient's perimeter (another school, an opposition): `hors_perimetre`, without saying which.
 */
async function motifs(db: Db, acces: Acces, depuis: string, jusquAu: string, partis: string[]): Promise<Retrait[]> {
  const toujoursInscrits = new Set((await versionsDe(db, { ...acces.lecture, perimetre: TOUTE_LA_LISTE }, jusquAu, partis)).map((x) => x.eleve_id));
  const fins = await motifsDeRetrait(db, acces.descripteur.source, acces.cle, depuis, jusquAu, partis);
  return partis.map((id) => ({
    id: acces.divulgation.pseudonyme(id),
    motif: toujoursInscrits.has(id) ? 'hors_perimetre' : (fins.get(id) ?? 'correction'),
  }));
}
