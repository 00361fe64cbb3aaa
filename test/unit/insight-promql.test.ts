/**
 * PromQL navigation in rule files and PrometheusRule objects: definition from a metric name in an `expr` to its
 * `record:`, references back (exact ranges through plain, quoted and block scalars, LF and CRLF), hover on functions
 * and recording rules, completion inside `expr` only.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, type Engine } from '../../server/src/setup';
import { nodeAtOffset } from '../../server/src/engine/insight/astPath';
import { promqlInsight } from '../../server/src/engine/insight/promql';
import type { CursorContext, Location } from '../../server/src/engine/insight/types';
import { prometheusRule } from '../helpers/prometheusRule';

const RECORDING = `groups:
  - name: http
    rules:
      - record: job:http_errors:rate5m
        expr: sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))
`;
const ALERTS = `# alerts for the main app
groups:
  - name: alerts
    rules:
      - alert: HighErrors
        expr: |
          job:http_errors:rate5m
            > on(job) group_left 0.1 * scalar(sum(rate(http_requests_total[5m])))
        for: 10m
        labels: {severity: page, note: "rate"}
`;
const OPERATOR = prometheusRule(['- alert: ErrorBudget', '  expr: "max(job:http_errors:rate5m) \\u003e 0.5 or absent(job:http_errors:rate5m)"']);

function engineWith(eol: string): Engine {
  const engine = createEngine();
  engine.index.setFile('file:///w/rules/recording.yml', RECORDING.replace(/\n/g, eol));
  engine.index.setFile('file:///w/rules/alerts.rules.yml', ALERTS.replace(/\n/g, eol));
  engine.index.setFile('file:///w/biome/prometheus-rule.yaml', OPERATOR.replace(/\n/g, eol));
  return engine;
}

/** The cursor `delta` characters into the `nth` occurrence of `needle` in the file. */
function cursor(engine: Engine, uri: string, needle: string, delta = 1, nth = 0): CursorContext {
  const file = engine.index.getFile(uri)!;
  let found = -1;
  for (let i = 0; i <= nth; i++) found = file.text.indexOf(needle, found + 1);
  assert.ok(found >= 0, `${needle} not in ${uri}`);
  const offset = found + delta;
  const doc = file.documents.find((d) => d.start <= offset && offset <= d.start + d.text.length)!;
  const local = offset - doc.start;
  return { index: engine.index, file, doc, offset: local, at: nodeAtOffset(doc, local), settings: { showDecodedSecrets: false } };
}

/** `file:line:col text` of each location, the text read back from the file at its range. */
function shown(engine: Engine, locations: Location[]): string[] {
  return locations.map((l) => {
    const lines = engine.index.getFile(l.uri)!.text.split(/\r?\n/);
    const text = lines[l.range.start.line]!.slice(l.range.start.character, l.range.end.character);
    return `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.line + 1}:${l.range.start.character + 1} ${text}`;
  });
}

for (const [label, eol] of [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
] as const) {
  describe(`PromQL navigation (${label})`, () => {
    const engine = engineWith(eol);
    const RECORD_AT = ['recording.yml:4:17 job:http_errors:rate5m'];

    it('goes to the record: from a use in a block scalar and in a quoted scalar with escapes', () => {
      assert.deepEqual(shown(engine, promqlInsight.definition!(cursor(engine, 'file:///w/rules/alerts.rules.yml', 'job:http_errors', 4))), RECORD_AT);
      const operator = 'file:///w/biome/prometheus-rule.yaml';
      assert.deepEqual(shown(engine, promqlInsight.definition!(cursor(engine, operator, 'job:http_errors', 2, 1))), RECORD_AT, 'after the \\u003e escape');
    });

    it('finds every use of a recording rule, from its record: and from a use', () => {
      const uses = [
        'alerts.rules.yml:7:11 job:http_errors:rate5m',
        'prometheus-rule.yaml:10:22 job:http_errors:rate5m',
        'prometheus-rule.yaml:10:67 job:http_errors:rate5m',
      ];
      assert.deepEqual(shown(engine, promqlInsight.references!(cursor(engine, 'file:///w/rules/recording.yml', 'job:http_errors'))).sort(), uses);
      assert.deepEqual(shown(engine, promqlInsight.references!(cursor(engine, 'file:///w/rules/alerts.rules.yml', 'job:http_errors'))).sort(), uses);
    });

    it('a raw metric, a label value or a label name is not a recording rule', () => {
      assert.deepEqual(promqlInsight.definition!(cursor(engine, 'file:///w/rules/recording.yml', 'http_requests_total')), []);
      assert.deepEqual(promqlInsight.definition!(cursor(engine, 'file:///w/rules/alerts.rules.yml', 'on(job)', 4)), []);
      assert.equal(promqlInsight.hover!(cursor(engine, 'file:///w/rules/alerts.rules.yml', '"rate"', 2)), undefined, 'a label value outside expr');
    });

    it('hovers a function with its signature and docs, and a recording rule with its expression', () => {
      const rate = promqlInsight.hover!(cursor(engine, 'file:///w/rules/alerts.rules.yml', 'rate(', 1))!;
      assert.match(rate.markdown, /rate\(range-vector\) → instant vector/);
      assert.match(rate.markdown, /querying\/functions\/#rate\)/);
      const sum = promqlInsight.hover!(cursor(engine, 'file:///w/rules/recording.yml', 'sum by', 1))!;
      assert.match(sum.markdown, /^```promql\nsum \[by\|without \(labels\)\] \(instant-vector\)/);
      const use = promqlInsight.hover!(cursor(engine, 'file:///w/biome/prometheus-rule.yaml', 'job:http_errors', 3))!;
      assert.match(use.markdown, /Recording rule `job:http_errors:rate5m` \(recording\\\.yml, group `http`\)/);
      assert.match(use.markdown, /sum by \(job\) \(rate\(http_requests_total\{code=~"5\.\."\}\[5m\]\)\)/);
      const record = promqlInsight.hover!(cursor(engine, 'file:///w/rules/recording.yml', 'job:http_errors'))!;
      assert.match(record.markdown, /used by 3 expressions/);
    });

    it('completes functions and recording rules inside expr, and nothing elsewhere', () => {
      const items = promqlInsight.completion!(cursor(engine, 'file:///w/rules/alerts.rules.yml', 'job:http_errors', 2));
      assert.ok(items.some((i) => i.label === 'job:http_errors:rate5m' && i.detail === 'recording rule'));
      assert.ok(items.some((i) => i.label === 'histogram_quantile' && i.insertText === 'histogram_quantile('));
      assert.deepEqual(promqlInsight.completion!(cursor(engine, 'file:///w/rules/alerts.rules.yml', 'HighErrors', 2)), []);
      assert.deepEqual(promqlInsight.completion!(cursor(engine, 'file:///w/rules/alerts.rules.yml', '10m', 1)), []);
    });
  });
}

// A rule file inside a ConfigMap key, as a Prometheus Deployment mounts it: a block scalar holding YAML whose own
// exprs are plain, quoted (with an escape) and block scalars, after another document of the same file.
const CONFIGMAP = `apiVersion: v1
kind: Namespace
metadata:
  name: monitoring
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: prometheus-rules
  namespace: monitoring
data:
  other.txt: "groups: not rules"
  recording.rules.yml: |
    groups:
      - name: cm
        rules:
          - record: cm:requests:rate5m
            expr: sum(rate(http_requests_total[5m]))
          - alert: CmRequestsHigh
            expr: "cm:requests:rate5m \\u003e 100"
          - alert: CmRequestsLow
            expr: |
              cm:requests:rate5m
                < 1
`;
const USES_CONFIGMAP = `groups:
  - name: file
    rules:
      - alert: FromFile
        expr: cm:requests:rate5m == 0
`;

for (const [label, eol] of [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
] as const) {
  describe(`PromQL navigation in a ConfigMap key (${label})`, () => {
    const engine = createEngine();
    const configMap = 'file:///w/biome/monitoring-stack.yaml';
    const rules = 'file:///w/rules/uses.rules.yml';
    engine.index.setFile(configMap, CONFIGMAP.replace(/\n/g, eol));
    engine.index.setFile(rules, USES_CONFIGMAP.replace(/\n/g, eol));
    const RECORD_AT = ['monitoring-stack.yaml:17:21 cm:requests:rate5m'];
    const USES = ['monitoring-stack.yaml:20:20 cm:requests:rate5m', 'monitoring-stack.yaml:23:15 cm:requests:rate5m', 'uses.rules.yml:5:15 cm:requests:rate5m'];

    it('goes to the record: in the ConfigMap from a use in the key (quoted, block) and from another file', () => {
      assert.deepEqual(shown(engine, promqlInsight.definition!(cursor(engine, configMap, 'cm:requests', 3, 1))), RECORD_AT, 'quoted');
      assert.deepEqual(shown(engine, promqlInsight.definition!(cursor(engine, configMap, 'cm:requests', 3, 2))), RECORD_AT, 'block scalar');
      assert.deepEqual(shown(engine, promqlInsight.definition!(cursor(engine, rules, 'cm:requests', 3))), RECORD_AT, 'rule file');
    });

    it('finds every use from the record: in the key, at exact ranges', () => {
      assert.deepEqual(shown(engine, promqlInsight.references!(cursor(engine, configMap, 'cm:requests', 3, 0))).sort(), USES);
      assert.deepEqual(shown(engine, promqlInsight.references!(cursor(engine, rules, 'cm:requests', 3))).sort(), USES);
    });

    it('completes the recorded name in an expr of the key, and nothing on its other lines', () => {
      const items = promqlInsight.completion!(cursor(engine, configMap, 'cm:requests', 1, 2));
      assert.ok(items.some((i) => i.label === 'cm:requests:rate5m' && i.detail === 'recording rule'));
      assert.deepEqual(promqlInsight.completion!(cursor(engine, configMap, 'CmRequestsHigh', 2)), []);
      assert.deepEqual(promqlInsight.completion!(cursor(engine, configMap, 'not rules', 2)), [], 'a key that holds no rule file');
    });

    it('hovers the use with the recording rule, and the record: with its count of uses', () => {
      const use = promqlInsight.hover!(cursor(engine, rules, 'cm:requests', 3))!;
      assert.match(use.markdown, /Recording rule `cm:requests:rate5m` \(monitoring\\-stack\\\.yaml, group `cm`\)/);
      assert.match(promqlInsight.hover!(cursor(engine, configMap, 'cm:requests', 3, 0))!.markdown, /used by 3 expressions/);
    });
  });
}
