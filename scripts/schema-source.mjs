// Reads the Kubernetes API types of one kubernetes-models release (plus its
// @kubernetes-models/apimachinery) for generate-schemas.mjs and versions-generate.mjs: every
// interface / type alias of the .d.ts files with its JSDoc, keyed by OpenAPI definition name.
import { createRequire } from 'node:module';
import { schemaSourcesRequire } from './schemaSources.mjs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';

/** kubernetes-models folder (`apps/v1`, `v1`, `rbac.authorization.k8s.io/v1`) → OpenAPI prefix. */
const GROUP_PREFIXES = {
  'apiextensions.k8s.io': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions',
  'apiregistration.k8s.io': 'io.k8s.kube-aggregator.pkg.apis.apiregistration',
  'internal.apiserver.k8s.io': 'io.k8s.api.apiserverinternal',
};

function modelsPrefix(folder) {
  const slash = folder.lastIndexOf('/');
  if (slash < 0) return `io.k8s.api.core.${folder}`;
  const group = folder.slice(0, slash);
  const version = folder.slice(slash + 1);
  const known = GROUP_PREFIXES[group];
  // `flowcontrol.apiserver.k8s.io` → `flowcontrol`, `rbac.authorization.k8s.io` → `rbac`.
  return `${known ?? `io.k8s.api.${group.split('.')[0]}`}.${version}`;
}

const apimachineryPrefix = (folder) => `io.k8s.apimachinery.pkg.${folder.replaceAll('/', '.')}`;

function declarationFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .map((f) => String(f).replaceAll('\\', '/'))
    .filter((f) => f.endsWith('.d.ts') && !f.startsWith('_schemas/') && !f.includes('node_modules') && !f.endsWith('index.d.ts'))
    .sort();
}

/** `export type { IFoo as IIoK8sApiCoreV1Foo, … }` → `IoK8sApiCoreV1Foo` (the package's own name). */
function camelNameOf(source) {
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
    for (const element of statement.exportClause.elements) {
      const name = element.name.text;
      if (/^IIoK8s/.test(name)) return name.slice(1);
    }
  }
  return undefined;
}

/**
 * One entry per API type: `{ id, camel, node, groupVersion, pkg, dir }` where `node` is the documented
 * interface or type alias. Files that only re-export another version's type are skipped.
 */
export function readModelTypes(modelsDir) {
  const require = createRequire(join(modelsDir, 'package.json'));
  const apimachineryDir = dirname(require.resolve('@kubernetes-models/apimachinery/package.json'));
  const types = [];
  for (const [dir, prefixOf, pkg] of [
    [modelsDir, modelsPrefix, 'kubernetes-models'],
    [apimachineryDir, apimachineryPrefix, '@kubernetes-models/apimachinery'],
  ]) {
    for (const file of declarationFiles(dir)) {
      const text = readFileSync(join(dir, file), 'utf8');
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      const camel = camelNameOf(source);
      if (!camel) continue;
      const name = file.slice(file.lastIndexOf('/') + 1, -'.d.ts'.length);
      const node = source.statements.find((s) => (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.name.text === `I${name}`);
      if (!node) continue;
      const groupVersion = pkg === 'kubernetes-models' ? dirname(file) : undefined;
      types.push({ camel, dir, groupVersion, id: `${prefixOf(dirname(file))}.${name}`, node, pkg });
    }
  }
  return types;
}

/** The package's version and the directory it is installed in. */
export function modelsPackage(root) {
  const require = schemaSourcesRequire(root);
  const dir = dirname(require.resolve('kubernetes-models/package.json'));
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return { dir, version };
}

/**
 * The package's compiled validator of a type (`_schemas/<camel>.js`): the one place where it
 * keeps what the .d.ts loses, such as `integer` + `int32`/`int64` versus `number`.
 */
export async function validatorOf(type) {
  const file = join(type.dir, '_schemas', `${type.camel}.js`);
  if (!existsSync(file)) return undefined;
  return (await import(file)).validate;
}
