/** Where a character of a scalar's value is in its source text (plain, quoted or block scalars). */
import { parse, type Node } from 'yaml';
import { isScalar } from '../../engine/document/yamlGuards';
import type { ManifestDocument } from '../../engine/document/manifestDocument';
import type { TextEdit, ValuePath } from '../../engine/types';
import { plainData, verified } from '../../engine/document/verifyEdit';

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/** Where the value's text starts in the source: after the quote, or after a block scalar's header line. */
function contentStart(source: string, type: string | undefined): number {
  if (type === 'QUOTE_SINGLE' || type === 'QUOTE_DOUBLE') return 1;
  if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') {
    const newline = source.indexOf('\n');
    return newline < 0 ? source.length : newline + 1;
  }
  return 0;
}

/**
 * Offset (relative to the scalar's source start) of character `index` of its value, by aligning
 * value and source: indentation, line folding and quotes are skipped. `index === value.length`
 * gives the position just after the last character. Undefined when the source cannot be aligned
 * (escape sequences, for instance).
 */
export function sourceOffsetOf(source: string, type: string | undefined, value: string, index: number): number | undefined {
  let j = contentStart(source, type);
  const target = Math.min(index, value.length);
  for (let i = 0; i <= target; i++) {
    if (i === value.length) return j;
    const ch = value[i]!;
    while (j < source.length) {
      const s = source[j]!;
      if (s === ch || (isSpace(ch) && isSpace(s))) break;
      if (!isSpace(s)) return undefined;
      j++;
    }
    if (j >= source.length) return undefined;
    if (i === target) return j;
    j++;
  }
  return undefined;
}

/** The scalar node at `path` of a source document, with its source text. */
export function scalarAt(doc: ManifestDocument, path: ValuePath): { node: Node; source: string; type: string | undefined } | undefined {
  const node = doc.nodeAt(path);
  if (!isScalar(node) || !node.range) return undefined;
  return { node, source: doc.text.slice(node.range[0], node.range[1]), type: node.type };
}

/**
 * Replaces the scalar at `path` with `newText`, keeping the line break a block scalar's range
 * includes (so the next line stays on its own line).
 */
export function replaceScalar(doc: ManifestDocument, path: ValuePath, newText: string): TextEdit | undefined {
  const node = doc.nodeAt(path);
  if (!node?.range) return undefined;
  let end = node.range[1];
  while (end > node.range[0] && (doc.text[end - 1] === '\n' || doc.text[end - 1] === '\r')) end--;
  const value = plainData(newText);
  const span = { start: node.range[0], end, text: newText };
  return value && verified(doc, [span], [{ op: 'set', path, value: value.value }]) ? { range: doc.range(span.start, span.end), newText } : undefined;
}

/** A YAML scalar for `value`: plain when that reads back the same, else double-quoted (JSON). */
export function yamlScalar(value: string): string {
  if (/^[A-Za-z0-9+/=_.-]+$/.test(value) && !value.startsWith('-') && readsBackAsString(value)) return value;
  return JSON.stringify(value);
}

/** A map key as YAML (quoted when it would not read back as itself). */
export function yamlKey(key: string): string {
  return yamlScalar(key);
}

/** True when the plain scalar `text` reads back as that same string under YAML 1.1 (as the API server reads it). */
function readsBackAsString(text: string): boolean {
  try {
    return parse(text, { version: '1.1' }) === text;
  } catch {
    return false;
  }
}

/** Deletes the whole lines of a sequence item (its `- ` line and nested lines). */
export function deleteItem(doc: ManifestDocument, path: ValuePath): TextEdit | undefined {
  const node = doc.nodeAt(path);
  if (!node?.range) return undefined;
  const lines = doc.chunk.lines;
  const startLine = lines.positionAt(node.range[0]).line;
  let endLine = lines.positionAt(node.range[1]).line;
  if (lines.positionAt(node.range[1]).character === 0 && endLine > startLine) endLine--;
  // A flow item or an item sharing its line with others cannot be deleted by whole lines.
  const lineText = doc.text.slice(lines.lineStart(startLine), node.range[0]);
  if (!/^\s*-\s*$/.test(lineText)) return undefined;
  const start = lines.lineStart(startLine);
  const end = endLine + 1 < lines.lineCount ? lines.lineStart(endLine + 1) : lines.lineEnd(endLine);
  return verified(doc, [{ start, end, text: '' }], [{ op: 'delete', path }]) ? { range: doc.range(start, end), newText: '' } : undefined;
}
