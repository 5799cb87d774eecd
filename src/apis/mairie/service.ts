import type { Readable } from 'node:stream';
import type { Contexte } from '../../contexte';
import type { Db } from '../../db/knex';
import { etagDe } from '../../http/etag';
import { decoderCurseur, encoderCurseur } from '../../http/pagination';
import { invalide, Probleme } from '../../http/problemes';
import type { Divulgation } from '../../privacy/divulgation';
import { champsDivulgues } from '../../privacy/masque';
import { etatDesOppositions, oppositionApplicable, personnesAOppositionChangee } from '../../privacy/opposition';
import { aujourdhui } from '../../horloge';
import { geographieOfficielle } from '../../territoire/geographie';
import { verifierTerritoire } from '../../territoire/perimetre';
import { csvDeLaListe, nomFichierCsv } from './csv';
import { ndjsonDeLaListe } from './flux';
import { champsModifies, ficheEnfant } from './fiche';
import { emettreJeton, lireJeton, type Porteur } from './jeton-synchronisation';
import type { ChangementsEnfantsSoumisObligation, EnfantSoumisObligation, ListeEnfantsSoumisObligation, ModificationEnfant, RetraitEnfant } from './models';
import {
  EcolesDeLaListe,
  idsDeLaListe,
  idsTouches,
  motifsDeRetrait,
  type Perimetre,
  type Publication,
  publicationsDeLaCommune,
  tailleDeLaListe,
  type VersionDeListe,
  versionsApres,
  versionsDe,
} from './repository';

/** The scopes of the list (operations.json, by decreasing breadth: a recipient holding both sees the obligation list). */
export type ScopeMairie = 'mairie:obligation-scolaire' | 'mairie:restauration-scolaire';

const TOUTE_LA_LISTE: Perimetre = { ecolesPubliques: null };

/**
 * Which children each scope sees (the fields are the registry's mask, scopes.json): the whole
 * list, or for catering the pupils of the public écoles the recipient feeds — the commune's, or
 * all its members' for a grouping, whose pupils often attend a school of a neighbouring member.
 */
function perimetreDuScope(scope: ScopeMairie, codeCommune: string, divulgation: Divulgation): Perimetre {
  if (scope === 'mairie:obligation-scolaire') return TOUTE_LA_LISTE;
  const groupement = divulgation.habilitation.territoire === 'groupement' ? divulgation.principal.destinataire.groupement : null;
  return { ecolesPubliques: groupement ? groupement.communes.map((c) => c.code_commune) : [codeCommune] };
}

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
  codeInsee: string;
  anneeScolaire?: string;
  dateReference?: string;
  limit: number;
  curseur?: string;
  format: FormatListe;
}

export interface ParametresChangements {
  codeInsee: string;
  depuis: string;
  limit: number;
  curseur?: string;
}

/** Pages of one list stay on that list even when a month is published while a client pages through it. */
interface Curseur {
  date: string;
  apres: string;
}

/** One request on one commune's list: who asks (disclosure), for which commune, on which publications. */
interface Acces {
  divulgation: Divulgation;
  codeCommune: string;
  publications: Publication[];
  scope: ScopeMairie;
  perimetre: Perimetre;
  porteur: Porteur;
  ecoles: EcolesDeLaListe;
}

/** 400 for a malformed code is tsoa's (pattern); here: unknown → 404, another commune → 403, nothing published → 404. */
async function acceder(ctx: Contexte, divulgation: Divulgation, codeInsee: string): Promise<Acces> {
  const territoire = geographieOfficielle();
  if (!territoire.existe(codeInsee)) throw new Probleme('ressource_introuvable', 'Aucune commune actuelle ne porte ce code INSEE.');
  const commune = territoire.commune(codeInsee);
  verifierTerritoire(divulgation.principal, divulgation.habilitation, {
    code_commune: commune.code,
    code_departement: commune.departement,
    code_region: commune.region,
  });
  const publications = await publicationsDeLaCommune(ctx.db, commune.code);
  if (publications.length === 0) throw new Probleme('ressource_introuvable', "Aucune liste n'est encore publiée pour cette commune.");
  const scope = divulgation.scopes[0] as ScopeMairie;
  return {
    divulgation,
    codeCommune: commune.code,
    publications,
    scope,
    perimetre: perimetreDuScope(scope, commune.code, divulgation),
    porteur: { siret: divulgation.principal.destinataire.siret, cle: ctx.config.cles.pseudonyme },
    ecoles: new EcolesDeLaListe(ctx.db),
  };
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

/** Strong validator from the commune's list version, the parameters, the recipient and its scopes; nothing is rebuilt to answer 304. */
async function validateur(
  ctx: Contexte,
  revalidation: Revalidation,
  acces: Acces,
  parties: Array<string | number | null>,
): Promise<{ inchange: boolean; entetes: Record<string, string> }> {
  const derniere = acces.publications[acces.publications.length - 1];
  const etag = etagDe(
    ...parties,
    acces.codeCommune,
    derniere.generation_id,
    derniere.numero,
    acces.divulgation.principal.destinataire.siret,
    acces.divulgation.scopes.join(' '),
    // A grouping's membership changes which schools' pupils its catering list holds.
    acces.perimetre.ecolesPubliques?.join(' ') ?? null,
    await etatDesOppositions(ctx.db, acces.divulgation.droits, aujourdhui()),
  );
  return { inchange: revalidation.inchange(etag), entetes: { ETag: etag, 'Cache-Control': 'private, no-cache', Vary: 'Authorization, Accept' } };
}

/** Children's entries as this recipient may see them: pseudonymous ids, establishments named, the scope's mask. */
async function fiches(acces: Acces, versions: readonly VersionDeListe[]): Promise<Array<Partial<EnfantSoumisObligation>>> {
  const d = acces.divulgation;
  const ecoles = await acces.ecoles.de(versions);
  return versions.map((v) => d.masquer(ficheEnfant(v, d.pseudonyme(v.eleve_id), ecoles)));
}

/** The same, keyed by the internal id (never sent). */
async function fichesParId(acces: Acces, versions: readonly VersionDeListe[]): Promise<Map<string, Partial<EnfantSoumisObligation>>> {
  const f = await fiches(acces, versions);
  return new Map(versions.map((v, i) => [v.eleve_id, f[i]]));
}

export async function listeEnfants(
  ctx: Contexte,
  divulgation: Divulgation,
  p: ParametresListe,
  revalidation: Revalidation,
): Promise<Reponse<ListeEnfantsSoumisObligation | Readable>> {
  const acces = await acceder(ctx, divulgation, p.codeInsee);
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
  const jeton = emettreJeton(
    { codeCommune: acces.codeCommune, generationId: publication.generation_id, datePublication: date, scope: acces.scope },
    acces.porteur,
  );

  // A JSON page of a list nobody can be excluded from (legal obligation, no consent) reads only its own entries.
  if (!entiere && !d.exclusionsPossibles) {
    const versions = await versionsApres(ctx.db, acces.codeCommune, date, acces.perimetre, curseur?.apres, p.limit + 1);
    return pageDeListe(acces, publication, entetes, jeton, {
      versions: versions.slice(0, p.limit),
      encore: versions.length > p.limit,
      // The publication records the whole list's size; only a perimeter's share is counted.
      total: acces.perimetre.ecolesPubliques ? await tailleDeLaListe(ctx.db, acces.codeCommune, date, acces.perimetre) : Number(publication.nombre_enfants),
      exclues: 0,
    });
  }

  // Ids first (one index-only query), so exclusions, counts and the journal precede any byte of the list.
  const filtrage = await d.filtrer(await idsDeLaListe(ctx.db, acces.codeCommune, date, acces.perimetre));
  if (p.format !== 'json')
    return listeEntiere(ctx, acces, publication, entetes, jeton, { format: p.format, autorisees: filtrage.autorisees, exclues: filtrage.exclues });

  const suite = curseur ? filtrage.autorisees.filter((id) => id > curseur.apres) : filtrage.autorisees;
  return pageDeListe(acces, publication, entetes, jeton, {
    versions: await versionsDe(ctx.db, acces.codeCommune, date, acces.perimetre, suite.slice(0, p.limit)),
    encore: suite.length > p.limit,
    total: filtrage.autorisees.length,
    exclues: filtrage.exclues,
  });
}

/** Entries read from the list per query by the whole-list representations: one such page in memory at a time. */
const PAGE_DE_LECTURE = 200;

/**
 * The masked entries of the list, a page at a time in the list's order, of the `autorisees`
 * children only (filtered and journaled before the first byte).
 */
async function* pagesDeFiches(db: Db, acces: Acces, date: string, autorisees: ReadonlySet<string>): AsyncGenerator<Array<Partial<EnfantSoumisObligation>>> {
  let apres: string | undefined;
  for (;;) {
    const versions = await versionsApres(db, acces.codeCommune, date, acces.perimetre, apres, PAGE_DE_LECTURE);
    if (versions.length === 0) return;
    apres = versions[versions.length - 1].eleve_id;
    yield await fiches(
      acces,
      versions.filter((v) => autorisees.has(v.eleve_id)),
    );
  }
}

/** The whole list in one response (CSV, NDJSON), journaled before its first byte and streamed as the socket drains. */
async function listeEntiere(
  ctx: Contexte,
  acces: Acces,
  publication: Publication,
  entetes: Record<string, string>,
  jeton: string,
  l: { format: Exclude<FormatListe, 'json'>; autorisees: string[]; exclues: number },
): Promise<Reponse<Readable>> {
  const d = acces.divulgation;
  const date = publication.date_publication;
  // A whole-list file carries every column of the mask (its header names them) before any row is read.
  if (l.autorisees.length > 0) await d.journaliser(l.autorisees, d.champs);
  const pages = pagesDeFiches(ctx.db, acces, date, new Set(l.autorisees));
  if (l.format === 'csv') {
    return {
      statut: 200,
      entetes: {
        ...entetes,
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${nomFichierCsv(acces.codeCommune, date)}"`,
      },
      corps: csvDeLaListe(d.champs, pages),
    };
  }
  const entete = {
    code_commune: acces.codeCommune,
    date_reference: date,
    annee_scolaire: publication.annee_scolaire,
    nombre_total: l.autorisees.length,
    ...(l.exclues > 0 ? { nombre_exclus: l.exclues } : {}),
    jeton_synchronisation: jeton,
  };
  return {
    statut: 200,
    entetes: { ...entetes, 'Content-Type': 'application/x-ndjson; charset=utf-8' },
    corps: ndjsonDeLaListe(entete, pages),
  };
}

/** One JSON page: the masked entries of `versions`, journaled before the body leaves. */
async function pageDeListe(
  acces: Acces,
  publication: Publication,
  entetes: Record<string, string>,
  jeton: string,
  l: { versions: VersionDeListe[]; encore: boolean; total: number; exclues: number },
): Promise<Reponse<ListeEnfantsSoumisObligation>> {
  const d = acces.divulgation;
  const date = publication.date_publication;
  const ids = l.versions.map((v) => v.eleve_id);
  const curseurSuivant = l.encore ? encoderCurseur({ date, apres: ids[ids.length - 1] } satisfies Curseur) : null;
  const enfants = (await fiches(acces, l.versions)) as EnfantSoumisObligation[];
  if (ids.length > 0) await d.journaliser(ids, champsDivulgues(enfants));
  return {
    statut: 200,
    entetes,
    corps: {
      code_commune: acces.codeCommune,
      date_reference: date,
      annee_scolaire: publication.annee_scolaire,
      nombre_total: l.total,
      ...(l.exclues > 0 ? { nombre_exclus: l.exclues } : {}),
      enfants,
      curseur_suivant: curseurSuivant,
      jeton_synchronisation: jeton,
    },
  };
}

export async function changementsEnfants(
  ctx: Contexte,
  divulgation: Divulgation,
  p: ParametresChangements,
  revalidation: Revalidation,
): Promise<Reponse<ChangementsEnfantsSoumisObligation>> {
  const acces = await acceder(ctx, divulgation, p.codeInsee);
  const jour = aujourdhui();
  const liste = lireJeton(p.depuis, { codeCommune: acces.codeCommune, scope: acces.scope, aujourdhui: jour }, acces.porteur);
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
    acces.codeCommune,
    { depuis: depuis.date_publication, jusquAu: cible.date_publication, oppositionsDe: oppositionApplicable(finalite) ? finalite.code : null },
    { apres: curseur?.apres ?? null, limit: p.limit + 1 },
  );
  const page = touches.slice(0, p.limit);
  const curseurSuivant = touches.length > p.limit ? encoderCurseur({ date: cible.date_publication, apres: page[page.length - 1] } satisfies Curseur) : null;

  const [versionsAvant, versionsApres] = await Promise.all([
    versionsDe(ctx.db, acces.codeCommune, depuis.date_publication, acces.perimetre, page),
    versionsDe(ctx.db, acces.codeCommune, cible.date_publication, acces.perimetre, page),
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

  const ajouts: EnfantSoumisObligation[] = [];
  const modifications: ModificationEnfant[] = [];
  const partis: string[] = [];
  const communiques: string[] = [];
  for (const id of page) {
    const a = avant.get(id);
    const b = apres.get(id) as EnfantSoumisObligation | undefined;
    if (b && !a) ajouts.push(b);
    else if (b && a && JSON.stringify(a) !== JSON.stringify(b)) modifications.push({ champs_modifies: champsModifies(a, b), enfant: b });
    else if (a && !b) partis.push(id);
    else if (reaffirmes.has(id) && b) ajouts.push(b);
    else if (reaffirmes.has(id) && dansLePerimetre.has(id)) partis.push(id);
    else continue;
    communiques.push(id);
  }
  const retraits = await motifs(ctx.db, acces, depuis.date_publication, cible.date_publication, partis);

  if (communiques.length > 0)
    await d.journaliser(communiques, champsDivulgues([...ajouts, ...modifications.map((m) => m.enfant), ...retraits.map((r) => ({ id: r.id }))]));
  return {
    statut: 200,
    entetes,
    corps: {
      code_commune: acces.codeCommune,
      depuis: depuis.date_publication,
      date_reference: cible.date_publication,
      ajouts,
      modifications,
      retraits,
      curseur_suivant: curseurSuivant,
      jeton_synchronisation: emettreJeton(
        { codeCommune: acces.codeCommune, generationId: cible.generation_id, datePublication: cible.date_publication, scope: acces.scope },
        acces.porteur,
      ),
    },
  };
}

/**
 * A child who left the commune's list carries the generator's reason; one still on it left only
 * the recipient's perimeter (another school, an opposition): `hors_perimetre`, without saying which.
 */
async function motifs(db: Db, acces: Acces, depuis: string, jusquAu: string, partis: string[]): Promise<RetraitEnfant[]> {
  const toujoursInscrits = new Set((await versionsDe(db, acces.codeCommune, jusquAu, TOUTE_LA_LISTE, partis)).map((x) => x.eleve_id));
  const fins = await motifsDeRetrait(db, acces.codeCommune, depuis, jusquAu, partis);
  return partis.map((id) => ({
    id: acces.divulgation.pseudonyme(id),
    motif: toujoursInscrits.has(id) ? 'hors_perimetre' : (fins.get(id) ?? 'correction'),
  }));
}
