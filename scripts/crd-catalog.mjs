// Writes schemas/catalog/<group>.json — the openAPIV3Schema of every kind of the operators in PACKAGES, as a CRD
// would carry it — from the `@kubernetes-models/*` packages (devDependencies: nothing of them ships in a bundle).
// Those packages ship no CRD YAML: their `.d.ts` files hold every field with its API description (the JSDoc), its
// type and whether it is required; their compiled validators (`_schemas/*.js`, ajv) hold what the types cannot say,
// which numbers are integers. This script reads the first with the TypeScript compiler and asks the second.
// Usage: node scripts/crd-catalog.mjs [--out <dir>] (also run by `npm run schemas`). Writes <dir>/catalog/ and the
// index the server bundles, server/src/engine/crd/catalogIndex.json (with --out: <dir>/catalog/catalogIndex.json).
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { integerPaths } from './crd-catalog-integers.mjs';
import { splitValidations, withDefaults, withValidations } from './crd-catalog-validations.mjs';
import { schemaSourcesRequire } from './schemaSources.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = schemaSourcesRequire(root);
const outArg = process.argv.indexOf('--out');
const outDir = outArg > 0 ? resolve(process.argv[outArg + 1], 'catalog') : join(root, 'schemas', 'catalog');
const indexFile = outArg > 0 ? join(outDir, 'catalogIndex.json') : join(root, 'server', 'src', 'engine', 'crd', 'catalogIndex.json');

/** The operators teams use most (issue #12); each package's API groups become one file per group. */
export const PACKAGES = [
  'prometheus-operator',
  'keda',
  'cert-manager',
  'gateway-api',
  'istio',
  'argo-rollouts',
  'external-secrets',
  'sealed-secrets',
  'flux-cd',
  'traefik',
  'knative',
  'karpenter',
];

/**
 * Cluster-scoped kinds. The packages do not say a kind's scope; these are the operators' cluster-scoped CRDs
 * (every `Cluster*` kind is too). Everything else is Namespaced.
 */
const CLUSTER_SCOPED = new Set(['GatewayClass', 'NodePool', 'NodeClaim', 'EC2NodeClass', 'Bundle', 'CertificateRequestPolicy']);

/** Types the packages model as kinds (they carry apiVersion and kind) that no CRD serves: embedded or duck types. */
const NOT_CRDS = new Set(['EmbeddedPersistentVolumeClaim', 'PodScalable', 'EventPolicySelector', 'ChannelTemplateSpec']);

/** Nesting deeper than this (recursive types such as JSONSchemaProps) is left open rather than unrolled. */
const MAX_DEPTH = 40;

function packageDir(name) {
  return dirname(require.resolve(`@kubernetes-models/${name}/package.json`));
}

/** Every top-level kind of a package: its `.d.ts` file, apiVersion, kind (`*List` kinds are left out). */
function kindFiles(pkg) {
  const dir = packageDir(pkg);
  const found = [];
  for (const group of readdirSync(dir)) {
    if (!group.includes('.') || !statSync(join(dir, group)).isDirectory()) continue;
    for (const version of readdirSync(join(dir, group))) {
      const versionDir = join(dir, group, version);
      if (!statSync(versionDir).isDirectory()) continue;
      for (const file of readdirSync(versionDir).filter((f) => f.endsWith('.d.ts'))) {
        const text = readFileSync(join(versionDir, file), 'utf8');
        const model = /export declare class (\w+) extends Model<(I\w+)>/.exec(text);
        const typeMeta = /"apiVersion": "([^"]+)";\s*"kind": "([^"]+)";/.exec(text);
        if (!model || !typeMeta || typeMeta[2].endsWith('List') || NOT_CRDS.has(typeMeta[2])) continue;
        found.push({ pkg, file: join(versionDir, file), interfaceName: model[2], apiVersion: typeMeta[1], kind: typeMeta[2] });
      }
    }
  }
  return found;
}

/** Converts TypeScript types to structural openAPIV3 schemas (no $ref: a CRD inlines everything). */
class Converter {
  constructor(checker) {
    this.checker = checker;
  }

  /** The schema of a top-level kind: metadata is `type: object` and status is left open, as users do not write it. */
  kindSchema(symbol) {
    const type = this.checker.getDeclaredTypeOfSymbol(symbol);
    const schema = this.objectSchema(type, [], 0);
    schema.description = splitValidations(docOf(symbol, this.checker)).description;
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (name === 'metadata') schema.properties[name] = { type: 'object' };
      else if (name === 'status') schema.properties[name] = { description: property.description, type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
      else if (name === 'apiVersion' || name === 'kind') schema.properties[name] = { type: 'string' };
    }
    return schema;
  }

  schemaOf(type, stack, depth) {
    const alias = type.aliasSymbol?.getName();
    if (alias === 'IIntOrString' || alias === 'IQuantity') {
      return { anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true };
    }
    if (alias === 'ITime' || alias === 'IMicroTime') return { format: 'date-time', type: 'string' };
    const flags = type.getFlags();
    if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return { 'x-kubernetes-preserve-unknown-fields': true };
    if (flags & ts.TypeFlags.String) return { type: 'string' };
    if (flags & ts.TypeFlags.Number) return { type: 'number' };
    if (flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { type: 'boolean' };
    if (flags & ts.TypeFlags.StringLiteral) return { enum: [type.value], type: 'string' };
    if (type.isUnion()) return this.unionSchema(type, stack, depth);
    if (this.checker.isArrayType(type)) {
      const [element] = this.checker.getTypeArguments(type);
      return { items: this.schemaOf(element, stack, depth + 1), type: 'array' };
    }
    // A field of the members of Istio's either-or types is the intersection of its copies: `T[] & T[]` is `T[]`.
    if (type.isIntersection() && type.types.every((t) => this.checker.isArrayType(t))) return this.schemaOf(type.types[0], stack, depth);
    // An intersection of object types (inside Istio's either-or fields) is one object with the fields of all.
    if (flags & ts.TypeFlags.Object || type.isIntersection()) return this.objectSchema(type, stack, depth);
    throw new Error(`unsupported type ${this.checker.typeToString(type)}`);
  }

  unionSchema(type, stack, depth) {
    const members = type.types.filter((t) => !(t.getFlags() & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
    const nullable = members.length < type.types.length ? { nullable: true } : {};
    if (members.every((t) => t.getFlags() & ts.TypeFlags.BooleanLiteral)) return { type: 'boolean', ...nullable };
    if (members.every((t) => t.isStringLiteral())) return { enum: members.map((t) => t.value), type: 'string', ...nullable };
    if (members.every((t) => t.isNumberLiteral())) return { enum: members.map((t) => t.value), type: 'integer', ...nullable };
    const kinds = new Set(
      members.map((t) =>
        t.getFlags() & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)
          ? 'number'
          : t.getFlags() & (ts.TypeFlags.String | ts.TypeFlags.StringLiteral)
            ? 'string'
            : 'other',
      ),
    );
    if (kinds.size === 2 && kinds.has('number') && kinds.has('string')) {
      return { anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true };
    }
    if (members.length === 1) return { ...this.schemaOf(members[0], stack, depth), ...nullable };
    const either = this.eitherOrSchema(members, stack, depth);
    if (either) return { ...either, ...nullable };
    // Other unions of objects are left open: converting each member unrolls nested ones exponentially, and open
    // accepts every value the API does.
    return { 'x-kubernetes-preserve-unknown-fields': true };
  }

  /**
   * Istio's either-or fields (`uri: A & (Exclude<A, …> | …)`, which TypeScript spreads into a union of the same
   * object with different fields required): the packages' generator writes a CRD's `oneOf` of `required` lists so.
   * It becomes the CRD's form again: the fields once, and `oneOf` with one `required` list per member (the member
   * that requires nothing more is `not: {anyOf: …}`, "none of them set"). Undefined when the members differ otherwise.
   */
  eitherOrSchema(members, stack, depth) {
    if (members.some((t) => !(t.getFlags() & ts.TypeFlags.Object || t.isIntersection()) || this.checker.isArrayType(t))) return undefined;
    const propertyLists = members.map((t) => this.checker.getPropertiesOfType(t));
    const names = propertyLists[0].map((p) => p.getName()).sort();
    if (
      names.length === 0 ||
      propertyLists.some(
        (list) =>
          list
            .map((p) => p.getName())
            .sort()
            .join() !== names.join(),
      )
    )
      return undefined;
    const requiredLists = propertyLists.map((list) => list.filter((p) => !(p.getFlags() & ts.SymbolFlags.Optional)).map((p) => p.getName()));
    const common = requiredLists[0].filter((name) => requiredLists.every((list) => list.includes(name)));
    const allExtras = requiredLists.map((list) => list.filter((name) => !common.includes(name)).sort());
    const fewest = allExtras.findIndex((e) => e.length === 0);
    const schema = this.objectSchema(members[fewest >= 0 ? fewest : 0], stack, depth);
    if (common.length > 0) schema.required = common;
    else delete schema.required;
    const extras = [...new Map(allExtras.map((e) => [e.join(), e])).values()];
    if (extras.length < 2) return undefined;
    const fields = [...new Set(extras.flat())].sort();
    const noneOf = (names) => ({ not: { anyOf: names.map((name) => ({ required: [name] })) } });
    // One field per member is a oneOf of `required`, as Istio writes it. Members of several fields are the product of
    // two oneOfs (consistentHash: a hash key and an algorithm): each member is then exactly its fields, none of the others.
    const single = extras.every((e) => e.length <= 1);
    const oneOf = extras.map((e) =>
      e.length === 0 ? noneOf(fields) : single ? { required: e } : { required: e, ...noneOf(fields.filter((f) => !e.includes(f))) },
    );
    return { ...schema, oneOf };
  }

  objectSchema(type, stack, depth) {
    const index = this.checker.getIndexInfoOfType(type, ts.IndexKind.String);
    const properties = this.checker.getPropertiesOfType(type);
    if (index && properties.length === 0) {
      return { additionalProperties: this.schemaOf(index.type, stack, depth + 1), type: 'object' };
    }
    if (properties.length === 0) return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    if (stack.includes(type) || depth > MAX_DEPTH) return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    const schema = { properties: {}, type: 'object' };
    const required = [];
    const inner = [...stack, type];
    const withDocs = !isCoreType(type);
    for (const property of properties) {
      const name = property.getName();
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      const propertyType = this.checker.getTypeOfSymbolAtLocation(property, declaration);
      // Optional properties are `T | undefined` under strict settings; null is not a value users write.
      const field = this.schemaOf(this.checker.getNonNullableType(propertyType), inner, depth + 1);
      // Gateway API's XValidation markers become the field's CEL rules (crd-catalog-validations.mjs), not description text.
      const { description, validations } = splitValidations(withDocs ? docOf(property, this.checker) : undefined);
      schema.properties[name] = withValidations(description ? { description, ...field } : field, validations);
      if (!(property.getFlags() & ts.SymbolFlags.Optional)) required.push(name);
    }
    if (required.length > 0) schema.required = required;
    // Markers in the type's own documentation are rules on every object of the type (a Gateway API HTTPRouteFilter).
    const symbol = type.aliasSymbol ?? type.getSymbol();
    const file = symbol?.declarations?.[0]?.getSourceFile().fileName ?? '';
    return withValidations(withDefaults(schema, symbol?.getName(), file), symbol ? splitValidations(docOf(symbol, this.checker)).validations : []);
  }
}

/**
 * Whether a type is one of Kubernetes' own (a Container or Volume inlined in a Prometheus or a Rollout): its fields'
 * descriptions are left out, as they would double the catalog's size and the built-in schema already has them.
 */
function isCoreType(type) {
  const file = type.getSymbol()?.declarations?.[0]?.getSourceFile().fileName ?? '';
  return /[\\/]node_modules[\\/](kubernetes-models|@kubernetes-models[\\/]apimachinery)[\\/]/.test(file);
}

function docOf(symbol, checker) {
  const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  return text || undefined;
}

/** JSON with sorted keys at every level, so a regeneration from the same packages gives the same bytes. */
export function stableStringify(value) {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function scopeOf(kind) {
  return kind.startsWith('Cluster') || CLUSTER_SCOPED.has(kind) ? 'Cluster' : 'Namespaced';
}

async function main() {
  const kinds = PACKAGES.flatMap(kindFiles);
  const program = ts.createProgram(
    kinds.map((k) => k.file),
    {
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      types: [],
      noEmit: true,
    },
  );
  const checker = program.getTypeChecker();
  const converter = new Converter(checker);
  const byGroup = new Map();
  for (const entry of kinds) {
    const source = program.getSourceFile(entry.file);
    const symbol = checker.getSymbolAtLocation(source).exports.get(entry.interfaceName);
    if (!symbol) throw new Error(`${entry.interfaceName} not exported by ${entry.file}`);
    const schema = converter.kindSchema(symbol);
    for (const path of await integerPaths(entry, schema)) markInteger(schema, path);
    const [group, version] = entry.apiVersion.split('/');
    const list = byGroup.get(group) ?? [];
    list.push({ kind: entry.kind, openAPIV3Schema: schema, scope: scopeOf(entry.kind), served: true, version });
    byGroup.set(group, list);
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const index = [];
  let total = 0;
  for (const [group, list] of [...byGroup].sort(([a], [b]) => a.localeCompare(b))) {
    list.sort((a, b) => a.kind.localeCompare(b.kind) || a.version.localeCompare(b.version));
    const text = `${stableStringify({ group, kinds: list })}\n`;
    writeFileSync(join(outDir, `${group}.json`), text);
    total += text.length;
    for (const { kind, version } of list) index.push({ group, kind, version });
  }
  // The index is bundled into the server: which (group, version, kind)s the catalog has is known without a read.
  const packages = Object.fromEntries(PACKAGES.map((p) => [`@kubernetes-models/${p}`, packageVersion(p)]));
  writeFileSync(indexFile, `${JSON.stringify({ packages, kinds: index }, null, 1)}\n`);
  console.log(`crd-catalog: ${kinds.length} kinds in ${byGroup.size} groups, ${(total / 1024).toFixed(0)} KiB → ${outDir}`);
}

function packageVersion(name) {
  return JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')).version;
}

/** Turns the `number` at a path of property names (`[]` for array items, `{}` for map values) into an integer. */
function markInteger(schema, path) {
  let node = schema;
  for (const step of path) {
    node = step === '[]' ? node?.items : step === '{}' ? node?.additionalProperties : node?.properties?.[step];
  }
  if (node?.type === 'number') node.type = 'integer';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
