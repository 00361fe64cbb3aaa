/**
 * `.biome-manifests.yaml` in the language server: the same findings as the CLI with the file (ids,
 * messages, ranges), its own errors as diagnostics, edits applied live, and editor rule options.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CompletionRequest, DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { startClient, type TestClient } from './harness';
import { REPO_ROOT, SAMPLE_DIR } from '../helpers/paths';
import { IndexStatusNotification, type IndexStatus } from '../../server/src/protocol';

const CONFIG = `rules:
  no-latest-tag: { level: error, options: { requireDigest: true } }
  no-unknown-scrape-target: off
overrides:
  - files: [biome/monitoring-stack.yaml]
    rules: { require-readiness-probe: hint, no-latest-tag: info }
`;

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/** `line:col-line:col severity code message`, one-based, from either side. */
function brief(d: Diagnostic): string {
  const { start, end } = d.range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${SEVERITY[d.severity ?? 0] ?? '?'} ${String(d.code)} ${d.message}`;
}

function yamlFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.ya?ml$/.test(f) && !f.endsWith('.biome-manifests.yaml')).sort();
}

describe('project config in the language server', () => {
  let client: TestClient;
  let root: string;
  const uriOf = (relative: string): string => pathToFileURL(path.join(root, relative)).href;
  /** The latest diagnostics of a file, waiting for the first publish when none came yet. */
  const current = async (relative: string): Promise<Diagnostic[]> => client.latest(uriOf(relative))?.diagnostics ?? client.diagnostics(uriOf(relative));
  /** The next publish for a file that satisfies `wanted` (re-checks of earlier changes may come first). */
  const publishedWhen = async (relative: string, wanted: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> => {
    for (;;) {
      const diagnostics = await client.diagnostics(uriOf(relative));
      if (wanted(diagnostics)) return diagnostics;
    }
  };

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-lsp-config-'));
    fs.cpSync(SAMPLE_DIR, root, { recursive: true });
    fs.writeFileSync(path.join(root, '.biome-manifests.yaml'), CONFIG);
    client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'sample' }] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('gives the same findings as the CLI with the file, with no editor settings', async () => {
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'check', '.', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    type Json = { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string };
    const fromCli = (JSON.parse(run.stdout) as { findings: Json[] }).findings;
    const files = yamlFiles(root);
    assert.equal(files.length, 11);
    let compared = 0;
    for (const file of files) {
      const cliSide = fromCli
        .filter((f) => f.file === file)
        .map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.code} ${f.message}`);
      const lspSide = (await current(file)).map(brief);
      assert.deepEqual(lspSide.sort(), cliSide.sort(), file);
      compared += cliSide.length;
    }
    assert.equal(compared, fromCli.length);
    // The config made a difference that both sides show: levels, an override, an option.
    assert.ok(fromCli.some((f) => f.file === 'biome/fluentd-daemonset.yaml' && f.code === 'no-latest-tag' && f.severity === 'error'));
    assert.ok(fromCli.some((f) => f.file === 'biome/monitoring-stack.yaml' && f.code === 'require-readiness-probe' && f.severity === 'hint'));
    assert.ok(!fromCli.some((f) => f.code === 'no-unknown-scrape-target'));
  });

  it("underlines the config file's own errors, and applies an edit of it live to closed files", async () => {
    const config = '.biome-manifests.yaml';
    const daemonset = 'biome/fluentd-daemonset.yaml';
    assert.deepEqual(
      (await current(daemonset)).map((d) => String(d.code)),
      ['no-latest-tag'],
    );
    const broken = await client.open(uriOf(config), 'rules:\n  no-latest-tag: loud\n');
    assert.deepEqual(broken.map(brief), ['2:18-2:22 error config the level of `no-latest-tag` must be error, warning, info, hint or off, not `loud`.']);
    // Its own schema over the wire: levels as the value of a rule, the rule's summary on hover.
    const completion = await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: uriOf(config) },
      position: { line: 1, character: 17 },
    });
    assert.deepEqual(
      (Array.isArray(completion) ? completion : (completion?.items ?? [])).map((i) => i.label),
      ['error', 'warning', 'info', 'hint', 'off'],
    );
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(config) }, position: { line: 1, character: 5 } });
    assert.match(JSON.stringify(hover?.contents), /no-latest-tag\*\* \(default: warning\)/);
    const recheck = client.diagnostics(uriOf(daemonset));
    const fixed = await client.change(uriOf(config), 'rules:\n  no-latest-tag: { options: { requireDigest: false } }\n', 2);
    assert.deepEqual(fixed, []);
    assert.deepEqual(await recheck, []);
    // A new exclude list takes effect at once: the excluded file leaves the workspace and its problems go.
    const prometheus = 'infrastructure/monitoring/prometheus.yml';
    assert.notDeepEqual(await current(prometheus), []);
    const cleared = publishedWhen(prometheus, (d) => d.length === 0);
    await client.change(uriOf(config), 'exclude: [infrastructure]\n', 3);
    assert.deepEqual(await cleared, []);
    await client.close(uriOf(config));
  });

  it('reads a config file created on disk (watched file) and forgets a deleted one', async () => {
    const nested = 'biome/.biome-manifests.yaml';
    const deployment = 'biome/main-app-deployment.yaml';
    const before = (await current(deployment)).map((d) => String(d.code));
    assert.ok(before.includes('no-replicas-with-hpa'), before.join());
    fs.writeFileSync(path.join(root, nested), 'rules:\n  no-replicas-with-hpa: off\n');
    // The language status item learns which files are in effect. A status sent for an earlier change may still
    // arrive first (under load it did): wait for the one that knows the new file.
    const nestedPath = path.join(root, nested);
    const status = new Promise<IndexStatus>((resolve) =>
      client.connection.onNotification(IndexStatusNotification, (s: IndexStatus) => {
        if (s.configFiles.includes(nestedPath)) resolve(s);
      }),
    );
    let recheck = client.diagnostics(uriOf(deployment));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(nested), type: FileChangeType.Created }] });
    assert.ok(!(await recheck).some((d) => d.code === 'no-replicas-with-hpa'));
    assert.deepEqual((await status).configFiles, [path.join(root, '.biome-manifests.yaml'), nestedPath]);
    fs.rmSync(path.join(root, nested));
    recheck = client.diagnostics(uriOf(deployment));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(nested), type: FileChangeType.Deleted }] });
    assert.ok((await recheck).some((d) => d.code === 'no-replicas-with-hpa'));
  });
});

describe('rule options from editor settings', () => {
  it('biomeManifests.rules.<id>.options reaches the rule', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-lsp-options-'));
    fs.cpSync(path.join(SAMPLE_DIR, 'biome', 'fluentd-daemonset.yaml'), path.join(root, 'fluentd-daemonset.yaml'));
    const settings = { rules: { 'no-latest-tag': { options: { requireDigest: true } } } };
    const client = await startClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'one' }], settings });
    try {
      const uri = pathToFileURL(path.join(root, 'fluentd-daemonset.yaml')).href;
      const found = client.latest(uri)?.diagnostics ?? (await client.diagnostics(uri));
      assert.deepEqual(
        found.map((d) => `${d.range.start.line + 1} ${String(d.code)}`),
        ['17 no-latest-tag'],
      );
      assert.match(String(found[0]?.message), /pinned by tag only/);
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
