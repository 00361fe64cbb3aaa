// Alpha and beta kinds that a supported release serves but kubernetes-models leaves out
// (admissionregistration.k8s.io/v1alpha1 MutatingAdmissionPolicy, resource.k8s.io/v1beta2 …), for
// generate-schemas.mjs: converted from the OpenAPI-generated models of @kubernetes/client-node
// (CLIENT_NODE_VERSION, the release kubernetes-models tracks). A model gives each field's JSON
// name, type and format (attributeTypeMap, .js) and its docs and optionality (.d.ts). Only kinds
// still in k8s.io/api at that release are taken (the lifecycle's `inTree` ends there), so the
// models are the ones that release serves.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { schemaSourcesRequire } from './schemaSources.mjs';

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const PRERELEASE = /^v\d+(alpha|beta)\d+$/;

const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const ref = (id) => ({ $ref: `#/definitions/${id}` });

/** `resource.k8s.io` → `io.k8s.api.resource` (the Kubernetes OpenAPI's definition prefix). */
function groupPrefix(group) {
  if (group === 'internal.apiserver.k8s.io') return 'io.k8s.api.apiserverinternal';
  return `io.k8s.api.${group === '' ? 'core' : group.split('.')[0]}`;
}

export function clientNodeModels(root) {
  const require = schemaSourcesRequire(root);
  const pkgJson = require.resolve('@kubernetes/client-node/package.json');
  const { version } = JSON.parse(readFileSync(pkgJson, 'utf8'));
  return { dir: join(dirname(pkgJson), 'dist', 'gen', 'models'), version };
}

/** `{ properties: [{ name, type, format, optional, description }], description }` of one model. */
function readModel(dir, model) {
  const js = readFileSync(join(dir, `${model}.js`), 'utf8');
  const start = js.indexOf('attributeTypeMap = [');
  if (start < 0) return undefined;
  const attributes = JSON.parse(js.slice(start + 'attributeTypeMap = '.length, js.indexOf('];', start) + 1));
  const source = ts.createSourceFile(`${model}.d.ts`, readFileSync(join(dir, `${model}.d.ts`), 'utf8'), ts.ScriptTarget.Latest, true);
  const cls = source.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === model);
  const docOf = (node) =>
    (node?.jsDoc ?? [])
      .map((d) => (typeof d.comment === 'string' ? d.comment : ''))
      .join('\n')
      .trim() || undefined;
  const members = new Map();
  for (const member of cls?.members ?? []) {
    if (ts.isPropertyDeclaration(member) && ts.isStringLiteral(member.name)) members.set(member.name.text, member);
  }
  const properties = attributes.map((a) => ({
    name: a.baseName,
    type: a.type,
    format: a.format,
    optional: members.get(a.name)?.questionToken !== undefined,
    description: docOf(members.get(a.name)),
  }));
  return { properties, description: docOf(cls) };
}

/**
 * Converts the client-node kinds of `wanted` (`{ group, version, kind }`) and the types they use
 * into definitions next to `existing` (kubernetes.json's, which GA types resolve to).
 */
export function prereleaseDefinitions(dir, existing, wanted) {
  const added = {};
  const byName = new Map();
  for (const id of Object.keys(existing)) {
    const parts = id.split('.');
    const key = `${parts.at(-2)}.${parts.at(-1)}`;
    byName.set(key, [...(byName.get(key) ?? []), id]);
  }
  /** A GA model (`V1ObjectMeta`, `CoreV1EventSeries`) → the existing definition it is. */
  const gaId = (model, group) => {
    const match = /^([A-Z][a-z]+)?(V\d+)([A-Z]\w*)$/.exec(model);
    if (!match) throw new Error(`schema-prerelease: unknown model ${model}`);
    const candidates = byName.get(`${match[2].toLowerCase()}.${match[3]}`) ?? [];
    const prefix = match[1] ? `io.k8s.api.${match[1].toLowerCase()}.` : undefined;
    const pick =
      (prefix && candidates.find((c) => c.startsWith(prefix))) ??
      (candidates.length === 1 ? candidates[0] : undefined) ??
      candidates.find((c) => c.startsWith('io.k8s.apimachinery.')) ??
      candidates.find((c) => c.startsWith(`${groupPrefix(group)}.`));
    // A GA type kubernetes-models does not have (meta/v1 GroupResource, used by StorageVersionMigration): converted too.
    return pick ?? convert(model, group, match[2].toLowerCase());
  };
  const convert = (model, group, version) => {
    const name = model.replace(/^([A-Z][a-z]+)?V\d+((alpha|beta)\d+)?/, '');
    const id = `${groupPrefix(group)}.${version}.${name}`;
    if (added[id] || existing[id]) return id;
    const read = readModel(dir, model);
    if (!read) throw new Error(`schema-prerelease: ${model} has no attributeTypeMap`);
    added[id] = {}; // placeholder: recursive types resolve to it
    const twin = existing[`${groupPrefix(group)}.v1.${name}`]?.properties ?? {};
    const properties = {};
    const required = [];
    for (const p of read.properties) {
      const schema = typeOf(p.type, p.format, group, version, twin[p.name]);
      if (p.description) schema.description = p.description;
      properties[p.name] = schema;
      if (!p.optional) required.push(p.name);
    }
    const def = { additionalProperties: false, properties, type: 'object' };
    if (read.description) def.description = read.description;
    if (required.length > 0) def.required = required.sort();
    added[id] = def;
    return id;
  };
  const typeOf = (type, format, group, version, twin) => {
    // The models type a Quantity as a string: the GA twin of the type (resource.k8s.io/v1 DeviceCapacity) knows better.
    if (twin?.$ref === `#/definitions/${QUANTITY}` && type === 'string') return ref(QUANTITY);
    if (twin?.additionalProperties?.$ref === `#/definitions/${QUANTITY}` && type === '{ [key: string]: string; }')
      return { additionalProperties: ref(QUANTITY), type: 'object' };
    if (twin?.items?.$ref === `#/definitions/${QUANTITY}` && type === 'Array<string>') return { items: ref(QUANTITY), type: 'array' };
    if (type === 'string') return format === 'date-time' || format === 'date-time-micro' ? { format: 'date-time', type: 'string' } : { type: 'string' };
    if (type === 'number') return format === 'int32' || format === 'int64' ? { format, type: 'integer' } : { type: 'number' };
    if (type === 'boolean') return { type: 'boolean' };
    if (type === 'Date') return { format: 'date-time', type: 'string' };
    if (type === 'any') return {};
    if (type === 'IntOrString') return ref(INT_OR_STRING);
    const array = /^Array<(.+)>$/.exec(type);
    if (array) return { items: typeOf(array[1], format, group, version, undefined), type: 'array' };
    const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
    if (map) return { additionalProperties: typeOf(map[1], format, group, version, undefined), type: 'object' };
    if (/^([A-Z][a-z]+)?V\d+(alpha|beta)\d+[A-Z]/.test(type)) return ref(convert(type, group, version));
    return ref(gaId(type, group));
  };
  for (const { group, version, kind } of wanted) {
    for (const k of [kind, `${kind}List`]) {
      const model = `${capitalize(version)}${k}`;
      if (!existsSync(join(dir, `${model}.js`))) continue;
      const def = added[convert(model, group, version)];
      const apiVersion = group === '' ? version : `${group}/${version}`;
      def.properties.apiVersion = { ...def.properties.apiVersion, enum: [apiVersion], type: 'string' };
      def.properties.kind = { ...def.properties.kind, enum: [k], type: 'string' };
      def['x-kubernetes-group-version-kind'] = [{ group, kind: k, version }];
      if (def.required) def.required = def.required.filter((f) => f !== 'apiVersion' && f !== 'kind');
    }
  }
  return added;
}

/** Alpha/beta kinds a supported release serves, still in k8s.io/api at `release`, that `existing` lacks. */
export function missingPrereleaseKinds(lifecycle, existing, oldestSupported, release) {
  const minor = (v) => Number(v.split('.')[1]);
  const have = new Set();
  for (const def of Object.values(existing)) {
    for (const g of def['x-kubernetes-group-version-kind'] ?? []) have.add(`${g.group === '' ? '' : `${g.group}/`}${g.version}|${g.kind}`);
  }
  const out = [];
  for (const [key, entry] of Object.entries(lifecycle)) {
    const [apiVersion, kind] = key.split('|');
    const slash = apiVersion.lastIndexOf('/');
    const version = apiVersion.slice(slash + 1);
    if (have.has(key) || !PRERELEASE.test(version) || kind.endsWith('List')) continue;
    if (entry.removed && minor(entry.removed) <= minor(oldestSupported)) continue;
    if (!entry.inTree?.endsWith(`..${release}`)) continue;
    out.push({ group: slash < 0 ? '' : apiVersion.slice(0, slash), version, kind });
  }
  return out.sort((a, b) => (`${a.group}/${a.version}/${a.kind}` < `${b.group}/${b.version}/${b.kind}` ? -1 : 1));
}
