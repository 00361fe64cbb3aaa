// The one test command (`npm test`): typecheck, lint, unit + LSP + CLI tests (node:test), then the
// end-to-end suite in a real VS Code. `--only unit` runs just the node:test layers. Ends with one
// line counting every test of every layer: `all layers: N passed, N failed, N skipped`.
import { spawn } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { countTests } from './testCounts.mjs';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const totals = { passed: 0, failed: 0, skipped: 0 };

/** Runs a step with its output streamed through; resolves with the output for counting. */
function run(label, command, args) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['inherit', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk.toString();
    });
    child.on('close', (code, signal) => {
      if (code !== 0) {
        console.error(`✖ ${label} failed (exit ${code ?? signal})`);
        console.log(`all layers: ${totals.passed} passed, ${totals.failed + 1} failed, ${totals.skipped} skipped`);
        process.exit(code ?? 1);
      }
      resolve(output);
    });
  });
}

/** Adds a layer's tests (node:test summaries and e2e suite lines alike: see testCounts.mjs) to the totals. */
function count(output) {
  const layer = countTests(output);
  for (const key of Object.keys(totals)) totals[key] += layer[key];
}

/** Compiled tests whose source still exists (out/ may hold tests deleted since the last build). */
function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return testFiles(full);
    const source = full.replace(/^out[\\/]/, '').replace(/\.js$/, '.ts');
    return name.endsWith('.test.js') && existsSync(source) ? [full] : [];
  });
}

await run('typecheck', 'npx', ['tsc', '-b']);
if (!only) await run('lint', 'npx', ['eslint', '.']);
// The formatter's settings are .prettierrc.json; `npm run format` rewrites what this reports.
if (!only) await run('format', 'npx', ['prettier', '--check', '.']);
await run('build', 'node', ['scripts/build.mjs']);
const files = ['unit', 'lsp', 'cli'].flatMap((layer) => testFiles(join('out', 'test', layer))).sort();
const nodeTests = await run('unit, LSP and CLI tests', process.execPath, ['--test', '--test-concurrency=2', ...files]);
count(nodeTests);
if (!only && existsSync('scripts/test-e2e.mjs')) {
  const e2e = await run('end-to-end tests in VS Code', process.execPath, ['scripts/test-e2e.mjs']);
  // Its mocha suites print `e2e: N passed, …`, its Try-it suite (node:test) `# pass N`: both count.
  count(e2e);
}
console.log(`\nall layers: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
