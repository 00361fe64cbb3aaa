/** PromQL errors land on the exact character inside plain, quoted and block scalars, and inside ConfigMap files. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engineWith, lintAll } from '../helpers/engineHarness';
import { checkPromql } from '../../server/src/engine/monitoring/promql';
import { prometheusRule } from '../helpers/prometheusRule';

/** The text under each valid-promql finding of a single file, as `line:text`. */
function underlined(name: string, text: string): string[] {
  const lines = text.split('\n');
  return lintAll(engineWith({ [name]: text }))
    .filter((f) => f.code === 'valid-promql')
    .map((f) => {
      const { start, end } = f.range;
      const shown =
        start.line === end.line
          ? lines[start.line]!.slice(start.character, Math.max(end.character, start.character + 1))
          : lines[start.line]!.slice(start.character);
      return `${start.line + 1}:${shown}`;
    });
}

function ruleFile(exprLines: string): string {
  return `groups:\n  - name: api\n    rules:\n      - alert: A\n        expr: ${exprLines}\n`;
}

describe('PromQL positions', () => {
  it('plain scalar: the unknown token', () => {
    assert.deepEqual(underlined('r.rules.yml', ruleFile('sum(up) bogus')), ['5:bogus']);
  });
  it('double-quoted scalar with escapes: the character after them', () => {
    assert.deepEqual(underlined('r.rules.yml', ruleFile('"up{job=\\"a\\"} + foo bar"')), ['5:bar']);
  });
  it('literal block scalar: line and column inside the block', () => {
    const text = ruleFile('|\n          sum(rate(x[5m]))\n            / sum(rate(y[5m])) unexpected\n');
    assert.deepEqual(underlined('r.rules.yml', text), ['7:unexpected']);
  });
  it('folded block scalar: the argument with the wrong type', () => {
    const text = ruleFile('>-\n          sum(\n            rate(errors_total)\n          )\n');
    assert.deepEqual(underlined('r.rules.yml', text), ['7:errors_total']);
  });
  it('a rule file inside a ConfigMap key: the line of the file, through the block indentation', () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: prometheus-rules
data:
  alerts.yml: |
    groups:
      - name: api
        rules:
          - alert: Down
            expr: up == == 0
`;
    assert.deepEqual(underlined('cm.yaml', text), ['11:==']);
  });
  it('PrometheusRule spec.groups', () => {
    const text = prometheusRule(['- record: x:rate', "  expr: 'rate(x[5m]'"], { name: 'api', group: 'api' });
    assert.deepEqual(underlined('pr.yaml', text), ["10:'"]);
  });
});

describe('PromQL checks', () => {
  it('accepts the usual queries', () => {
    for (const query of [
      'sum by (job) (rate(x[5m])) > 0',
      'histogram_quantile(0.9, sum by (le) (rate(b[5m])))',
      'absent(up{job="a"})',
      'topk(3, x)',
      'label_replace(up, "a", "$1", "b", "(.*)")',
      'predict_linear(x[1h], 3600) < 0',
      'x offset 5m',
      'avg_over_time(x[5m:1m])',
      'up{job=~"api|web", path!~`/health.*`} or vector(0)',
      'x and on (job) y',
      'max_over_time(sum(x)[10m:1m])',
    ]) {
      assert.equal(checkPromql(query), undefined, query);
    }
  });
  it('reports argument counts and vector kinds, with what to do', () => {
    assert.match(checkPromql('clamp(x, 1)')!.message, /clamp\(\) takes 3 arguments, got 2/);
    assert.match(checkPromql('rate(x)')!.message, /expected range vector .* got instant vector \(add a range/);
    assert.match(checkPromql('sum(x[5m])')!.message, /expected instant vector in sum\(\), got range vector/);
    assert.match(checkPromql('x[5m]')!.message, /must be an instant vector or a scalar/);
    assert.match(checkPromql('foo_bar(x)')!.message, /unknown function "foo_bar"/);
  });
  it('refuses what Prometheus refuses while parsing: matcher regexes, set operators on scalars, ranges of expressions', () => {
    // Positions as promtool gives them (0-based here): the matcher, the whole binary expression, the range's `[`.
    assert.deepEqual(checkPromql('up{job=~"("}'), {
      start: 3,
      end: 11,
      message: 'the regular expression of this matcher is not valid RE2: missing closing `)`: close the group or escape the `(` as `\\(`',
    });
    assert.match(checkPromql('x{a!~"\\d(?=x)"}')!.message, /not valid RE2: lookahead/);
    assert.equal(checkPromql('x{a=~"\\d+"}'), undefined);
    assert.equal(checkPromql('x{a="("}'), undefined);
    assert.deepEqual(checkPromql('1 unless x'), { start: 0, end: 10, message: 'the set operator unless works on instant vectors only, not on a scalar' });
    assert.equal(checkPromql('(x)[5m]')!.start, 3);
    assert.match(checkPromql('x[5m][1m]')!.message, /applies only to a metric selector.*subquery/);
  });
  it('stays bounded on a 100 KB expression', () => {
    const big = Array.from({ length: 8000 }, (_, i) => `m${i}`).join(' + ');
    assert.ok(big.length > 60_000);
    assert.equal(checkPromql(big), undefined);
    assert.match(checkPromql(`${big} +`)!.message, /ends too early/);
    assert.match(checkPromql('x'.repeat(300_000))!.message, /not checked above/);
  });
});
