/**
 * Reads the served OpenAPI contract into the list of operations the security tests walk:
 * a route that lands later is covered without editing any test.
 */
import type { Express } from 'express';
import request from 'supertest';
import scopes from '../../src/registry/data/scopes.json';

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  additionalProperties?: boolean | Schema;
  nullable?: boolean;
}

export interface Parametre {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
  example?: unknown;
}

export interface Spec {
  paths: Record<string, Record<string, OperationSpec>>;
  components?: { schemas?: Record<string, Schema> };
}

interface OperationSpec {
  operationId?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Parametre[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

export interface Operation {
  methode: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI template, e.g. `/api-ecole/v1/etablissements/{uai}`. */
  chemin: string;
  operationId: string;
  /**
   * null: public. Otherwise the alternatives of the contract's `security`: a token opens the
   * operation when it holds every scope of one of them ([] : any valid token).
   */
  alternatives: string[][] | null;
  parametres: Parametre[];
  corps?: Schema;
  /** Schemas of the 2xx responses. */
  reponses: Schema[];
}

export async function lireContrat(app: Express): Promise<Spec> {
  const rep = await request(app).get('/openapi.json');
  if (rep.status !== 200) throw new Error(`/openapi.json a répondu ${rep.status}`);
  return rep.body as Spec;
}

const METHODES = new Set(['get', 'post', 'put', 'patch', 'delete']);

export function operations(spec: Spec): Operation[] {
  return Object.entries(spec.paths).flatMap(([chemin, methodes]) =>
    Object.entries(methodes)
      .filter(([m]) => METHODES.has(m))
      .map(([methode, op]) => ({
        methode: methode as Operation['methode'],
        chemin,
        operationId: op.operationId ?? `${methode} ${chemin}`,
        alternatives: op.security && op.security.length > 0 ? op.security.map((e) => Object.values(e).flat()) : null,
        parametres: op.parameters ?? [],
        corps: op.requestBody?.content?.['application/json']?.schema,
        reponses: Object.entries(op.responses ?? {})
          .filter(([code]) => /^2/.test(code))
          .flatMap(([, r]) =>
            Object.values(r.content ?? {})
              .map((c) => c.schema)
              .filter((s): s is Schema => !!s),
          ),
      })),
  );
}

/** The scopes of the first alternative the held scopes satisfy; undefined when none is. */
export function alternativeSatisfaite(op: Operation, detenus: string[]): string[] | undefined {
  return (op.alternatives ?? [[]]).find((alt) => alt.every((s) => detenus.includes(s)));
}

export function scopesDe(op: Operation): string[] {
  return [...new Set((op.alternatives ?? []).flat())];
}

export function resoudre(spec: Spec, schema: Schema | undefined): Schema {
  let s = schema ?? {};
  for (let i = 0; s.$ref && i < 20; i++) s = spec.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')] ?? {};
  return s;
}

/** Every property name reachable from a schema (through refs, arrays and compositions). */
export function proprietes(spec: Spec, racine: Schema, vus = new Set<Schema>()): Set<string> {
  const noms = new Set<string>();
  const parcourir = (schema: Schema | undefined) => {
    if (!schema) return;
    const s = resoudre(spec, schema);
    if (vus.has(s)) return;
    vus.add(s);
    for (const [nom, sous] of Object.entries(s.properties ?? {})) {
      noms.add(nom);
      parcourir(sous);
    }
    parcourir(s.items);
    for (const c of [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])]) parcourir(c);
    if (typeof s.additionalProperties === 'object') parcourir(s.additionalProperties);
  };
  parcourir(racine);
  return noms;
}

/** A valid-looking value for a parameter, from the contract alone: example, enum, default, then type. */
export function valeurExemple(spec: Spec, p: Parametre): string {
  const s = resoudre(spec, p.schema);
  const brut =
    p.example ??
    s.example ??
    s.enum?.[0] ??
    s.default ??
    (s.type === 'integer' || s.type === 'number' ? (s.minimum ?? 1) : s.type === 'boolean' ? true : undefined);
  if (brut !== undefined) return String(brut);
  if (p.name === 'id' || /Id$/.test(p.name)) return '999999';
  return 'x';
}

export function urlDe(op: Operation, chemin: Record<string, string>, requete: Record<string, string> = {}): string {
  const url = op.chemin.replace(/\{([^}]+)\}/g, (_m, nom: string) => encodeURIComponent(chemin[nom] ?? 'x'));
  const qs = new URLSearchParams(requete).toString();
  return qs ? `${url}?${qs}` : url;
}

/** Required parameters filled with their example values (territory ones are overridden by the caller). */
export function parametresParDefaut(spec: Spec, op: Operation): { chemin: Record<string, string>; requete: Record<string, string> } {
  const chemin: Record<string, string> = {};
  const requete: Record<string, string> = {};
  for (const p of op.parametres) {
    if (p.in === 'path') chemin[p.name] = valeurExemple(spec, p);
    else if (p.in === 'query' && p.required) requete[p.name] = valeurExemple(spec, p);
  }
  return { chemin, requete };
}

// --- Personal data, as the registry defines it --------------------------------------------

export const SCOPES_PERSONNELS = new Set(scopes.filter((s) => s.donnees_personnelles).map((s) => s.code));
export const CHAMPS_PAR_SCOPE = new Map(scopes.map((s) => [s.code, s.champs]));

/**
 * Field names that can only be personal data: every segment of a personal scope's fields, minus
 * the names any non-personal operation of the contract also returns (an establishment's `nom`).
 */
export function champsPersonnelsSansAmbiguite(spec: Spec): Set<string> {
  const personnels = new Set([...SCOPES_PERSONNELS].flatMap((s) => (CHAMPS_PAR_SCOPE.get(s) ?? []).flatMap((c) => c.split('.'))));
  const vus = new Set<Schema>();
  const publics = new Set<string>();
  for (const op of operations(spec)) {
    if (scopesDe(op).some((s) => SCOPES_PERSONNELS.has(s))) continue;
    for (const r of op.reponses) for (const nom of proprietes(spec, r, vus)) publics.add(nom);
  }
  return new Set([...personnels].filter((c) => !publics.has(c)));
}

type Arbre = Map<string, Arbre | true>;

function arbreDesChamps(champs: string[]): Arbre {
  const racine: Arbre = new Map();
  for (const champ of champs) {
    let noeud = racine;
    const segments = champ.split('.');
    for (const [i, seg] of segments.entries()) {
      const existant = noeud.get(seg);
      if (existant === true) break;
      if (i === segments.length - 1) noeud.set(seg, true);
      else {
        const enfant: Arbre = existant ?? new Map();
        noeud.set(seg, enfant);
        noeud = enfant;
      }
    }
  }
  return racine;
}

const estObjet = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Paths of a response that the held scopes do not open. A "personal record" is any object
 * carrying an unambiguous personal field; each of its keys must be reached by the fields of the
 * held personal scopes. Outside any record, an unambiguous personal field is a leak by itself.
 */
export function champsNonAutorises(corps: unknown, scopesDetenus: string[], sansAmbiguite: Set<string>): string[] {
  const arbre = arbreDesChamps(scopesDetenus.filter((s) => SCOPES_PERSONNELS.has(s)).flatMap((s) => CHAMPS_PAR_SCOPE.get(s) ?? []));
  const fuites: string[] = [];
  const verifierFiche = (v: unknown, noeud: Arbre, chemin: string): void => {
    if (Array.isArray(v)) return v.forEach((e, i) => verifierFiche(e, noeud, `${chemin}[${i}]`));
    if (!estObjet(v)) return;
    for (const [cle, sous] of Object.entries(v)) {
      const n = noeud.get(cle);
      if (n === undefined) fuites.push(`${chemin}.${cle}`);
      else if (n !== true) verifierFiche(sous, n, `${chemin}.${cle}`);
    }
  };
  const parcourir = (v: unknown, chemin: string): void => {
    if (Array.isArray(v)) return v.forEach((e, i) => parcourir(e, `${chemin}[${i}]`));
    if (!estObjet(v)) return;
    if (Object.keys(v).some((cle) => sansAmbiguite.has(cle))) return verifierFiche(v, arbre, chemin);
    for (const [cle, sous] of Object.entries(v)) parcourir(sous, `${chemin}.${cle}`);
  };
  parcourir(corps, '$');
  return fuites;
}

/** The members a problem document may carry (RFC 9457 + the gateway's extensions). */
export const MEMBRES_PROBLEME = new Set([
  'type',
  'title',
  'status',
  'detail',
  'instance',
  'code',
  'request_id',
  'erreurs',
  'scopes_requis',
  'error',
  'error_description',
]);
