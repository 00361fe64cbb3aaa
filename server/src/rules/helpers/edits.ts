/**
 * Builders for quick-fix edits on source documents. Every edit is computed from yaml's AST ranges
 * for the style the entry is written in (block or flow, one line or several) and verified by
 * parsing the result (verifyEdit.ts): an edit that would change anything but its own entry is not
 * offered.
 */
import { Document, type YAMLMap } from 'yaml';
import type { ManifestDocument } from '../../engine/document/manifestDocument';
import { isMap, isSeq } from '../../engine/document/yamlGuards';
import { parseWithYaml } from '../../engine/document/parsedChunk';
import type { FindingFix, TextEdit, ValuePath } from '../../engine/types';
import { blockInsertPoint, columnOf, deleteBlockSpan, deleteFlowSpan, entryAt, type Entry, type Span } from '../../engine/document/entrySpans';
import { plainData, verified, type Change } from '../../engine/document/verifyEdit';

function toEdit(doc: ManifestDocument, span: Span): TextEdit {
  return { range: doc.range(span.start, span.end), newText: span.text };
}

function checked(doc: ManifestDocument, span: Span | undefined, changes: Change[]): TextEdit | undefined {
  return span && verified(doc, [span], changes) ? toEdit(doc, span) : undefined;
}

/** Replaces the value at `path` with `newText` (YAML text for a scalar). */
export function replaceValue(doc: ManifestDocument, path: ValuePath, newText: string): TextEdit | undefined {
  const node = doc.nodeAt(path);
  const value = plainData(newText);
  if (!node?.range || !value) return undefined;
  // A block scalar's range includes its last line break: keep it, or the next key joins this line.
  let end = node.range[1];
  while (end > node.range[0] && /[\r\n]/.test(doc.text[end - 1]!)) end--;
  return checked(doc, { start: node.range[0], end, text: newText }, [{ op: 'set', path, value: value.value }]);
}

function deleteSpan(doc: ManifestDocument, entry: Entry): Span | undefined {
  return entry.map.flow ? deleteFlowSpan(doc, entry) : deleteBlockSpan(doc, entry);
}

/** Deletes a map entry (key, value and, in a block map, the lines they stand on). */
export function deleteEntry(doc: ManifestDocument, path: ValuePath): TextEdit | undefined {
  const entry = entryAt(doc, path);
  return entry && checked(doc, deleteSpan(doc, entry), [{ op: 'delete', path }]);
}

/** Indentation (spaces) of the line holding the key at `path`. */
export function indentOfKey(doc: ManifestDocument, path: ValuePath): number | undefined {
  const entry = entryAt(doc, path);
  return entry && columnOf(doc, entry);
}

function eolOf(doc: ManifestDocument): string {
  return doc.text.includes('\r\n') ? '\r\n' : '\n';
}

/** Block YAML lines of map entries → their data, and their flow text (`a: 1, b: { c: 2 }`) on demand. */
function parseEntries(yamlLines: readonly string[]): { data: Record<string, unknown>; flow: () => string } | undefined {
  const parsed = parseWithYaml(yamlLines.join('\n'));
  if (parsed.errors.length > 0 || !isMap(parsed.contents)) return undefined;
  const data: unknown = parsed.toJS();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const contents = parsed.contents;
  const flow = (): string => {
    setFlow(contents);
    return new Document(contents, { version: '1.1' }).toString({ flowCollectionPadding: false, lineWidth: 0 }).trim().slice(1, -1);
  };
  return { data: data as Record<string, unknown>, flow };
}

function setFlow(node: unknown): void {
  if (!isMap(node) && !isSeq(node)) return;
  node.flow = true;
  for (const item of (node as YAMLMap).items) {
    setFlow(item.key);
    setFlow(item.value);
  }
  if (isSeq(node)) for (const item of node.items) setFlow(item);
}

/** The text that inserts `yamlLines` after `entry`, in the style of its map. */
function insertSpan(doc: ManifestDocument, entry: Entry, yamlLines: readonly string[], flowText: () => string): Span {
  if (entry.map.flow) return { start: entry.end, end: entry.end, text: `, ${flowText()}` };
  const { offset, atEnd } = blockInsertPoint(doc, entry);
  const pad = ' '.repeat(columnOf(doc, entry));
  const eol = eolOf(doc);
  const text = yamlLines.map((l) => pad + l + eol).join('');
  return { start: offset, end: offset, text: atEnd ? eol + text.slice(0, -eol.length) : text };
}

/**
 * Inserts `yamlLines` (block YAML of map entries, relative indentation, no trailing newline) as new
 * entries of the map that holds the key at `siblingPath`, right after that entry. In a flow map the
 * entries are written as flow YAML.
 */
export function insertAfterEntry(doc: ManifestDocument, siblingPath: ValuePath, yamlLines: string[]): TextEdit | undefined {
  const entry = entryAt(doc, siblingPath);
  const entries = parseEntries(yamlLines);
  if (!entry || !entries) return undefined;
  const span = insertSpan(doc, entry, yamlLines, entries.flow);
  return checked(doc, span, [{ op: 'merge', path: siblingPath.slice(0, -1), value: entries.data }]);
}

/** Replaces the entry at `path` with the entries of `yamlLines` (block YAML, relative indentation). */
export function replaceEntry(doc: ManifestDocument, path: ValuePath, yamlLines: string[]): TextEdit | undefined {
  const entry = entryAt(doc, path);
  const entries = parseEntries(yamlLines);
  if (!entry || !entries) return undefined;
  let end = entry.end;
  while (end > entry.start && /[\r\n]/.test(doc.text[end - 1]!)) end--;
  const pad = ' '.repeat(columnOf(doc, entry));
  const text = entry.map.flow ? entries.flow() : yamlLines.map((l, i) => (i === 0 ? l : pad + l)).join(eolOf(doc));
  return checked(doc, { start: entry.start, end, text }, [
    { op: 'delete', path },
    { op: 'merge', path: path.slice(0, -1), value: entries.data },
  ]);
}

export function fix(title: string, safety: FindingFix['safety'], doc: ManifestDocument, edits: (TextEdit | undefined)[]): FindingFix[] {
  const defined = edits.filter((e): e is TextEdit => e !== undefined);
  if (defined.length === 0 || defined.length !== edits.length) return [];
  return [{ title, safety, edits: [{ uri: doc.uri, edits: defined }] }];
}
