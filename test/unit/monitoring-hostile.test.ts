/**
 * Hostile monitoring files stay bounded: 10,000 rules, 100 KB of PromQL, pathological regexes, unbalanced
 * templates and binary junk give clear findings, no exception, within generous bounds (a shared 2-core CI).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engineWith, lintAll } from '../helpers/engineHarness';
import { re2Problem } from '../../server/src/engine/monitoring/re2';
import { lensesInsight } from '../../server/src/engine/insight/lenses';
import { promqlInsight } from '../../server/src/engine/insight/promql';
import { nodeAtOffset } from '../../server/src/engine/insight/astPath';
import { uriOf } from '../helpers/engineHarness';

/** Hang guards only (bounds far above the measured times, which are in scripts/bench): not speed targets. */
function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

function codes(files: Record<string, string>): string[] {
  return lintAll(engineWith(files)).map((f) => `${f.range.start.line + 1} ${f.code}`);
}

describe('hostile monitoring files', () => {
  it('a rule file of 10,000 rules with one broken expression: that one finding, in bounded time', () => {
    const rules = Array.from({ length: 10_000 }, (_, i) => `      - record: job:m${i}:rate5m\n        expr: sum by (job) (rate(m${i}_total[5m]))`);
    rules[7_777] = '      - record: job:broken:rate5m\n        expr: sum by (job) (rate(broken_total[5m])';
    const text = `groups:\n  - name: big\n    rules:\n${rules.join('\n')}\n`;
    const { value, ms } = timed(() => codes({ 'big.rules.yml': text }));
    assert.deepEqual(value, [`${4 + 7_777 * 2 + 1} valid-promql`]);
    assert.ok(ms < 120_000, `${Math.round(ms)} ms`);
  });

  it("a ConfigMap key of 10,000 rules: a lens on each rule's line, navigation from the last to the first", () => {
    const rules = Array.from(
      { length: 10_000 },
      (_, i) => `          - record: job:m${i}:rate5m\n            expr: sum(rate(m${i}_total[5m])) + job:m0:rate5m`,
    );
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  big.rules.yml: |\n    groups:\n      - name: big\n        rules:\n${rules.join('\n')}\n`;
    const engine = engineWith({ 'big-configmap.yaml': text });
    const { value: lenses, ms } = timed(() => {
      const file = engine.index.getFile(uriOf('big-configmap.yaml'))!;
      return lensesInsight.codeLenses!(file, engine.index);
    });
    assert.equal(lenses.length, 10_000);
    assert.deepEqual([lenses[0]!.range.start.line, lenses[9_999]!.range.start.line], [9, 9 + 9_999 * 2]);
    const file = engine.index.getFile(uriOf('big-configmap.yaml'))!;
    const doc = file.documents[0]!;
    const offset = text.lastIndexOf('job:m0:rate5m') + 2;
    const cursor = { index: engine.index, file, doc, offset, at: nodeAtOffset(doc, offset), settings: { showDecodedSecrets: false } };
    const { value: definition, ms: navigationMs } = timed(() => promqlInsight.definition!(cursor));
    assert.deepEqual(
      definition.map((l) => l.range.start),
      [{ line: 9, character: 20 }],
    );
    assert.equal(promqlInsight.references!(cursor).length, 10_000);
    assert.ok(ms < 60_000 && navigationMs < 60_000, `${Math.round(ms)} ms, ${Math.round(navigationMs)} ms`);
  });

  it('100 KB of PromQL in one expr: checked, not hung', () => {
    const expr = Array.from({ length: 14_000 }, (_, i) => `m${i}`).join(' + ');
    assert.ok(expr.length > 100_000);
    const { value, ms } = timed(() => codes({ 'big.rules.yml': `groups:\n  - name: g\n    rules:\n      - record: big:sum\n        expr: ${expr} +\n` }));
    assert.deepEqual(value, ['5 valid-promql']);
    assert.ok(ms < 60_000, `${Math.round(ms)} ms`);
  });

  it('pathological regexes are scanned in linear time, never run', () => {
    const nested = `${'('.repeat(50_000)}a+${')+'.repeat(50_000)}$`;
    const { value, ms } = timed(() => re2Problem(nested));
    assert.match(value?.message ?? '', /nest more than 1000 deep/);
    assert.ok(ms < 20_000, `${Math.round(ms)} ms`);
    assert.equal(re2Problem(`(a+)+${'b'.repeat(100_000)}`), undefined);
    const config = `scrape_configs:\n  - job_name: a\n    relabel_configs:\n      - source_labels: [x]\n        regex: '(a|aa)+(?=b)'\n        action: keep\n`;
    assert.deepEqual(codes({ 'prometheus.yml': config }), ['5 valid-relabel-config']);
  });

  it('unbalanced template braces are a finding, not an exception', () => {
    const text = `groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n        annotations:\n          summary: '{{ {{ $labels.job }}'\n          description: '}} {{'\n`;
    assert.deepEqual(codes({ 'a.rules.yml': text }), ['7 valid-rule-definition', '8 valid-rule-definition']);
  });

  it('binary junk named like a monitoring file gives YAML findings only', () => {
    let junk = '';
    for (let i = 0; i < 20_000; i++) junk += String.fromCharCode((i * 7919) % 256);
    for (const name of ['prometheus.yml', 'alertmanager.yml', 'x.rules.yml']) {
      const found = lintAll(engineWith({ [name]: junk }));
      assert.ok(
        found.every((f) => f.code.startsWith('yaml-')),
        found.map((f) => f.code).join(', '),
      );
    }
  });

  it('a ConfigMap holding a broken Alertmanager file: reported on the line inside the block scalar', () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: alertmanager
data:
  alertmanager.yml: |
    route:
      receiver: team
    receivers:
      - name: teams
`;
    assert.deepEqual(codes({ 'cm.yaml': text }), ['8 no-missing-alertmanager-receiver']);
  });
});
