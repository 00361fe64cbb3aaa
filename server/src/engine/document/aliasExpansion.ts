/**
 * How many values a document's aliases and `<<` merge keys add when it is converted to plain values.
 * yaml's `maxAliasCount` counts aliases, not what they carry, and a merge key bypasses it: 990
 * `<<: *b` of a 20,000-key map converted to 20 million entries (24 s, 950 MB). This walk counts
 * each alias as the size of its anchored node, in one pass over the AST (anchors are looked up as
 * they are met, in document order, as YAML resolves them).
 */
import type { Node } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from './yamlGuards';

/** Values aliases and merges may add to one document; far above any real manifest's reuse. */
export const MAX_ALIAS_EXPANSION = 100_000;

interface Walk {
  anchors: Map<string, number>;
  /** Values written in the document. */
  literal: number;
}

function sizeOf(node: unknown, walk: Walk): number {
  if (isAlias(node)) return walk.anchors.get(node.source) ?? 1;
  walk.literal++;
  let size = 1;
  if (isMap(node)) {
    for (const pair of node.items) if (isPair(pair)) size += sizeOf(pair.key, walk) + sizeOf(pair.value, walk);
  } else if (isSeq(node)) {
    for (const item of node.items) size += sizeOf(item, walk);
  }
  // Registered after its own contents: an alias inside its anchor's node is not an expansion.
  const anchor = (isScalar(node) || isMap(node) || isSeq(node)) && (node as Node).anchor;
  if (anchor) walk.anchors.set(anchor, size);
  return size;
}

/**
 * The values aliases add to `contents`. A double, not an int: an alias bomb's 10^30 values is a
 * large number here (at worst Infinity), never a wrap-around.
 */
export function aliasExpansion(contents: unknown): number {
  const walk: Walk = { anchors: new Map(), literal: 0 };
  return Math.max(0, sizeOf(contents, walk) - walk.literal);
}
