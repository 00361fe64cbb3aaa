import type { Position } from '../types';

/** Characters scanned per step by `LineIndex.steps` and `splitDocumentSteps` (about a millisecond). */
export const STEP_CHARS = 256 * 1024;

/** Maps offsets in a text to line/character positions and back (binary search over line starts). */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(
    private readonly text: string,
    lineStarts?: number[],
    /** `lineStarts` has its exact length already and belongs to this index (no copy). */
    exact = false,
  ) {
    // Exact length (push() leaves spare room): an index is kept per document and per file.
    const starts = lineStarts ?? lineStartsOf(text, 0, text.length, [0]);
    this.lineStarts = exact ? starts : starts.slice();
  }

  /**
   * The index of `text`, built in steps of STEP_CHARS characters: a cold 5 MB text has 200,000 lines,
   * and the server parses it in slices between requests.
   */
  static *steps(text: string): Generator<void, LineIndex, void> {
    const starts = [0];
    for (let from = 0; from < text.length; from += STEP_CHARS) {
      lineStartsOf(text, from, Math.min(text.length, from + STEP_CHARS), starts);
      yield;
    }
    return new LineIndex(text, starts);
  }

  /**
   * The index of `text`, which equals `previous`'s text except that `[start, oldEnd)` became
   * `[start, newEnd)`; `start` is a line start and the character before `oldEnd` a line break (or
   * `oldEnd` the end): only the changed lines are scanned, the others are copied and moved.
   */
  static spliced(previous: LineIndex, text: string, start: number, oldEnd: number, newEnd: number): LineIndex {
    const old = previous.lineStarts;
    const delta = newEnd - oldEnd;
    const head = firstAfter(old, start);
    const tail = firstAfter(old, oldEnd);
    // Native copies of the unchanged runs (a 5,000-document file has 200,000 lines: a push per line
    // and a copy at the end were most of an edit's parse), then the lines after the change moved.
    const starts = old.slice(0, head).concat(lineStartsOf(text, start, newEnd, []), old.slice(tail));
    if (delta !== 0) for (let i = starts.length - (old.length - tail); i < starts.length; i++) starts[i]! += delta;
    return new LineIndex(text, starts, true);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low]! };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line]!;
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))]!;
  }

  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
    let end = next;
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13 && end > this.lineStarts[line]!) end--;
    return Math.max(end, this.lineStarts[line]!);
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

/** The index of the first line start after `offset` (the number of line starts at or before it). */
function firstAfter(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Appends the offsets after each line break in `text[from, to)` to `starts`. */
function lineStartsOf(text: string, from: number, to: number, starts: number[]): number[] {
  const cr = text.indexOf('\r', from);
  if (cr < 0 || cr >= to) {
    // No CR: indexOf finds each LF far faster than a loop over every character.
    for (let lf = text.indexOf('\n', from); lf >= 0 && lf < to; lf = text.indexOf('\n', lf + 1)) starts.push(lf + 1);
    return starts;
  }
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */) starts.push(i + 1);
    else if (ch === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}
