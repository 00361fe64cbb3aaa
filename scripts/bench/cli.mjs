// `npm run bench:cli`: `biome-manifests check` over the 1,000-file corpus against the time the
// `yaml` package alone needs to read and parse the same files (the floor for any YAML tool).
// Both run as fresh Node processes, best of `--runs` (default 3); prints both and the ratio, the check's peak RSS
// (target < 1 GiB) and when its first output line arrived (streamed output: long before the end).
// `--files 20000` is the monorepo scale of issue #14.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

// Loaded into the measured process: writes its peak RSS (bytes) to the file named by the environment at exit.
const RSS_PRELOAD = join(tmpdir(), 'biome-bench-rss.cjs');
writeFileSync(
  RSS_PRELOAD,
  "process.on('exit', () => require('node:fs').writeFileSync(process.env.BIOME_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024)));\n",
);

/** Runs a fresh Node process: total time, time of its first stdout byte, peak RSS, stdout. */
function timeOf(args) {
  const rssFile = join(tmpdir(), `biome-bench-rss-${process.pid}.txt`);
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    let firstOutputMs;
    let stdout = '';
    const child = spawn(process.execPath, ['--require', RSS_PRELOAD, ...args], { env: { ...process.env, BIOME_BENCH_RSS_FILE: rssFile } });
    child.stdout.on('data', (chunk) => {
      firstOutputMs ??= performance.now() - start;
      stdout += chunk;
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => {
      const ms = performance.now() - start;
      if (status !== 0 && status !== 1) return reject(new Error(`${args.join(' ')} failed: ${stderr}`));
      const rssBytes = Number(readFileSync(rssFile, 'utf8'));
      rmSync(rssFile, { force: true });
      resolvePromise({ ms, firstOutputMs, rssBytes, stdout });
    });
  });
}

async function best(args) {
  let fastest;
  for (let i = 0; i < runs; i++) {
    const t = await timeOf(args);
    if (!fastest || t.ms < fastest.ms) fastest = t;
  }
  return fastest;
}

if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
const corpus = ensureCorpus(join(ROOT, '.bench', 'corpus'), `files${files}`, (dir) => writeManyFiles(dir, files));
const yamlOnly = await best(['-e', YAML_ONLY, corpus]);
const check = await best([join(ROOT, 'dist', 'cli.js'), 'check', corpus]);
const summary = check.stdout.trim().split('\n').pop();
const ratio = check.ms / yamlOnly.ms;
console.log(`corpus: ${files} files × 5 docs (${yamlOnly.stdout.trim()} documents), best of ${runs}, fresh processes`);
console.log(`yaml only (read + parse):        ${Math.round(yamlOnly.ms)} ms`);
console.log(`biome-manifests check (all rules): ${Math.round(check.ms)} ms   → ${ratio.toFixed(2)}× the yaml-only time (target ≤ 1.5×)`);
const mib = (bytes) => Math.round(bytes / 1024 / 1024);
console.log(`check peak RSS: ${mib(check.rssBytes)} MiB (target < 1024 MiB); yaml only: ${mib(yamlOnly.rssBytes)} MiB`);
console.log(`check's first output line after ${Math.round(check.firstOutputMs ?? check.ms)} ms of ${Math.round(check.ms)} ms (streamed)`);
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
writeFileSync(
  out,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      commit,
      files,
      yamlOnlyMs: yamlOnly.ms,
      checkMs: check.ms,
      ratio,
      checkRssBytes: check.rssBytes,
      yamlOnlyRssBytes: yamlOnly.rssBytes,
      firstOutputMs: check.firstOutputMs,
      summary,
    },
    null,
    2,
  ) + '\n',
);
