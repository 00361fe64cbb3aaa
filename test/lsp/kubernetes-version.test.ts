/** `biomeManifests.kubernetesVersion` over the real JSON-RPC wire: the configured release decides apiVersion findings. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeConfigurationNotification, type Diagnostic } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from './harness';

// stopSignal is new in 1.33; a 1.30 PodResourceClaim's `source` is gone from 1.32 on.
const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata: {name: web}',
  'spec:',
  '  containers:',
  '    - name: web',
  '      image: nginx:1.27',
  '      lifecycle: {stopSignal: SIGUSR1}',
  '      resources: {claims: [{name: gpu}]}',
  '  resourceClaims:',
  '    - name: gpu',
  '      source: {resourceClaimTemplateName: gpu}',
  '',
].join('\n');

const FLOW_SCHEMA =
  'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata: {name: fs}\nspec:\n  priorityLevelConfiguration: {name: p}\n';

describe('target Kubernetes version over LSP', () => {
  let client: TestClient;
  let root: string;
  // The harness answers configuration requests with this object: changing it and notifying is a settings change.
  const settings: Record<string, unknown> = { kubernetesVersion: '1.30' };
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-lsp-version-'));
    client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'v' }], settings });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('warns about a version deprecated in the configured release (an error only from its removal on)', async () => {
    const diagnostics = await client.open(pathToFileURL(path.join(root, 'fs.yaml')).href, FLOW_SCHEMA);
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.severity, String(d.code)]),
      [[0, 12, 2, 'no-unsupported-api-version']],
    );
    assert.match(String(diagnostics[0]!.message), /deprecated since Kubernetes 1\.29 and removed in 1\.32; this workspace targets 1\.30/);
  });

  it('applies a changed target live: the open file is checked again against the new release', async () => {
    const uri = pathToFileURL(path.join(root, 'fs.yaml')).href;
    const republished = client.diagnostics(uri);
    settings.kubernetesVersion = '1.33';
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    const diagnostics = await republished;
    assert.deepEqual(
      diagnostics.map((d) => [d.severity, String(d.code)]),
      [[1, 'no-unsupported-api-version']],
    );
    assert.match(String(diagnostics[0]!.message), /removed in Kubernetes 1\.32 \(deprecated since 1\.29\); this workspace targets 1\.33/);
  });

  it('applies a changed target live to the field rules: newer fields, then removed ones', async () => {
    const uri = pathToFileURL(path.join(root, 'pod.yaml')).href;
    const fieldRules = (diagnostics: Diagnostic[]): string[] =>
      diagnostics
        .filter((d) => String(d.code).startsWith('no-field-'))
        .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`);
    // The target is 1.33 since the previous test: stopSignal exists there, `source` is gone (since 1.32).
    assert.deepEqual(fieldRules(await client.open(uri, POD)), ['12:7 no-field-removed-in-target']);
    for (const [target, expected] of [
      ['1.30', ['8:19 no-field-newer-than-target']],
      ['1.36', ['12:7 no-field-removed-in-target']],
      ['1.31', ['8:19 no-field-newer-than-target']],
    ] as const) {
      const republished = client.diagnostics(uri);
      settings.kubernetesVersion = target;
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
      const diagnostics = await republished;
      assert.deepEqual(fieldRules(diagnostics), expected, `target ${target}`);
      assert.match(diagnostics.map((d) => d.message).join('\n'), new RegExp(`this workspace targets ${target.replace('.', '\\.')}`));
    }
  });
});
