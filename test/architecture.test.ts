import fs from 'node:fs';
import path from 'node:path';

/**
 * One direction for data, read from the import statements of every module under src/:
 * shared domain code (nomenclatures, calendar, geography) sits below the APIs and the demo
 * generator, never inside them.
 */

const RACINE = path.join(__dirname, '..');

/** Static imports and re-exports, `import type` included, dynamic `import()` and `require()`. */
const IMPORTS = [
  /^\s*(?:import|export)\s[^'";]*?\sfrom\s*['"]([^'"]+)['"]/gm,
  /^\s*import\s*['"]([^'"]+)['"]/gm,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
];

function modules(dossier: string): string[] {
  return fs.readdirSync(dossier, { withFileTypes: true }).flatMap((e) => {
    const chemin = path.join(dossier, e.name);
    return e.isDirectory() ? modules(chemin) : e.name.endsWith('.ts') ? [chemin] : [];
  });
}

/** Each module of src/ and the repository paths it imports (packages left out). */
function grapheDesImports(): Map<string, string[]> {
  const graphe = new Map<string, string[]>();
  for (const fichier of modules(path.join(RACINE, 'src'))) {
    const texte = fs.readFileSync(fichier, 'utf8');
    const cibles = IMPORTS.flatMap((motif) => [...texte.matchAll(motif)].map((m) => m[1]))
      .filter((cible) => cible.startsWith('.'))
      .map((cible) =>
        path
          .relative(RACINE, path.resolve(path.dirname(fichier), cible))
          .split(path.sep)
          .join('/'),
      );
    graphe.set(path.relative(RACINE, fichier).split(path.sep).join('/'), cibles);
  }
  return graphe;
}

const dans = (dossier: string) => (chemin: string) => chemin === dossier || chemin.startsWith(`${dossier}/`);

/** The rules: a module matching `depuis` imports nothing matching `interdit`. */
const REGLES: Array<{ regle: string; depuis: (m: string) => boolean; interdit: (cible: string) => boolean }> = [
  { regle: 'src/apis/ never imports the demo generator', depuis: dans('src/apis'), interdit: dans('src/synthetique') },
  { regle: 'src/apis/ never imports the import pipelines', depuis: dans('src/apis'), interdit: dans('src/import') },
  { regle: 'nothing under src/ imports scripts/', depuis: dans('src'), interdit: dans('scripts') },
  { regle: 'the list machinery (src/listes/) knows no API: each API hands it a descriptor', depuis: dans('src/listes'), interdit: dans('src/apis') },
  {
    regle: 'demo and import code is reached only from src/demarrage.ts',
    depuis: (m) => dans('src')(m) && !dans('src/synthetique')(m) && !dans('src/import')(m) && m !== 'src/demarrage.ts',
    interdit: (c) => dans('src/synthetique')(c) || dans('src/import')(c),
  },
  ...['src/referentiels', 'src/territoire'].flatMap((partage) =>
    ['src/apis', 'src/synthetique', 'src/registry', 'src/privacy'].map((haut) => ({
      regle: `${partage}/ imports nothing from ${haut}/`,
      depuis: dans(partage),
      interdit: dans(haut),
    })),
  ),
];

/** Services, repositories and models of an API know nothing of HTTP: controllers hand them a Principal and a Divulgation. */
const COUCHES_SANS_HTTP = /^src\/apis\/[^/]+\/(?:service|repository|models)\.ts$/;

describe('architecture : le graphe des imports de src/', () => {
  const graphe = grapheDesImports();

  it('reads the imports of every module, type-only ones included', () => {
    expect(graphe.size).toBeGreaterThan(100);
    // A known edge of each kind, so a broken parser cannot pass the rules below by seeing nothing.
    expect(graphe.get('src/app.ts')).toContain('src/http/problemes');
    expect(graphe.get('src/auth/authentification-tsoa.ts')).toContain('src/contexte');
  });

  it("no API service, repository or models module imports 'express'", () => {
    const couches = [...graphe.keys()].filter((m) => COUCHES_SANS_HTTP.test(m));
    expect(couches.length).toBeGreaterThanOrEqual(12);
    const fautifs = couches.filter((m) =>
      /^\s*(?:import|export)\s[^'";]*?\sfrom\s*['"]express['"]|\brequire\(\s*['"]express['"]\s*\)/m.test(fs.readFileSync(path.join(RACINE, m), 'utf8')),
    );
    expect(fautifs).toEqual([]);
  });

  it.each(REGLES.map((r) => [r.regle, r] as const))('%s', (_regle, { depuis, interdit }) => {
    const violations = [...graphe].flatMap(([module, cibles]) => (depuis(module) ? cibles.filter(interdit).map((c) => `${module} → ${c}`) : []));
    expect(violations).toEqual([]);
  });
});
