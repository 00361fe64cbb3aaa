/**
 * Hostile files opened in an editor, over the LSP wire: the server publishes diagnostics for each
 * (or an empty list), keeps answering requests on it, and its heap stays within a stated bound.
 * The only time limit is the harness's hang guard (minutes); the times are printed, and the speed
 * targets are checked by `node scripts/bench/targets.mjs` (docs/PERFORMANCE.md).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodeLensRequest, CompletionRequest, DocumentSymbolRequest, HoverRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { HANG_GUARD_MS, startClient, type TestClient } from './harness';
import * as hostile from '../helpers/hostileInputs';

interface Case {
  name: string;
  text: () => string;
  /** Bound on the heap growth while the file is open, MB. */
  heapMb: number;
  /** The codes expected (in order), or undefined to accept any. */
  codes?: string[];
}

const MB = 1024 * 1024;

const CASES: Case[] = [
  { name: 'alias-bomb', text: hostile.aliasBomb, heapMb: 200, codes: ['yaml-alias-limit'] },
  { name: 'merge-bomb', text: () => hostile.mergeBomb(20_000, 990), heapMb: 300, codes: ['yaml-alias-limit'] },
  { name: 'ten-megabytes', text: () => hostile.manyDocuments(10), heapMb: 2000, codes: [] },
  { name: 'hundred-thousand-lines', text: () => hostile.longDocument(100_000, true), heapMb: 1000, codes: ['yaml-duplicate-key'] },
  { name: 'deep-flow-seq', text: () => hostile.deepFlow(10_000, 'seq'), heapMb: 200, codes: ['yaml-syntax'] },
  { name: 'deep-flow-map', text: () => hostile.deepFlow(10_000, 'map'), heapMb: 200, codes: ['yaml-syntax'] },
  { name: 'deep-block', text: () => hostile.deepBlock(10_000), heapMb: 200, codes: ['yaml-syntax'] },
  { name: 'one-megabyte-line', text: () => hostile.wideLine(), heapMb: 1000, codes: [] },
  { name: 'nul-bytes', text: hostile.nulBytes, heapMb: 100, codes: ['yaml-syntax'] },
  { name: 'invalid-utf8', text: hostile.invalidUtf8, heapMb: 100, codes: [] },
  { name: 'bom', text: hostile.withBom, heapMb: 100, codes: [] },
  { name: 'crlf', text: hostile.crlf, heapMb: 100, codes: [] },
  { name: 'mixed-line-endings', text: hostile.mixedLineEndings, heapMb: 100, codes: ['yaml-syntax'] },
  { name: 'tabs', text: hostile.tabIndented, heapMb: 100, codes: ['yaml-syntax', 'yaml-syntax'] },
  { name: 'helm-template', text: hostile.helmTemplate, heapMb: 100, codes: [] },
  { name: 'empty', text: () => '', heapMb: 100, codes: [] },
  { name: 'only-comments', text: hostile.onlyComments, heapMb: 100, codes: [] },
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
    it(`${c.name}: diagnostics published, heap growth under ${c.heapMb} MB, requests answered`, async (t) => {
      const uri = `file:///hostile/biome/${c.name}.yaml`;
      const text = c.text();
      const heapBefore = process.memoryUsage().heapUsed;
      const started = performance.now();
      const pending = client.diagnostics(uri, 1, HANG_GUARD_MS);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      const diagnostics: Diagnostic[] = await pending;
      const ms = performance.now() - started;
      const heapMb = (process.memoryUsage().heapUsed - heapBefore) / MB;
      const line = `${c.name} (${(text.length / MB).toFixed(2)} MB): ${ms.toFixed(0)} ms; heap +${heapMb.toFixed(0)} MB; ${diagnostics.length} diagnostics`;
      timings.push(line);
      t.diagnostic(line);
      if (c.codes)
        assert.deepEqual(
          diagnostics.map((d) => d.code),
          c.codes,
        );
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
    'while a 100,000-line file is being checked, a hover on another document answers before the big file is done',
    // The big document is parsed in steps (lexer and CST parser yield; composing the AST is one step),
    // so a request in between is answered first. How fast: the bench's hover-during-check target.
    {},
    async () => {
      const small = 'file:///hostile/biome/small.yaml';
      await client.open(small, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: small\n');
      const big = 'file:///hostile/biome/big-while-hover.yaml';
      const order: string[] = [];
      const published = client.diagnostics(big, 1, HANG_GUARD_MS).then(() => order.push('big file diagnostics'));
      void client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: big, languageId: 'yaml', version: 1, text: hostile.longDocument(100_000) },
      });
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: { line: 1, character: 2 } });
      order.push('hover');
      await published;
      await client.close(big);
      await client.close(small);
      assert.ok(hover !== null, 'the hover on `kind` has content');
      assert.deepEqual(order, ['hover', 'big file diagnostics']);
    },
  );
});
