/**
 * Decoded Secret values are never logged or sent where nobody asked for them. The server runs on
 * the sample and a Secret-heavy fixture (invalid base64, trailing newlines, duplicate and bad keys,
 * missing keys) with verbose tracing; every byte it writes (logs, $/logTrace, telemetry,
 * diagnostics, every response) and everything the process prints is searched for the plaintexts.
 * Only a hover asked for explicitly, with biomeManifests.secrets.showDecoded on, may carry them.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  ReferencesRequest,
  SetTraceNotification,
  WorkspaceSymbolRequest,
  type Hover,
} from 'vscode-languageserver-protocol/node';
import { startClient } from './harness';
import { FIXTURES_DIR, REPO_ROOT, SAMPLE_DIR } from '../helpers/paths';
import { RenderRequest, ResourceGraphRequest, ServicesRequest } from '../../server/src/protocol';

const PLAINTEXTS = ['supersecret', 'postgres://user:pass@host/db'];

function leaks(text: string): string[] {
  return PLAINTEXTS.filter((p) => text.includes(p));
}

function hoverText(hover: Hover | null): string {
  if (!hover) return '';
  const c = hover.contents;
  return typeof c === 'string' ? c : Array.isArray(c) ? c.map((m) => (typeof m === 'string' ? m : m.value)).join('\n') : c.value;
}

/** Captures what this process prints (the in-process server shares it) until restored. */
function captureProcessOutput(): { text: () => string; restore: () => void } {
  const chunks: string[] = [];
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const onWarning = (w: Error) => chunks.push(`${w.name}: ${w.message}`);
  const tap = (original: typeof process.stdout.write) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (original as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
  process.stdout.write = tap(out);
  process.stderr.write = tap(err);
  process.on('warning', onWarning);
  return {
    text: () => chunks.join(''),
    restore: () => {
      process.stdout.write = out;
      process.stderr.write = err;
      process.off('warning', onWarning);
    },
  };
}

describe('Secret values stay secret', () => {
  let root: string;
  let files: { uri: string; text: string }[];

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-secrets-'));
    fs.cpSync(SAMPLE_DIR, root, { recursive: true });
    fs.copyFileSync(path.join(FIXTURES_DIR, 'hostile', 'secrets.yaml'), path.join(root, 'biome', 'heavy-secrets.yaml'));
    files = fs
      .readdirSync(path.join(root, 'biome'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => path.join(root, 'biome', f))
      .map((f) => ({ uri: pathToFileURL(f).href, text: fs.readFileSync(f, 'utf8') }));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  /** Runs every feature at every line of every file; returns all hover texts, and all wire and process output. */
  async function exercise(showDecoded: boolean): Promise<{ wire: string; printed: string; hovers: string[] }> {
    const wire: Buffer[] = [];
    const printed = captureProcessOutput();
    const hovers: string[] = [];
    try {
      const client = await startClient({
        workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'secrets' }],
        settings: { secrets: { showDecoded }, logLevel: 'trace', trace: { server: 'verbose' } },
        wire: (chunk) => wire.push(chunk),
      });
      const c = client.connection;
      await c.sendNotification(SetTraceNotification.type, { value: 'verbose' });
      for (const { uri, text } of files) {
        const diagnostics = await client.open(uri, text);
        const textDocument = { uri };
        const lines = text.split('\n');
        for (let line = 0; line < lines.length; line++) {
          const character = Math.max(0, lines[line]!.search(/\S/)) + 1;
          const position = { line, character };
          hovers.push(hoverText(await c.sendRequest(HoverRequest.type, { textDocument, position })));
          const valueAt = { line, character: Math.max(0, lines[line]!.indexOf(': ') + 3) };
          hovers.push(hoverText(await c.sendRequest(HoverRequest.type, { textDocument, position: valueAt })));
          await c.sendRequest(CompletionRequest.type, { textDocument, position: valueAt });
          await c.sendRequest(DefinitionRequest.type, { textDocument, position: valueAt });
          await c.sendRequest(ReferencesRequest.type, { textDocument, position: valueAt, context: { includeDeclaration: true } });
          await c.sendRequest(ServicesRequest, { uri, line });
        }
        await c.sendRequest(CodeActionRequest.type, {
          textDocument,
          range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
          context: { diagnostics },
        });
        await c.sendRequest(CodeLensRequest.type, { textDocument });
        await c.sendRequest(DocumentSymbolRequest.type, { textDocument });
        await c.sendRequest(RenderRequest, { target: { kind: 'file', uri }, mode: 'full' });
        // An edit that breaks the Secret, and one that restores it: diagnostics of both go over the wire.
        await client.change(uri, text.replace('type: Opaque', 'type: Opaque\n  broken: ['), 2);
        await client.change(uri, text, 3);
        await client.close(uri);
      }
      await c.sendRequest(WorkspaceSymbolRequest.type, { query: '' });
      await c.sendRequest(ResourceGraphRequest, {});
      await client.stop();
    } finally {
      printed.restore();
    }
    return { wire: Buffer.concat(wire).toString('utf8'), printed: printed.text(), hovers };
  }

  it('showDecoded off: no hover and nothing the server writes or prints contains a decoded value', async () => {
    const { wire, printed, hovers } = await exercise(false);
    assert.ok(wire.length > 100_000, `the test saw the traffic (${wire.length} bytes)`);
    assert.ok(
      hovers.some((h) => h.includes('[Reveal](command:biomeManifests.revealSecretValue?')),
      'hovers on Secret values were asked for',
    );
    assert.deepEqual(leaks(wire), []);
    assert.deepEqual(leaks(printed), []);
    assert.deepEqual(hovers.flatMap(leaks), []);
  });

  it('showDecoded on: only the hovers asked for show decoded values; logs, diagnostics and other answers do not', async () => {
    const { wire, printed, hovers } = await exercise(true);
    assert.ok(
      hovers.some((h) => h.includes('supersecret')),
      'the hover shows the decoded value',
    );
    // Remove the hover answers from the wire: what remains must be clean.
    const withoutHovers = hovers.filter((h) => h !== '').reduce((text, h) => text.split(JSON.stringify(h).slice(1, -1)).join(''), wire);
    assert.deepEqual(leaks(withoutHovers), []);
    assert.deepEqual(leaks(printed), []);
  });

  it('the CLI prints no decoded value, in either format', () => {
    const cli = path.join(REPO_ROOT, 'out', 'server', 'src', 'cli.js');
    for (const format of ['stylish', 'json']) {
      const run = spawnSync(process.execPath, [cli, 'check', '--format', format, root], { encoding: 'utf8' });
      assert.ok(run.stdout.includes('no-secret-trailing-newline'), `the CLI checked the fixture (${format})`);
      assert.deepEqual(leaks(run.stdout + run.stderr), [], format);
    }
  });
});
