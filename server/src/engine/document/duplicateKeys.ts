/**
 * Duplicate mapping keys, found in linear time. The `yaml` package's own check (`uniqueKeys`) compares
 * each new key with every earlier one of its map, which takes minutes on a 100,000-key ConfigMap; this
 * pass keeps a set per map instead and reports the same errors (code DUPLICATE_KEY, at the repeated key).
 * It walks with an explicit stack, so deep nesting cannot overflow the call stack.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, YAMLParseError, type Document, type Node } from 'yaml';

export function duplicateKeyErrors(doc: Document.Parsed): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
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
          pending.push(key);
        }
        pending.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push(isPair(item) ? item.value : (item as Node));
    }
  }
  return errors.sort((a, b) => a.pos[0] - b.pos[0]);
}
