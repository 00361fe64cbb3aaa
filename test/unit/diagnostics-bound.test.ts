/** Diagnostics per file are bounded: errors first, and a closing note says how many were left out. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toBoundedDiagnostics } from '../../server/src/lsp/diagnostics';
import type { Finding, Severity } from '../../server/src/engine/types';

function finding(line: number, severity: Severity): Finding {
  const at = { line, character: 0 };
  return { code: 'x', severity, message: `problem on line ${line}`, uri: 'file:///a.yaml', range: { start: at, end: at } };
}

describe('bounded diagnostics', () => {
  it('passes a normal number of findings through unchanged', () => {
    assert.equal(toBoundedDiagnostics([finding(1, 'warning'), finding(2, 'error')]).length, 2);
  });

  it('keeps errors first when over the limit, in line order, and says how many are left out', () => {
    const findings = [finding(1, 'warning'), finding(2, 'info'), finding(3, 'error'), finding(4, 'warning'), finding(5, 'error')];
    const out = toBoundedDiagnostics(findings, 4);
    assert.deepEqual(
      out.map((d) => d.message),
      [
        'problem on line 1',
        'problem on line 3',
        'problem on line 5',
        '2 more problems in this file are not shown (5 in all; the first 3, errors first, are). Run `biome-manifests check` for the full list.',
      ],
    );
    assert.equal(out[3]!.code, 'too-many-problems');
  });
});
