/** The value path at an offset of a parsed document, from its AST (block and flow collections alike). */
import type { Node } from 'yaml';
import type { ValuePath } from '../types';
import { isMap, isScalar, isSeq } from './yamlGuards';

function covers(node: unknown, offset: number): boolean {
  const range = (node as Node | null | undefined)?.range;
  return !!range && range[0] <= offset && (offset < range[2] || range[0] === range[2]);
}

/**
 * Keys and indexes from the root down to the innermost map entry (key or value) or sequence item that
 * holds `offset`, a document-local offset. Stops at an alias, a scalar or a key that is not a scalar.
 */
export function valuePathAt(root: unknown, offset: number): ValuePath {
  const path: (string | number)[] = [];
  let node = root;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => covers(p.key, offset) || covers(p.value, offset));
      if (!pair || !isScalar(pair.key)) return path;
      path.push(String(pair.key.value));
      if (covers(pair.key, offset)) return path;
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => covers(item, offset));
      if (index < 0) return path;
      path.push(index);
      node = node.items[index];
    } else {
      return path;
    }
  }
}
