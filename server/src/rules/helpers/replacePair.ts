/**
 * Quick-fix edits that rewrite a whole top-level entry of a block map: the new key and value are
 * written in place of the exact range of the old pair (computed from the YAML AST), so the rest of
 * the file, flow or block, stays byte for byte. Offered only when that range is clean: a block
 * map, no comment, anchor, alias or tag inside the pair.
 */
import { stringify, type Node, type Pair } from 'yaml';
import type { ManifestDocument } from '../../engine/document/manifestDocument';
import { isAlias, isMap, isPair, isScalar } from '../../engine/document/yamlGuards';
import type { TextEdit } from '../../engine/types';

interface PairSpan {
  start: number;
  /** End of the value, before any line break that follows it. */
  end: number;
  column: number;
}

function hasTagsOrAnchors(node: unknown, depth = 0): boolean {
  if (depth > 50 || isAlias(node)) return true;
  const n = node as (Node & { items?: unknown[] }) | null;
  if (!n || typeof n !== 'object') return false;
  if ((n as { anchor?: string }).anchor || (n as { tag?: string }).tag) return true;
  const children = isPair(n) ? [n.key, n.value] : (n.items ?? []);
  return children.some((c) => hasTagsOrAnchors(c, depth + 1));
}

/** The span of a top-level pair, or undefined when rewriting it could change more than the pair. */
export function cleanPairSpan(doc: ManifestDocument, key: string): PairSpan | undefined {
  const contents = doc.yaml.contents;
  if (!isMap(contents) || contents.flow) return undefined;
  const pair: Pair | undefined = contents.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
  const keyRange = (pair?.key as Node | undefined)?.range;
  const valueRange = (pair?.value as Node | null | undefined)?.range;
  if (!pair || !keyRange || !valueRange || hasTagsOrAnchors(pair.value)) return undefined;
  let end = valueRange[1];
  while (end > keyRange[0] && /[\r\n \t]/.test(doc.text[end - 1] ?? '')) end--;
  if (doc.text.slice(keyRange[0], end).includes('#')) return undefined;
  return { start: keyRange[0], end, column: doc.chunk.lines.positionAt(keyRange[0]).character };
}

/** YAML text of `key: value` in block style, indented for a pair starting at `column`. */
export function pairText(key: string, value: unknown, column: number): string {
  const text = stringify({ [key]: value }, { lineWidth: 0, aliasDuplicateObjects: false }).replace(/\n$/, '');
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : ' '.repeat(column) + line))
    .join('\n');
}

/** Replaces the pair `key` with `newKey: value`; undefined when the pair is not clean. */
export function replacePair(doc: ManifestDocument, key: string, newKey: string, value: unknown): TextEdit | undefined {
  const span = cleanPairSpan(doc, key);
  return span && { range: doc.range(span.start, span.end), newText: pairText(newKey, value, span.column) };
}

/** Deletes the lines of the pair `key` (it must be clean and alone on its lines). */
export function deletePairLines(doc: ManifestDocument, key: string): TextEdit | undefined {
  const span = cleanPairSpan(doc, key);
  if (!span) return undefined;
  const lines = doc.chunk.lines;
  const startLine = lines.positionAt(span.start).line;
  const endLine = lines.positionAt(span.end).line;
  if (doc.text.slice(lines.lineStart(startLine), span.start).trim() !== '') return undefined;
  const end = endLine + 1 < lines.lineCount ? lines.lineStart(endLine + 1) : doc.text.length;
  return { range: doc.range(lines.lineStart(startLine), end), newText: '' };
}
