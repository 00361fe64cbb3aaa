/** Completion, hover, definition, symbols and code lenses over the real JSON-RPC wire, at caret positions. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  HoverRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  CodeLensRequest,
  type CompletionList,
  type Hover,
  type Location,
  type DocumentSymbol,
  type CodeLens,
} from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from './harness';
import { SAMPLE_DIR } from '../helpers/paths';
import { caret } from '../helpers/caret';

describe('language features over LSP', () => {
  let client: TestClient;
  let root: string;
  const uriOf = (rel: string) => pathToFileURL(path.join(root, rel)).href;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-lsp-'));
    fs.cpSync(SAMPLE_DIR, root, { recursive: true });
    client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'sample' }] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('completes container keys at the caret, required first, present ones left out', async () => {
    const { text, position } = caret(
      ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', '      ^', ''].join('\n'),
    );
    const uri = uriOf('biome/pod.yaml');
    await client.open(uri, text);
    const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as CompletionList;
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('image'));
    assert.ok(labels.includes('livenessProbe'));
    assert.ok(!labels.includes('name'), 'name is already present');
  });

  it('hovers a field with its description and a link to the API reference', async () => {
    const file = path.join(root, 'biome', 'main-app-deployment.yaml');
    const uri = pathToFileURL(file).href;
    await client.open(uri, fs.readFileSync(file, 'utf8'));
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 7, character: 4 } })) as Hover;
    const value = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(value, /replicas/);
    assert.match(value, /kubernetes\.io\/docs\/reference\/kubernetes-api\/workload-resources\/deployment-v1/);
  });

  it('goes from an HPA scaleTargetRef name to the Deployment', async () => {
    const file = path.join(root, 'biome', 'main-app-hpa.yaml');
    const uri = pathToFileURL(file).href;
    await client.open(uri, fs.readFileSync(file, 'utf8'));
    const locations = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri },
      position: { line: 8, character: 12 },
    })) as Location[];
    assert.deepEqual(
      locations.map((l) => path.basename(new URL(l.uri).pathname)),
      ['main-app-deployment.yaml'],
    );
  });

  it('outlines each resource of a file and lenses the HPA', async () => {
    const uri = uriOf('biome/main-app-deployment.yaml');
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Deployment main-app', 'Service main-app'],
    );
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uriOf('biome/main-app-hpa.yaml') } })) as CodeLens[];
    assert.ok(
      lenses.some((l) => /scales Deployment main-app 2–10 at 50% CPU/.test(l.command?.title ?? '')),
      JSON.stringify(lenses),
    );
  });
});
