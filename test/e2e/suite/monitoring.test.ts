import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, createInWorkspace, diagnosticsFrom, waitForDiagnostics } from '../helpers';

describe('monitoring files', () => {
  before(() => activeExtension());

  it('a rule file gets the PromQL error at its character, with the rule code', async () => {
    const editor = await createInWorkspace(
      'infrastructure/monitoring/rules/e2e-alerts.yml',
      ['groups:', '  - name: e2e', '    rules:', '      - alert: Down', '        expr: up{job="api"} == == 0', ''].join('\n'),
    );
    const diagnostics = await waitForDiagnostics(editor.document.uri);
    const promql = diagnostics.filter((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'valid-promql');
    assert.equal(promql.length, 1, JSON.stringify(diagnostics));
    // `up{job="api"} == == 0`: the second `==` (columns 32-33 of line 5) is the unexpected token.
    assert.deepEqual([promql[0]!.range.start.line, promql[0]!.range.start.character], [4, 31]);
    assert.equal(promql[0]!.severity, vscode.DiagnosticSeverity.Error);
  });

  it('a Grafana dashboard open in the editor is checked as typed (unsaved); other JSON gets nothing', async () => {
    // Typed into first: by the time the dashboard's diagnostics arrive, the server has seen this edit too.
    const other = await createInWorkspace('e2e-settings.json', '{ "name": "not a dashboard", "version": 1 }\n');
    await other.edit((edit) => edit.insert(new vscode.Position(0, 1), ' "edited": true,'));
    const dashboard = {
      title: 'E2E',
      schemaVersion: 39,
      panels: [{ type: 'stat', title: 'Up', targets: [{ refId: 'A', expr: 'up{job="main-app"} == 0' }] }],
    };
    const editor = await createInWorkspace('infrastructure/monitoring/grafana/dashboards/e2e.json', `${JSON.stringify(dashboard, null, 2)}\n`);
    const at = editor.document.getText().indexOf('main-app');
    await editor.edit((edit) => edit.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 8)), 'no-such-job'));
    assert.ok(editor.document.isDirty, 'the edit is not saved: only the as-you-type path can report it');
    const diagnostics = await waitForDiagnostics(editor.document.uri);
    const codes = diagnostics.map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));
    assert.deepEqual(codes, ['no-unknown-dashboard-job'], JSON.stringify(diagnostics));
    assert.deepEqual(diagnosticsFrom(other.document.uri, 'biome-manifests'), []);
  });
});
