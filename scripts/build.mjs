// Bundles the extension client, the language server and the CLI with esbuild.
// Usage: node scripts/build.mjs [--watch] [--minify] [--release]
//   --release  source maps are still written to dist/*.map, but the bundles do not reference them: the .vsix ships
//              no maps, and a `sourceMappingURL` pointing at a missing file only makes tools look for it.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');
const release = process.argv.includes('--release');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: release ? 'external' : true,
  minify,
  logLevel: 'warning',
};

const targets = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const t of targets) {
    const ctx = await esbuild.context({ ...common, ...t });
    await ctx.watch();
  }
  console.log('esbuild: watching client, server and cli');
} else {
  await Promise.all(targets.map((t) => esbuild.build({ ...common, ...t })));
  console.log(`esbuild: wrote ${targets.map((t) => t.outfile).join(', ')}`);
}
