// `npm run bench:cli`: `biome-manifests check` over the 1,000-file corpus against the time the
// `yaml` package alone needs to read and parse the same files (the floor for any YAML tool).
// Both run as fresh Node processes, best of `--runs` (default 3); prints both and the ratio.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ensureCorpus, writeManyFiles } from './corpus.mjs';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
const argv = process.argv.slice(2);
const runs = Number(argv.includes('--runs') ? argv[argv.indexOf('--runs') + 1] : 3);
const files = Number(argv.includes('--files') ? argv[argv.indexOf('--files') + 1] : 1000);

// The yaml-only baseline: find the same files, read them, parse every document (YAML 1.1, as we do).
const YAML_ONLY = `
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { parseAllDocuments } = require(${JSON.stringify(join(ROOT, 'node_modules', 'yaml'))});
const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(join(d, e.name)) : /\\.ya?ml$/.test(e.name) ? [join(d, e.name)] : []);
let docs = 0;
for (const f of walk(process.argv[1])) docs += parseAllDocuments(readFileSync(f, 'utf8'), { version: '1.1' }).length;
console.log(docs);
`;

function timeOf(command, args) {
  const start = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

function best(command, args) {
  let fastest;
  for (let i = 0; i < runs; i++) {
    const t = timeOf(command, args);
    if (!fastest || t.ms < fastest.ms) fastest = t;
  }
  return fastest;
}

if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
const corpus = ensureCorpus(join(ROOT, '.bench', 'corpus'), `files${files}`, (dir) => writeManyFiles(dir, files));
const yamlOnly = best(process.execPath, ['-e', YAML_ONLY, corpus]);
const check = best(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', corpus]);
const summary = check.stdout.trim().split('\n').pop();
const ratio = check.ms / yamlOnly.ms;
console.log(`corpus: ${files} files × 5 docs (${yamlOnly.stdout.trim()} documents), best of ${runs}, fresh processes`);
console.log(`yaml only (read + parse):        ${Math.round(yamlOnly.ms)} ms`);
console.log(`biome-manifests check (all rules): ${Math.round(check.ms)} ms   → ${ratio.toFixed(2)}× the yaml-only time (target ≤ 1.5×)`);
console.log(`check said: ${summary}`);
const out = join(ROOT, '.bench', 'cli.json');
mkdirSync(dirname(out), { recursive: true });
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
  } catch {
    return undefined;
  }
})();
writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), commit, files, yamlOnlyMs: yamlOnly.ms, checkMs: check.ms, ratio, summary }, null, 2) + '\n');
