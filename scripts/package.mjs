// Builds the bundles and packages the extension as biome-manifests-<version>.vsix with @vscode/vsce.
// Usage: node scripts/package.mjs [--out <file.vsix>] [--no-build]
// Prints the path of the .vsix as its last line.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outIndex = process.argv.indexOf('--out');
const out = resolve(outIndex >= 0 ? process.argv[outIndex + 1] : join(root, `${name}-${version}.vsix`));

if (!process.argv.includes('--no-build')) {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
}
// Dependencies are bundled into dist/ by esbuild, so vsce must not collect node_modules.
// No public repository URL exists yet: --allow-missing-repository keeps vsce from prompting for one.
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', out], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
});
const kib = (statSync(out).size / 1024).toFixed(0);
console.log(`packaged ${kib} KiB`);
console.log(out);
