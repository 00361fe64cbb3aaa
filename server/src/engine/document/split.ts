/**
 * Splits a multi-document YAML stream at its `---` document markers without parsing it, so an edit
 * re-parses only the document it touches. A line starting with `---` followed by a blank or the end
 * of the line always starts a new document in YAML (the marker is forbidden inside any scalar), so
 * this split agrees with the parser.
 */
export interface DocumentSlice {
  /** Offset of the first character of this document's text (the marker line, if any). */
  start: number;
  /** Offset just past the document's last character. */
  end: number;
  /** Zero-based line of `start` in the file. */
  startLine: number;
}

function isMarkerAt(text: string, offset: number): boolean {
  if (text.charCodeAt(offset) !== 45 || text.charCodeAt(offset + 1) !== 45 || text.charCodeAt(offset + 2) !== 45) {
    return false;
  }
  const next = text.charCodeAt(offset + 3);
  return Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13;
}

export function splitDocuments(text: string): DocumentSlice[] {
  const steps = splitDocumentSteps(text, Infinity);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `splitDocuments` in steps: yields after each `stepChars` characters scanned (a cold 5 MB file is split in slices). */
export function* splitDocumentSteps(text: string, stepChars: number): Generator<void, DocumentSlice[], void> {
  const slices: DocumentSlice[] = [];
  let start = 0;
  let startLine = 0;
  let line = 0;
  let offset = 0;
  let nextYield = stepChars;
  while (offset <= text.length) {
    if (offset >= nextYield) {
      nextYield = offset + stepChars;
      yield;
    }
    if (offset > 0 && isMarkerAt(text, offset)) {
      slices.push({ start, end: offset, startLine });
      start = offset;
      startLine = line;
    }
    const newline = text.indexOf('\n', offset);
    if (newline < 0) break;
    offset = newline + 1;
    line++;
  }
  slices.push({ start, end: text.length, startLine });
  return slices;
}
