/**
 * Regenerates the published contract: the OAuth2 scopes described in tsoa.json come from the
 * registry (src/registry/data/scopes.json), then tsoa writes openapi/openapi.json and
 * src/generated/routes.ts from the controllers, and error responses get the media type the
 * gateway really sends. `--check` fails if anything changed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import scopes from '../src/registry/data/scopes.json';

const racine = path.join(__dirname, '..');
const fichiers = ['tsoa.json', 'openapi/openapi.json', 'src/generated/routes.ts'];
const avant = new Map(fichiers.map((f) => [f, fs.existsSync(path.join(racine, f)) ? fs.readFileSync(path.join(racine, f), 'utf8') : '']));

const cheminTsoa = path.join(racine, 'tsoa.json');
const tsoa = JSON.parse(fs.readFileSync(cheminTsoa, 'utf8'));
tsoa.spec.securityDefinitions.oauth2.flows.clientCredentials.scopes = Object.fromEntries(scopes.map((s) => [s.code, `${s.libelle} — ${s.description}`]));
fs.writeFileSync(cheminTsoa, `${JSON.stringify(tsoa, null, 2)}\n`);
execFileSync(path.join(racine, 'node_modules', '.bin', 'tsoa'), ['spec-and-routes', '-c', 'tsoa.json'], { cwd: racine, stdio: 'inherit' });

/**
 * What tsoa cannot say, given from the gateway's conventions: every problem document is sent as
 * application/problem+json (src/http/problemes.ts), but tsoa takes a response's media type from
 * the method or the controller only, never from a controller-wide `@Response`; and it gives each
 * media type of a response the method's return type, where a CSV, NDJSON or HTML body is text and
 * a streamed body (`Readable`, written `string/byte`) is never the JSON one.
 */
const cheminSpec = path.join(racine, 'openapi', 'openapi.json');
const spec = JSON.parse(fs.readFileSync(cheminSpec, 'utf8'));
type Schema = { $ref?: string; type?: string; format?: string; anyOf?: Schema[] };
type Reponse = { content?: Record<string, { schema?: Schema }> };
const estFlux = (s: Schema) => s.type === 'string' && s.format === 'byte';
for (const operations of Object.values<Record<string, { responses?: Record<string, Reponse> }>>(spec.paths)) {
  for (const operation of Object.values(operations)) {
    for (const [statut, reponse] of Object.entries(operation.responses ?? {})) {
      const json = reponse.content?.['application/json'];
      if (Number(statut) >= 400 && json?.schema?.$ref === '#/components/schemas/ProblemeHttp') {
        reponse.content = { 'application/problem+json': json };
        continue;
      }
      for (const [type, media] of Object.entries(reponse.content ?? {})) {
        if (/^text\/|^application\/x-ndjson$/.test(type)) media.schema = { type: 'string' };
        else if (type === 'application/json' && media.schema?.anyOf?.some(estFlux)) {
          const restants = media.schema.anyOf.filter((s) => !estFlux(s));
          media.schema = restants.length === 1 ? restants[0] : { anyOf: restants };
        }
      }
    }
  }
}
// Spaces, not tabs: Spectral parses JSON as YAML and reports each tab, and past ~120 000 reports its parser overflows its stack.
fs.writeFileSync(cheminSpec, JSON.stringify(spec, null, 2));

if (process.argv.includes('--check')) {
  const changes = fichiers.filter((f) => fs.readFileSync(path.join(racine, f), 'utf8') !== avant.get(f));
  if (changes.length > 0) {
    console.error(`Le contrat publié n'est pas à jour : ${changes.join(', ')}. Lancer \`npm run spec\` et committer.`);
    process.exit(1);
  }
  console.log('Contrat OpenAPI à jour.');
}
