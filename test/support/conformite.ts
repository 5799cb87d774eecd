/**
 * Checks one HTTP answer against the operation of the published contract it came from: declared
 * status, declared media type, declared required headers (and no rate-limit or challenge header
 * the contract does not mention), body valid for the declared JSON schema (ajv, with the
 * contract's OpenAPI 3.0 dialect translated to JSON Schema).
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

interface EnteteContrat {
  required?: boolean;
  schema?: Json;
}

interface ReponseContrat {
  content?: Record<string, { schema?: Json }>;
  headers?: Record<string, EnteteContrat>;
}

interface OperationContrat {
  operationId: string;
  responses: Record<string, ReponseContrat>;
}

export interface SpecContrat {
  paths: Record<string, Record<string, OperationContrat>>;
  components: { schemas: Record<string, Json> };
}

export interface ReponseRecue {
  statut: number;
  entetes: Headers;
  texte: string;
}

const ID_CONTRAT = 'https://passerelle.test/openapi.json';
const MEDIAS_JSON = new Set(['application/json', 'application/problem+json']);
/** Headers whose presence the contract must announce wherever the gateway sends them. */
const ENTETES_SURVEILLES = ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After', 'WWW-Authenticate'];

/** OpenAPI 3.0 schema → JSON Schema: `nullable` becomes a null alternative, `example` goes, refs point into the contract. */
function versJsonSchema(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null) return schema;
  const s = schema as Json;
  const resultat: Json = {};
  for (const [cle, valeur] of Object.entries(s)) {
    if (cle === 'nullable' || cle === 'example' || cle === 'deprecated') continue;
    if (cle === '$ref') resultat.$ref = `${ID_CONTRAT}${valeur as string}`;
    else if (cle === 'properties') resultat.properties = Object.fromEntries(Object.entries(valeur as Json).map(([nom, sous]) => [nom, versJsonSchema(sous)]));
    else if (cle === 'allOf' || cle === 'anyOf' || cle === 'oneOf') resultat[cle] = (valeur as unknown[]).map(versJsonSchema);
    else if (cle === 'items' || cle === 'not' || (cle === 'additionalProperties' && typeof valeur === 'object')) resultat[cle] = versJsonSchema(valeur);
    else resultat[cle] = valeur;
  }
  return s.nullable === true ? { anyOf: [resultat, { type: 'null' }] } : resultat;
}

const typeDeBase = (contentType: string | null) => (contentType ?? '').split(';')[0].trim().toLowerCase();

export class VerificateurContrat {
  private readonly ajv = new Ajv({ allErrors: true, strict: false });
  private readonly validateurs = new Map<string, ValidateFunction>();
  /** Statuses received per operation (`GET /chemin/{x}`). */
  readonly couverture = new Map<string, Set<number>>();

  constructor(readonly spec: SpecContrat) {
    addFormats(this.ajv);
    const schemas = Object.fromEntries(Object.entries(spec.components.schemas).map(([nom, schema]) => [nom, versJsonSchema(schema)]));
    this.ajv.addSchema({ components: { schemas } }, ID_CONTRAT);
  }

  operations(): string[] {
    return Object.entries(this.spec.paths).flatMap(([chemin, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${chemin}`));
  }

  private operation(cle: string): OperationContrat {
    const [methode, chemin] = cle.split(' ');
    const op = this.spec.paths[chemin]?.[methode.toLowerCase()];
    if (!op) throw new Error(`opération absente du contrat : ${cle}`);
    return op;
  }

  private validateur(schema: Json): ValidateFunction {
    const cle = JSON.stringify(schema);
    let v = this.validateurs.get(cle);
    if (!v) this.validateurs.set(cle, (v = this.ajv.compile(versJsonSchema(schema) as Json)));
    return v;
  }

  /** The discrepancies between an answer and the contract of `cle` (`GET /chemin/{x}`); empty when it conforms. */
  verifier(cle: string, rep: ReponseRecue): string[] {
    const op = this.operation(cle);
    let statuts = this.couverture.get(cle);
    if (!statuts) this.couverture.set(cle, (statuts = new Set()));
    statuts.add(rep.statut);

    const declaree = op.responses[String(rep.statut)] ?? op.responses.default;
    if (!declaree) return [`statut ${rep.statut} non déclaré (déclarés : ${Object.keys(op.responses).join(', ')})`];
    const ecarts: string[] = [];

    for (const [nom, entete] of Object.entries(declaree.headers ?? {})) {
      if (entete.required && !rep.entetes.has(nom)) ecarts.push(`en-tête ${nom} déclaré obligatoire mais absent`);
    }
    for (const nom of ENTETES_SURVEILLES) {
      if (rep.entetes.has(nom) && !Object.keys(declaree.headers ?? {}).some((n) => n.toLowerCase() === nom.toLowerCase())) {
        ecarts.push(`en-tête ${nom} envoyé mais non déclaré pour ${rep.statut}`);
      }
    }
    for (const nom of ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After']) {
      const valeur = rep.entetes.get(nom);
      if (valeur !== null && !/^\d+$/.test(valeur)) ecarts.push(`en-tête ${nom} non entier : ${valeur}`);
    }

    const medias = declaree.content ?? {};
    if (rep.texte === '') {
      if (Object.keys(medias).length > 0 && rep.statut !== 304) ecarts.push(`corps vide alors que le contrat déclare ${Object.keys(medias).join(', ')}`);
      return ecarts;
    }
    const type = typeDeBase(rep.entetes.get('content-type'));
    const media = medias[type];
    if (!media) return [...ecarts, `type ${type || '(aucun)'} non déclaré pour ${rep.statut} (déclarés : ${Object.keys(medias).join(', ') || 'aucun corps'})`];
    if (!MEDIAS_JSON.has(type)) return ecarts;

    let corps: unknown;
    try {
      corps = JSON.parse(rep.texte);
    } catch {
      return [...ecarts, `corps ${type} illisible`];
    }
    if (media.schema) {
      const valider = this.validateur(media.schema);
      if (!valider(corps)) {
        ecarts.push(
          ...(valider.errors ?? [])
            .slice(0, 8)
            .map(
              (e) =>
                `corps : ${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
            ),
        );
      }
    }
    if (type === 'application/problem+json' && (corps as { status?: unknown }).status !== rep.statut) ecarts.push('status du document ≠ statut HTTP');
    return ecarts;
  }
}
