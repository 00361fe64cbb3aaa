import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as vscode from 'vscode';
import { activeExtension, createInWorkspace, waitFor, waitForDiagnostics } from '../helpers';

describe('kustomization files', () => {
  before(() => activeExtension());

  it('shows the server findings and the kubectl kustomize build failure on the entry it names', async function () {
    const editor = await createInWorkspace('e2e-kustomize/kustomization.yaml', 'resources:\n  - missing.yaml\nnamePrefx: a-\n');
    const uri = editor.document.uri;
    const server = await waitFor(
      'both server findings',
      () => {
        const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'biome-manifests');
        return found.length >= 2 ? found : undefined;
      },
      { event: vscode.languages.onDidChangeDiagnostics },
    );
    assert.deepEqual(server.map((d) => `${d.range.start.line} ${typeof d.code === 'object' ? String(d.code.value) : String(d.code)}`).sort(), [
      '1 no-missing-kustomize-path',
      '2 schema-unknown-field',
    ]);
    // kubectl is not part of the e2e tools: the build check is covered where it is installed.
    if (spawnSync('kubectl', ['version', '--client']).status !== 0) return this.skip();
    const kubectl = await waitForDiagnostics(uri, 'kubectl kustomize');
    assert.equal(kubectl.length, 1);
    // The schema error comes first in kubectl (strict decoding), so the message names the unknown field.
    assert.match(kubectl[0]!.message, /^kubectl kustomize cannot build this folder: .*namePrefx/);
    assert.equal(kubectl[0]!.severity, vscode.DiagnosticSeverity.Error);
  });
});
