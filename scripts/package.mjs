// Builds the bundles and packages the extension as biome-manifests-<version>.vsix with @vscode/vsce.
// Usage: node scripts/package.mjs [--out <file.vsix>] [--no-build] [--images-url <https base URL>] [--content-url <URL>]
// Prints the path of the .vsix on stdout (and nothing else there); progress goes to stderr.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const option = (flag) => (process.argv.includes(`--${flag}`) ? process.argv[process.argv.indexOf(`--${flag}`) + 1] : undefined);
const out = resolve(option('out') ?? join(root, `${name}-${version}.vsix`));

/** Runs node with `args`, output to our stderr (stdout stays for the result); exits on failure with one line. */
function node(label, args) {
  const res = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 2, 2] });
  if (res.status !== 0) {
    console.error(`package: ${label} failed (${res.status ?? res.signal})`);
    process.exit(res.status || 1);
  }
}

if (!process.argv.includes('--no-build')) node('build', [join(root, 'scripts', 'build.mjs'), '--release']);
// Dependencies are bundled into dist/ by esbuild, so vsce must not collect node_modules.
// No public repository URL exists yet: --allow-missing-repository keeps vsce from prompting for one.
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
// The Details page (README.md) shows an image only from an https URL: VS Code's renderer drops relative and data:
// image sources (the page's CSP is `img-src https: data:`, its sanitizer allows http/https media only). vsce makes
// README image paths absolute from --baseImagesUrl (or a GitHub/GitLab `repository`, which this project does not
// have yet): pass --images-url <https base> or BIOME_VSIX_IMAGES_URL when publishing. The PNGs are not packaged:
// the Details page never reads them from the .vsix.
const imagesUrl = option('images-url') ?? process.env.BIOME_VSIX_IMAGES_URL;
// Relative links (the rule pages) become absolute too then: --content-url, by default the images URL.
const contentUrl = option('content-url') ?? imagesUrl;
const linkArgs = imagesUrl ? ['--baseImagesUrl', imagesUrl, '--baseContentUrl', contentUrl] : ['--no-rewrite-relative-links'];
if (!imagesUrl) console.error('package: no --images-url: README images will show as alt text in the Details page');
node('vsce package', [vsce, 'package', '--no-dependencies', '--allow-missing-repository', ...linkArgs, '--out', out]);
const size = statSync(out).size;
console.error(`packaged ${(size / 1024).toFixed(0)} KiB`);
// The .vsix budget (issue: under 2 MB); packaging fails rather than ship a bloated artifact.
if (size > 2 * 1024 * 1024) {
  console.error(`package: ${out} is ${(size / 1048576).toFixed(2)} MiB, over the 2 MiB budget`);
  process.exit(1);
}
console.log(out);
