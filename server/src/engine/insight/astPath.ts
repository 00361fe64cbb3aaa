/** The path of the AST node under a cursor, from the parsed document (for hover, definition, …). */
import { type Node, type Pair } from 'yaml';
import { isMap, isPair, isScalar, isSeq } from '../document/yamlGuards';
import type { ManifestDocument } from '../document/manifestDocument';
import type { ValuePath } from '../types';

export interface NodeAtOffset {
  path: ValuePath;
  /** The innermost node containing the offset (a scalar key or value, or a collection). */
  node: Node | undefined;
  /** The map entry whose key or value holds the offset, if any. */
  pair: Pair | undefined;
  /** Whether the cursor is on the entry's key (true) or in its value (false). */
  onKey: boolean;
}

function contains(node: unknown, offset: number): boolean {
  const range = (node as Node | null)?.range;
  return !!range && range[0] <= offset && offset <= range[1];
}

export function nodeAtOffset(doc: ManifestDocument, offset: number): NodeAtOffset {
  const path: (string | number)[] = [];
  let current: unknown = doc.yaml.contents;
  let pair: Pair | undefined;
  let onKey = false;
  for (let depth = 0; depth < 200; depth++) {
    if (isMap(current)) {
      const hit = current.items.find((p) => isPair(p) && (contains(p.key, offset) || contains(p.value, offset)));
      if (!hit || !isPair(hit)) break;
      pair = hit;
      path.push(isScalar(hit.key) ? String(hit.key.value) : String(hit.key));
      if (contains(hit.key, offset)) {
        onKey = true;
        current = hit.key;
        break;
      }
      onKey = false;
      current = hit.value;
    } else if (isSeq(current)) {
      const index = current.items.findIndex((item) => contains(item, offset));
      if (index < 0) break;
      path.push(index);
      pair = undefined;
      current = current.items[index];
    } else break;
  }
  return { path, node: (current as Node | null) ?? undefined, pair, onKey };
}
