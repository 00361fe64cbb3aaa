/** Kustomization files over the real JSON-RPC wire: diagnostics, quick fix, path completion, definition, hover. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  HoverRequest,
  type CodeAction,
  type CompletionList,
  type Hover,
  type Location,
} from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from './harness';
import { applyEdits } from '../helpers/applyEdits';

const FILES: Record<string, string> = {
  'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
  'base/deployment.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: main-app\ndata: {}\n',
  'overlay/replicas.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: main-app\ndata:\n  a: "1"\n',
  'overlay/conf/app.conf': 'port = 80\n',
};

describe('kustomization files over LSP', () => {
  let client: TestClient;
  let root: string;
  const uriOf = (rel: string) => pathToFileURL(path.join(root, rel)).href;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-lsp-kustomize-'));
    for (const [name, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
    client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'k' }] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reports missing paths, typos and deprecated fields, and the deprecation quick fix clears its warning', async () => {
    const uri = uriOf('overlay/kustomization.yaml');
    const text = 'bases:\n  - ../base\nresources:\n  - missing.yaml\nnamePrefx: prod-\n';
    const diagnostics = await client.open(uri, text);
    assert.deepEqual(diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${d.severity}`).sort(), [
      '0:0 no-deprecated-kustomize-field 2',
      '3:4 no-missing-kustomize-path 1',
      '4:0 schema-unknown-field 1',
    ]);
    const deprecated = diagnostics.find((d) => d.code === 'no-deprecated-kustomize-field')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: deprecated.range,
      context: { diagnostics: [deprecated] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title === 'Move `bases` to `resources`');
    assert.ok(fix?.edit?.changes?.[uri], actions.map((a) => a.title).join(', '));
    const fixed = applyEdits(text, fix.edit.changes[uri]!);
    assert.equal(fixed, 'resources:\n  - missing.yaml\n  - ../base\nnamePrefx: prod-\n');
    const after = await client.change(uri, fixed, 2);
    assert.deepEqual(after.map((d) => String(d.code)).sort(), ['no-missing-kustomize-path', 'schema-unknown-field']);
  });

  it('completes the files and folders next to the kustomization, and inside a typed folder', async () => {
    const uri = uriOf('overlay/kustomization.yaml');
    let version = 10;
    const labels = async (text: string, line: number, character: number): Promise<string[]> => {
      await client.change(uri, text, ++version);
      const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } })) as CompletionList;
      return list.items.filter((i) => i.detail === 'file' || i.detail === 'folder').map((i) => i.label);
    };
    assert.deepEqual(await labels('resources:\n  - \n', 1, 4), ['conf/', 'replicas.yaml']);
    assert.deepEqual(await labels('resources:\n  - ../\n', 1, 7), ['base/', 'overlay/']);
    assert.deepEqual(await labels('patches:\n  - path: re\n', 1, 12), ['conf/', 'replicas.yaml']);
    assert.deepEqual(await labels('configMapGenerator:\n  - name: c\n    files:\n      - app=conf/\n', 3, 17), ['app.conf']);
    assert.deepEqual(await labels('namePrefix: \n', 0, 12), [], 'not a path field');
  });

  it('goes to a listed file, and to the kustomization of a listed folder', async () => {
    const uri = uriOf('overlay/kustomization.yaml');
    await client.change(uri, 'resources:\n  - ../base\npatches:\n  - path: replicas.yaml\n', 500_000_000);
    const definition = async (line: number, character: number) =>
      ((await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line, character } })) as Location[]).map((l) => l.uri);
    assert.deepEqual(await definition(1, 6), [uriOf('base/kustomization.yaml')]);
    assert.deepEqual(await definition(3, 12), [uriOf('overlay/replicas.yaml')]);
  });

  it('hovers a kustomization field with its description', async () => {
    const uri = uriOf('overlay/kustomization.yaml');
    await client.change(uri, 'resources:\n  - ../base\nnamePrefix: prod-\n', 500_000_001);
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 3 } })) as Hover;
    assert.match((hover.contents as { value: string }).value, /^\*\*namePrefix\*\* `string` — optional, in Kustomization\n\nPrefix added to every object name/);
  });
});
