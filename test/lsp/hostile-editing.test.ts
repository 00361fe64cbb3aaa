/**
 * Never stale, never lost: diagnostics carry the version they were computed for, arrive in order,
 * end on the latest version after a burst of edits, are cleared on close when the user only wants
 * open files checked, and survive a cancelled request.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  DidChangeTextDocumentNotification,
  DocumentSymbolRequest,
  HoverRequest,
  LSPErrorCodes,
  PublishDiagnosticsNotification,
  ResponseError,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { HANG_GUARD_MS, startClient, type TestClient } from './harness';

const GOOD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\ndata:\n  a: b\n';
const bad = (n: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bad\ndata:\n  a: [${n}\n`;

/** Records every publish, in arrival order (replaces the harness's listener for these clients). */
function recordPublishes(client: TestClient): {
  all: PublishDiagnosticsParams[];
  until: (p: (x: PublishDiagnosticsParams) => boolean) => Promise<PublishDiagnosticsParams>;
} {
  const all: PublishDiagnosticsParams[] = [];
  const waiters: { test: (x: PublishDiagnosticsParams) => boolean; resolve: (x: PublishDiagnosticsParams) => void }[] = [];
  client.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    all.push(params);
    for (const w of [...waiters]) {
      if (w.test(params)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  });
  const until = (test: (x: PublishDiagnosticsParams) => boolean) =>
    new Promise<PublishDiagnosticsParams>((resolve, reject) => {
      const found = all.find(test);
      if (found) return resolve(found);
      const timer = setTimeout(() => reject(new Error(`no such publish in ${HANG_GUARD_MS / 1000} s`)), HANG_GUARD_MS);
      waiters.push({ test, resolve: (x) => (clearTimeout(timer), resolve(x)) });
    });
  return { all, until };
}

describe('diagnostics are never stale and never lost', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-stale-'));
    fs.mkdirSync(path.join(root, 'biome'));
    fs.writeFileSync(path.join(root, 'biome', 'on-disk.yaml'), bad(0));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  describe('a burst of edits', () => {
    let client: TestClient;
    let published: ReturnType<typeof recordPublishes>;
    const open = async (uri: string, text: string) => {
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      await published.until((p) => p.uri === uri && p.version === 1);
    };
    before(async () => {
      client = await startClient({});
      published = recordPublishes(client);
    });
    after(() => client.stop());

    it('publishes in version order, never an older version after a newer one, and ends on the latest', async () => {
      const uri = 'file:///stale/biome/burst.yaml';
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: GOOD } });
      const last = 41;
      for (let version = 2; version <= last; version++) {
        // Alternating broken and clean texts, without waiting: each edit supersedes the one before.
        const text = version === last ? GOOD : version % 2 === 0 ? bad(version) : GOOD.replace('a: b', `a: b${version}`);
        void client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
      }
      const final = await published.until((p) => p.uri === uri && p.version === last);
      assert.deepEqual(final.diagnostics, []);
      // A request round trip after the final publish: anything queued would have arrived by now.
      await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      const versions = published.all.filter((p) => p.uri === uri).map((p) => p.version!);
      assert.deepEqual(
        versions,
        [...versions].sort((a, b) => a - b),
        `versions in arrival order: ${versions.join(', ')}`,
      );
      assert.equal(versions.at(-1), last);
      assert.ok(versions.length < 20, `a burst is debounced, not checked ${versions.length} times`);
    });

    it('a broken version is reported with its own version number and its own error', async () => {
      const uri = 'file:///stale/biome/versioned.yaml';
      await open(uri, GOOD);
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: bad(7) }],
      });
      const { diagnostics } = await published.until((p) => p.uri === uri && p.version === 2);
      assert.deepEqual(
        diagnostics.map((d) => `${d.range.start.line}:${d.code}`),
        ['5:yaml-syntax'],
      );
    });

    it('a cancelled request is answered (result or RequestCancelled) and the server keeps serving', async () => {
      const uri = 'file:///stale/biome/cancel.yaml';
      await open(uri, GOOD);
      const source = new CancellationTokenSource();
      const pending = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 2 } }, source.token);
      source.cancel();
      try {
        await pending;
      } catch (error) {
        assert.ok(error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled, String(error));
      }
      const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      assert.ok(Array.isArray(symbols) && symbols.length === 1);
    });
  });

  describe('closing a file', () => {
    it('scope `open`: its diagnostics are cleared', async () => {
      const client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'stale' }], settings: { diagnostics: { scope: 'open' } } });
      try {
        const published = recordPublishes(client);
        const uri = pathToFileURL(path.join(root, 'biome', 'on-disk.yaml')).href;
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 5, text: bad(5) } });
        const open = await published.until((p) => p.uri === uri && p.version === 5);
        assert.equal(open.diagnostics.length, 1);
        await client.close(uri);
        const cleared = await published.until((p) => p.uri === uri && p.diagnostics.length === 0);
        assert.equal(cleared.version, undefined);
        await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
        assert.deepEqual(published.all.at(-1)?.diagnostics, [], 'nothing is published for the closed file after it was cleared');
      } finally {
        await client.stop();
      }
    });

    it('scope `workspace`: the file is checked again as it is on disk (unsaved edits dropped)', async () => {
      const client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'stale' }] });
      try {
        const published = recordPublishes(client);
        const uri = pathToFileURL(path.join(root, 'biome', 'on-disk.yaml')).href;
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 9, text: GOOD } });
        assert.deepEqual((await published.until((p) => p.uri === uri && p.version === 9)).diagnostics, []);
        await client.close(uri);
        const fromDisk = await published.until((p) => p.uri === uri && p.version === undefined && p.diagnostics.length > 0);
        assert.deepEqual(
          fromDisk.diagnostics.map((d) => `${d.range.start.line}:${d.code}`),
          ['5:yaml-syntax'],
        );
      } finally {
        await client.stop();
      }
    });

    it('scope `workspace`, a file that is not on disk (deleted meanwhile): cleared', async () => {
      const client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'stale' }] });
      try {
        const published = recordPublishes(client);
        const uri = pathToFileURL(path.join(root, 'biome', 'never-saved.yaml')).href;
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 3, text: bad(3) } });
        assert.equal((await published.until((p) => p.uri === uri && p.version === 3)).diagnostics.length, 1);
        await client.close(uri);
        const cleared = await published.until((p) => p.uri === uri && p.diagnostics.length === 0);
        assert.equal(cleared.version, undefined);
      } finally {
        await client.stop();
      }
    });

    it('an untitled document: cleared whatever the scope', async () => {
      const client = await startClient({});
      try {
        const published = recordPublishes(client);
        const uri = 'untitled:Untitled-1';
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: bad(1) } });
        assert.equal((await published.until((p) => p.uri === uri && p.version === 1)).diagnostics.length, 1);
        await client.close(uri);
        await published.until((p) => p.uri === uri && p.diagnostics.length === 0);
      } finally {
        await client.stop();
      }
    });
  });
});
