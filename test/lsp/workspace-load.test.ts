/**
 * The workspace load (engine/workspace/load.ts through Session.loadWorkspace) over the wire: a large
 * file of the workspace opened right after `initialize`, while the load reads and parses the same
 * file, leaves requests on other files answered first, and the editor's text wins over the disk's;
 * files the load cannot read are said once in the log, as watched-file changes are.
 * Ordering and content only; the times are in `npm run bench` (docs/PERFORMANCE.md).
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { HANG_GUARD_MS, startClient } from './harness';

/** Documents in the styles real files mix: block maps, a flow map, a block scalar, comments, CRLF-free LF. */
function documentAt(i: number): string {
  if (i % 3 === 0) return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i} # generated\ndata:\n  conf: |\n    listen ${i};\n`;
  if (i % 3 === 1) return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: flow-${i}, labels: {app: a${i}}}\ndata: {a: b}\n`;
  const labels = `{app: web-${i}}`;
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-${i}\nspec:\n  replicas: 2\n  selector:\n    matchLabels: ${labels}\n  template:\n    metadata:\n      labels: ${labels}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n`;
}

const BROKEN_DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: unsaved\nspec:\n  replicas: "two"\n';

describe('workspace load over LSP', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-load-'));
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('a large workspace file opened during the load: a hover on another file answers before its diagnostics, and the editor text wins', async () => {
    const dir = fs.mkdtempSync(path.join(root, 'big-'));
    // Over the 256 KiB a cold parse may do at once: the load and the open both parse it in slices.
    const onDisk = Array.from({ length: 4_000 }, (_, i) => documentAt(i)).join('---\n');
    assert.ok(onDisk.length > 512 * 1024);
    const big = path.join(dir, 'big.yaml');
    fs.writeFileSync(big, onDisk);
    const small = path.join(dir, 'small.yaml');
    fs.writeFileSync(small, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: small\n');
    const client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }], waitForIndex: false });
    // Right after `initialized`, as when an editor restores its tabs: the load reads the same file meanwhile.
    const bigUri = pathToFileURL(big).href;
    const smallUri = pathToFileURL(small).href;
    const order: string[] = [];
    // The editor's text is unsaved: one more document, with a schema error the disk's text lacks.
    const editorText = `${onDisk}---\n${BROKEN_DEPLOYMENT}`;
    const bigDiagnostics = client.diagnostics(bigUri, 1, HANG_GUARD_MS).then((d) => {
      order.push('big file diagnostics');
      return d;
    });
    const smallOpened = client.open(smallUri, fs.readFileSync(small, 'utf8'));
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'yaml', version: 1, text: editorText } });
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: smallUri }, position: { line: 1, character: 2 } });
    order.push('hover');
    const diagnostics = await bigDiagnostics;
    await smallOpened;
    await client.indexed;
    assert.ok(hover !== null, 'the hover on `kind` has content');
    assert.deepEqual(order, ['hover', 'big file diagnostics']);
    const unsavedLine = editorText.split('\n').indexOf('  replicas: "two"');
    assert.ok(
      diagnostics.some((d) => d.range.start.line === unsavedLine),
      `the error of the editor's text is reported: ${JSON.stringify(diagnostics.map((d) => d.range.start.line))}`,
    );
    // The load finished after the open: what is published last is still the editor's text.
    assert.ok(client.latest(bigUri)?.diagnostics.some((d) => d.range.start.line === unsavedLine));
    await client.stop();
  });

  it('files the load cannot read are said once each in the log; the rest is indexed', { skip: process.platform === 'win32' }, async () => {
    const dir = fs.mkdtempSync(path.join(root, 'skipped-'));
    fs.writeFileSync(path.join(dir, 'binary.yaml'), Buffer.from([0x6b, 0x3a, 0x00, 0x01]));
    fs.writeFileSync(path.join(dir, 'large.yaml'), `a: "${'x'.repeat(1_200_000)}"\n`);
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    const good = path.join(dir, 'good.yaml');
    fs.writeFileSync(good, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\ndata:\n  a: [1\n');
    const logs: string[] = [];
    const client = await startClient({
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }],
      settings: { maxFileSizeMb: 1 },
      onLog: (m) => logs.push(m),
    });
    const skipped = (name: string): string[] => logs.filter((m) => m.startsWith(`${pathToFileURL(path.join(dir, name)).href} not indexed: `));
    assert.deepEqual(skipped('binary.yaml'), [`${pathToFileURL(path.join(dir, 'binary.yaml')).href} not indexed: skipped: binary file (contains NUL bytes)`]);
    assert.equal(skipped('large.yaml').length, 1);
    assert.match(skipped('large.yaml')[0] ?? '', /over the 1 MiB limit/);
    assert.deepEqual(skipped('pipe.yaml'), [`${pathToFileURL(path.join(dir, 'pipe.yaml')).href} not indexed: skipped: not a regular file (a FIFO)`]);
    assert.equal(skipped('good.yaml').length, 0);
    // Indexed and checked: its syntax error is published without the file being opened.
    const latest = client.latest(pathToFileURL(good).href)?.diagnostics ?? (await client.diagnostics(pathToFileURL(good).href));
    assert.ok(latest.length > 0);
    await client.stop();
  });
});
