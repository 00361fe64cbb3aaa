// Runs the e2e layer: build, package the .vsix, compile the tests, then both suites inside VS Code (code-server +
// headless Chromium here; desktop VS Code with BIOME_E2E_DESKTOP=1).
// Usage: node scripts/test-e2e.mjs [--install] [--suite dev|vsix|all]
//   --install   install the tools (tools/e2e/install.sh) when missing; `npm run test:e2e` passes it.
// Without --install and without CI, missing tools skip the layer with exit 0 (for `npm test` on a dev machine).
// With CI set, missing tools are always installed: CI never skips.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { toolsInstalled, toolsState, installTools } = require('../test/e2e/launcher/codeServer.js');

const args = process.argv.slice(2);
const suiteIndex = args.indexOf('--suite');
const suite = suiteIndex >= 0 ? args[suiteIndex + 1] : 'all';
const ci = Boolean(process.env.CI) && process.env.CI !== 'false';
const desktop = process.env.BIOME_E2E_DESKTOP === '1';

function run(cmd, cmdArgs) {
  const res = spawnSync(cmd, cmdArgs, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (res.status !== 0) {
    console.error(`e2e: \`${[cmd, ...cmdArgs].join(' ')}\` failed (${res.status ?? res.signal})`);
    process.exit(res.status || 1);
  }
}

const started = Date.now();
if (!desktop && !toolsInstalled()) {
  if (!args.includes('--install') && !ci) {
    const what = toolsState() === 'incomplete' ? 'only half-installed' : 'not installed';
    console.log(`e2e: SKIPPED — the VS Code test tools are ${what} (tools/e2e). Install them with`);
    console.log('e2e:   bash tools/e2e/install.sh   (≈ 2–3 min, once)   or run `npm run test:e2e`.');
    process.exit(0);
  }
  if (toolsState() === 'incomplete') console.log('e2e: the tools in tools/e2e are half-installed; repairing them');
  const status = installTools();
  if (status !== 0) {
    console.error(`e2e: tools/e2e/install.sh failed (${status}); run \`npm run test:e2e\` again to retry`);
    process.exit(status);
  }
}

// The bundles in dist/ are what both suites load: the dev suite from the repo, the vsix suite from the package.
// package.mjs builds first; it prints the .vsix path on stdout and its progress on stderr.
const packaged = spawnSync(process.execPath, [join(root, 'scripts', 'package.mjs')], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
});
if (packaged.status !== 0) {
  console.error(`e2e: build and package failed (${packaged.status ?? packaged.signal})`);
  process.exit(packaged.status || 1);
}
const vsix = packaged.stdout.trim();
run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'test']);
run(process.execPath, [join(root, 'out', 'test', 'e2e', 'runTest.js'), '--suite', suite, '--vsix', vsix]);
// The Details page (README images) in the real workbench; desktop VS Code has no browser driver here.
if (!desktop && suite !== 'dev') run(process.execPath, [join(root, 'scripts', 'check-details-page.mjs')]);
// CONTRIBUTING.md's "Try it" commands in a scratch copy of the repository (node:test; ~1.5 min).
if (!desktop && suite === 'all') run(process.execPath, ['--test', join(root, 'out', 'test', 'e2e', 'readme', 'readme-commands.test.js')]);
console.log(`e2e: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
