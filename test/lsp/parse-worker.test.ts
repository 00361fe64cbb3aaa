/**
 * A large file opened cold is parsed from both ends at once: the worker thread from the end, the
 * main thread from the start (engine/parallel/parseWorker.ts). What the user sees must be exactly
 * what a single-threaded parse gives: the same diagnostics on open and after an edit, and hover
 * and the outline on documents the worker parsed (whose ASTs the main thread parses on demand).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentSymbolRequest, HoverRequest, type Diagnostic, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import fc from 'fast-check';
import { startClient, type TestClient } from './harness';
import { createEngine } from '../../server/src/setup';
import { toBoundedDiagnostics } from '../../server/src/lsp/diagnostics';
import { ParsedChunk } from '../../server/src/engine/document/parsedChunk';

const URI = 'file:///virtual/big/all-in-one.yaml';

const SERVICES = 480;

/** 1,441 documents (≈ 620 KB): Deployments, Services, ConfigMaps and a Secret, with mistakes spread through. */
function bigFile(): string {
  const docs: string[] = ['apiVersion: v1\nkind: Secret\nmetadata:\n  name: shared\ntype: Opaque\ndata:\n  PASSWORD: cGFzc3dvcmQ=\n'];
  for (let i = 0; i < SERVICES; i++) {
    const replicas = i % 40 === 7 ? '"two"' : '2';
    const image = i % 55 === 3 ? 'nginx:latest' : 'nginx:1.27.1';
    const key = i % 60 === 11 ? 'PASSWRD' : 'PASSWORD';
    const extra = i % 45 === 20 ? '  unknownField: true\n' : '';
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\n  labels: {app: app-${i}}\nspec:\n  replicas: ${replicas}\n${extra}  selector:\n    matchLabels: {app: app-${i}}\n  template:\n    metadata:\n      labels: {app: app-${i}}\n    spec:\n      containers:\n        - name: app\n          image: ${image}\n          ports:\n            - containerPort: 8080\n          env:\n            - name: PASSWORD\n              valueFrom:\n                secretKeyRef: {name: shared, key: ${key}}\n          resources:\n            requests: {cpu: 100m, memory: 128Mi}\n            limits: {memory: 256Mi}\n`,
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: app-${i}\nspec:\n  selector: {app: app-${i}}\n  ports:\n    - port: 80\n      targetPort: ${i % 50 === 9 ? 9090 : 8080}\n`,
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-${i}-config\ndata:\n${Array.from({ length: 20 }, (_, k) => `  key${k}: "value ${k} of ${i}"\n`).join('')}${i === 300 ? '  broken: [unclosed\n' : ''}`,
    );
  }
  return docs.join('---\n');
}

function comparable(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${String(d.code)} ${d.message}`).sort();
}

function expectedFor(text: string): string[] {
  const engine = createEngine();
  engine.index.setFile(URI, text);
  return comparable(toBoundedDiagnostics(engine.linter.lintFile(URI)));
}

describe('a large file parsed with the worker', () => {
  let client: TestClient;
  const text = bigFile();
  before(async () => {
    // The worker parses 200 documents before the main thread starts: its part is certain, not a
    // race that a fast main thread (or a busy second core) can win with nothing delivered.
    client = await startClient({ workerHeadStart: 200 });
  });
  after(async () => {
    await client.stop();
  });

  it('gets the diagnostics of a single-threaded parse, with documents delivered by the worker', async () => {
    assert.ok(text.length > 600_000, `${text.length} characters`);
    const restoredBefore = ParsedChunk.restored;
    const diagnostics = comparable(await client.open(URI, text, 1));
    const delivered = ParsedChunk.restored - restoredBefore;
    assert.ok(delivered > 20, `the worker parsed part of the file (${delivered} documents)`);
    const expected = expectedFor(text);
    assert.ok(expected.length >= 10, `the file has findings (${expected.length})`);
    assert.deepEqual(diagnostics, expected);
  });

  it('an edit near the end (a document the worker parsed) gets the single-threaded diagnostics too', async () => {
    const at = text.indexOf('image: nginx:1.27.1', text.indexOf('name: app-475\n  labels'));
    const edited = `${text.slice(0, at)}image: nginx:latest${text.slice(at + 'image: nginx:1.27.1'.length)}`;
    const line = text.slice(0, at).split('\n').length - 1;
    const diagnostics = comparable(await client.change(URI, edited, 2));
    assert.deepEqual(diagnostics, expectedFor(edited));
    assert.ok(diagnostics.some((d) => d.startsWith(`${line}:`) && d.includes('no-latest-tag')), `a no-latest-tag finding on line ${line}`);
  });

  it('hover and the outline work on documents the worker parsed', async () => {
    const lines = text.split('\n');
    const line = lines.lastIndexOf('          image: nginx:1.27.1');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line, character: 12 } });
    assert.ok(hover, 'hover answers on the last Deployment');
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } })) as DocumentSymbol[];
    // The outline is capped at 5,000 entries (issue #16): the first documents, then how many are left out.
    assert.equal(symbols[0]!.name, 'Secret shared');
    assert.match(symbols.at(-1)!.name, /^… and \d+ more documents \(the outline shows 5000 entries\)$/);
  });

  it('hostile documents among them get the same diagnostics from either thread (deep nesting, alias bomb, tabs, control characters)', async () => {
    const hostile = [
      `${'- '.repeat(3000)}x\n`,
      `a: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(i === 0 ? '*a' : `*l${i}`).join(',')}]`).join('\n')}\n`,
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: tabs\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: control\ndata:\n  k: "a\u0007b"\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dup\n  name: dup2\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n',
      '# only a comment\n',
      `${'['.repeat(2000)}${']'.repeat(2000)}\n`,
    ];
    // The hostile documents near the start (the main thread's half) and near the end (the worker's).
    // Renamed: the first file is still open, and a Service selects pods in every folder of its namespace.
    const docs = text.replaceAll('app-', 'other-').replaceAll('name: shared', 'name: other-shared').split(/^---\n/m);
    const mixed = [...hostile, ...docs, ...hostile].join('---\n');
    const uri = 'file:///virtual/hostile/all-in-one.yaml';
    const restoredBefore = ParsedChunk.restored;
    const diagnostics = comparable(await client.open(uri, mixed, 1));
    assert.ok(ParsedChunk.restored - restoredBefore > 20, 'the worker parsed part of the file');
    const engine = createEngine();
    engine.index.setFile(uri, mixed);
    assert.deepEqual(diagnostics, comparable(toBoundedDiagnostics(engine.linter.lintFile(uri))));
    assert.ok(diagnostics.filter((d) => d.includes('yaml-syntax')).length >= 8, 'the hostile documents are reported');
    // The last Deployment is in the worker's half, before the hostile documents there: hover on its image.
    const imageLine = mixed.split('\n').lastIndexOf('          image: nginx:1.27.1');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: imageLine, character: 12 } });
    assert.ok(hover !== null, 'hover answers with content on the last Deployment');
    assert.match(JSON.stringify(hover.contents), /image/i);
  });

  it('randomly damaged large files get the single-threaded diagnostics too (fast-check, 6 files)', async () => {
    const fragments = ['---\n', '\t', '- ', '[', '{', ': ', '&a ', '*a', '"', "'", '\n  ', '\n', '#', '|\n', '? ', '\u0000', 'key: value\n'];
    const mutation = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(fc.constantFrom(...fragments), fc.nat(40)));
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 12 }), async (mutations) => {
        round++;
        // Its own names and namespace: the files of the earlier tests are still open.
        let damaged = text.replaceAll('app-', `r${round}-`).replace(/^metadata:\n/gm, `metadata:\n  namespace: r${round}\n`);
        for (const [where, change] of mutations) {
          const at = Math.floor(where * damaged.length);
          damaged = typeof change === 'number' ? damaged.slice(0, at) + damaged.slice(at + change) : damaged.slice(0, at) + change + damaged.slice(at);
        }
        const uri = `file:///virtual/fuzz-${round}/all-in-one.yaml`;
        const diagnostics = comparable(await client.open(uri, damaged, 1));
        const engine = createEngine();
        engine.index.setFile(uri, damaged);
        assert.deepEqual(diagnostics, comparable(toBoundedDiagnostics(engine.linter.lintFile(uri))));
        // Closed (it is not on disk: it leaves the index), so that no two rounds meet.
        const cleared = client.diagnostics(uri);
        await client.close(uri);
        await cleared;
      }),
      { numRuns: Number(process.env.BIOME_WORKER_FUZZ_RUNS ?? 6), seed: Number(process.env.BIOME_FUZZ_SEED ?? 20261127) },
    );
  });
});
