/**
 * Code lenses come from the server only, from one provider: Grafana over Services and Deployments and over each alerting
 * and recording rule (rule files, PrometheusRule objects, ConfigMap keys), Decode over Secrets.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { insightProviders } from '../../server/src/engine/insight';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LENS_COMMANDS, lensesInsight } from '../../server/src/engine/insight/lenses';
import { sampleEngine, sampleUri } from '../helpers/sampleEngine';
import { engineWith, uriOf } from '../helpers/engineHarness';
import { listServices } from '../../server/src/lsp/services';
import { prometheusRule } from '../helpers/prometheusRule';

const engine = sampleEngine();

function lensesOf(path: string): string[] {
  const uri = sampleUri(path);
  return lensesInsight.codeLenses!(engine.index.getFile(uri)!, engine.index).map(
    (l) => `${l.range.start.line + 1} ${l.title} → ${l.command?.id ?? ''} ${JSON.stringify(l.command?.arguments).replaceAll(uri, '<uri>')}`,
  );
}

describe('code lenses', () => {
  it('run commands the extension contributes', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { commands: { command: string }[] };
    };
    const contributed = new Set(pkg.contributes.commands.map((c) => c.command));
    assert.deepEqual(
      Object.values(LENS_COMMANDS).filter((id) => !contributed.has(id)),
      [],
    );
  });

  it('come from one insight provider', () => {
    assert.deepEqual(
      insightProviders.filter((p) => p.codeLenses).map((p) => p.id),
      ['lenses'],
    );
  });

  it('open Grafana from the `kind:` line of each Service and Deployment', () => {
    assert.deepEqual(lensesOf('biome/main-app-deployment.yaml'), [
      '2 Open in Grafana → biomeManifests.openGrafana [{"uri":"<uri>","line":1}]',
      '39 Open in Grafana → biomeManifests.openGrafana [{"uri":"<uri>","line":38}]',
    ]);
  });

  it('decode a Secret, naming it', () => {
    assert.deepEqual(lensesOf('biome/app-secrets.yaml'), [
      '2 Decode → biomeManifests.decodeSecret [{"uri":"<uri>","line":1,"name":"app-secrets","namespace":"default"}]',
    ]);
  });

  it('offer Grafana and Decode only on files on disk (untitled documents have none)', () => {
    const e = engineWith({});
    e.index.setFile('untitled:Untitled-1', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n');
    assert.deepEqual(lensesInsight.codeLenses!(e.index.getFile('untitled:Untitled-1')!, e.index), []);
  });

  it('offer Grafana on the first line of each alerting and recording rule, in rule files, PrometheusRules and ConfigMap keys', () => {
    const e = engineWith(RULE_FILES);
    const lenses = (name: string): string[] =>
      lensesInsight.codeLenses!(e.index.getFile(uriOf(name))!, e.index).map((l) => `${l.range.start.line + 1} ${JSON.stringify(l.command?.arguments[0])}`);
    const args = (name: string, line: number, rule: string): string => `${line + 1} ${JSON.stringify({ uri: uriOf(name), line, rule })}`;
    assert.deepEqual(lenses('alerts.rules.yml'), [args('alerts.rules.yml', 3, 'job:errors:rate5m'), args('alerts.rules.yml', 7, 'HighErrors')]);
    assert.deepEqual(lenses('prometheus-rule.yaml'), [args('prometheus-rule.yaml', 8, 'ErrorBudget')]);
    // The ConfigMap's own lens (none: ConfigMaps have no Grafana lens) and one per rule inside its key, at the rule's line.
    assert.deepEqual(lenses('monitoring-stack.yaml'), [args('monitoring-stack.yaml', 13, 'cm:up'), args('monitoring-stack.yaml', 15, 'CmDown')]);
  });

  it('the rule at a line or cursor is what Open Grafana opens: the expr value, escapes and block scalars resolved', () => {
    const e = engineWith(RULE_FILES);
    const at = (name: string, line: number, character?: number) =>
      listServices(e.index, { uri: uriOf(name), line, ...(character === undefined ? {} : { character }) }).ruleAtCursor;
    assert.deepEqual(at('alerts.rules.yml', 9), {
      name: 'HighErrors',
      type: 'alert',
      group: 'app',
      expr: 'job:errors:rate5m{job="api"}\n  > 0.1\n',
      uri: uriOf('alerts.rules.yml'),
      line: 7,
    });
    assert.equal(at('alerts.rules.yml', 4)?.name, 'job:errors:rate5m');
    assert.equal(at('alerts.rules.yml', 4)?.type, 'record');
    assert.equal(at('alerts.rules.yml', 1), undefined, 'the group name line is in no rule');
    assert.equal(at('prometheus-rule.yaml', 9)?.expr, 'max(job:errors:rate5m) > 0.5 or absent(up{job="a\\"b"})');
    assert.equal(at('monitoring-stack.yaml', 16, 20)?.expr, 'up{job="cm"} == 0');
    assert.equal(at('monitoring-stack.yaml', 11, 4), undefined, 'the key line is before the rules');
    assert.equal(at('alerts.rules.yml', 7, 2)?.name, 'HighErrors', 'the cursor in the indentation before `- alert:`');
    assert.equal(at('alerts.rules.yml', 10, 0)?.name, 'HighErrors', 'the cursor at the start of a line of the expr');
    assert.equal(at('main-app.yaml', 1), undefined, 'a Deployment holds no rule');
  });

  it('flow-style rules on one line: one lens each, and each lens finds its own rule', () => {
    const e = engineWith({ 'flow.rules.yml': 'groups: [{name: f, rules: [{alert: A, expr: "up == 0"}, {record: b:sum, expr: sum(up)}]}]\n' });
    const lenses = lensesInsight.codeLenses!(e.index.getFile(uriOf('flow.rules.yml'))!, e.index);
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, (l.command?.arguments[0] as { rule: string }).rule]),
      [
        [0, 'A'],
        [0, 'b:sum'],
      ],
    );
    const named = (rule: string) => listServices(e.index, { uri: uriOf('flow.rules.yml'), line: 0, rule }).ruleAtCursor?.expr;
    assert.deepEqual([named('A'), named('b:sum')], ['up == 0', 'sum(up)']);
    const cursor = listServices(e.index, { uri: uriOf('flow.rules.yml'), line: 0, character: 70 }).ruleAtCursor;
    assert.equal(cursor?.name, 'b:sum', 'the cursor picks the rule it is in');
  });
});

const RULE_FILES: Record<string, string> = {
  'alerts.rules.yml': `groups:
  - name: app
    rules:
      - record: job:errors:rate5m
        expr: sum by (job) (rate(errors_total[5m]))
        labels:
          team: a
      - alert: HighErrors
        expr: |
          job:errors:rate5m{job="api"}
            > 0.1
        for: 5m
`,
  'prometheus-rule.yaml': prometheusRule(['- alert: ErrorBudget', '  expr: "max(job:errors:rate5m) \\u003e 0.5 or absent(up{job=\\"a\\\\\\"b\\"})"']),
  'monitoring-stack.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: prometheus-rules
data:
  prometheus.yml: |
    global:
      scrape_interval: 15s
  alerts.yml: |
    groups:
      - name: cm
        rules:
          # the first rule
          - record: cm:up
            expr: sum(up)
          - alert: CmDown
            expr: 'up{job="cm"} == 0'
`,
  'main-app.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: main-app
`,
};
