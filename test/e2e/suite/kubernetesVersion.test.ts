import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, createInWorkspace, diagnosticsFrom, waitFor, waitForDiagnostics } from '../helpers';

const FLOW_SCHEMA = [
  'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3',
  'kind: FlowSchema',
  'metadata: {name: fs}',
  'spec:',
  '  priorityLevelConfiguration: {name: p}',
  '',
].join('\n');

describe('target Kubernetes version', () => {
  let status: { text: string };
  before(async () => {
    const ext = await activeExtension();
    status = (ext.exports as { versionStatus: { text: string } }).versionStatus;
  });
  after(() => vscode.workspace.getConfiguration('biomeManifests').update('kubernetesVersion', undefined, vscode.ConfigurationTarget.Global));

  it('shows the target in the language status, and a changed setting re-checks open files live', async () => {
    const editor = await createInWorkspace('biome/e2e-flowschema.yaml', FLOW_SCHEMA);
    const uri = editor.document.uri;
    const code = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
    const first = await waitForDiagnostics(uri);
    assert.deepEqual(
      first.map((d) => [code(d), d.severity]),
      [['no-unsupported-api-version', vscode.DiagnosticSeverity.Error]],
    );
    assert.equal(status.text, 'Kubernetes 1.36');

    await vscode.workspace.getConfiguration('biomeManifests').update('kubernetesVersion', '1.30', vscode.ConfigurationTarget.Global);
    const warning = await waitFor(
      'the deprecation warning for 1.30',
      () => diagnosticsFrom(uri, 'biome-manifests').find((d) => code(d) === 'no-unsupported-api-version' && d.severity === vscode.DiagnosticSeverity.Warning),
      { event: vscode.languages.onDidChangeDiagnostics },
    );
    assert.match(warning.message, /this workspace targets 1\.30/);
    // The item follows the configuration change it subscribed to at activation, before this wait's listener.
    await waitFor('the status to show 1.30', () => (status.text === 'Kubernetes 1.30' ? true : undefined), {
      event: vscode.workspace.onDidChangeConfiguration,
    });
  });
});
