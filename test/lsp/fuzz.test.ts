/**
 * Property: whatever an editor does to a real manifest — random insertions and deletions, lines
 * deleted, duplicated, re-indented (tabs too), `---`, anchors and aliases, lines from other
 * manifests — the real server, over the LSP wire, answers every request at any position without an
 * error, logs no error, leaves no rejected promise, and publishes diagnostics for the latest version
 * only, in order.
 *
 * Bounded in `npm test`: BIOME_FUZZ_SECONDS (default 60) or BIOME_FUZZ_RUNS, whichever ends first.
 * Long mode: `npm run fuzz -- --runs 5000` (no time limit). BIOME_FUZZ_SEED replays a failure.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ErrorCodes,
  HoverRequest,
  PublishDiagnosticsNotification,
  ReferencesRequest,
  ResponseError,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { HANG_GUARD_MS, startClient, type TestClient } from './harness';
import { SAMPLE_DIR, FIXTURES_DIR } from '../helpers/paths';
import { RenderRequest, ResourceGraphRequest, ServicesRequest } from '../../server/src/protocol';
import { alignEdit, applyEdit, concreteEdit, describeError, editSpec, ErrorWatch, requestSpec, type RequestSpec } from './fuzzSupport';

const SECONDS = Number(process.env.BIOME_FUZZ_SECONDS ?? 60);
const RUNS = Number(process.env.BIOME_FUZZ_RUNS ?? 1_000_000);
const SEED = process.env.BIOME_FUZZ_SEED === undefined ? undefined : Number(process.env.BIOME_FUZZ_SEED);
/** Generous: the CI machine is slow and shared; a request that takes this long is a hang. */
// A hang guard (minutes): on a loaded machine a request can take seconds without anything being wrong.
const REQUEST_TIMEOUT_MS = HANG_GUARD_MS;

function yamlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(dir, f));
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('LSP fuzz: random edits of real manifests and random requests', () => {
  let client: TestClient;
  let root: string;
  const watch = new ErrorWatch();
  const logErrors: string[] = [];
  /** Versions published per URI, in arrival order (versioned publishes only). */
  const published = new Map<string, number[]>();
  const latestDiagnostics = new Map<string, Diagnostic[]>();
  let corpus: { uri: string; text: string }[];
  let donors: string[];

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-fuzz-'));
    fs.cpSync(SAMPLE_DIR, root, { recursive: true });
    const fixtures = yamlFiles(path.join(FIXTURES_DIR, 'kube-score')).sort().slice(0, 12);
    fs.mkdirSync(path.join(root, 'fixtures'));
    for (const f of fixtures) fs.copyFileSync(f, path.join(root, 'fixtures', path.basename(f)));
    corpus = yamlFiles(root).map((f) => ({ uri: pathToFileURL(f).href, text: fs.readFileSync(f, 'utf8') }));
    donors = corpus.map((c) => c.text);
    watch.install();
    client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'fuzz' }] });
    client.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      if (p.type === 1) logErrors.push(p.message);
    });
  });

  after(async () => {
    await client.stop();
    watch.uninstall();
    fs.rmSync(root, { recursive: true, force: true });
  });

  async function request(uri: string, text: string, spec: RequestSpec, diagnostics: Diagnostic[]): Promise<void> {
    const lines = text.split('\n');
    const line = Math.floor(spec.line * lines.length);
    const character = Math.floor(spec.character * ((lines[line] ?? '').length + 1));
    const position = { line, character };
    const textDocument = { uri };
    const c = client.connection;
    const send = (): Promise<unknown> => {
      switch (spec.method) {
        case 'hover':
          return c.sendRequest(HoverRequest.type, { textDocument, position });
        case 'completion':
          return c.sendRequest(CompletionRequest.type, { textDocument, position });
        case 'definition':
          return c.sendRequest(DefinitionRequest.type, { textDocument, position });
        case 'references':
          return c.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } });
        case 'documentSymbol':
          return c.sendRequest(DocumentSymbolRequest.type, { textDocument });
        case 'codeLens':
          return c.sendRequest(CodeLensRequest.type, { textDocument });
        case 'codeAction':
          return c.sendRequest(CodeActionRequest.type, { textDocument, range: { start: position, end: position }, context: { diagnostics } });
        case 'render':
          return c.sendRequest(RenderRequest, { target: { kind: 'file', uri }, mode: 'full', revealSecrets: true });
        case 'graph':
          return c.sendRequest(ResourceGraphRequest, {});
        case 'services':
          return c.sendRequest(ServicesRequest, { uri, line });
      }
    };
    try {
      await withTimeout(send(), `${spec.method} at ${line}:${character}`);
    } catch (error) {
      // A method the server does not offer is an answer too; a handler that threw is not.
      if (error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound) return;
      throw new Error(`${spec.method} at ${line}:${character} failed: ${describeError(error)}`);
    }
  }

  it('answers every request, logs no error and publishes only the latest version', async (t) => {
    let iterations = 0;
    let edits = 0;
    let requests = 0;
    const nextVersion = new Map<string, number>();
    // Resolved by the publish of their version: a wait on the event, not a polling loop.
    const versionWaiters: { uri: string; version: number; resolve: () => void }[] = [];
    // Replaces the harness's listener (one handler per method): this test waits on `published` instead.
    client.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      latestDiagnostics.set(p.uri, p.diagnostics);
      if (p.version === undefined) return;
      const list = published.get(p.uri) ?? [];
      list.push(p.version);
      published.set(p.uri, list);
      for (const w of versionWaiters.filter((x) => x.uri === p.uri && x.version === p.version)) {
        versionWaiters.splice(versionWaiters.indexOf(w), 1);
        w.resolve();
      }
    });
    const waitForVersion = (uri: string, version: number) =>
      new Promise<void>((resolve, reject) => {
        if ((published.get(uri) ?? []).includes(version)) return resolve();
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} version ${version}`)), REQUEST_TIMEOUT_MS);
        // A property fast-check interrupted at its time limit leaves its waiter behind: the guard must not keep the
        // test process alive for its five minutes.
        timer.unref();
        versionWaiters.push({ uri, version, resolve: () => (clearTimeout(timer), resolve()) });
      });

    const property = fc.asyncProperty(
      fc.nat(corpus.length - 1),
      fc.array(fc.tuple(editSpec, fc.array(requestSpec, { maxLength: 3 })), { minLength: 1, maxLength: 8 }),
      fc.boolean(),
      async (fileIndex, steps, rapid) => {
        iterations++;
        const { uri, text: original } = corpus[fileIndex]!;
        let version = (nextVersion.get(uri) ?? 0) + 1;
        let text = original;
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
        try {
          for (const [spec, requests_] of steps) {
            const edit = alignEdit(concreteEdit(spec, text, donors[(fileIndex + 1) % donors.length]!), text);
            const next = applyEdit(text, edit);
            if (next === text) continue;
            const doc = TextDocument.create(uri, 'yaml', version, text);
            const range = { start: doc.positionAt(edit.start), end: doc.positionAt(edit.end) };
            text = next;
            version++;
            edits++;
            await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
              textDocument: { uri, version },
              contentChanges: [{ range, text: edit.text }],
            });
            // Rapid: requests race the debounced validation; otherwise each version is checked first.
            if (!rapid) await waitForVersion(uri, version);
            for (const r of requests_) {
              requests++;
              await request(uri, text, r, latestDiagnostics.get(uri) ?? []);
            }
          }
          await waitForVersion(uri, version);
          const versions = published.get(uri) ?? [];
          const sorted = [...versions].sort((a, b) => a - b);
          assert.deepEqual(versions, sorted, `diagnostics of ${uri} published out of order: ${versions.join(', ')}`);
          // The document symbols still answer on the final text: the server's copy agrees with ours.
          await request(uri, text, { method: 'documentSymbol', line: 0, character: 0 }, []);
        } finally {
          nextVersion.set(uri, version);
          await client.close(uri);
        }
        assert.deepEqual(logErrors, [], 'the server logged errors');
        assert.deepEqual(watch.problems, [], 'unhandled rejections or exceptions');
      },
    );

    const started = Date.now();
    await fc
      .assert(property, {
        numRuns: RUNS,
        ...(SECONDS > 0 ? { interruptAfterTimeLimit: SECONDS * 1000, markInterruptAsFailure: false } : {}),
        ...(SEED !== undefined ? { seed: SEED } : {}),
        endOnFailure: true,
      })
      .catch((error: unknown) => {
        // fast-check's report names the counterexample; the cause says what went wrong.
        const cause = error instanceof Error && error.cause !== undefined ? `\ncause: ${describeError(error.cause)}` : '';
        throw new Error(`${describeError(error)}${cause}`);
      });
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    t.diagnostic(`fuzz: ${iterations} iterations, ${edits} edits, ${requests} requests in ${seconds} s`);
    console.log(`fuzz: ${iterations} iterations, ${edits} edits, ${requests} requests in ${seconds} s`);
    assert.ok(iterations > 0);
  });
});
