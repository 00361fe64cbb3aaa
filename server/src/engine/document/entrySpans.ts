/**
 * Where a map entry sits in the source, read from yaml's AST ranges, and the text spans that delete
 * it or follow it — for block maps (one entry per line or more) and flow maps (`{a: 1, b: 2}`, on one
 * line or several). Offsets are document-local. Undefined means "no span known to be safe".
 */
import type { Node, Pair, YAMLMap } from 'yaml';
import type { ManifestDocument } from './manifestDocument';
import { isMap } from './yamlGuards';
import type { ValuePath } from '../types';

export interface Entry {
  map: YAMLMap;
  index: number;
  pair: Pair;
  /** Offset of the key's first character. */
  start: number;
  /** Offset just after the value (or the key when there is no value). */
  end: number;
}

/** A local replacement: [start, end) of the document's text becomes `text`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

function rangeOf(node: unknown): [number, number, number] | undefined {
  return (node as Node | null | undefined)?.range ?? undefined;
}

export function entryAt(doc: ManifestDocument, path: ValuePath): Entry | undefined {
  if (path.length === 0) return undefined;
  const map = doc.nodeAt(path.slice(0, -1));
  if (!isMap(map)) return undefined;
  const pair = doc.findPair(path);
  if (!pair) return undefined;
  const key = rangeOf(pair.key);
  if (!key) return undefined;
  return { map, index: map.items.indexOf(pair), pair, start: key[0], end: entryEnd(pair) ?? key[1] };
}

function entryEnd(pair: Pair): number | undefined {
  const key = rangeOf(pair.key);
  const value = rangeOf(pair.value);
  return value ? Math.max(value[1], key?.[1] ?? 0) : key?.[1];
}

/** End of the line holding `offset` (before its line break). */
function lineEndAt(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl < 0 ? text.length : nl;
  return text[end - 1] === '\r' ? end - 1 : end;
}

function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset after the line break ending the line that holds `offset` (or the text's end). */
function nextLineAt(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

const BLANK = /^[ \t]*$/;
const WHITESPACE = /^\s*$/;

/** The last line that holds the entry: a block value's range ends at the start of the line after it. */
function lastLineEnd(text: string, entry: Entry): number {
  let end = entry.end;
  while (end > entry.start && /[\r\n]/.test(text[end - 1]!)) end--;
  return end;
}

/** Deleting an entry of a block map: its whole lines, or `{}` when it is the map's only entry. */
export function deleteBlockSpan(doc: ManifestDocument, entry: Entry): Span | undefined {
  const text = doc.text;
  const lineStart = lineStartAt(text, entry.start);
  const last = lastLineEnd(text, entry);
  const only = entry.map.items.length === 1;
  if (!BLANK.test(text.slice(lineStart, entry.start))) {
    // `- key: v` (the first entry of a sequence item): the entry shares its line with the dash.
    if (only) return { start: entry.start, end: last, text: '{}' };
    const next = rangeOf(entry.map.items[entry.index + 1]?.key);
    // Anything but whitespace up to the next key (a comment) would be lost with the entry.
    if (entry.index !== 0 || !next || !WHITESPACE.test(text.slice(last, next[0]))) return undefined;
    return { start: entry.start, end: next[0], text: '' };
  }
  const end = nextLineAt(text, last);
  if (!only) return { start: lineStart, end, text: '' };
  // The map's only entry: the map stays, empty (`data: {}`), rather than turning into null.
  const lastEnd = lineEndAt(text, last);
  const keyLineEnd = lineEndAt(text, Math.max(0, lineStart - 1));
  if (lineStart > 0 && /:[ \t]*$/.test(text.slice(lineStartAt(text, keyLineEnd), keyLineEnd))) return { start: keyLineEnd, end: lastEnd, text: ' {}' };
  return { start: lineStart, end, text: `${text.slice(lineStart, entry.start)}{}${text.slice(lastEnd, end)}` };
}

/** Deleting an entry of a flow map: the entry and one comma, the whole line when it stands alone on it. */
export function deleteFlowSpan(doc: ManifestDocument, entry: Entry): Span | undefined {
  const text = doc.text;
  const items = entry.map.items;
  if (entry.index + 1 < items.length) {
    const comma = commaAfter(text, entry.end);
    if (comma === undefined) return undefined;
    let end = comma + 1;
    while (text[end] === ' ') end++;
    const lineStart = lineStartAt(text, entry.start);
    if (BLANK.test(text.slice(lineStart, entry.start)) && /^[ \t]*\r?\n/.test(text.slice(end)))
      return { start: lineStart, end: nextLineAt(text, end), text: '' };
    return { start: entry.start, end, text: '' };
  }
  if (entry.index === 0) return { start: entry.start, end: entry.end, text: '' };
  const previous = entryEnd(items[entry.index - 1]!);
  const comma = previous === undefined ? undefined : commaAfter(text, previous);
  if (comma === undefined || !WHITESPACE.test(text.slice(comma + 1, entry.start))) return undefined;
  return { start: comma, end: entry.end, text: '' };
}

/** The `,` after `offset` with only whitespace before it (a comment there: no safe span). */
function commaAfter(text: string, offset: number): number | undefined {
  let i = offset;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return text[i] === ',' ? i : undefined;
}

/** Where entries inserted after `entry` go in a block map: the start of the line after its last line. */
export function blockInsertPoint(doc: ManifestDocument, entry: Entry): { offset: number; atEnd: boolean } {
  const text = doc.text;
  const last = lastLineEnd(text, entry);
  const offset = nextLineAt(text, last);
  return { offset, atEnd: offset === text.length && !text.endsWith('\n') };
}

/** Column of the entry's key: the indentation of entries inserted beside it. */
export function columnOf(doc: ManifestDocument, entry: Entry): number {
  return entry.start - lineStartAt(doc.text, entry.start);
}
