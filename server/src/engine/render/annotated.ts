/**
 * Values annotated with where they came from, so a merged (rendered) object can point every field
 * back to the file and line that set it.
 */
import type { ManifestDocument } from '../document/manifestDocument';
import type { ValuePath } from '../types';

export interface Origin {
  doc: ManifestDocument;
  path: ValuePath;
}

export type Annotated =
  | { kind: 'map'; entries: Map<string, Annotated>; origin: Origin }
  | { kind: 'list'; items: Annotated[]; origin: Origin }
  | { kind: 'scalar'; value: unknown; origin: Origin };

export function annotate(value: unknown, doc: ManifestDocument, path: ValuePath = []): Annotated {
  const origin = { doc, path };
  if (Array.isArray(value)) {
    return { kind: 'list', items: value.map((item, i) => annotate(item, doc, [...path, i])), origin };
  }
  if (isPlainObject(value)) {
    const entries = new Map<string, Annotated>();
    for (const [key, child] of Object.entries(value)) entries.set(key, annotate(child, doc, [...path, key]));
    return { kind: 'map', entries, origin };
  }
  return { kind: 'scalar', value, origin };
}

export function toPlain(node: Annotated): unknown {
  switch (node.kind) {
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [key, child] of node.entries) out[key] = toPlain(child);
      return out;
    }
    case 'list':
      return node.items.map(toPlain);
    case 'scalar':
      return node.value;
  }
}

/**
 * The origin of the value at `path`: the deepest annotated node on the path, with the rest of the
 * path appended to its source path (so a path into a missing field lands on its nearest parent).
 */
export function locateIn(root: Annotated, path: ValuePath): Origin {
  let node = root;
  let depth = 0;
  for (; depth < path.length; depth++) {
    const part = path[depth]!;
    let next: Annotated | undefined;
    if (node.kind === 'map') next = node.entries.get(String(part));
    else if (node.kind === 'list' && typeof part === 'number') next = node.items[part];
    if (!next) break;
    node = next;
  }
  return { doc: node.origin.doc, path: [...node.origin.path, ...path.slice(depth)] };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
