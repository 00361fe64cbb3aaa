// `npm run bench:large`: opens one very large file in our server (issue #16: a 50 MB file took 119 s
// and 4.3 GB) and reports open → diagnostics, a hover on a small open file sent 200 ms into the open,
// and the server's peak RSS. One fresh server per file. The files are generated under .bench/ (not
// committed) from the bench corpus's generator: realistic manifests, a few deliberate mistakes.
//
//   node scripts/bench/largeOpen.mjs [--mb 10,50] [--max-file-size-mb N] [--server dist/server.js]
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeBigFile } from './corpus.mjs';
import { sleep, startServer } from './lspClient.mjs';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
const argv = process.argv.slice(2);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const sizes = (option('--mb') ?? '10,50').split(',').map(Number);
const maxFileSizeMb = option('--max-file-size-mb');
/** Another build to compare with (e.g. one of an earlier commit, copied beside dist/server.js for its resources). */
const serverScript = resolve(option('--server') ?? join(ROOT, 'dist', 'server.js'));
/** The generator's documents average ≈ 940 bytes (5,000 documents: 4.7 MB). */
const DOCUMENTS_PER_MB = 1063;

const SMALL = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: small\ndata:\n  a: b\n`;

for (const mb of sizes) {
  const dir = join(ROOT, '.bench', 'large', `${mb}mb`);
  mkdirSync(dir, { recursive: true });
  const documents = Math.round(mb * DOCUMENTS_PER_MB);
  const text = readFileSync(writeBigFile(dir, documents), 'utf8');
  // An empty workspace folder: the file reaches the server only as an editor's open document.
  const folder = join(ROOT, '.bench', 'large', 'empty');
  mkdirSync(folder, { recursive: true });
  const settings = { biomeManifests: maxFileSizeMb ? { maxFileSizeMb: Number(maxFileSizeMb) } : {} };
  const server = await startServer({
    name: 'biome',
    command: process.execPath,
    args: [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), serverScript, '--stdio'],
    folder,
    settings,
    versioned: true,
  });
  await server.waitForLog(': indexed ');
  const small = pathToFileURL(join(folder, 'small.yaml')).href;
  await server.open(small, SMALL);
  const hoverAt = { textDocument: { uri: small }, position: { line: 1, character: 2 } };
  await server.timed('hover', hoverAt);
  const opening = server.open(pathToFileURL(join(dir, 'all-in-one.yaml')).href, text);
  await sleep(200);
  const hover = await server.timed('hover', hoverAt);
  const opened = await opening;
  const rss = server.peakRssMiB();
  await server.stop();
  const size = (text.length / 1048576).toFixed(1);
  console.log(
    `${size} MB (${documents} documents): open → diagnostics ${(opened.ms / 1000).toFixed(2)} s, ` +
      `${opened.count} diagnostics, hover on another file during the open ${hover.ms.toFixed(0)} ms, peak RSS ${rss.toFixed(0)} MiB`,
  );
}
