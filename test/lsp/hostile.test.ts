/**
 * Hostile files opened in an editor, over the LSP wire: the server publishes diagnostics for each
 * (or an empty list) within a generous bound, keeps answering requests on it, and its heap stays
 * within a stated bound. Bounds catch hangs and blow-ups (measured values in the test names and in
 * docs/ROBUSTNESS.md); speed targets belong to the benchmarks.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeLensRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { startClient, type TestClient } from './harness';
import * as hostile from '../helpers/hostileInputs';

interface Case {
  name: string;
  text: () => string;
  /** Bound on open → diagnostics published, ms. */
  boundMs: number;
  /** Bound on the heap growth while the file is open, MB. */
  heapMb: number;
  /** The codes expected (in order), or undefined to accept any. */
  codes?: string[];
}

const MB = 1024 * 1024;

const CASES: Case[] = [
  { name: 'alias-bomb', text: hostile.aliasBomb, boundMs: 10_000, heapMb: 200, codes: ['yaml-alias-limit'] },
  { name: 'merge-bomb', text: () => hostile.mergeBomb(20_000, 990), boundMs: 20_000, heapMb: 300, codes: ['yaml-alias-limit'] },
  { name: 'ten-megabytes', text: () => hostile.manyDocuments(10), boundMs: 180_000, heapMb: 2000, codes: [] },
  { name: 'hundred-thousand-lines', text: () => hostile.longDocument(100_000, true), boundMs: 90_000, heapMb: 1000, codes: ['yaml-duplicate-key'] },
  { name: 'deep-flow-seq', text: () => hostile.deepFlow(10_000, 'seq'), boundMs: 10_000, heapMb: 200, codes: ['yaml-syntax'] },
  { name: 'deep-flow-map', text: () => hostile.deepFlow(10_000, 'map'), boundMs: 10_000, heapMb: 200, codes: ['yaml-syntax'] },
  { name: 'deep-block', text: () => hostile.deepBlock(10_000), boundMs: 10_000, heapMb: 200, codes: ['yaml-syntax'] },
  { name: 'one-megabyte-line', text: () => hostile.wideLine(), boundMs: 60_000, heapMb: 1000, codes: [] },
  { name: 'nul-bytes', text: hostile.nulBytes, boundMs: 5000, heapMb: 100, codes: ['yaml-syntax'] },
  { name: 'invalid-utf8', text: hostile.invalidUtf8, boundMs: 5000, heapMb: 100, codes: [] },
  { name: 'bom', text: hostile.withBom, boundMs: 5000, heapMb: 100, codes: [] },
  { name: 'crlf', text: hostile.crlf, boundMs: 5000, heapMb: 100, codes: [] },
  { name: 'mixed-line-endings', text: hostile.mixedLineEndings, boundMs: 5000, heapMb: 100, codes: ['yaml-syntax'] },
  { name: 'tabs', text: hostile.tabIndented, boundMs: 5000, heapMb: 100, codes: ['yaml-syntax', 'yaml-syntax'] },
  { name: 'helm-template', text: hostile.helmTemplate, boundMs: 5000, heapMb: 100, codes: [] },
  { name: 'empty', text: () => '', boundMs: 5000, heapMb: 100, codes: [] },
  { name: 'only-comments', text: hostile.onlyComments, boundMs: 5000, heapMb: 100, codes: [] },
];

describe('hostile files over LSP', () => {
  let client: TestClient;
  const logErrors: string[] = [];
  const timings: string[] = [];

  before(async () => {
    client = await startClient({});
    client.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      if (p.type === 1) logErrors.push(p.message);
    });
  });

  after(async () => {
    console.log(`hostile-file timings (open → diagnostics; heap growth):\n  ${timings.join('\n  ')}`);
    await client.stop();
  });

  for (const c of CASES) {
    it(`${c.name}: diagnostics within ${c.boundMs / 1000} s, heap growth under ${c.heapMb} MB, requests answered`, async (t) => {
      const uri = `file:///hostile/biome/${c.name}.yaml`;
      const text = c.text();
      const heapBefore = process.memoryUsage().heapUsed;
      const started = performance.now();
      const pending = client.diagnostics(uri, 1, c.boundMs);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      const diagnostics: Diagnostic[] = await pending;
      const ms = performance.now() - started;
      const heapMb = (process.memoryUsage().heapUsed - heapBefore) / MB;
      const line = `${c.name} (${(text.length / MB).toFixed(2)} MB): ${ms.toFixed(0)} ms; heap +${heapMb.toFixed(0)} MB; ${diagnostics.length} diagnostics`;
      timings.push(line);
      t.diagnostic(line);
      if (c.codes) assert.deepEqual(diagnostics.map((d) => d.code), c.codes);
      assert.ok(heapMb < c.heapMb, `heap grew ${heapMb.toFixed(0)} MB`);
      // Every diagnostic has a message a person can act on, and a range inside the text.
      const lineCount = text.split(/\r\n|\r|\n/).length;
      for (const d of diagnostics) {
        const message = typeof d.message === 'string' ? d.message : d.message.value;
        assert.ok(message.length > 10, message);
        assert.ok(d.range.start.line < lineCount, `${d.code} at line ${d.range.start.line} of ${lineCount}`);
      }
      const middle = { line: Math.floor(lineCount / 2), character: 2 };
      const textDocument = { uri };
      await client.connection.sendRequest(HoverRequest.type, { textDocument, position: middle });
      await client.connection.sendRequest(CompletionRequest.type, { textDocument, position: middle });
      await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
      await client.connection.sendRequest(CodeLensRequest.type, { textDocument });
      await client.close(uri);
      assert.deepEqual(logErrors, []);
    });
  }

  it(
    'while a 100,000-line file is being checked, a hover on another document answers within 1 s',
    // The big document is parsed in steps (lexer and CST parser yield; composing the AST is one step).
    {},
    async () => {
      const small = 'file:///hostile/biome/small.yaml';
      await client.open(small, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: small\n');
      const big = 'file:///hostile/biome/big-while-hover.yaml';
      const published = client.diagnostics(big, 1, 120_000);
      void client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: big, languageId: 'yaml', version: 1, text: hostile.longDocument(100_000) },
      });
      const started = performance.now();
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: { line: 1, character: 2 } });
      const hoverMs = performance.now() - started;
      const bigDone = await published.then(() => performance.now() - started);
      await client.close(big);
      await client.close(small);
      assert.ok(hoverMs < 1000 && hoverMs < bigDone, `hover took ${hoverMs.toFixed(0)} ms; the big file took ${bigDone.toFixed(0)} ms`);
    },
  );
});
