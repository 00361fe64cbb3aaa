// What the server sends the editor for a large open file, in bytes of JSON (issue #15 item 10): the diagnostics
// of an open, the outline (document symbols) and the code lenses. The extension host parses, converts and
// forwards every one of these to the workbench, which draws them; on a large file their size is the cost.
//
//   npx tsc -b && node scripts/bench/payloads.mjs
//
// Files: the 1,441-document file of the real-VS-Code test (test/e2e/largeManifest.ts) and the bench's
// 5,000-document file (corpus.mjs). Runs the in-process LSP harness from out/ (what the tests run).
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureCorpus, writeBigFile } from './corpus.mjs';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
const OUT = join(ROOT, 'out');
if (!existsSync(join(OUT, 'test', 'lsp', 'harness.js'))) throw new Error('out/ is missing: run `npx tsc -b` first');
const require = createRequire(import.meta.url);
const { startClient } = require(join(OUT, 'test', 'lsp', 'harness.js'));
const { largeManifest } = require(join(OUT, 'test', 'e2e', 'largeManifest.js'));

const kib = (value) => `${(Buffer.byteLength(JSON.stringify(value ?? null)) / 1024).toFixed(1)} KiB`;
const count = (value) => (Array.isArray(value) ? value.length : 0);
/** Entries of an outline at every level. */
const entries = (symbols) => (symbols ?? []).reduce((n, s) => n + 1 + entries(s.children), 0);

async function measure(name, text) {
  const client = await startClient();
  const uri = pathToFileURL(join(ROOT, '.bench', 'payloads', `${name}.yaml`)).href;
  const diagnostics = await client.open(uri, text);
  const textDocument = { uri };
  const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument });
  const lenses = await client.connection.sendRequest('textDocument/codeLens', { textDocument });
  await client.stop();
  const documents = text.split(/^---$/m).length;
  console.log(`${name}: ${documents} documents, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB of YAML`);
  console.log(`  diagnostics      ${String(count(diagnostics)).padStart(6)}  ${kib(diagnostics)}`);
  console.log(`  document symbols ${String(entries(symbols)).padStart(6)}  ${kib(symbols)} (${count(symbols)} top-level)`);
  console.log(`  code lenses      ${String(count(lenses)).padStart(6)}  ${kib(lenses)}`);
}

await measure('e2e-large-1441-documents', largeManifest());
const bigDir = ensureCorpus(join(ROOT, '.bench', 'corpus'), 'big', (dir) => writeBigFile(dir, 5000));
await measure('bench-big-5000-documents', readFileSync(join(bigDir, 'all-in-one.yaml'), 'utf8'));
