/**
 * A cold text's line index and document split are built in steps (the server parses a 5 MB file
 * in slices): the stepped scans must give exactly what one pass gives, with LF, CRLF and lone CR
 * line ends, and a line end or a `---` marker right on a step boundary.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex, STEP_CHARS } from '../../server/src/engine/document/lineIndex';
import { splitDocuments, splitDocumentSteps, type DocumentSlice } from '../../server/src/engine/document/split';

function run<T>(steps: Generator<void, T, void>): { value: T; steps: number } {
  for (let n = 0; ; n++) {
    const step = steps.next();
    if (step.done) return { value: step.value, steps: n };
  }
}

function allLineStarts(index: LineIndex): number[] {
  return Array.from({ length: index.lineCount }, (_, line) => index.lineStart(line));
}

/** Documents of `eol`-ended lines, padded so that a line end falls on the first step boundary. */
function textAcrossBoundary(eol: string): string {
  const doc = `---${eol}apiVersion: v1${eol}kind: ConfigMap${eol}metadata:${eol}  name: x # c${eol}data: {a: b}${eol}`;
  let text = '';
  while (text.length < STEP_CHARS - 200) text += doc;
  // A line of padding whose line break starts on the last character before the boundary (CRLF: CR before it, LF after).
  text += `x: ${'y'.repeat(STEP_CHARS - text.length - 4)}${eol}`;
  while (text.length < 2.5 * STEP_CHARS) text += doc;
  return text;
}

describe('stepped scans of a cold text', () => {
  for (const [name, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
  ] as const) {
    it(`the line index built in steps equals one built at once (${name})`, () => {
      const text = textAcrossBoundary(eol);
      assert.equal(text.slice(STEP_CHARS - 1, STEP_CHARS + 1), `${eol[0]}${eol === '\r\n' ? '\n' : '-'}`);
      const stepped = run(LineIndex.steps(text));
      assert.ok(stepped.steps >= 3, `${stepped.steps} steps`);
      assert.deepEqual(allLineStarts(stepped.value), allLineStarts(new LineIndex(text)));
    });
  }

  it('the split in steps equals the split at once, whatever the step size', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = `a: 1${eol}---${eol}b: 2${eol}--- # c${eol}c: |${eol}  ---x${eol}----${eol}---${eol}`;
      const whole: DocumentSlice[] = splitDocuments(text);
      assert.equal(whole.length, 4);
      for (const stepChars of [1, 3, 7, 16, 1000]) assert.deepEqual(run(splitDocumentSteps(text, stepChars)).value, whole, `step ${stepChars}`);
    }
    const big = textAcrossBoundary('\n');
    const stepped = run(splitDocumentSteps(big, STEP_CHARS));
    assert.ok(stepped.steps >= 2);
    assert.deepEqual(stepped.value, splitDocuments(big));
  });
});
