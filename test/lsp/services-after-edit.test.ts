/**
 * biomeManifests/services (Open in Grafana) and biomeManifests/resourceGraph (Show Resource Map) answer from
 * the texts the editor sent before the request, as render does (render-after-edit.test.ts): a cold file over
 * 256 KiB is parsed in slices, and was answered from before the open (nothing) or before an edit (old names),
 * so the cursor's line pointed into another text.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { ResourceGraphRequest, ServicesRequest } from '../../server/src/protocol';
import { startClient, type TestClient } from './harness';

const URI = 'file:///services-after-edit/big.yaml';

/** 1,000 Services (≈ 300 KiB, over what a cold parse does at once), block and flow styles, named `<name>-<i>`. */
function bigText(name: string): string {
  const doc = (i: number): string =>
    i % 2
      ? `---\napiVersion: v1\nkind: Service\nmetadata: {name: ${name}-${i}} # flow\nspec: {selector: {app: a${i}}, ports: [{port: 80}]}\n# ${'y'.repeat(150)}\n`
      : `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}-${i}\nspec:\n  selector:\n    app: a${i}\n  ports:\n    - port: 8080\n# ${'x'.repeat(150)}\n`;
  return Array.from({ length: 1000 }, (_, i) => doc(i)).join('');
}

describe('services and the resource map right after the text they read', () => {
  let client: TestClient;
  before(async () => {
    client = await startClient();
  });
  after(() => client.stop());

  it('a file opened in the same breath is listed whole, with the Service at the cursor', async () => {
    const text = bigText('opened');
    assert.ok(text.length > 256 * 1024, `${text.length} chars`);
    void client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'yaml', version: 1, text } });
    const line = text.split('\n').indexOf('  name: opened-998');
    const result = await client.connection.sendRequest(ServicesRequest, { uri: URI, line });
    assert.equal(result.services.filter((s) => s.uri === URI).length, 1000);
    assert.equal(result.atCursor?.name, 'opened-998');
  });

  it('after an edit that renames every Service, the map and the list show the new names', async () => {
    const text = bigText('edited');
    void client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text }] });
    const graph = await client.connection.sendRequest(ResourceGraphRequest, {});
    const names = graph.nodes.filter((n) => n.kind === 'Service').map((n) => n.name.replace(/-\d+$/, ''));
    assert.deepEqual(new Set(names), new Set(['edited']));
    assert.equal(names.length, 1000);
    const result = await client.connection.sendRequest(ServicesRequest, {});
    assert.deepEqual(new Set(result.services.map((s) => s.name.replace(/-\d+$/, ''))), new Set(['edited']));
  });
});
