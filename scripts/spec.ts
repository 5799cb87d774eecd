/**
 * Regenerates the published contract: the OAuth2 scopes described in tsoa.json come from the
 * registry (src/registry/data/scopes.json), then tsoa writes openapi/openapi.json and
 * src/generated/routes.ts from the controllers. `--check` fails if anything changed.
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
tsoa.spec.securityDefinitions.oauth2.flows.clientCredentials.scopes = Object.fromEntries(
  scopes.map((s) => [s.code, `${s.libelle} — ${s.description}`]),
);
fs.writeFileSync(cheminTsoa, `${JSON.stringify(tsoa, null, 2)}\n`);
execFileSync(path.join(racine, 'node_modules', '.bin', 'tsoa'), ['spec-and-routes', '-c', 'tsoa.json'], { cwd: racine, stdio: 'inherit' });

if (process.argv.includes('--check')) {
  const changes = fichiers.filter((f) => fs.readFileSync(path.join(racine, f), 'utf8') !== avant.get(f));
  if (changes.length > 0) {
    console.error(`Le contrat publié n'est pas à jour : ${changes.join(', ')}. Lancer \`npm run spec\` et committer.`);
    process.exit(1);
  }
  console.log('Contrat OpenAPI à jour.');
}
