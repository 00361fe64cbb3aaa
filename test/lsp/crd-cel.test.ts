/**
 * CEL rules of CRDs over the real JSON-RPC wire: a custom resource that fails a rule of a workspace CRD gets an
 * error at the field that carries the rule (or its fieldPath), which goes when the object is fixed or the CRD's
 * rule changes; a rule that does not compile is an error on the CRD at the rule; a catalog kind's rule
 * (Gateway API) is reported without any CRD in the workspace; a rule calling the quantity library is evaluated.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from './harness';
import { REPO_ROOT } from '../helpers/paths';

const CRD = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'crd', 'scaler-crd.yaml'), 'utf8');
const LIMITS_CRD = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'crd', 'limits-crd.yaml'), 'utf8');
const SCALER = 'apiVersion: example.com/v1\nkind: Scaler\nmetadata: {name: s}\nspec:\n  minReplicas: 5\n  maxReplicas: 2\n  cpu: 1\n';

/** `line:char-line:char severity code message` (0-based, as LSP has them). */
function described(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(
    (d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${String(d.code)} ${d.message}`,
  );
}

describe('CEL rules over LSP', () => {
  let client: TestClient;
  let root: string;
  const uriOf = (rel: string) => pathToFileURL(path.join(root, rel)).href;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-lsp-cel-'));
    fs.writeFileSync(path.join(root, 'scaler-crd.yaml'), CRD);
    fs.writeFileSync(path.join(root, 'limits-crd.yaml'), LIMITS_CRD);
    client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'cel' }] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reports a failed rule at its fieldPath, and clears it when the object is fixed', async () => {
    const uri = uriOf('scaler.yaml');
    assert.deepEqual(described(await client.open(uri, SCALER)), [
      '4:2-4:13 1 schema-cel-rule spec.minReplicas: minReplicas must not be greater than maxReplicas',
    ]);
    assert.deepEqual(described(await client.change(uri, SCALER.replace('maxReplicas: 2', 'maxReplicas: 8'), 2)), []);
  });

  it("a rule calling Kubernetes' quantity library is evaluated: request over limit is an error, fixed it goes", async () => {
    const uri = uriOf('limit.yaml');
    const limit = 'apiVersion: example.com/v1\nkind: Limit\nmetadata: {name: l}\nspec:\n  request: 2Gi\n  limit: 1500Mi\n';
    assert.deepEqual(described(await client.open(uri, limit)), ['4:2-4:9 1 schema-cel-rule spec.request: request must not exceed limit']);
    assert.deepEqual(described(await client.change(uri, limit.replace('2Gi', '1Gi'), 2)), []);
  });

  it('a rule that does not compile is one error on the CRD, at the text of the rule', async () => {
    const crd = uriOf('scaler-crd.yaml');
    const broken = CRD.replace('rule: "self.all(t, t.startsWith(\'/\'))"', 'rule: "self.all(t, t.startsWith(\'/\')"');
    const diagnostics = described(await client.open(crd, broken));
    assert.equal(diagnostics.length, 1, diagnostics.join('\n'));
    assert.match(diagnostics[0]!, /^41:28-41:59 1 schema-crd-cel-rule The rule does not compile: .* \(version v1\): the API server refuses this CRD\.$/);
  });

  it('a Gateway API HTTPRoute breaking a rule of the bundled catalog gets the error at parentRefs', async () => {
    const uri = uriOf('route.yaml');
    const route = 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: web}\nspec:\n  parentRefs:\n    - name: gw\n    - name: gw\n';
    assert.deepEqual(described(await client.open(uri, route)), [
      '4:2-4:12 1 schema-cel-rule spec.parentRefs: sectionName must be unique when parentRefs includes 2 or more references to the same parent',
    ]);
  });
});
