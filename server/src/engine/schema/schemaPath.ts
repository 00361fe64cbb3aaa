/** Walks a schema along a value path (`spec.template.spec.containers[0]`). */
import type { ValuePath } from '../types';
import type { FieldSchema, ObjectSchema, SchemaNode } from './schemaTypes';

/** One step down: an object's property, a map's values, an array's items. Numbers step into arrays. */
export function childSchema(node: SchemaNode, part: string | number): SchemaNode | undefined {
  if (node.kind === 'union') {
    for (const option of node.options) {
      const child = childSchema(option, part);
      if (child) return child;
    }
    return undefined;
  }
  if (node.kind === 'any') return node;
  if (typeof part === 'number') return node.kind === 'array' ? node.items : undefined;
  if (node.kind === 'object') return node.properties.get(part)?.type;
  if (node.kind === 'map') return node.values;
  return undefined;
}

export function schemaAt(root: SchemaNode, path: ValuePath): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const part of path) {
    if (!node) return undefined;
    node = childSchema(node, part);
  }
  return node;
}

/** The object schema a node stands for (unwrapping unions), if any. */
export function asObject(node: SchemaNode | undefined): ObjectSchema | undefined {
  if (!node) return undefined;
  if (node.kind === 'object') return node;
  if (node.kind === 'union') return node.options.find((o): o is ObjectSchema => o.kind === 'object');
  return undefined;
}

/** The field a path ends at, with the object that declares it. */
export function fieldAt(root: SchemaNode, path: ValuePath): { field: FieldSchema; owner: ObjectSchema } | undefined {
  const last = path[path.length - 1];
  if (typeof last !== 'string') return undefined;
  const owner = asObject(schemaAt(root, path.slice(0, -1)));
  const field = owner?.properties.get(last);
  return owner && field ? { field, owner } : undefined;
}
