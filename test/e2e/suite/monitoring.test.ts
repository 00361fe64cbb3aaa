import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, createInWorkspace, waitForDiagnostics } from '../helpers';

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
});
