/** Diagnostics over the real JSON-RPC wire: exact ranges, codes and messages; versions; cross-file updates. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from './harness';
import { SAMPLE_DIR } from '../helpers/paths';

function brief(d: Diagnostic) {
  return `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${d.message}`;
}

describe('diagnostics over LSP', () => {
  let client: TestClient;
  let root: string;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-lsp-'));
    fs.cpSync(SAMPLE_DIR, root, { recursive: true });
    client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'sample' }] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reports a typo, a wrong type and a missing required field, each once, at exact ranges', async () => {
    const uri = pathToFileURL(path.join(root, 'biome', 'new-deployment.yaml')).href;
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  replicas: two',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      containers:',
      '        - name: web',
      '          image: nginx:1.25',
      '          livnessProbe: {}',
      '        - image: busybox:1.36',
      '',
    ].join('\n');
    const diagnostics = await client.open(uri, text);
    assert.deepEqual(diagnostics.map(brief), [
      '6:13 schema-type `replicas` must be an integer, got string "two".',
      '16:11 schema-unknown-field Unknown field `livnessProbe` in Container; did you mean `livenessProbe`?',
      '17:11 schema-required Missing required field `name` in Container at `spec.template.spec.containers[1]`; add `name:`.',
    ]);
    assert.ok(diagnostics.every((d) => d.source === 'biome-manifests' && d.severity === 1));
  });

  it('validates the probes patch as a patch: no missing-field errors', async () => {
    const file = path.join(root, 'biome', 'main-app-probes.yaml');
    const diagnostics = await client.open(pathToFileURL(file).href, fs.readFileSync(file, 'utf8'));
    assert.deepEqual(diagnostics.map(brief), []);
  });

  it('publishes for the version it checked and reports a YAML syntax error where it is', async () => {
    const uri = pathToFileURL(path.join(root, 'scratch.yaml')).href;
    await client.open(uri, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n', 1);
    const diagnostics = await client.change(uri, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata: [1\n', 2);
    assert.equal(client.latest(uri)?.version, 2);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['yaml-syntax'],
    );
    assert.equal(diagnostics[0]!.range.start.line, 4);
  });
});
