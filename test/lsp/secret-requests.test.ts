/** The Secret requests over the JSON-RPC wire: the client sends text and gets views and edits, parsing no YAML. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startClient, type TestClient } from './harness';
import { SecretSaveRequest, SecretValueRequest, SecretViewRequest } from '../../server/src/protocol';
import { applyEdits } from '../helpers/applyEdits';

const URI = 'file:///w/biome/s.yaml';
const TEXT = 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {a: YQ==, b: Yg==}\nstringData:\n  P: "abc #def" # note\n';

describe('Secret requests', () => {
  let client: TestClient;
  before(async () => {
    client = await startClient();
  });
  after(async () => {
    await client.stop();
  });

  it('decodes a flow data map and saves the removal of one key, keeping the other', async () => {
    const view = await client.connection.sendRequest(SecretViewRequest, { uri: URI, text: TEXT, line: 0, sourceLabel: 's.yaml' });
    assert.equal(view.status, 'decoded');
    assert.ok(view.status === 'decoded');
    assert.deepEqual(view.keys, ['a', 'b']);
    const saved = await client.connection.sendRequest(SecretSaveRequest, {
      uri: URI,
      text: TEXT,
      name: 's',
      namespace: view.namespace,
      content: view.content.replace(/^a: a\n/m, ''),
    });
    assert.ok(saved.ok, JSON.stringify(saved));
    assert.equal(applyEdits(TEXT, saved.edits), TEXT.replace('{a: YQ==, b: Yg==}', '{b: Yg==}'));
  });

  it('encodes the YAML value at the cursor, # inside quotes included', async () => {
    const found = await client.connection.sendRequest(SecretValueRequest, { uri: URI, text: TEXT, line: 5 });
    assert.equal(found?.value, 'abc #def');
    assert.ok(found?.encodeEdit);
    assert.equal(applyEdits(TEXT, [found.encodeEdit]), TEXT.replace('"abc #def"', Buffer.from('abc #def').toString('base64')));
  });
});
