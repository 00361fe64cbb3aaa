/**
 * Turns a CRD version's `openAPIV3Schema` (plain values of the CRD document) into the SchemaNode graph
 * that engine/schema/ validates, completes and describes: one validator for built-in kinds and
 * custom resources alike. Bounded: a schema of more than MAX_SCHEMA_NODES nodes, nested deeper than
 * MAX_SCHEMA_DEPTH levels, or cyclic through YAML aliases is refused with a reason, never walked forever.
 */
import { ANY, type FieldSchema, type ObjectSchema, type ScalarKind, type SchemaNode } from '../schema/schemaTypes';
import type { ValuePath } from '../types';
import { CHECKED_FORMATS } from '../schema/formats';
import { boundsOf } from '../schema/constraints';
import type { ValueCheck } from '../schema/junctors';
import { junctorsOf, patternOf, undeclaredJunctorFields, valueCheckOf } from './convertJunctors';

/**
 * More than a CRD the API server accepts can hold: a CRD is stored whole in etcd (1.5 MiB per object), and a
 * schema node takes at least 15 bytes of JSON. Real ones stay far below (prometheus-operator's Prometheus ≈ 10,000).
 */
const MAX_SCHEMA_NODES = 100_000;
/** Schema levels (each is two YAML levels: `properties:` and the field), far above real CRDs (≈ 30). */
const MAX_SCHEMA_DEPTH = 100;

/** A structural-schema rule the API server enforces, broken at `path` (relative to `openAPIV3Schema`). */
export interface SchemaProblem {
  readonly path: ValuePath;
  readonly message: string;
  /** false: a rule the API server enforces on any schema (a valid `pattern`), not one of structural schemas. */
  readonly structural?: false;
}

/** Why a schema could not be used at all (too large, too deep, cyclic). */
export class UnusableSchemaError extends Error {
  constructor(
    message: string,
    readonly path: ValuePath,
  ) {
    super(message);
  }
}

export interface ConvertedSchema {
  readonly schema: ObjectSchema;
  readonly problems: readonly SchemaProblem[];
}

interface Walk {
  nodes: number;
  readonly problems: SchemaProblem[];
  /** The raw schema maps on the current path: an alias back to one of them is a cycle. */
  readonly onPath: Set<object>;
  readonly idPrefix: string;
  readonly objectMeta: SchemaNode;
}

type Raw = Record<string, unknown>;

function isRaw(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * Converts one version's schema. `kind` names the root in messages; `objectMeta` is the built-in
 * ObjectMeta, which a custom resource's `metadata` is checked as (the API server does the same).
 * Throws UnusableSchemaError when a bound is crossed.
 */
export function convertCrdSchema(raw: unknown, kind: string, apiVersion: string, objectMeta: SchemaNode): ConvertedSchema {
  const walk: Walk = { nodes: 0, problems: [], onPath: new Set(), idPrefix: `${apiVersion}/`, objectMeta };
  if (!isRaw(raw)) throw new UnusableSchemaError('`openAPIV3Schema` must be a map', []);
  if (raw.type !== 'object') walk.problems.push({ path: ['type'], message: 'The root of `openAPIV3Schema` must have `type: object`.' });
  const node = convertNode(raw, [], kind, 0, walk);
  const root: ObjectSchema =
    node.kind === 'object'
      ? node
      : { kind: 'object', id: `${apiVersion}/${kind}`, name: kind, description: undefined, properties: new Map(), required: [], preservesUnknownFields: true };
  // What every object has, whatever the CRD says: the API server checks metadata as ObjectMeta itself.
  root.properties.set('apiVersion', field('apiVersion', { kind: 'string' }, 'APIVersion defines the versioned schema of this representation of an object.'));
  root.properties.set('kind', field('kind', { kind: 'string' }, 'Kind is a string value representing the REST resource this object represents.'));
  root.properties.set('metadata', field('metadata', objectMeta, 'Standard object metadata.'));
  return { schema: root, problems: walk.problems };
}

function field(name: string, type: SchemaNode, description: string | undefined, required = false): FieldSchema {
  return { name, type, description, required };
}

/** Counts a schema level against the bounds; the raw map, or undefined (a problem noted) when it is not a map. */
function enter(raw: unknown, path: (string | number)[], depth: number, walk: Walk): Raw | undefined {
  if (++walk.nodes > MAX_SCHEMA_NODES) throw new UnusableSchemaError(`the schema has more than ${MAX_SCHEMA_NODES.toLocaleString('en')} nodes`, path);
  if (depth > MAX_SCHEMA_DEPTH) throw new UnusableSchemaError(`the schema is nested more than ${MAX_SCHEMA_DEPTH} levels deep`, path);
  if (!isRaw(raw)) {
    walk.problems.push({ path, message: 'A schema must be a map (with `type`, `properties`, …).' });
    return undefined;
  }
  if (walk.onPath.has(raw)) throw new UnusableSchemaError('the schema is cyclic (a YAML alias refers to a schema that contains it)', path);
  return raw;
}

function convertNode(raw: unknown, path: (string | number)[], name: string, depth: number, walk: Walk): SchemaNode {
  const map = enter(raw, path, depth, walk);
  if (!map) return ANY;
  walk.onPath.add(map);
  try {
    const node = convertMap(map, path, name, depth, walk);
    // An int-or-string's `anyOf` is its two types, not a validation.
    const junctors = node.kind === 'int-or-string' ? undefined : junctorsOf(map, path, (m, p) => convertMember(m, p, depth + 1, walk), walk.problems);
    if (junctors && node.kind === 'object') undeclaredJunctorFields(map, path, walk.problems);
    return junctors && node.kind !== 'union' ? { ...node, junctors } : node;
  } finally {
    walk.onPath.delete(map);
  }
}

/** A member of `anyOf`/`oneOf`/`allOf`/`not`, under the same bounds as every level (a cyclic `allOf` is refused). */
function convertMember(raw: unknown, path: (string | number)[], depth: number, walk: Walk): ValueCheck {
  const map = enter(raw, path, depth, walk);
  if (!map) return {};
  walk.onPath.add(map);
  try {
    return valueCheckOf(map, path, (m, p) => convertMember(m, p, depth + 1, walk), walk.problems);
  } finally {
    walk.onPath.delete(map);
  }
}

function convertMap(raw: Raw, path: (string | number)[], name: string, depth: number, walk: Walk): SchemaNode {
  const description = typeof raw.description === 'string' ? raw.description : undefined;
  const preserve = raw['x-kubernetes-preserve-unknown-fields'] === true;
  const embedded = raw['x-kubernetes-embedded-resource'] === true;
  if (raw['x-kubernetes-int-or-string'] === true) return withPattern({ kind: 'int-or-string', description }, raw, path, walk);
  const type = raw.type;
  if (type === undefined) {
    if (!preserve)
      walk.problems.push({
        path,
        message:
          '`type` is missing: the API server requires it at every level, unless `x-kubernetes-preserve-unknown-fields` or `x-kubernetes-int-or-string` is set.',
      });
    if (!embedded && raw.properties === undefined) return description ? { kind: 'any', description } : ANY;
  }
  switch (type) {
    case 'string':
      return withPattern(stringNode(raw, description), raw, path, walk);
    case 'integer':
    case 'number':
      return withBounds({ kind: type, description }, raw);
    case 'boolean':
      return { kind: type, description };
    case 'array':
      // The API server refuses it (quadratic to check); `x-kubernetes-list-type: set` says the same.
      if (raw.uniqueItems === true)
        walk.problems.push({ path: [...path, 'uniqueItems'], message: '`uniqueItems: true` is not allowed: use `x-kubernetes-list-type: set`.' });
      if (raw.items === undefined) {
        walk.problems.push({ path, message: 'An array schema must have `items`.' });
        return { kind: 'array', items: ANY };
      }
      return withBounds({ kind: 'array', items: convertNode(raw.items, [...path, 'items'], `${name}[]`, depth + 1, walk) }, raw);
    case 'object':
    case undefined:
      return objectNode(raw, path, name, depth, walk, { description, preserve, embedded });
    default:
      walk.problems.push({
        path: [...path, 'type'],
        message: `\`type\` must be one of object, array, string, integer, number, boolean; got ${JSON.stringify(type)}.`,
      });
      return ANY;
  }
}

type ScalarNode = Extract<SchemaNode, { kind: ScalarKind }>;

function stringNode(raw: Raw, description: string | undefined): ScalarNode {
  // `time` also takes the timestamps YAML 1.1 reads unquoted (the API server re-reads them as strings).
  const kind = raw.format === 'date-time' ? 'time' : 'string';
  const values = Array.isArray(raw.enum) ? raw.enum.filter((v): v is string => typeof v === 'string') : [];
  const format = typeof raw.format === 'string' && CHECKED_FORMATS.includes(raw.format) ? { format: raw.format } : {};
  return withBounds({ kind, description, ...(values.length > 0 ? { enum: values } : {}), ...format }, raw);
}

/** A string node with the level's compiled `pattern`, if it states a valid one. */
function withPattern(node: ScalarNode, raw: Raw, path: (string | number)[], walk: Walk): ScalarNode {
  const pattern = patternOf(raw, path, walk.problems);
  return pattern ? { ...node, pattern } : node;
}

/** The node with the raw schema's value bounds, if it states any. */
function withBounds<T extends SchemaNode>(node: T, raw: Raw): T {
  const bounds = boundsOf(raw);
  return bounds ? { ...node, bounds } : node;
}

interface ObjectFlags {
  description: string | undefined;
  preserve: boolean;
  embedded: boolean;
}

function objectNode(raw: Raw, path: (string | number)[], name: string, depth: number, walk: Walk, flags: ObjectFlags): SchemaNode {
  const { properties, additionalProperties } = raw;
  if (properties === undefined && isRaw(additionalProperties)) {
    return withBounds({ kind: 'map', values: convertNode(additionalProperties, [...path, 'additionalProperties'], `${name}.*`, depth + 1, walk) }, raw);
  }
  // `additionalProperties: true` and an object that keeps unknown fields take any keys.
  if (properties === undefined && !flags.embedded && (flags.preserve || additionalProperties === true))
    return flags.description ? { kind: 'any', description: flags.description } : ANY;
  const required = new Set(Array.isArray(raw.required) ? raw.required.filter((r): r is string => typeof r === 'string') : []);
  const fields = new Map<string, FieldSchema>();
  if (flags.embedded) {
    // An embedded object is a whole Kubernetes object: apiVersion, kind and ObjectMeta metadata.
    fields.set('apiVersion', field('apiVersion', { kind: 'string' }, undefined));
    fields.set('kind', field('kind', { kind: 'string' }, undefined));
    fields.set('metadata', field('metadata', walk.objectMeta, undefined));
  }
  if (properties !== undefined && !isRaw(properties))
    walk.problems.push({ path: [...path, 'properties'], message: '`properties` must be a map of field schemas.' });
  for (const [key, child] of Object.entries(isRaw(properties) ? properties : {})) {
    const type = convertNode(child, [...path, 'properties', key], `${name}.${key}`, depth + 1, walk);
    const stated = isRaw(child) && 'default' in child ? defaultText(child.default) : undefined;
    const description = descriptionOf(child);
    const described = stated === undefined ? description : `${description ? `${description}\n\n` : ''}Defaults to ${stated}.`;
    // The API server applies defaults before it checks `required`: a defaulted field is never missing.
    fields.set(key, field(key, type, described, required.has(key) && stated === undefined));
  }
  return withBounds<SchemaNode>(
    {
      kind: 'object',
      id: walk.idPrefix + name,
      name,
      description: flags.description,
      properties: fields,
      required: [...fields.values()]
        .filter((f) => f.required)
        .map((f) => f.name)
        .sort(),
      ...(flags.preserve ? { preservesUnknownFields: true } : {}),
    },
    raw,
  );
}

function descriptionOf(raw: unknown): string | undefined {
  return isRaw(raw) && typeof raw.description === 'string' ? raw.description : undefined;
}

/** A default as hover text (`30s`, `{}`), short. */
function defaultText(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return `\`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\``;
}
