/**
 * Monitoring files in a Secret's `stringData` key are checked and navigated like ConfigMap keys; a Secret's base64
 * `data` is not decoded for these checks (their messages quote the content, and diagnostics reach the LSP trace).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engineWith, lintAll, TEST_FOLDER, uriOf } from '../helpers/engineHarness';
import { lensesInsight } from '../../server/src/engine/insight/lenses';
import { listServices } from '../../server/src/lsp/services';

const RULES = `groups:
  - name: app
    rules:
      - record: app:up
        expr: sum(up{job="app"})
      - alert: AppDown
        expr: app:up == 0 +
  - name: app
    rules: []
`;
const indent = (text: string): string => text.replace(/^(?=.)/gm, '    ');
const secret = (field: string, key: string, value: string): string =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: rules\ntype: Opaque\n${field}:\n  ${key}: |\n${indent(value)}`;

/** Monitoring findings only (a Secret has rules of its own), as `file:line code`. */
function monitoringFindings(files: Record<string, string>): string[] {
  return lintAll(engineWith(files))
    .filter((f) => ['valid-promql', 'no-duplicate-rule-group', 'valid-monitoring-schema', 'no-duplicate-receiver'].includes(String(f.code)))
    .map((f) => `${f.uri.slice(TEST_FOLDER.length + 1)}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code}`);
}

describe('monitoring files in Secret keys', () => {
  it('a rule file in stringData: the PromQL error and the duplicate group at their lines inside the key', () => {
    // Line 14 the broken expr (its end, after the dangling `+`, column 32); line 15 the second group's name `app`.
    assert.deepEqual(monitoringFindings({ 'secret.yaml': secret('stringData', 'alerts.yml', RULES) }), [
      'secret.yaml:14:32 valid-promql',
      'secret.yaml:15:15 no-duplicate-rule-group',
    ]);
  });

  it('an Alertmanager configuration in stringData is checked like a ConfigMap key', () => {
    const config = 'route:\n  receiver: team\nreceivers:\n  - name: team\n  - name: team\n';
    assert.deepEqual(monitoringFindings({ 'am.yaml': secret('stringData', 'alertmanager.yaml', config) }), ['am.yaml:12:15 no-duplicate-receiver']);
  });

  it('the same file base64-encoded in data is not decoded for the monitoring checks', () => {
    const encoded = Buffer.from(RULES).toString('base64');
    const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: rules\ndata:\n  alerts.yml: ${encoded}\n`;
    assert.deepEqual(monitoringFindings({ 'secret.yaml': text }), []);
  });

  it('navigation: one Open in Grafana lens per rule at its line, and the rule at the cursor with its expr', () => {
    const e = engineWith({ 'secret.yaml': secret('stringData', 'alerts.yml', RULES.replace('app:up == 0 +', 'app:up == 0')) });
    const uri = uriOf('secret.yaml');
    const lenses = lensesInsight.codeLenses!(e.index.getFile(uri)!, e.index).filter((l) => l.title === 'Open in Grafana');
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line + 1, (l.command?.arguments[0] as { rule: string }).rule]),
      [
        [11, 'app:up'],
        [13, 'AppDown'],
      ],
    );
    const rule = listServices(e.index, { uri, line: 13, character: 20 }).ruleAtCursor;
    assert.equal(rule?.name, 'AppDown');
    assert.equal(rule?.expr, 'app:up == 0');
  });
});
