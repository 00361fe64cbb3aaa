/** Missing required fields in plain values: for rendered objects (a base with its patches merged). */
import type { ValuePath } from '../types';
import type { SchemaNode } from './schemaTypes';
import type { SchemaStore } from './store';

export interface MissingField {
  /** Path of the object that lacks the field. */
  path: ValuePath;
  field: string;
  /** Schema type of that object, e.g. `Container`. */
  typeName: string;
}

/** Every required field absent from `value` (skipping `status`); empty for kinds without a schema. */
export function missingRequired(value: unknown, apiVersion: string, kind: string, store: SchemaStore): MissingField[] {
  const entry = store.lookup(apiVersion, kind);
  const out: MissingField[] = [];
  if (entry) walk(value, entry.schema, [], out);
  return out;
}

function walk(value: unknown, schema: SchemaNode, path: (string | number)[], out: MissingField[]): void {
  if (value === null || typeof value !== 'object') return;
  if (schema.kind === 'union') {
    const option = schema.options.find((o) => (Array.isArray(value) ? o.kind === 'array' : o.kind === 'object' || o.kind === 'map'));
    if (option) walk(value, option, path, out);
    return;
  }
  if (schema.kind === 'array') {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, schema.items, [...path, i], out));
    return;
  }
  if (Array.isArray(value) || value instanceof Date) return;
  const record = value as Record<string, unknown>;
  if (schema.kind === 'map') {
    for (const [key, child] of Object.entries(record)) walk(child, schema.values, [...path, key], out);
    return;
  }
  if (schema.kind !== 'object') return;
  if (path[0] !== 'status') {
    for (const field of schema.required) {
      if (record[field] === undefined) out.push({ path, field, typeName: schema.name });
    }
  }
  for (const [key, child] of Object.entries(record)) {
    const field = schema.properties.get(key);
    if (field) walk(child, field.type, [...path, key], out);
  }
}
