/** Builders for quick-fix edits on source documents, keeping indentation and the rest of the file. */
import type { ManifestDocument } from '../../engine/document/manifestDocument';
import type { FindingFix, TextEdit, ValuePath } from '../../engine/types';

/** Replaces the value at `path` with `newText` (YAML text for a scalar). */
export function replaceValue(doc: ManifestDocument, path: ValuePath, newText: string): TextEdit | undefined {
  const node = doc.nodeAt(path);
  if (!node?.range) return undefined;
  return { range: doc.range(node.range[0], node.range[1]), newText };
}

/** Deletes the whole lines of a map entry (key, value and any nested lines). */
export function deleteEntry(doc: ManifestDocument, path: ValuePath): TextEdit | undefined {
  const pair = doc.findPair(path);
  const key = pair?.key as { range?: [number, number, number] } | undefined;
  const value = pair?.value as { range?: [number, number, number] } | null | undefined;
  if (!key?.range) return undefined;
  const lines = doc.chunk.lines;
  const startLine = lines.positionAt(key.range[0]).line;
  const endOffset = value?.range ? value.range[1] : key.range[1];
  let endLine = lines.positionAt(endOffset).line;
  // A block value's range ends at the start of the next line; don't eat that line.
  if (endOffset > 0 && lines.positionAt(endOffset).character === 0 && endLine > startLine) endLine--;
  const start = lines.lineStart(startLine);
  const end = endLine + 1 < lines.lineCount ? lines.lineStart(endLine + 1) : lines.lineEnd(endLine);
  return { range: doc.range(start, end), newText: '' };
}

/** Indentation (spaces) of the line holding the key at `path`. */
export function indentOfKey(doc: ManifestDocument, path: ValuePath): number | undefined {
  const pair = doc.findPair(path);
  const key = pair?.key as { range?: [number, number, number] } | undefined;
  if (!key?.range) return undefined;
  return doc.chunk.lines.positionAt(key.range[0]).character;
}

/**
 * Inserts `yamlLines` (already relative-indented, no trailing newline) as new entries of the map
 * that holds the key at `siblingPath`, right after that entry.
 */
export function insertAfterEntry(doc: ManifestDocument, siblingPath: ValuePath, yamlLines: string[]): TextEdit | undefined {
  const pair = doc.findPair(siblingPath);
  const indent = indentOfKey(doc, siblingPath);
  if (!pair || indent === undefined) return undefined;
  const value = pair.value as { range?: [number, number, number] } | null;
  const key = pair.key as { range?: [number, number, number] };
  const endOffset = value?.range?.[1] ?? key.range![1];
  const lines = doc.chunk.lines;
  let line = lines.positionAt(endOffset).line;
  if (lines.positionAt(endOffset).character === 0 && line > 0) line--;
  const insertAt = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : lines.lineEnd(line);
  const pad = ' '.repeat(indent);
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  const prefix = line + 1 < lines.lineCount ? '' : eol;
  const text = yamlLines.map((l) => pad + l).join(eol) + (prefix ? '' : eol);
  return { range: doc.range(insertAt, insertAt), newText: prefix + text };
}

export function fix(title: string, safety: FindingFix['safety'], doc: ManifestDocument, edits: (TextEdit | undefined)[]): FindingFix[] {
  const defined = edits.filter((e): e is TextEdit => e !== undefined);
  if (defined.length === 0 || defined.length !== edits.length) return [];
  return [{ title, safety, edits: [{ uri: doc.uri, edits: defined }] }];
}
