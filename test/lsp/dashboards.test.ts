/**
 * Grafana dashboard JSON over the real JSON-RPC wire: found by the workspace scan (closed, never opened), re-read
 * when the watcher says it changed, dropped when it stops being a dashboard; other .json files are never indexed.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  type Diagnostic,
} from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from './harness';
import { SAMPLE_DIR } from '../helpers/paths';

const dashboard = (expr: string): string =>
  `${JSON.stringify({ title: 'Shop', schemaVersion: 39, panels: [{ type: 'stat', title: 'Checkout up', targets: [{ refId: 'A', expr }] }] }, null, 2)}\n`;

/** Waits for `pending` with the event loop held open: a closed file's diagnostics come from server timers alone. */
async function held<T>(pending: Promise<T>): Promise<T> {
  const timer = setInterval(() => undefined, 50);
  try {
    return await pending;
  } finally {
    clearInterval(timer);
  }
}

function brief(d: Diagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1} ${String(d.code)} ${d.severity}`;
}

describe('Grafana dashboards over LSP', () => {
  let client: TestClient;
  let root: string;
  let dashboardFile: string;
  let packageFile: string;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-lsp-dashboards-'));
    fs.cpSync(SAMPLE_DIR, root, { recursive: true });
    dashboardFile = path.join(root, 'infrastructure', 'monitoring', 'grafana', 'dashboards', 'shop.json');
    packageFile = path.join(root, 'package.json');
    fs.writeFileSync(dashboardFile, dashboard('up{job="checkout"} == 0'));
    fs.writeFileSync(packageFile, '{ "name": "shop", "version": "1.0.0", "scripts": { "test": "node --test" } }\n');
    client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'sample' }] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const changed = async (file: string): Promise<Diagnostic[]> => {
    const uri = pathToFileURL(file).href;
    const pending = client.diagnostics(uri);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Changed }] });
    return held(pending);
  };

  it('the scan checks a closed dashboard: an info at the job matcher; the sample dashboard ($service) stays clean', async () => {
    const uri = pathToFileURL(dashboardFile).href;
    const diagnostics = client.latest(uri)?.diagnostics ?? (await held(client.diagnostics(uri)));
    // The range covers the matcher as written in the JSON string, escapes included: job=\"checkout\" (16 characters).
    const line = fs
      .readFileSync(dashboardFile, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('checkout'));
    const column = (fs.readFileSync(dashboardFile, 'utf8').split('\n')[line] ?? '').indexOf('job=') + 1;
    assert.deepEqual(diagnostics.map(brief), [`${line + 1}:${column}-${column + 16} no-unknown-dashboard-job 3`]);
    const sample = pathToFileURL(path.join(root, 'infrastructure', 'monitoring', 'grafana', 'dashboards', 'service-overview.json')).href;
    assert.deepEqual(client.latest(sample)?.diagnostics ?? [], []);
  });

  it('a fixed dashboard on disk is re-read through the watcher, and its info goes', async () => {
    fs.writeFileSync(dashboardFile, dashboard('up{job="main-app"} == 0'));
    assert.deepEqual((await changed(dashboardFile)).map(brief), []);
    fs.writeFileSync(dashboardFile, dashboard('up{job="main-ap"} == 0'));
    assert.match((await changed(dashboardFile)).map(brief).join(), /no-unknown-dashboard-job/);
  });

  it('a dashboard rewritten as other JSON is dropped with its diagnostics; package.json never gets any', async () => {
    fs.writeFileSync(dashboardFile, '{ "name": "no longer a dashboard" }\n');
    assert.deepEqual(await changed(dashboardFile), []);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(packageFile).href, type: FileChangeType.Changed }],
    });
    // Time for a (wrong) re-check of package.json to be published, then a request the server answers after it.
    await held(new Promise((resolve) => setTimeout(resolve, 500)));
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: pathToFileURL(packageFile).href }, position: { line: 0, character: 3 } });
    // latest() holds the last publication of every URI: none ever came for package.json.
    assert.equal(client.latest(pathToFileURL(packageFile).href), undefined);
  });

  it('an open dashboard is checked as typed; a .json file typed into a dashboard is followed, and dropped when it stops being one', async () => {
    const uri = pathToFileURL(path.join(root, 'draft.json')).href;
    // The client syncs every .json file: a non-dashboard one is opened and typed into, and nothing is published.
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'json', version: 1, text: '{ "name": "draft" }' },
    });
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: '{ "name": "draft", "x": 1 }' }],
    });
    await held(new Promise((resolve) => setTimeout(resolve, 500)));
    assert.equal(client.latest(uri), undefined);
    // Typed into a dashboard (unsaved): checked at once, the info at its job matcher.
    assert.match((await held(client.change(uri, dashboard('up{job="checkout"} == 0'), 3))).map(brief).join(), /no-unknown-dashboard-job/);
    assert.deepEqual((await held(client.change(uri, dashboard('up{job="main-app"} == 0'), 4))).map(brief), []);
    assert.match((await held(client.change(uri, dashboard('up{job="nope"} == 0'), 5))).map(brief).join(), /no-unknown-dashboard-job/);
    // No longer a dashboard: its diagnostics are cleared and it is left alone.
    const cleared = client.diagnostics(uri);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 6 },
      contentChanges: [{ text: '{ "panels": 1 }' }],
    });
    assert.deepEqual(await held(cleared), []);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  });

  it('the open shop dashboard: an unsaved edit is checked without a save', async () => {
    const uri = pathToFileURL(dashboardFile).href;
    fs.writeFileSync(dashboardFile, dashboard('up{job="main-app"} == 0'));
    const pending = client.diagnostics(uri, 1);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'json', version: 1, text: fs.readFileSync(dashboardFile, 'utf8') },
    });
    assert.deepEqual((await held(pending)).map(brief), []);
    assert.match((await held(client.change(uri, dashboard('up{job="checkout"} == 0'), 2))).map(brief).join(), /no-unknown-dashboard-job/);
  });
});
