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

/** The bound as first written (two full sorts): the reference the faster selection must equal. */
function reference(findings: readonly Finding[], limit: number): string[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
  return [...findings]
    .sort((a, b) => rank[a.severity] - rank[b.severity] || a.range.start.line - b.range.start.line)
    .slice(0, limit - 1)
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
    .map((f) => f.message);
}

describe('bounded diagnostics, many findings', () => {
  it('keep what sorting everything kept, in the same order (ties on a line and a column included)', () => {
    let state = 7;
    const random = (n: number) => (state = (state * 1103515245 + 12345) & 0x7fffffff) % n;
    const severities: Severity[] = ['error', 'warning', 'info', 'hint'];
    for (let round = 0; round < 50; round++) {
      const findings = Array.from({ length: 20 + random(200) }, (_, n) => {
        const f = finding(random(40), severities[random(4)]!);
        return { ...f, message: `#${n}`, range: { start: { line: f.range.start.line, character: random(3) }, end: f.range.end } };
      });
      const limit = 2 + random(findings.length);
      const out = toBoundedDiagnostics(findings, limit);
      const expected = findings.length <= limit ? findings.map((f) => f.message) : reference(findings, limit);
      assert.deepEqual(
        out.filter((d) => d.code !== 'too-many-problems').map((d) => d.message),
        expected,
        `round ${round}`,
      );
    }
  });
});
