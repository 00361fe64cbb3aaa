/**
 * References into a `kind: List` over the real JSON-RPC wire: a secretKeyRef to a Secret defined as
 * a List item resolves (no missing-secret finding), go to definition lands on the item, find
 * references from the item reaches the Deployment, and an item without its own kind is reported.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DefinitionRequest, ReferencesRequest, type Diagnostic, type Location } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from './harness';

const SECRETS = [
  'apiVersion: v1',
  'kind: List',
  'items:',
  '  - apiVersion: v1',
  '    kind: ConfigMap',
  '    metadata: {name: settings}',
  '    data: {mode: fast}',
  '  - apiVersion: v1',
  '    kind: Secret',
  '    metadata:',
  '      name: db',
  '    stringData:',
  '      password: hunter2',
  '',
].join('\n');

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: api}',
  'spec:',
  '  selector: {matchLabels: {app: api}}',
  '  template:',
  '    metadata: {labels: {app: api}}',
  '    spec:',
  '      containers:',
  '        - name: api',
  '          image: api:1.0',
  '          env:',
  '            - name: DB_PASSWORD',
  '              valueFrom:',
  '                secretKeyRef: {name: db, key: password}',
  '',
].join('\n');

const REFERENCE_RULES = ['no-missing-secret', 'no-missing-secret-key'];
const references = (diagnostics: Diagnostic[]): string[] =>
  diagnostics.filter((d) => REFERENCE_RULES.includes(String(d.code))).map((d) => `${d.range.start.line + 1} ${String(d.code)}`);
const where = (l: Location): string => `${path.basename(new URL(l.uri).pathname)} ${l.range.start.line + 1}:${l.range.start.character + 1}`;

describe('references into List items over LSP', () => {
  let client: TestClient;
  let root: string;
  const uriOf = (name: string): string => pathToFileURL(path.join(root, name)).href;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-lsp-list-refs-'));
    client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'list-refs' }] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('resolves a secretKeyRef to a Secret that is a List item, and follows edits of the List', async () => {
    await client.open(uriOf('secrets.yaml'), SECRETS);
    assert.deepEqual(references(await client.open(uriOf('deployment.yaml'), DEPLOYMENT)), []);
    const recheck = client.diagnostics(uriOf('deployment.yaml'));
    await client.change(uriOf('secrets.yaml'), SECRETS.replace('password: hunter2', 'passwd: hunter2'), 2);
    assert.deepEqual(references(await recheck), ['15 no-missing-secret-key']);
    const restored = client.diagnostics(uriOf('deployment.yaml'));
    await client.change(uriOf('secrets.yaml'), SECRETS, 3);
    assert.deepEqual(references(await restored), []);
  });

  it('goes to the List item from the reference, and finds the reference from the item', async () => {
    const line = DEPLOYMENT.split('\n').findIndex((l) => l.includes('secretKeyRef'));
    const column = DEPLOYMENT.split('\n')[line]!.indexOf('db');
    const toSecret = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: uriOf('deployment.yaml') },
      position: { line, character: column + 1 },
    })) as Location[];
    assert.deepEqual(toSecret.map(where), ['secrets.yaml 11:13']);
    const keyColumn = DEPLOYMENT.split('\n')[line]!.indexOf('password');
    const toKey = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: uriOf('deployment.yaml') },
      position: { line, character: keyColumn + 1 },
    })) as Location[];
    assert.deepEqual(toKey.map(where), ['secrets.yaml 13:7']);
    const found = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uriOf('secrets.yaml') },
      position: { line: 10, character: 13 },
      context: { includeDeclaration: false },
    })) as Location[];
    assert.ok(
      found.some((l) => where(l) === `deployment.yaml ${line + 1}:${column + 1}`),
      found.map(where).join(', '),
    );
  });

  it('reports a List item without apiVersion and kind at the item, the other items as before', async () => {
    const bare = `${SECRETS}  - metadata: {name: orphan}\n    data: {a: b}\n`;
    const diagnostics = await client.change(uriOf('secrets.yaml'), bare, 4);
    assert.deepEqual(
      diagnostics.filter((d) => String(d.code).startsWith('schema-')).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`),
      ['14:5 schema-required', '14:5 schema-required'],
    );
    assert.match(diagnostics.map((d) => d.message).join('\n'), /Missing required field `kind` in List item at `items\[2\]`/);
  });
});
