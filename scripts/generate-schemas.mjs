// Generates schemas/kubernetes.json (draft-07) from the kubernetes-types .d.ts files with the
// TypeScript compiler API. Integer formats come from @kubernetes/client-node's attributeTypeMap,
// enums from schema-enums.mjs. Usage: node scripts/generate-schemas.mjs [--out <dir>]
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { ENUMS } from './schema-enums.mjs';
import { CLIENT_FIELD_TYPES, NEW_DEFINITIONS, NEW_PROPERTIES } from './schema-additions.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const typesDir = dirname(require.resolve('kubernetes-types/package.json'));
const typesVersion = JSON.parse(readFileSync(join(typesDir, 'package.json'), 'utf8')).version;
const clientModels = require('@kubernetes/client-node/dist/gen/models/all.js');

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
/** The Kubernetes quantity grammar (k8s.io/apimachinery/pkg/api/resource, ParseQuantity). */
const QUANTITY_PATTERN = '^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\\d+)?$';

/** kubernetes-types module path (`apps/v1`) → OpenAPI definition prefix (`io.k8s.api.apps.v1`). */
function namespaceOf(module) {
  if (module === 'meta/v1') return 'io.k8s.apimachinery.pkg.apis.meta.v1';
  if (module === 'api/resource') return 'io.k8s.apimachinery.pkg.api.resource';
  if (module === 'runtime') return 'io.k8s.apimachinery.pkg.runtime';
  if (module === 'version') return 'io.k8s.apimachinery.pkg.version';
  if (module === 'apiextensions/v1') return 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1';
  return `io.k8s.api.${module.replace('/', '.')}`;
}

const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** The client-node model of a kubernetes-types interface: `V1Container`, `CoreV1EndpointPort`. */
function clientModel(module, name) {
  const parts = module.split('/');
  if (parts.length !== 2) return undefined;
  const [group, version] = parts;
  return clientModels[`${capitalize(group)}${capitalize(version)}${name}`] ?? clientModels[`${capitalize(version)}${name}`];
}

/** Integer formats by field name across all client-node models: the fallback for types it lacks. */
function integerFieldNames() {
  const formats = new Map();
  for (const model of Object.values(clientModels)) {
    for (const attr of model?.attributeTypeMap ?? []) {
      if (!/number/.test(attr.type)) continue;
      const seen = formats.get(attr.name);
      formats.set(attr.name, seen === undefined || seen === attr.format ? attr.format : 'conflict');
    }
  }
  return formats;
}
const fieldFormats = integerFieldNames();
/** Fields of types client-node 1.3 no longer has (resource/v1alpha2 was removed in Kubernetes 1.31). */
const FORMAT_OVERRIDES = {
  'resource/v1alpha2 NamedResourcesAttribute.int': 'int64',
  'resource/v1alpha2 NamedResourcesIntSlice.ints': 'int64',
};
const unresolvedNumbers = [];
const usedEnums = new Set();

function numberSchema(module, owner, field) {
  const model = clientModel(module, owner);
  let format = FORMAT_OVERRIDES[`${module} ${owner}.${field}`];
  format ??= model?.attributeTypeMap?.find((a) => a.name === field)?.format;
  if (format === undefined) format = fieldFormats.get(field);
  if (format === 'int32' || format === 'int64') return { format, type: 'integer' };
  if (format === undefined || format === 'conflict') unresolvedNumbers.push(`${module} ${owner}.${field}`);
  return { type: 'number' };
}

function docOf(node) {
  const text = (node.jsDoc ?? []).map((d) => (typeof d.comment === 'string' ? d.comment : '')).join('\n');
  return text.trim() || undefined;
}

function propertyName(name) {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText();
}

/** Converts a type node to a schema. `ctx` carries the module, imports and the owning field. */
function schemaOf(type, ctx) {
  switch (type.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { type: 'string' };
    case ts.SyntaxKind.BooleanKeyword:
      return { type: 'boolean' };
    case ts.SyntaxKind.NumberKeyword:
      return numberSchema(ctx.module, ctx.owner, ctx.field);
    case ts.SyntaxKind.AnyKeyword:
    case ts.SyntaxKind.UnknownKeyword:
      return {};
    case ts.SyntaxKind.LiteralType:
      return ts.isStringLiteral(type.literal) ? { enum: [type.literal.text], type: 'string' } : {};
    case ts.SyntaxKind.ArrayType:
      return { items: schemaOf(type.elementType, ctx), type: 'array' };
    case ts.SyntaxKind.TypeLiteral:
      return mapSchema(type, ctx);
    case ts.SyntaxKind.UnionType:
      return unionSchema(type, ctx);
    case ts.SyntaxKind.TypeReference:
      return referenceSchema(type, ctx);
    default:
      throw new Error(`unsupported type ${ts.SyntaxKind[type.kind]} in ${ctx.module} ${ctx.owner}.${ctx.field}`);
  }
}

function mapSchema(type, ctx) {
  const index = type.members.find(ts.isIndexSignatureDeclaration);
  if (!index || type.members.length !== 1) throw new Error(`unsupported type literal in ${ctx.owner}.${ctx.field}`);
  return { additionalProperties: schemaOf(index.type, ctx), type: 'object' };
}

function unionSchema(type, ctx) {
  const kinds = type.types.map((t) => t.kind).sort();
  if (kinds.length === 2 && kinds.includes(ts.SyntaxKind.NumberKeyword) && kinds.includes(ts.SyntaxKind.StringKeyword)) {
    return { $ref: `#/definitions/${INT_OR_STRING}` };
  }
  return { anyOf: type.types.map((t) => schemaOf(t, ctx)) };
}

function referenceSchema(type, ctx) {
  const name = type.typeName.getText();
  if (name === 'Array') return { items: schemaOf(type.typeArguments[0], ctx), type: 'array' };
  const module = ctx.imports.get(name) ?? ctx.module;
  return { $ref: `#/definitions/${namespaceOf(module)}.${name}` };
}

function interfaceSchema(node, module, imports) {
  const properties = {};
  const required = [];
  const owner = node.name.text;
  for (const member of node.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const field = propertyName(member.name);
    const schema = schemaOf(member.type, { field, imports, module, owner });
    const enumValues = ENUMS[`${namespaceOf(module)}.${owner}.${field}`];
    if (enumValues) {
      usedEnums.add(`${namespaceOf(module)}.${owner}.${field}`);
      if (schema.type === 'array') schema.items = { enum: enumValues, type: 'string' };
      else schema.enum = enumValues;
    }
    const description = docOf(member);
    properties[field] = description ? { ...schema, description } : schema;
    if (!member.questionToken) required.push(field);
  }
  const description = docOf(node);
  // Interfaces without members (RawExtension, JSON, FieldsV1) hold arbitrary JSON.
  if (Object.keys(properties).length === 0) return description ? { description } : {};
  const schema = { additionalProperties: false, properties, type: 'object' };
  if (description) schema.description = description;
  if (required.length > 0) schema.required = required.sort();
  const gvk = groupVersionKind(properties);
  if (gvk) schema['x-kubernetes-group-version-kind'] = [gvk];
  return schema;
}

function groupVersionKind(properties) {
  const apiVersion = properties.apiVersion?.enum?.[0];
  const kind = properties.kind?.enum?.[0];
  if (apiVersion === undefined || kind === undefined) return undefined;
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', kind, version: apiVersion }
    : { group: apiVersion.slice(0, slash), kind, version: apiVersion.slice(slash + 1) };
}

function aliasSchema(node, module, imports) {
  const prefix = namespaceOf(module);
  const description = docOf(node);
  if (`${prefix}.${node.name.text}` === QUANTITY) {
    // Kubernetes decodes a JSON number as a quantity too (`cpu: 0.5`, `cpu: 1`).
    return { description, oneOf: [{ pattern: QUANTITY_PATTERN, type: 'string' }, { type: 'number' }] };
  }
  const schema = schemaOf(node.type, { field: node.name.text, imports, module, owner: node.name.text });
  if (['Time', 'MicroTime'].includes(node.name.text)) schema.format = 'date-time';
  return description ? { ...schema, description } : schema;
}

function importsOf(source, module) {
  const imports = new Map();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !statement.importClause?.namedBindings) continue;
    const target = join(dirname(module), statement.moduleSpecifier.text).replaceAll('\\', '/');
    for (const element of statement.importClause.namedBindings.elements ?? []) imports.set(element.name.text, target);
  }
  return imports;
}

function listDeclarationFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.d.ts') && !f.includes('node_modules'))
    .map((f) => f.replaceAll('\\', '/'))
    .sort();
}

/**
 * Fields kubernetes-types lacks, taken from client-node's models (same OpenAPI, newer and complete):
 * the fields of structs embedded inline in Go (`RuleWithOperations` embeds `Rule`: `resources`,
 * `scope`), the `x-kubernetes-*` extensions of a CRD's `JSONSchemaProps`, and fields added after
 * kubernetes-types' version. Without them valid manifests get "unknown field" errors.
 */
function supplementFromClientModels(definitions, origins) {
  for (const [name, { module, owner }] of origins) {
    const schema = definitions[name];
    const attributes = clientModel(module, owner)?.attributeTypeMap;
    if (!schema?.properties || !attributes) continue;
    for (const attr of attributes) {
      if (attr.baseName in schema.properties) continue;
      // client-node types a Quantity as a string: such fields are typed by schema-additions.mjs instead.
      const typed = CLIENT_FIELD_TYPES[name]?.[attr.baseName];
      const field = typed ?? clientTypeSchema(attr.type, attr.format, module, definitions);
      schema.properties[attr.baseName] = typed ?? { ...field, description: `${attr.baseName} (from the @kubernetes/client-node model).` };
    }
  }
}

/** A client-node attribute type (`string`, `Array<V1ForNode>`, `{ [key: string]: string; }`) as a schema. */
function clientTypeSchema(type, format, module, definitions) {
  if (type === 'string') return { type: 'string' };
  if (type === 'boolean') return { type: 'boolean' };
  if (type === 'number') return format === 'int32' || format === 'int64' ? { format, type: 'integer' } : { type: 'number' };
  if (type === 'Date') return { format: 'date-time', type: 'string' };
  if (type === 'IntOrString') return { $ref: `#/definitions/${INT_OR_STRING}` };
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return { items: clientTypeSchema(array[1], undefined, module, definitions), type: 'array' };
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return { additionalProperties: clientTypeSchema(map[1], undefined, module, definitions), type: 'object' };
  const [group, version] = module.split('/');
  for (const prefix of [`${capitalize(group)}${capitalize(version ?? '')}`, capitalize(version ?? '')]) {
    const local = `${namespaceOf(module)}.${type.slice(prefix.length)}`;
    if (type.startsWith(prefix) && definitions[local]) return { $ref: `#/definitions/${local}` };
  }
  // A type kubernetes-types does not have at all: accept any value rather than reject a valid one.
  return {};
}

/** Fields newer than client-node (schema-additions.mjs); an entry that already exists is a stale one. */
function addNewerFields(definitions) {
  for (const [name, schema] of Object.entries(NEW_DEFINITIONS)) {
    if (definitions[name]) throw new Error(`schema-additions.mjs: ${name} already exists; remove it`);
    definitions[name] = schema;
  }
  for (const [name, fields] of Object.entries(NEW_PROPERTIES)) {
    const properties = definitions[name]?.properties;
    if (!properties) throw new Error(`schema-additions.mjs: no definition ${name}`);
    for (const [field, schema] of Object.entries(fields)) {
      if (properties[field]) throw new Error(`schema-additions.mjs: ${name}.${field} already exists; remove it`);
      properties[field] = schema;
    }
  }
}

function collectDefinitions() {
  const definitions = {
    [INT_OR_STRING]: {
      description: 'IntOrString accepts an integer or a string (a port name, a percentage such as `25%`).',
      oneOf: [{ format: 'int32', type: 'integer' }, { type: 'string' }],
      'x-kubernetes-int-or-string': true,
    },
  };
  const origins = new Map();
  for (const file of listDeclarationFiles(typesDir)) {
    const module = file.slice(0, -'.d.ts'.length);
    const source = ts.createSourceFile(file, readFileSync(join(typesDir, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const imports = importsOf(source, module);
    for (const statement of source.statements) {
      let schema;
      if (ts.isInterfaceDeclaration(statement)) {
        schema = interfaceSchema(statement, module, imports);
        origins.set(`${namespaceOf(module)}.${statement.name.text}`, { module, owner: statement.name.text });
      } else if (ts.isTypeAliasDeclaration(statement)) schema = aliasSchema(statement, module, imports);
      else continue;
      definitions[`${namespaceOf(module)}.${statement.name.text}`] = schema;
    }
  }
  supplementFromClientModels(definitions, origins);
  addNewerFields(definitions);
  return definitions;
}

function topLevelDispatch(definitions) {
  const entries = [];
  for (const [name, def] of Object.entries(definitions)) {
    const gvk = def['x-kubernetes-group-version-kind']?.[0];
    if (!gvk) continue;
    const apiVersion = gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`;
    entries.push({
      if: {
        properties: { apiVersion: { const: apiVersion }, kind: { const: gvk.kind } },
        required: ['apiVersion', 'kind'],
      },
      then: { $ref: `#/definitions/${name}` },
    });
  }
  const key = (e) => `${e.if.properties.apiVersion.const} ${e.if.properties.kind.const}`;
  return entries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** JSON with object keys sorted at every level, so regenerating yields identical bytes. */
function stableStringify(value) {
  const sort = (v) => {
    if (Array.isArray(v)) return v.map(sort);
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort(v[k])]));
  };
  return `${JSON.stringify(sort(value), null, 1)}\n`;
}

function main() {
  const outIndex = process.argv.indexOf('--out');
  const outDir = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : join(root, 'schemas');
  const definitions = collectDefinitions();
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    allOf: topLevelDispatch(definitions),
    definitions,
    description: `Kubernetes ${typesVersion.split('.').slice(0, 2).join('.')} objects, generated from kubernetes-types ${typesVersion} by scripts/generate-schemas.mjs. Do not edit.`,
    type: 'object',
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'kubernetes.json'), stableStringify(schema));
  const kinds = schema.allOf.length;
  console.log(`generate-schemas: ${Object.keys(definitions).length} definitions, ${kinds} kinds → ${relative(process.cwd(), outDir) || '.'}`);
  const unusedEnums = Object.keys(ENUMS).filter((k) => !usedEnums.has(k));
  if (unusedEnums.length > 0) throw new Error(`schema-enums.mjs names unknown fields: ${unusedEnums.join(', ')}`);
  if (unresolvedNumbers.length > 0) console.log(`  numbers without an integer format: ${unresolvedNumbers.join(', ')}`);
}

main();
