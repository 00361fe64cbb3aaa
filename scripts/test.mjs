// The one test command (`npm test`): typecheck, lint, unit + LSP + CLI tests (node:test), then the
// end-to-end suite in a real VS Code. `--only unit` runs just the node:test layers.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

function run(label, command, args) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`✖ ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return testFiles(full);
    return name.endsWith('.test.js') ? [full] : [];
  });
}

run('typecheck', 'npx', ['tsc', '-b']);
if (!only) run('lint', 'npx', ['eslint', '.']);
run('build', 'node', ['scripts/build.mjs']);
const files = ['unit', 'lsp', 'cli'].flatMap((layer) => testFiles(join('out', 'test', layer))).sort();
run('unit, LSP and CLI tests', process.execPath, ['--test', '--test-concurrency=2', ...files]);
if (!only && existsSync('scripts/test-e2e.mjs')) run('end-to-end tests in VS Code', process.execPath, ['scripts/test-e2e.mjs']);
