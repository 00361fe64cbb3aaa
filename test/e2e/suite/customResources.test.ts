import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createInWorkspace, diagnosticsFrom, openInWorkspace, waitFor, waitForDiagnostics, workspaceRoot } from '../helpers';
import { widgetCrd } from '../../helpers/crdFixtures';

// A custom resource beside a Pod: the first is checked once its CRD is in the workspace, the second against the target release.
const RESOURCES = [
  'apiVersion: example.com/v1',
  'kind: Widget',
  'metadata: {name: w}',
  'spec:',
  '  host: Example.COM',
  '  colour: red',
  '---',
  'apiVersion: v1',
  'kind: Pod',
  'metadata: {name: p}',
  'spec:',
  '  containers:',
  '    - name: web',
  '      image: nginx:1.27',
  '      lifecycle: {stopSignal: SIGUSR1}',
  '',
].join('\n');

// The CRD declares `color`, not the resource's `colour`, and a lowercase pattern for `host`.
const CRD = widgetCrd(
  [
    '              type: object',
    '              properties:',
    '                host: {type: string, pattern: "^[a-z0-9.-]+$"}',
    '                color: {type: string}',
  ].join('\n'),
);

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
const summary = (uri: vscode.Uri): string[] =>
  diagnosticsFrom(uri, 'biome-manifests')
    .map((d) => `${d.range.start.line}:${codeOf(d)}:${d.severity}`)
    .sort();

describe('custom resources', () => {
  after(() => vscode.workspace.getConfiguration('biomeManifests').update('kubernetesVersion', undefined, vscode.ConfigurationTarget.Global));

  it('a CRD file added to the workspace checks an open custom resource; the target version changes its diagnostics', async () => {
    const editor = await createInWorkspace('biome/e2e-widget.yaml', RESOURCES);
    const uri = editor.document.uri;
    await waitForDiagnostics(uri);
    // No CRD yet: one information-level note, never an error.
    assert.deepEqual(summary(uri), [`1:no-crd-schema:${vscode.DiagnosticSeverity.Information}`]);

    // The CRD is written on disk, as a git pull or a generator would: the file watcher tells the server.
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(workspaceRoot(), 'biome/e2e-widget-crd.yaml'), new TextEncoder().encode(CRD));
    const error = vscode.DiagnosticSeverity.Error;
    await waitFor(
      'the CRD schema findings on the open custom resource',
      () => (summary(uri).join() === [`4:schema-type:${error}`, `5:schema-unknown-field:${error}`].join() ? true : undefined),
      { event: vscode.languages.onDidChangeDiagnostics },
    );
    const [pattern] = diagnosticsFrom(uri, 'biome-manifests').filter((d) => codeOf(d) === 'schema-type');
    assert.match(pattern!.message, /must match the pattern `\^\[a-z0-9\.-\]\+\$`/);

    // Kubernetes 1.31 has no stopSignal (1.33): the Pod in the same file gets the warning, the custom resource is unchanged.
    await openInWorkspace('biome/e2e-widget.yaml');
    await vscode.workspace.getConfiguration('biomeManifests').update('kubernetesVersion', '1.31', vscode.ConfigurationTarget.Global);
    const warning = await waitFor(
      'the newer-field warning for 1.31',
      () => diagnosticsFrom(uri, 'biome-manifests').find((d) => codeOf(d) === 'no-field-newer-than-target'),
      { event: vscode.languages.onDidChangeDiagnostics },
    );
    assert.equal(warning.range.start.line, 14);
    assert.match(warning.message, /needs Kubernetes 1\.33; this workspace targets 1\.31/);
    assert.equal(summary(uri).filter((s) => s.includes('schema-')).length, 2, 'the custom resource findings stay');
  });
});
