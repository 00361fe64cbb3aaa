// Builds the bundles and packages the extension as biome-manifests-<version>.vsix with @vscode/vsce.
// Usage: node scripts/package.mjs [--out <file.vsix>] [--no-build]
// Prints the path of the .vsix on stdout (and nothing else there); progress goes to stderr.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outIndex = process.argv.indexOf('--out');
const out = resolve(outIndex >= 0 ? process.argv[outIndex + 1] : join(root, `${name}-${version}.vsix`));

/** Runs node with `args`, output to our stderr (stdout stays for the result); exits on failure with one line. */
function node(label, args) {
  const res = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 2, 2] });
  if (res.status !== 0) {
    console.error(`package: ${label} failed (${res.status ?? res.signal})`);
    process.exit(res.status || 1);
  }
}

if (!process.argv.includes('--no-build')) node('build', [join(root, 'scripts', 'build.mjs')]);
// Dependencies are bundled into dist/ by esbuild, so vsce must not collect node_modules.
// No public repository URL exists yet: --allow-missing-repository keeps vsce from prompting for one.
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
// README images and links stay relative (they resolve inside the packaged extension and in the repository).
node('vsce package', [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out]);
const size = statSync(out).size;
console.error(`packaged ${(size / 1024).toFixed(0)} KiB`);
// The .vsix budget (issue: under 2 MB); packaging fails rather than ship a bloated artifact.
if (size > 2 * 1024 * 1024) {
  console.error(`package: ${out} is ${(size / 1048576).toFixed(2)} MiB, over the 2 MiB budget`);
  process.exit(1);
}
console.log(out);
