/**
 * Lists the exports of src/ and scripts/ that no other file imports (src/, scripts/, test/, the
 * generated routes included): an export nothing imports is either dead code or a symbol that should
 * be private to its file. Exits 1 when it finds one, so that CI keeps the codebase free of them.
 *
 *   npm run exports:morts
 */
import path from 'node:path';
import ts from 'typescript';

const racine = path.join(__dirname, '..');
/** Modules another program loads by name, not by import: tsoa's authentication and IoC modules. */
const CHARGES_PAR_NOM: Readonly<Record<string, readonly string[]>> = {
  'src/auth/authentification-tsoa.ts': ['expressAuthentication'],
  'src/ioc.ts': ['iocContainer'],
};

function programme(): ts.Program {
  const chemin = path.join(racine, 'tsconfig.test.json');
  const { config, error } = ts.readConfigFile(chemin, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const options = ts.parseJsonConfigFileContent(config, ts.sys, racine);
  return ts.createProgram({ rootNames: options.fileNames, options: options.options });
}

const relatif = (fichier: string): string => path.relative(racine, fichier).split(path.sep).join('/');
const estSurveille = (fichier: string): boolean => /^(src|scripts)\/.*\.ts$/.test(relatif(fichier)) && !fichier.endsWith('.d.ts');

function exportsMorts(): string[] {
  const prog = programme();
  const checker = prog.getTypeChecker();
  const original = (s: ts.Symbol): ts.Symbol => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  /** Symbols imported (or re-exported) by a file other than the one declaring them. */
  const utilises = new Set<ts.Symbol>();
  const marquerModule = (specifiant: ts.Expression): void => {
    const module = checker.getSymbolAtLocation(specifiant);
    if (module) for (const s of checker.getExportsOfModule(module)) utilises.add(original(s));
  };

  for (const source of prog.getSourceFiles()) {
    if (source.isDeclarationFile || relatif(source.fileName).startsWith('node_modules/')) continue;
    const visiter = (noeud: ts.Node): void => {
      if (ts.isImportDeclaration(noeud) && noeud.importClause) {
        const { name, namedBindings } = noeud.importClause;
        if (name) utilises.add(original(checker.getSymbolAtLocation(name)!));
        if (namedBindings && ts.isNamespaceImport(namedBindings)) marquerModule(noeud.moduleSpecifier);
        if (namedBindings && ts.isNamedImports(namedBindings)) {
          for (const e of namedBindings.elements) {
            const s = checker.getSymbolAtLocation(e.name);
            if (s) utilises.add(original(s));
          }
        }
      } else if (ts.isExportDeclaration(noeud) && noeud.moduleSpecifier) {
        if (!noeud.exportClause) marquerModule(noeud.moduleSpecifier);
        else if (ts.isNamedExports(noeud.exportClause)) {
          for (const e of noeud.exportClause.elements) {
            const s = checker.getSymbolAtLocation(e.propertyName ?? e.name);
            if (s) utilises.add(original(s));
          }
        }
      } else if (ts.isImportTypeNode(noeud) && noeud.qualifier) {
        const s = checker.getSymbolAtLocation(noeud.qualifier);
        if (s) utilises.add(original(s));
      } else if (
        ts.isCallExpression(noeud) &&
        (noeud.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(noeud.expression) && noeud.expression.text === 'require')) &&
        noeud.arguments.length === 1 &&
        ts.isStringLiteral(noeud.arguments[0])
      ) {
        marquerModule(noeud.arguments[0]);
      }
      ts.forEachChild(noeud, visiter);
    };
    visiter(source);
  }

  const morts: string[] = [];
  for (const source of prog.getSourceFiles()) {
    if (!estSurveille(source.fileName)) continue;
    const module = checker.getSymbolAtLocation(source);
    if (!module) continue;
    const fichier = relatif(source.fileName);
    const dansLeFichier = usagesLocaux(source, checker);
    for (const s of checker.getExportsOfModule(module)) {
      if (utilises.has(original(s)) || CHARGES_PAR_NOM[fichier]?.includes(s.name)) continue;
      // A type its own file uses names part of that file's API (a parameter, a published model): it stays exported.
      if (s.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias) && dansLeFichier.has(s)) continue;
      const declaration = s.declarations?.[0];
      const ligne = declaration ? source.getLineAndCharacterOfPosition(declaration.getStart()).line + 1 : 0;
      morts.push(`${fichier}:${ligne} ${s.name}${dansLeFichier.has(s) ? '' : ' (inutilisé, même dans son fichier)'}`);
    }
  }
  return morts;
}

/** Symbols a file refers to somewhere other than where it declares them. */
function usagesLocaux(source: ts.SourceFile, checker: ts.TypeChecker): Set<ts.Symbol> {
  const usages = new Set<ts.Symbol>();
  const visiter = (noeud: ts.Node): void => {
    if (ts.isIdentifier(noeud)) {
      const s = checker.getSymbolAtLocation(noeud);
      if (s && !s.declarations?.some((d) => (d as ts.NamedDeclaration).name === noeud)) usages.add(s);
    }
    ts.forEachChild(noeud, visiter);
  };
  visiter(source);
  return usages;
}

if (require.main === module) {
  const morts = exportsMorts();
  if (morts.length > 0) {
    console.error(`Exports que rien n'importe (retirer le mot-clé export, ou le code s'il ne sert pas) :\n${morts.map((m) => `  ${m}`).join('\n')}`);
    process.exit(1);
  }
  console.log('Aucun export mort sous src/ et scripts/.');
}
