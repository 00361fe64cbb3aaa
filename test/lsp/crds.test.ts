/**
 * Custom resources over the real JSON-RPC wire: an open custom resource's diagnostics follow its CRD as it
 * is added (on disk, or opened), edited and deleted; hover and completion come from the CRD; a CRD
 * outside the workspace is read through `biomeManifests.crds.paths`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  HoverRequest,
  type CompletionList,
  type Diagnostic,
  type Hover,
} from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from './harness';
import { REPO_ROOT } from '../helpers/paths';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'crd');
const CRD = fs.readFileSync(path.join(FIXTURES, 'servicemonitor-crd.yaml'), 'utf8');
const MONITOR = fs.readFileSync(path.join(FIXTURES, 'servicemonitor.yaml'), 'utf8');
const CHECKED = [
  '10:6 schema-unknown-field',
  '11:14 schema-enum',
  '13:19 schema-type',
  '21:24 schema-unknown-field',
  '28:0 schema-required',
  '4:2 schema-unknown-field',
];

function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`).sort();
}

describe('custom resources over LSP', () => {
  let client: TestClient;
  let root: string;
  const uriOf = (rel: string) => pathToFileURL(path.join(root, rel)).href;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-lsp-crds-'));
    fs.mkdirSync(path.join(root, 'app'));
    fs.mkdirSync(path.join(root, 'crds'));
    fs.writeFileSync(path.join(root, 'app', 'monitor.yaml'), MONITOR);
    client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'crds' }] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('follows the CRD: added on disk, opened and edited, deleted', async () => {
    const monitor = uriOf('app/monitor.yaml');
    const opened = await client.open(monitor, MONITOR);
    assert.deepEqual(summary(opened), ['1:0 no-crd-schema', '4:2 schema-unknown-field']);
    assert.equal(opened[0]!.severity, 3, 'information, never an error');

    // A CRD file created on disk (the editor's file watcher tells the server).
    fs.writeFileSync(path.join(root, 'crds', 'servicemonitor.yaml'), CRD);
    const crd = uriOf('crds/servicemonitor.yaml');
    const added = client.diagnostics(monitor);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: crd, type: FileChangeType.Created }] });
    assert.deepEqual(summary(await added), CHECKED);

    // Opened and edited in the editor: the enum now allows HTTP, so that finding goes.
    const editedCheck = client.diagnostics(monitor);
    await client.open(crd, CRD);
    await client.change(crd, CRD.replace('enum: [http, https]', 'enum: [http, https, HTTP]'), 2);
    let now = await editedCheck;
    // The open itself may re-publish nothing new; wait for the state after the edit.
    while (summary(now).includes('11:14 schema-enum')) now = await client.diagnostics(monitor);
    assert.deepEqual(
      summary(now),
      CHECKED.filter((c) => c !== '11:14 schema-enum'),
    );

    // Deleted on disk and closed: back to the note.
    fs.rmSync(path.join(root, 'crds', 'servicemonitor.yaml'));
    const removed = client.diagnostics(monitor);
    await client.close(crd);
    assert.deepEqual(summary(await removed), ['1:0 no-crd-schema', '4:2 schema-unknown-field']);
  });

  it('hovers and completes from the CRD of the workspace', async () => {
    const crd = uriOf('crds/hover-crd.yaml');
    await client.open(crd, CRD);
    const uri = uriOf('app/typing.yaml');
    const text =
      'apiVersion: monitoring.example.com/v1\nkind: ServiceMonitor\nmetadata: {name: t}\nspec:\n  selector: {}\n  endpoints:\n    - interval: 30s\n      \n';
    await client.open(uri, text);
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 6, character: 8 } })) as Hover | null;
    assert.match((hover?.contents as { value: string }).value, /Interval at which Prometheus scrapes the metrics from the target\./);
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 7, character: 6 },
    })) as CompletionList;
    assert.ok(list.items.some((i) => i.label === 'scheme') && list.items.some((i) => i.label === 'port'), list.items.map((i) => i.label).join());
  });
});

describe('biomeManifests.crds.paths over LSP', () => {
  it('reads a CRD from outside the workspace, again when the settings change', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-lsp-crd-paths-'));
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-lsp-crd-vendor-'));
    fs.writeFileSync(path.join(root, 'monitor.yaml'), MONITOR);
    fs.writeFileSync(path.join(elsewhere, 'servicemonitor.yaml'), CRD);
    const client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'p' }], settings: { crds: { paths: [elsewhere] } } });
    try {
      const uri = pathToFileURL(path.join(root, 'monitor.yaml')).href;
      assert.deepEqual(summary(await client.open(uri, MONITOR)), CHECKED);
      // Outside the workspace no watcher sees the file: a settings change re-reads it.
      fs.writeFileSync(path.join(elsewhere, 'servicemonitor.yaml'), CRD.replace('enum: [http, https]', 'enum: [http, https, HTTP]'));
      const reread = client.diagnostics(uri);
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
      assert.deepEqual(
        summary(await reread),
        CHECKED.filter((c) => c !== '11:14 schema-enum'),
      );
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
