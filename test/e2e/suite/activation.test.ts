import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, extensionId, openInWorkspace, waitForDiagnostics, workspaceRoot } from '../helpers';

describe('activation', () => {
  it('runs on a temp copy of the sample workspace, never examples/ itself', () => {
    const root = workspaceRoot().fsPath;
    assert.ok(!root.includes('/examples/'), `workspace ${root} must be a temp copy`);
    assert.ok(root.endsWith('biome-sample'), `workspace ${root} must be a copy of examples/biome-sample`);
  });

  it('activates when a manifest of the sample opens', async () => {
    const editor = await openInWorkspace('biome/main-app-deployment.yaml');
    assert.equal(editor.document.languageId, 'yaml');
    // Diagnostics on the file come only from an extension the open itself activated (activeExtension() below
    // would activate it anyway).
    await waitForDiagnostics(editor.document.uri);
    const ext = await activeExtension();
    assert.equal(ext.id, extensionId);
    assert.ok(vscode.extensions.getExtension(extensionId)?.isActive);
    const api = ext.exports as { activationMs: number; firstDiagnosticsMs?: number };
    assert.ok(api.activationMs > 0 && api.activationMs < 5000, `activation took ${api.activationMs} ms`);
    // Printed for the record (the harness forwards the extension host's console).
    console.log(`activation: ${api.activationMs.toFixed(1)} ms; first diagnostics: ${api.firstDiagnosticsMs?.toFixed(0) ?? 'pending'} ms after server start`);
  });
});
