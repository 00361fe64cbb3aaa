/**
 * Moving cached findings with their documents. A cached finding's ranges (its own, related
 * locations, fix edits) were computed against one version of each file; when lines above a
 * document are added or removed, the document's unchanged chunk is found again in the new version
 * and every range in it moves by the same number of lines.
 */
import type { ManifestFile } from '../document/manifestFile';
import type { ManifestDocument } from '../document/manifestDocument';
import type { ParsedChunk } from '../document/parsedChunk';
import type { Finding, Range } from '../types';
import { documentAtLine } from '../document/documentAt';

function shiftRange(range: Range, delta: number): Range {
  if (delta === 0) return range;
  return {
    start: { line: range.start.line + delta, character: range.start.character },
    end: { line: range.end.line + delta, character: range.end.character },
  };
}

/**
 * Applies `mapRange` to every range of a finding; returns undefined when one cannot be mapped, and
 * the finding itself when no range moved (an edit below a document leaves its findings as they were:
 * thousands of them are kept, not copied, on every keystroke). The ranges are mapped first and the
 * finding copied only when one moved.
 */
export function mapFindingRanges<T extends Finding>(finding: T, mapRange: (uri: string, range: Range) => Range | undefined): T | undefined {
  // Every range of the finding in order: its own, the related locations', the fix edits'.
  const mapped: Range[] = [];
  let moved = false;
  const map = (uri: string, range: Range): boolean => {
    const to = mapRange(uri, range);
    if (!to) return false;
    if (to !== range) moved = true;
    mapped.push(to);
    return true;
  };
  if (!map(finding.uri, finding.range)) return undefined;
  for (const r of finding.related ?? []) if (!map(r.uri, r.range)) return undefined;
  for (const fix of finding.data?.fixes ?? []) for (const file of fix.edits) for (const edit of file.edits) if (!map(file.uri, edit.range)) return undefined;
  if (!moved) return finding;
  let next = 0;
  const take = (): Range => mapped[next++]!;
  const out: T = { ...finding, range: take() };
  if (finding.related) out.related = finding.related.map((r) => ({ ...r, range: take() }));
  if (finding.data?.fixes) {
    const fixes = finding.data.fixes.map((fix) => ({
      ...fix,
      edits: fix.edits.map((file) => ({ uri: file.uri, edits: file.edits.map((edit) => ({ ...edit, range: take() })) })),
    }));
    out.data = { ...finding.data, fixes };
  }
  return out;
}

/** Shifts a finding whose ranges all lie in one document by `delta` lines. */
export function shiftFinding<T extends Finding>(finding: T, delta: number): T {
  if (delta === 0) return finding;
  return mapFindingRanges(finding, (_uri, range) => shiftRange(range, delta))!;
}

const chunkPlaces = new WeakMap<ManifestFile, Map<ParsedChunk, ManifestDocument>>();

function placeOf(file: ManifestFile, chunk: ParsedChunk): ManifestDocument | undefined {
  let places = chunkPlaces.get(file);
  if (!places) {
    places = new Map(file.documents.map((d) => [d.chunk, d]));
    chunkPlaces.set(file, places);
  }
  return places.get(chunk);
}

/**
 * Maps ranges computed against `then` (a file version) to `now`; a range maps to undefined when the
 * document it was in no longer exists unchanged. The document found for a range and its line delta
 * are kept for the next range, so the ranges of one document (its findings, their related locations
 * and fix edits) cost one binary search, not one each.
 */
export function rangeRelocator(then: ManifestFile, now: ManifestFile | undefined): (range: Range) => Range | undefined {
  if (!now) return () => undefined;
  if (then === now) return (range) => range;
  // The lines [from, to) of the last document found, and how far it moved (undefined: it is gone).
  let from = 0;
  let to = -1;
  let delta: number | undefined;
  return (range) => {
    const line = range.start.line;
    if (line < from || line >= to) {
      const old = documentAtLine(then.documents, line);
      if (!old) return undefined;
      const current = placeOf(now, old.chunk);
      from = old.startLine;
      to = then.documents[old.index + 1]?.startLine ?? Infinity;
      delta = current ? current.startLine - old.startLine : undefined;
    }
    return delta === undefined ? undefined : shiftRange(range, delta);
  };
}
