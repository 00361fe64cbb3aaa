/**
 * What the client forwards to the workbench for a large file (issue #15 item 10): a publication of diagnostics
 * that repeats the last one is dropped, and a file with many code lenses gets those near its visible lines.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { sameDiagnostic, UnchangedDiagnostics } from '../../client/src/unchangedDiagnostics';
import { LENS_WINDOW_MARGIN, LENS_WINDOW_MIN, leavesWindow, lensesInWindow, lensWindow } from '../../client/src/lensWindow';

type TestDiagnostic = vscode.Diagnostic & { data?: unknown };

function diagnostic(line: number, message = 'image uses :latest', extra: Partial<Record<string, unknown>> = {}): TestDiagnostic {
  const range = { start: { line, character: 17 }, end: { line, character: 29 } };
  return { range, message, severity: 1, source: 'biome-manifests', code: 'no-latest-tag', ...extra } as unknown as TestDiagnostic;
}

const fileUri = 'file:///w/big.yaml';

describe('unchanged diagnostics', () => {
  it('the same diagnostics again for a file are a repeat; for another file they are not', () => {
    const seen = new UnchangedDiagnostics();
    assert.equal(seen.isRepeat(fileUri, [diagnostic(3), diagnostic(40)]), false);
    assert.equal(seen.isRepeat(fileUri, [diagnostic(3), diagnostic(40)]), true);
    assert.equal(seen.isRepeat('file:///w/other.yaml', [diagnostic(3), diagnostic(40)]), false);
  });

  it('any difference the workbench shows or a quick fix reads goes through, and becomes the new last', () => {
    const seen = new UnchangedDiagnostics();
    seen.isRepeat(fileUri, [diagnostic(3)]);
    const changes: [string, TestDiagnostic][] = [
      ['a line below', diagnostic(4)],
      ['the message', diagnostic(4, 'other')],
      ['the severity', diagnostic(4, 'other', { severity: 0 })],
      ['the code', diagnostic(4, 'other', { severity: 0, code: 'no-latest' })],
      ['the tags', diagnostic(4, 'other', { severity: 0, code: 'no-latest', tags: [1] })],
      ['the data', diagnostic(4, 'other', { severity: 0, code: 'no-latest', tags: [1], data: { fix: 'pin' } })],
    ];
    for (const [what, changed] of changes) {
      assert.equal(seen.isRepeat(fileUri, [changed]), false, what);
      assert.equal(seen.isRepeat(fileUri, [changed]), true, `${what}, sent twice`);
    }
    assert.equal(seen.isRepeat(fileUri, []), false, 'cleared');
    assert.equal(seen.isRepeat(fileUri, [diagnostic(3)]), false, 'after clearing, the first diagnostics again');
  });

  it('related information and code targets are compared by value', () => {
    const related = (message: string) => [{ location: { uri: { toString: () => fileUri }, range: diagnostic(9).range }, message }];
    assert.ok(sameDiagnostic(diagnostic(1, 'm', { relatedInformation: related('x') }), diagnostic(1, 'm', { relatedInformation: related('x') })));
    assert.ok(!sameDiagnostic(diagnostic(1, 'm', { relatedInformation: related('x') }), diagnostic(1, 'm', { relatedInformation: related('y') })));
    const code = (target: string) => ({ value: 'no-latest-tag', target: { toString: () => target } });
    assert.ok(sameDiagnostic(diagnostic(1, 'm', { code: code('a') }), diagnostic(1, 'm', { code: code('a') })));
    assert.ok(!sameDiagnostic(diagnostic(1, 'm', { code: code('a') }), diagnostic(1, 'm', { code: code('b') })));
  });

  it('a restarted client forgets what it forwarded', () => {
    const seen = new UnchangedDiagnostics();
    seen.isRepeat(fileUri, [diagnostic(3)]);
    seen.clear();
    assert.equal(seen.isRepeat(fileUri, [diagnostic(3)]), false);
  });
});

describe('code lenses near the visible lines', () => {
  const lensesEvery = (lines: number, count: number) => Array.from({ length: count }, (_, i) => ({ range: { start: { line: i * lines } }, i }));

  it(`a file with up to ${LENS_WINDOW_MIN} lenses gets them all, wherever it is scrolled`, () => {
    const lenses = lensesEvery(50, LENS_WINDOW_MIN);
    assert.equal(lensesInWindow(lenses, lensWindow([{ start: 4000, end: 4040 }])).length, LENS_WINDOW_MIN);
  });

  it('a file with 961 lenses every 50 lines gets those within the margin of what is visible', () => {
    const lenses = lensesEvery(50, 961);
    const window = lensWindow([{ start: 24_000, end: 24_040 }]);
    assert.deepEqual(window, [{ start: 24_000 - LENS_WINDOW_MARGIN, end: 24_040 + LENS_WINDOW_MARGIN }]);
    const shown = lensesInWindow(lenses, window);
    assert.deepEqual(
      shown.map((l) => l.range.start.line),
      Array.from({ length: 13 }, (_, i) => 23_700 + i * 50),
    );
  });

  it('two editors on the file: the lenses near either; none visible: the top of the file', () => {
    const lenses = lensesEvery(50, 961);
    const two = lensesInWindow(
      lenses,
      lensWindow([
        { start: 0, end: 40 },
        { start: 40_000, end: 40_040 },
      ]),
    );
    assert.equal(two.length, 7 + 13);
    const none = lensesInWindow(lenses, lensWindow([]));
    assert.deepEqual([none[0]!.range.start.line, none.at(-1)!.range.start.line], [0, 2 * LENS_WINDOW_MARGIN]);
  });

  it('scrolling within the window asks for nothing; coming within half the margin of its edge asks again', () => {
    const window = lensWindow([{ start: 24_000, end: 24_040 }]);
    assert.equal(leavesWindow([{ start: 24_100, end: 24_140 }], window), false);
    assert.equal(leavesWindow([{ start: 24_000 + LENS_WINDOW_MARGIN / 2, end: 24_040 + LENS_WINDOW_MARGIN / 2 + 1 }], window), true);
    assert.equal(leavesWindow([{ start: 30_000, end: 30_040 }], window), true);
    assert.equal(leavesWindow([{ start: 23_600, end: 23_640 }], window), true);
    // At the top of the file the window cannot reach further up: scrolling there asks for nothing.
    assert.equal(leavesWindow([{ start: 0, end: 40 }], lensWindow([{ start: 10, end: 50 }])), false);
  });
});
