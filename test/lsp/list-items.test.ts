/** A `kind: List` over the real JSON-RPC wire: item diagnostics at exact ranges, items in the outline and in workspace symbols. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentSymbolRequest, WorkspaceSymbolRequest, type Diagnostic, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from './harness';

function brief(d: Diagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${String(d.code)}`;
}

const LIST = [
  'apiVersion: v1',
  'kind: List',
  'items:',
  '  - apiVersion: v1',
  '    kind: Service',
  '    metadata: {name: web}',
  '    spec:',
  '      selector: {app: web}',
  '      ports: [{port: 80, targetPort: http}]',
  '  - apiVersion: apps/v1',
  '    kind: Deployment',
  '    metadata: {name: web}',
  '    spec:',
  '      selector: {matchLabels: {app: web}}',
  '      template:',
  '        metadata: {labels: {app: web}}',
  '        spec:',
  '          containers:',
  '            - {name: web, image: nginx:1.25, imagePullPolicy: Sometimes, ports: [{name: http, containerPort: 8080}]}',
  '',
].join('\n');

describe('List items over LSP', () => {
  let client: TestClient;
  let root: string;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-lsp-list-'));
    client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'lists' }] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('publishes each item’s findings at their place; a Service in the List selects the Deployment in it', async () => {
    const uri = pathToFileURL(path.join(root, 'list.yaml')).href;
    const diagnostics = await client.open(uri, LIST);
    // Schema and rules both run on the items; the targetPort `http` resolves to the Deployment's port (no finding).
    assert.deepEqual(diagnostics.map(brief), ['19:63-19:72 schema-enum', '19:16-19:20 require-readiness-probe']);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const items = symbols[0]?.children?.find((s) => s.name === 'items');
    assert.deepEqual(
      items?.children?.map((s) => s.name),
      ['Service web', 'Deployment web'],
    );
    const found = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'web' })) as SymbolInformation[];
    assert.deepEqual(
      found.map((s) => [s.name, s.location.range.start.line]),
      [
        ['Service web', 4],
        ['Deployment web', 10],
      ],
    );
  });
});
