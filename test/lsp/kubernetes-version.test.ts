/** `biomeManifests.kubernetesVersion` over the real JSON-RPC wire: the configured release decides apiVersion findings. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startClient, type TestClient } from './harness';

const FLOW_SCHEMA = 'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata: {name: fs}\nspec:\n  priorityLevelConfiguration: {name: p}\n';

describe('target Kubernetes version over LSP', () => {
  let client: TestClient;
  let root: string;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-lsp-version-'));
    client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'v' }], settings: { kubernetesVersion: '1.30' } });
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
});
