/**
 * One linear pass over a parsed document's nodes: duplicate mapping keys and the nesting depth.
 *
 * Duplicate keys: the `yaml` package's own check (`uniqueKeys`) compares each new key with every
 * earlier one of its map, which takes minutes on a 100,000-key ConfigMap; a set per map reports the
 * same errors (code DUPLICATE_KEY, at the repeated key) in linear time.
 *
 * Depth: the engine's value walkers (render, schema checks, rules) recurse; a document nested more
 * than MAX_NESTING_DEPTH levels is reported and not converted to values, so they never overflow the
 * stack. Real manifests (CRD schemas included) stay far below the bound. The walk itself uses an
 * explicit stack.
 *
 * Memory: the walk also gives every collection an `items` array of its exact length. The parser
 * fills them with push(), which leaves room for 17 entries in each (about 150 bytes per map or
 * sequence; ≈ 10 MB over a 1,000-file workspace whose ASTs the index keeps).
 */
import { YAMLParseError, type Document } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from './yamlGuards';

export const MAX_NESTING_DEPTH = 256;

export interface StructureCheck {
  errors: YAMLParseError[];
  /** True when some collection is nested deeper than MAX_NESTING_DEPTH. */
  tooDeep: boolean;
}

export function checkStructure(doc: Document.Parsed): StructureCheck {
  const errors: YAMLParseError[] = [];
  let tooDeep = false;
  const pending: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 1 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    if ((isMap(node) || isSeq(node)) && depth > MAX_NESTING_DEPTH) {
      if (!tooDeep && node.range) {
        const start = node.range[0];
        errors.push(new YAMLParseError([start, start + 1], 'RESOURCE_EXHAUSTION', `nested more than ${MAX_NESTING_DEPTH} levels deep`));
      }
      tooDeep = true;
      continue;
    }
    if (isMap(node) || isSeq(node)) node.items = node.items.slice();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          // Same equality as yaml's default: scalars with an identical value (so `1` and `"1"` differ).
          if (seen.has(key.value) && key.range) {
            const start = key.range[0];
            errors.push(new YAMLParseError([start, start + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
          }
          seen.add(key.value);
        } else if (key && !isAlias(key)) {
          pending.push({ node: key, depth: depth + 1 });
        }
        pending.push({ node: pair.value, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push({ node: isPair(item) ? item.value : item, depth: depth + 1 });
    }
  }
  return { errors: errors.sort((a, b) => a.pos[0] - b.pos[0]), tooDeep };
}
