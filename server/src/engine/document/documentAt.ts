/** Finding the document of a file that holds a position: one binary search for every caller. */
import type { ManifestDocument } from './manifestDocument';

/** Index of the last document whose `key` (start offset or start line) is at or before `value`; 0 when none is. */
function lastAtOrBefore(docs: readonly ManifestDocument[], key: 'start' | 'startLine', value: number): number {
  let low = 0;
  let high = docs.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (docs[mid]![key] <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Index of the document holding file offset `offset`. */
export function documentIndexAtOffset(docs: readonly ManifestDocument[], offset: number): number {
  return lastAtOrBefore(docs, 'start', offset);
}

/** The document holding file line `line` (the later one when a `---` line starts it), if any starts by then. */
export function documentAtLine(docs: readonly ManifestDocument[], line: number): ManifestDocument | undefined {
  const doc = docs[lastAtOrBefore(docs, 'startLine', line)];
  return doc && doc.startLine <= line ? doc : undefined;
}
