import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, createInWorkspace, waitFor, workspaceRoot } from '../helpers';
import { largeManifest, referenceFindings } from '../largeManifest';

/**
 * A 1,441-document file (≈ 580 KB): the bundled server parses it cold on two threads (the parse
 * worker runs dist/server.js in a worker thread). VS Code shows exactly the findings the engine
 * computes for it on one thread (in a worker of the test, not on the extension host's thread).
 */
function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

describe('a large file', () => {
  before(() => activeExtension());
  // Its 480 Services must not reach suites that list the workspace's services.
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), 'biome/e2e-large.yaml'));
  });

  it('gets in VS Code exactly the findings of a single-threaded check', async () => {
    const text = largeManifest();
    const expected = await referenceFindings(text);
    assert.ok(expected.length >= 10, `the file has findings (${expected.length})`);
    const editor = await createInWorkspace('biome/e2e-large.yaml', text);
    const shown = await waitFor(
      'all diagnostics of the large file',
      () => {
        const found = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'biome-manifests');
        return found.length >= expected.length ? found : undefined;
      },
      { event: vscode.languages.onDidChangeDiagnostics },
    );
    assert.deepEqual(shown.map((d) => `${d.range.start.line}:${d.range.start.character} ${codeOf(d)}`).sort(), expected);
  });
});
