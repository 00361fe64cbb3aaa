/**
 * Value exports (functions, constants, classes) of the product code (server/src, client/src) that no other module imports: dead code that `tsc`'s
 * noUnusedLocals cannot see, because an export counts as a use. Built on the TypeScript checker: every import
 * and re-export in the whole project (product, tests, scripts compiled by tsc) marks the symbol it names.
 */
import * as ts from 'typescript';
import { join, relative } from 'node:path';

/** Modules whose exports are used from outside TypeScript (the VS Code host, node entry points, workers). */
const ENTRY_POINTS = new Set(['client/src/extension.ts', 'server/src/server.ts', 'server/src/cli.ts']);

function projectFiles(root: string): string[] {
  const files: string[] = [];
  for (const project of ['server', 'client', 'test']) {
    const configPath = join(root, project, 'tsconfig.json');
    const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, join(root, project));
    files.push(...parsed.fileNames.filter((f) => f.endsWith('.ts')));
  }
  return [...new Set(files)];
}

/** The original declaration symbol an import or re-export names. */
function target(checker: ts.TypeChecker, symbol: ts.Symbol | undefined): ts.Symbol | undefined {
  if (!symbol) return undefined;
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

function markImports(checker: ts.TypeChecker, file: ts.SourceFile, used: Set<ts.Symbol>): void {
  const markModule = (specifier: ts.Expression) => {
    const moduleSymbol = checker.getSymbolAtLocation(specifier);
    if (moduleSymbol) for (const s of checker.getExportsOfModule(moduleSymbol)) used.add(target(checker, s) ?? s);
  };
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) markModule(statement.moduleSpecifier);
      else if (bindings) for (const el of bindings.elements) addTarget(checker, el.name, used);
      if (statement.importClause?.name) addTarget(checker, statement.importClause.name, used);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      if (!statement.exportClause) markModule(statement.moduleSpecifier);
      else if (ts.isNamedExports(statement.exportClause)) for (const el of statement.exportClause.elements) addTarget(checker, el.name, used);
    }
  }
  // `import('…').Name` in types, and `await import('…')` in code.
  const visit = (node: ts.Node): void => {
    if (ts.isImportTypeNode(node) && node.qualifier) addTarget(checker, node.qualifier, used);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0]) markModule(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(file);
}

function addTarget(checker: ts.TypeChecker, name: ts.Node, used: Set<ts.Symbol>): void {
  const symbol = target(checker, checker.getSymbolAtLocation(name));
  if (symbol) used.add(symbol);
}

/** `path name` for each product export nothing imports (no line: the list must not churn with every edit). */
export function unusedExports(root: string): string[] {
  const program = ts.createProgram(projectFiles(root), {
    noEmit: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    target: ts.ScriptTarget.ES2022,
  });
  const checker = program.getTypeChecker();
  const used = new Set<ts.Symbol>();
  const own = program.getSourceFiles().filter((f) => !f.isDeclarationFile && !f.fileName.includes('/node_modules/'));
  for (const file of own) markImports(checker, file, used);
  const out: string[] = [];
  for (const file of own) {
    const path = relative(root, file.fileName);
    if (!/^(server|client)\/src\//.test(path) || ENTRY_POINTS.has(path)) continue;
    const moduleSymbol = checker.getSymbolAtLocation(file);
    if (!moduleSymbol) continue;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = target(checker, exported) ?? exported;
      // Types are left alone: declaration emit needs every type an exported signature names to be exported too.
      if (used.has(symbol) || (symbol.flags & ts.SymbolFlags.Value) === 0) continue;
      out.push(`${path} ${exported.name}`);
    }
  }
  return out.sort();
}
