/**
 * Hostile URIs, special files and settings over the wire (issue #16): a notification handler that
 * throws must not end the server, a watched-files batch is processed entry by entry, FIFOs and
 * devices reported by the watcher are skipped without blocking, an invalid exclude glob is a warning.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic, type FileEvent } from 'vscode-languageserver-protocol/node';
import { startClient, type TestClient } from './harness';

const GOOD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\ndata:\n  a: b\n';
const BROKEN = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bad\ndata:\n  a: [1\n';

/** The diagnostics of `uri` once some satisfy `test` (already published, or the next ones that do). */
async function diagnosticsWhere(client: TestClient, uri: string, test: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  for (;;) {
    const latest = client.latest(uri)?.diagnostics;
    if (latest && test(latest)) return latest;
    const next = await client.diagnostics(uri);
    if (test(next)) return next;
  }
}

describe('hostile URIs and special files over LSP', { skip: process.platform === 'win32' }, () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-uris-'));
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('didClose of a remote-host or %2F file URI does not end the server', async () => {
    const client = await startClient();
    for (const uri of ['file://remotehost/share/x.yaml', 'file:///srv/a%2Fb.yaml']) {
      await client.open(uri, BROKEN);
      await client.close(uri);
    }
    // Still serving: a new document gets its diagnostics.
    const diagnostics = await client.open(pathToFileURL(path.join(root, 'after.yaml')).href, BROKEN);
    assert.ok(diagnostics.length > 0);
    await client.stop();
  });

  it('a watched-files batch processes every entry, even after a bad URI', async () => {
    const dir = fs.mkdtempSync(path.join(root, 'batch-'));
    const a = path.join(dir, 'a.yaml');
    fs.writeFileSync(a, BROKEN);
    const uri = pathToFileURL(a).href;
    const client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }] });
    await diagnosticsWhere(client, uri, (d) => d.length > 0);
    fs.rmSync(a);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [
        { uri: 'file://remotehost/share/x.yaml', type: FileChangeType.Changed },
        { uri: 'file:///srv/a%2Fb.yaml', type: FileChangeType.Created },
        { uri, type: FileChangeType.Deleted },
      ],
    });
    assert.deepEqual(await diagnosticsWhere(client, uri, (d) => d.length === 0), []);
    await client.stop();
  });

  it('FIFOs and a link to /dev/zero in watched-files events are skipped; later changes are still read', { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(root, 'special-'));
    const client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }] });
    const special: string[] = [];
    for (let i = 0; i < 5; i++) {
      const fifo = path.join(dir, `p${i}.yaml`);
      execFileSync('mkfifo', [fifo]);
      special.push(fifo);
    }
    const zero = path.join(dir, 'z.yaml');
    fs.symlinkSync('/dev/zero', zero);
    special.push(zero);
    const real = path.join(dir, 'real.yaml');
    fs.writeFileSync(real, BROKEN);
    const changes = [...special, real].map((file): FileEvent => ({ uri: pathToFileURL(file).href, type: FileChangeType.Created }));
    const realDiagnostics = client.diagnostics(pathToFileURL(real).href);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
    assert.ok((await realDiagnostics).length > 0);
    // The reads of the FIFOs hold no thread: a second change of the real file is read too.
    fs.writeFileSync(real, GOOD);
    const cleared = client.diagnostics(pathToFileURL(real).href);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(real).href, type: FileChangeType.Changed }],
    });
    assert.deepEqual(await cleared, []);
    await client.stop();
  });

  it('an invalid exclude glob is a warning with its text; the workspace is still indexed', async () => {
    const dir = fs.mkdtempSync(path.join(root, 'glob-'));
    const file = path.join(dir, 'x.yaml');
    fs.writeFileSync(file, BROKEN);
    const warnings: string[] = [];
    const client = await startClient({
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }],
      settings: { exclude: ['{a,b', '*a*a*a*a*a*a*a*a*a*a*c'] },
      onShowMessage: (message) => warnings.push(message),
    });
    assert.ok((await diagnosticsWhere(client, pathToFileURL(file).href, (d) => d.length > 0)).length > 0);
    assert.deepEqual(warnings, ['Biome Manifests: biomeManifests.exclude: glob `{a,b` has an unclosed `{`; it is ignored.']);
    await client.stop();
  });
});
