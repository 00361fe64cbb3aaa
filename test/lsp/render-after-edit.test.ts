/**
 * biomeManifests/render answers from the texts the editor sent before the request, even while their parse
 * is still in slices (a cold file over 256 KiB always is; on a loaded machine an edit's first slice can
 * overrun too). Before, such a render was answered from the previous text and the preview, refreshed
 * once after the edit, kept showing it: the e2e "updates live when a patch changes" flake. Likewise a render
 * asked for while the workspace still loads waits for the load (it showed a file without its patches).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { RenderRequest } from '../../server/src/protocol';
import { pathToFileURL } from 'node:url';
import { startClient, type TestClient } from './harness';
import { SAMPLE_DIR } from '../helpers/paths';

const URI = 'file:///render-after-edit/big.yaml';

/** 1,200 ConfigMaps (≈ 330 KiB, over what a cold parse does at once), block and flow styles, named `<name>-<i>`. */
function bigText(name: string): string {
  const doc = (i: number): string =>
    i % 2
      ? `---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}-${i}} # flow\ndata: {k: "${'y'.repeat(200)}"}\n`
      : `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}-${i}\ndata:\n  k: |\n    ${'x'.repeat(200)}\n`;
  return Array.from({ length: 1200 }, (_, i) => doc(i)).join('');
}

function render(client: TestClient): Promise<{ objects: { name?: string }[] }> {
  return client.connection.sendRequest(RenderRequest, { target: { kind: 'file', uri: URI }, mode: 'full', revealSecrets: false });
}

describe('render right after the text it reads', () => {
  let client: TestClient;
  before(async () => {
    client = await startClient();
  });
  after(() => client.stop());

  it('a file opened in the same breath is rendered whole, not as empty', async () => {
    const text = bigText('opened');
    assert.ok(text.length > 256 * 1024, `${text.length} chars`);
    void client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'yaml', version: 1, text } });
    const result = await render(client);
    assert.equal(result.objects.length, 1200);
    assert.equal(result.objects[0]?.name, 'opened-0');
  });

  it('after an edit that renames every object, the render shows the new names', async () => {
    const text = bigText('edited');
    void client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text }] });
    const result = await render(client);
    assert.deepEqual(new Set(result.objects.map((o) => o.name?.replace(/-\d+$/, ''))), new Set(['edited']));
    assert.equal(result.objects.length, 1200);
  });
});

describe('render while the workspace loads', () => {
  it('waits for the load: the deployment is shown with its probes patch', async () => {
    const root = pathToFileURL(SAMPLE_DIR).href;
    const client = await startClient({ workspaceFolders: [{ uri: root, name: 'sample' }], waitForIndex: false });
    try {
      const target = { kind: 'file' as const, uri: `${root}/biome/main-app-deployment.yaml` };
      const result = await client.connection.sendRequest(RenderRequest, { target, mode: 'full', revealSecrets: false, root });
      assert.equal(result.patchCount, 1);
      assert.match(result.text, /# from: biome\/main-app-deployment\.yaml \(base\), biome\/main-app-probes\.yaml \(patch\)/);
    } finally {
      await client.stop();
    }
  });
});
