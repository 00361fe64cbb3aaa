/**
 * "Ignore <rule> here" never writes into a value: inside a block or multi-line scalar the comment
 * goes above the entry that owns the scalar, the suppression reads it there, and the value is unchanged.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { createEngine } from '../../server/src/setup';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import { codeActions } from '../../server/src/lsp/codeActions';
import { applyEdits } from '../helpers/applyEdits';
import { dataOf } from '../helpers/fixHarness';

const URI = 'file:///w/biome/s.yaml';

/** The text after "Ignore … here" on the one finding of `code`, and the findings of that code left after it. */
function ignoreOnce(text: string, code: string): { after: string; left: number } {
  const engine = createEngine();
  engine.index.setFile(URI, text);
  const findings = engine.linter.lintFile(URI).filter((f) => f.code === code);
  assert.equal(findings.length, 1, findings.map((f) => f.message).join('\n'));
  const action = codeActions(engine.index.getFile(URI)!, [toDiagnostic(findings[0]!)]).find((a) => a.title === `Ignore ${code} here`);
  assert.ok(action?.edit?.changes);
  const after = applyEdits(text, action.edit.changes[URI] as TextEdit[]);
  const check = createEngine();
  check.index.setFile(URI, after);
  return { after, left: check.linter.lintFile(URI).filter((f) => f.code === code).length };
}

const secret = (body: string, eol = '\n') => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n${body}`.replace(/\n/g, eol);

describe('Ignore … here', () => {
  for (const [label, data] of [
    ['a literal block scalar', 'data:\n  CERT: |\n    YWJjZGVm\n    YWJj*GVm\n  OK: Zm9v\n'],
    ['a folded block scalar with indicators', 'data:\n  CERT: >2-\n    YWJjZGVm\n    YWJj*GVm\n  OK: Zm9v\n'],
    ['a multi-line double-quoted scalar', 'data:\n  CERT: "YWJjZGVm\n    YWJj*GVm"\n  OK: Zm9v\n'],
    ['a block scalar in a sequence item', 'data:\n  CERT: |\n    YWJjZGVm\n    YWJj*GVm\n---\nkind: List\nitems:\n  - |\n    a\n    b\n'],
  ] as const) {
    for (const eol of ['\n', '\r\n']) {
      it(`inside ${label} (${JSON.stringify(eol)}) goes above the key and suppresses the finding`, () => {
        const text = secret(data, eol);
        const { after, left } = ignoreOnce(text, 'no-invalid-secret-base64');
        assert.deepEqual(dataOf(after), dataOf(text), 'no value changed');
        assert.match(after, new RegExp(`\\n  # biome-manifests-ignore no-invalid-secret-base64 -- <why>${eol === '\r\n' ? '\\r' : ''}\\n  CERT:`));
        assert.equal(left, 0);
      });
    }
  }

  it('on a plain line still goes right above the finding', () => {
    const { after, left } = ignoreOnce(secret('data:\n  A: Zm9v\n  B: "not base64!"\n'), 'no-invalid-secret-base64');
    assert.match(after, /\n {2}A: Zm9v\n {2}# biome-manifests-ignore no-invalid-secret-base64 -- <why>\n {2}B:/);
    assert.equal(left, 0);
  });

  it('writes a placeholder that still asks for a reason, until the user writes one', () => {
    const { after } = ignoreOnce(secret('data:\n  A: Zm9v\n  B: "not base64!"\n'), 'no-invalid-secret-base64');
    const missingReason = (text: string) => {
      const engine = createEngine();
      engine.index.setFile(URI, text);
      return engine.linter.lintFile(URI).filter((f) => f.code === 'suppression-missing-reason');
    };
    const asked = missingReason(after);
    assert.equal(asked.length, 1, 'the placeholder is not a reason');
    assert.equal(asked[0]!.range.start.line, 6, 'on the comment it wrote');
    assert.deepEqual(missingReason(after.replace('<why>', 'test fixture, not a real key')), []);
  });
});
