/** Turns the JSON Schema definitions of schemas/kubernetes.json into linked SchemaNode graphs. */
import { ANY, type FieldSchema, type ObjectSchema, type SchemaNode } from './schemaTypes';

/** The subset of JSON Schema the generator emits. */
export interface JsonSchema {
  $ref?: string;
  type?: string;
  format?: string;
  description?: string;
  enum?: string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
  'x-kubernetes-int-or-string'?: boolean;
}

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const REF_PREFIX = '#/definitions/';

/**
 * Compiles every definition once. Object definitions become shells first so that recursive
 * references (JSONSchemaProps) link to the same node instead of recursing forever.
 */
export function compileDefinitions(definitions: Record<string, JsonSchema>): Map<string, SchemaNode> {
  const compiled = new Map<string, SchemaNode>();
  const shells = new Map<string, { shell: ObjectSchema; def: JsonSchema }>();
  for (const [id, def] of Object.entries(definitions)) {
    if (def.type === 'object' && def.properties) {
      const shell: ObjectSchema = {
        kind: 'object',
        id,
        name: id.slice(id.lastIndexOf('.') + 1),
        description: def.description,
        properties: new Map(),
        required: [...(def.required ?? [])].sort(),
      };
      compiled.set(id, shell);
      shells.set(id, { shell, def });
    }
  }
  const resolve = (ref: string): SchemaNode => {
    const id = ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : ref;
    const known = compiled.get(id);
    if (known) return known;
    const def = definitions[id];
    // Placeholder while compiling guards against alias cycles; replaced right after.
    compiled.set(id, ANY);
    const node = def ? compileNode(def, resolve, id) : ANY;
    compiled.set(id, node);
    return node;
  };
  for (const { shell, def } of shells.values()) {
    const required = new Set(def.required ?? []);
    for (const [name, prop] of Object.entries(def.properties ?? {})) {
      const field: FieldSchema = {
        name,
        type: compileNode(prop, resolve),
        description: prop.description,
        required: required.has(name),
      };
      shell.properties.set(name, field);
    }
  }
  for (const id of Object.keys(definitions)) resolve(id);
  return compiled;
}

function compileNode(def: JsonSchema, resolve: (ref: string) => SchemaNode, id?: string): SchemaNode {
  if (def.$ref) return resolve(def.$ref);
  if (id === QUANTITY) return { kind: 'quantity', description: def.description };
  if (def['x-kubernetes-int-or-string']) return { kind: 'int-or-string', description: def.description };
  if (def.anyOf ?? def.oneOf) {
    return { kind: 'union', options: (def.anyOf ?? def.oneOf ?? []).map((d) => compileNode(d, resolve)) };
  }
  switch (def.type) {
    case 'string': {
      const kind = def.format === 'date-time' ? 'time' : 'string';
      return def.enum ? { kind, enum: def.enum, description: def.description } : { kind, description: def.description };
    }
    case 'integer':
    case 'number':
    case 'boolean':
      return { kind: def.type, description: def.description };
    case 'array':
      return { kind: 'array', items: def.items ? compileNode(def.items, resolve) : ANY };
    case 'object':
      if (typeof def.additionalProperties === 'object') {
        return { kind: 'map', values: compileNode(def.additionalProperties, resolve) };
      }
      return ANY;
    default:
      return def.description ? { kind: 'any', description: def.description } : ANY;
  }
}
