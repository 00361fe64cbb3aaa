/**
 * Splitting a new version of a file around what changed: the new text is compared with the
 * previous one (common prefix and suffix), only the documents that hold the difference are split
 * again, and the documents before and after are kept (those after moved by the change's offset and
 * line deltas). An edit in a 5,000-document file does not scan the whole file again.
 */
import type { ManifestDocument } from './manifestDocument';
import { LineIndex } from './lineIndex';
import { splitDocuments, type DocumentSlice } from './split';
import { documentIndexAtOffset } from './documentAt';

export interface Resplit {
  /** Documents of the previous version before the changed region, unchanged. */
  before: readonly ManifestDocument[];
  /** The changed region of the new text, split into documents (file offsets and lines). */
  slices: DocumentSlice[];
  /** Previous documents the region replaces (their chunks may be reused by text). */
  replaced: readonly ManifestDocument[];
  /** Documents of the previous version after the region, to be moved by the deltas. */
  after: readonly ManifestDocument[];
  offsetDelta: number;
  lineDelta: number;
  lines: LineIndex;
}

const BLOCK = 4096;

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  // Block compares run in native code; the last block is narrowed character by character.
  while (i + BLOCK <= max && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, max: number): number {
  let n = 0;
  while (n + BLOCK <= max && a.slice(a.length - n - BLOCK, a.length - n) === b.slice(b.length - n - BLOCK, b.length - n)) n += BLOCK;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

export function resplit(previousText: string, previousLines: LineIndex, docs: readonly ManifestDocument[], text: string): Resplit | undefined {
  if (docs.length === 0) return undefined;
  const prefix = commonPrefix(previousText, text);
  const suffix = commonSuffix(previousText, text, Math.min(previousText.length, text.length) - prefix);
  const oldChangeEnd = previousText.length - suffix;
  // A marker at the region's start must lie wholly before the change ("---" and the blank after it),
  // and the line break before the next document's marker wholly after it: then both stay markers.
  const first = documentIndexAtOffset(docs, Math.max(0, prefix - 4));
  const last = documentIndexAtOffset(docs, oldChangeEnd);
  const start = docs[first]!.start;
  const oldEnd = last + 1 < docs.length ? docs[last + 1]!.start : previousText.length;
  const offsetDelta = text.length - previousText.length;
  const newEnd = oldEnd + offsetDelta;
  const lines = LineIndex.spliced(previousLines, text, start, oldEnd, newEnd);
  const slices = splitDocuments(text.slice(start, newEnd)).map((s) => {
    const at = start + s.start;
    return { start: at, end: start + s.end, startLine: lines.positionAt(at).line };
  });
  return {
    before: docs.slice(0, first),
    slices,
    replaced: docs.slice(first, last + 1),
    after: docs.slice(last + 1),
    offsetDelta,
    lineDelta: lines.lineCount - previousLines.lineCount,
    lines,
  };
}
