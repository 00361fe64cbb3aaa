// Generates schemas/kubernetes.json (draft-07) from ONE source: the kubernetes-models package
// (the Kubernetes OpenAPI of the release it tracks, as .d.ts files with the API docs). The .d.ts
// gives fields, `required`, descriptions and enums (`"Always" | "Never"`); whether a `number` is an
// integer (and int32/int64) comes from the same package's compiled validators. schema-enums.mjs
// only widens or adds enums the API server enforces. Usage: node scripts/generate-schemas.mjs [--out <dir>]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { ENUMS } from './schema-enums.mjs';
import { modelsPackage, readModelTypes, validatorOf } from './schema-source.mjs';
import { MODELS_KUBERNETES_VERSION, OLDEST_SUPPORTED } from './schema-versions.mjs';
import { NEW_DEFINITIONS, NEW_PROPERTIES } from './schema-additions.mjs';
import { clientNodeModels, missingPrereleaseKinds, prereleaseDefinitions } from './schema-prerelease.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
/** The Kubernetes quantity grammar (k8s.io/apimachinery/pkg/api/resource, ParseQuantity). */
const QUANTITY_PATTERN = '^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\\d+)?$';
const SPECIAL = {
  // Kubernetes decodes a JSON number as a quantity too (`cpu: 0.5`, `cpu: 1`, `tolerance: 0.05`).
  [QUANTITY]: {
    description:
      'Quantity is a fixed-point number: a number, or a string such as `500m`, `1Gi`, `0.5` or `1e3` (suffixes: decimal SI n, u, m, k, M, G, T, P, E; binary Ki, Mi, Gi, Ti, Pi, Ei).',
    oneOf: [{ pattern: QUANTITY_PATTERN, type: 'string' }, { type: 'number' }],
  },
  [INT_OR_STRING]: {
    description: 'IntOrString accepts an integer or a string (a port name, a percentage such as `25%`).',
    oneOf: [{ format: 'int32', type: 'integer' }, { type: 'string' }],
    'x-kubernetes-int-or-string': true,
  },
};
const usedEnums = new Set();
/** The API's text for `apiVersion`/`kind`, wherever the package documents them (not on literal ones). */
const typeMetaDocs = {};
/** Numeric fields to probe against the package's validators: `{ id, path, schema }`. */
const numberFields = [];

function docOf(node) {
  const text = (node.jsDoc ?? []).map((d) => (typeof d.comment === 'string' ? d.comment : '')).join('\n');
  return text.trim() || undefined;
}

const propertyName = (name) => (ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText());

/** Converts a type node to a schema. `ctx`: { ids (camel → id), self, owner, path (probe path) }. */
function schemaOf(type, ctx) {
  switch (type.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { type: 'string' };
    case ts.SyntaxKind.BooleanKeyword:
      return { type: 'boolean' };
    case ts.SyntaxKind.NumberKeyword: {
      const schema = { type: 'number' };
      numberFields.push({ id: ctx.owner, path: ctx.path, schema });
      return schema;
    }
    case ts.SyntaxKind.AnyKeyword:
    case ts.SyntaxKind.UnknownKeyword:
    case ts.SyntaxKind.ObjectKeyword:
      return {};
    case ts.SyntaxKind.LiteralType:
      return ts.isStringLiteral(type.literal) ? { enum: [type.literal.text], type: 'string' } : {};
    case ts.SyntaxKind.ArrayType:
      return { items: schemaOf(type.elementType, { ...ctx, path: [...ctx.path, 0] }), type: 'array' };
    case ts.SyntaxKind.TypeLiteral:
      return mapSchema(type, ctx);
    case ts.SyntaxKind.UnionType:
      return unionSchema(type, ctx);
    case ts.SyntaxKind.TypeReference:
      return referenceSchema(type, ctx);
    case ts.SyntaxKind.ParenthesizedType:
      return schemaOf(type.type, ctx);
    default:
      throw new Error(`unsupported type ${ts.SyntaxKind[type.kind]} in ${ctx.owner} ${ctx.path.join('.')}`);
  }
}

/** `{ [key: string]: T }` is a map; `{ "a"?: T, … }` an inline object (StatefulSet volumeClaimTemplates). */
function mapSchema(type, ctx) {
  const index = type.members.find(ts.isIndexSignatureDeclaration);
  if (!index) return { additionalProperties: false, ...membersSchema(type.members, ctx), type: 'object' };
  if (type.members.length !== 1) throw new Error(`unsupported type literal in ${ctx.owner} ${ctx.path.join('.')}`);
  return { additionalProperties: schemaOf(index.type, { ...ctx, path: [...ctx.path, 'probe'] }), type: 'object' };
}

/** `properties` (with descriptions and enum overrides) and `required` of interface members. */
function membersSchema(members, ctx) {
  const properties = {};
  const required = [];
  for (const member of members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const field = propertyName(member.name);
    const schema = schemaOf(member.type, { ...ctx, path: [...ctx.path, field] });
    if (ctx.path.length === 0) applyEnumOverride(schema, `${ctx.owner}.${field}`);
    const description = docOf(member);
    // In place: numberFields holds this object until the validators have typed it.
    if (description) schema.description = description;
    if (/^(APIVersion defines the versioned schema|Kind is a string value representing the REST resource)/.test(description ?? ''))
      typeMetaDocs[field] ??= description;
    properties[field] = schema;
    if (!member.questionToken) required.push(field);
  }
  return required.length > 0 ? { properties, required: required.sort() } : { properties };
}

/** `"A" | "B"` is an OpenAPI enum; `number | string` an IntOrString; anything else any of its parts. */
function unionSchema(type, ctx) {
  if (type.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))) {
    return { enum: type.types.map((t) => t.literal.text).sort(), type: 'string' };
  }
  const kinds = type.types.map((t) => t.kind);
  if (kinds.length === 2 && kinds.includes(ts.SyntaxKind.NumberKeyword) && kinds.includes(ts.SyntaxKind.StringKeyword)) {
    return { $ref: `#/definitions/${INT_OR_STRING}` };
  }
  return { anyOf: type.types.map((t) => schemaOf(t, ctx)) };
}

function referenceSchema(type, ctx) {
  const name = type.typeName.getText();
  if (name === 'Array') return { items: schemaOf(type.typeArguments[0], { ...ctx, path: [...ctx.path, 0] }), type: 'array' };
  const id = name === ctx.self ? ctx.owner : ctx.ids.get(name.slice(1));
  if (!id) throw new Error(`unknown type ${name} in ${ctx.owner}`);
  return { $ref: `#/definitions/${id}` };
}

function applyEnumOverride(schema, key) {
  const values = ENUMS[key];
  if (!values) return;
  usedEnums.add(key);
  if (schema.type === 'array') schema.items = { enum: values, type: 'string' };
  else schema.enum = values;
}

function interfaceSchema(node, id, ids) {
  const { properties, required } = membersSchema(node.members, { ids, owner: id, path: [], self: node.name.text });
  const description = docOf(node);
  // Interfaces without members (RawExtension, JSON, FieldsV1) hold arbitrary JSON.
  if (Object.keys(properties).length === 0) return description ? { description } : {};
  const schema = { additionalProperties: false, properties, type: 'object' };
  if (description) schema.description = description;
  const gvk = groupVersionKind(properties);
  if (gvk) schema['x-kubernetes-group-version-kind'] = [gvk];
  // kubernetes-models makes a kind's apiVersion/kind non-optional (its classes set them); the
  // OpenAPI does not require them, and a typed List's items leave them out.
  const requiredFields = gvk ? required?.filter((f) => f !== 'apiVersion' && f !== 'kind') : required;
  if (requiredFields?.length) schema.required = requiredFields;
  return schema;
}

function groupVersionKind(properties) {
  const apiVersion = properties.apiVersion?.enum?.[0];
  const kind = properties.kind?.enum?.[0];
  if (apiVersion === undefined || kind === undefined) return undefined;
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', kind, version: apiVersion } : { group: apiVersion.slice(0, slash), kind, version: apiVersion.slice(slash + 1) };
}

function aliasSchema(node, id, ids) {
  const schema = schemaOf(node.type, { ids, owner: id, path: [], self: node.name.text });
  if (['Time', 'MicroTime'].includes(id.slice(id.lastIndexOf('.') + 1))) schema.format = 'date-time';
  const description = docOf(node);
  return description ? { ...schema, description } : schema;
}

/** A probe object that puts `value` at `path` (`['ports', 0, 'port']`). */
function probeAt(path, value) {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  return head === 0 ? [probeAt(rest, value)] : { [head]: probeAt(rest, value) };
}

/**
 * Asks the package's validator of the owning type whether a `number` field is an integer: 0.5
 * fails with `type: integer` where it is one, 2^40 with `format: int32` where it is an int32.
 */
async function typeNumbers(validators) {
  const unresolved = [];
  for (const { id, path, schema } of numberFields) {
    const validate = validators.get(id);
    if (!validate) {
      unresolved.push(`${id} ${path.join('.')}`);
      continue;
    }
    const at = `/${path.map((p) => (p === 0 ? '0' : p)).join('/')}`;
    const errorsFor = (value) => {
      validate(probeAt(path, value));
      return (validate.errors ?? []).filter((e) => e.instancePath === at);
    };
    if (!errorsFor(0.5).some((e) => e.keyword === 'type' && e.params.type === 'integer')) continue;
    schema.type = 'integer';
    schema.format = errorsFor(2 ** 40).some((e) => e.keyword === 'format' && e.params.format === 'int32') ? 'int32' : 'int64';
  }
  return unresolved;
}

/**
 * kubernetes-models keeps API versions long removed (extensions/v1beta1, autoscaling/v2beta2):
 * kinds no supported release serves are left out (with their Lists, and whole group-versions
 * that have nothing else), so schema messages never suggest them. Returns `apiVersion|kind` keys
 * and group-versions.
 */
const readLifecycle = () => JSON.parse(readFileSync(join(root, 'server/src/engine/schema/apiLifecycle.json'), 'utf8')).kinds;

function removedBeforeSupported(oldestSupported) {
  const lifecycle = readLifecycle();
  const minor = (v) => Number(v.split('.')[1]);
  const kinds = new Set();
  const servedSomewhere = new Set();
  const listed = new Set();
  for (const [key, entry] of Object.entries(lifecycle)) {
    const groupVersion = key.slice(0, key.indexOf('|'));
    listed.add(groupVersion);
    if (entry.removed && minor(entry.removed) <= minor(oldestSupported)) kinds.add(key).add(`${key}List`);
    else servedSomewhere.add(groupVersion);
  }
  // Not in k8s.io/api, so not in the lifecycle data: both removed in Kubernetes 1.22.
  const groupVersions = new Set([...listed].filter((gv) => !servedSomewhere.has(gv)));
  groupVersions.add('apiextensions.k8s.io/v1beta1').add('apiregistration.k8s.io/v1beta1');
  return { groupVersions, kinds };
}

function dropRemovedKinds(definitions, removedKinds) {
  for (const [id, def] of Object.entries(definitions)) {
    const gvk = def['x-kubernetes-group-version-kind']?.[0];
    if (!gvk) continue;
    const apiVersion = gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`;
    if (removedKinds.has(`${apiVersion}|${gvk.kind}`)) delete definitions[id];
  }
}

async function collectDefinitions(modelsDir) {
  const removed = removedBeforeSupported(OLDEST_SUPPORTED);
  const types = readModelTypes(modelsDir).filter((t) => !removed.groupVersions.has(t.groupVersion));
  const ids = new Map(types.map((t) => [t.camel, t.id]));
  const definitions = {};
  const validators = new Map();
  for (const type of types) {
    if (SPECIAL[type.id]) {
      definitions[type.id] = SPECIAL[type.id];
      continue;
    }
    definitions[type.id] = ts.isInterfaceDeclaration(type.node) ? interfaceSchema(type.node, type.id, ids) : aliasSchema(type.node, type.id, ids);
    const validate = await validatorOf(type);
    if (validate) validators.set(type.id, validate);
  }
  const unresolved = await typeNumbers(validators);
  for (const def of Object.values(definitions)) {
    for (const field of ['apiVersion', 'kind']) {
      const property = def.properties?.[field];
      if (property && !property.description && typeMetaDocs[field]) property.description = typeMetaDocs[field];
    }
  }
  addNewerFields(definitions);
  dropRemovedKinds(definitions, removed.kinds);
  // Alpha/beta kinds kubernetes-models leaves out, from @kubernetes/client-node's models of the same release.
  const wanted = missingPrereleaseKinds(readLifecycle(), definitions, OLDEST_SUPPORTED, MODELS_KUBERNETES_VERSION);
  Object.assign(definitions, prereleaseDefinitions(clientNodeModels(root).dir, definitions, wanted));
  return { definitions, unresolved };
}

/** Fields newer than the source (schema-additions.mjs); an entry that already exists is a stale one. */
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

function topLevelDispatch(definitions) {
  const entries = [];
  for (const [name, def] of Object.entries(definitions)) {
    const gvk = def['x-kubernetes-group-version-kind']?.[0];
    if (!gvk) continue;
    const apiVersion = gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`;
    entries.push({
      if: { properties: { apiVersion: { const: apiVersion }, kind: { const: gvk.kind } }, required: ['apiVersion', 'kind'] },
      then: { $ref: `#/definitions/${name}` },
    });
  }
  const key = (e) => `${e.if.properties.apiVersion.const} ${e.if.properties.kind.const}`;
  return entries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** JSON with object keys sorted at every level, so regenerating yields identical bytes. */
export function stableStringify(value, indent = 1) {
  const sort = (v) => {
    if (Array.isArray(v)) return v.map(sort);
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sort(v[k])]),
    );
  };
  return `${JSON.stringify(sort(value), null, indent)}\n`;
}

async function main() {
  const outIndex = process.argv.indexOf('--out');
  const outDir = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : join(root, 'schemas');
  const { dir, version } = modelsPackage(root);
  const { definitions, unresolved } = await collectDefinitions(dir);
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    allOf: topLevelDispatch(definitions),
    definitions,
    description: `Kubernetes ${MODELS_KUBERNETES_VERSION} objects, generated from kubernetes-models ${version} (alpha/beta kinds it lacks: @kubernetes/client-node ${clientNodeModels(root).version}) by scripts/generate-schemas.mjs. Do not edit.`,
    type: 'object',
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'kubernetes.json'), stableStringify(schema));
  console.log(`generate-schemas: ${Object.keys(definitions).length} definitions, ${schema.allOf.length} kinds → ${relative(process.cwd(), outDir) || '.'}`);
  const unusedEnums = Object.keys(ENUMS).filter((k) => !usedEnums.has(k));
  if (unusedEnums.length > 0) throw new Error(`schema-enums.mjs names unknown fields: ${unusedEnums.join(', ')}`);
  if (unresolved.length > 0) console.log(`  numbers without a validator (kept as number): ${unresolved.join(', ')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
