import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, createInWorkspace, waitForDiagnostics } from '../helpers';

describe('diagnostics', () => {
  before(() => activeExtension());

  it('publishes a YAML syntax error from the language server', async () => {
    // An unterminated quoted scalar: a syntax error whatever the rules say.
    const editor = await createInWorkspace(
      'biome/e2e-syntax-error.yaml',
      ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: broken', 'data:', '  key: "unterminated', ''].join('\n'),
    );
    const diagnostics = await waitForDiagnostics(editor.document.uri);
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.ok(errors.length > 0, `expected an error, got ${JSON.stringify(diagnostics)}`);
    assert.ok(
      errors.every((d) => d.range.start.line >= 5),
      `the error must point at the broken scalar: ${JSON.stringify(errors)}`,
    );
  });
});
