// `npm run bench`: Biome Manifests' language server against yaml-language-server on the same
// corpora and the same Kubernetes schema (ours, schemas/kubernetes.json), over stdio, with a
// standard LSP client. Prints one table with both servers and the ratios; writes JSON.
//
//   npm run bench                      full run (about 3 minutes on 2 cores)
//   npm run bench -- --quick           smoke run (< 60 s): small corpora, few samples
//   npm run bench -- --only biome      one server (biome | yls)
//   npm run bench -- --corpus big      some corpora (sample, files50, files1000, big, findings)
//   npm run bench -- --out file.json   where the JSON goes (default scripts/bench/results/latest.json;
//                                      --quick writes .bench/quick.json)
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { pathToFileURL } from 'node:url';
import { ensureCorpus, serviceName, writeBigFile, writeFindingsFile, writeManyFiles } from './corpus.mjs';
import { startServer } from './lspClient.mjs';
import { bigFile, manyFiles, sampleFiles } from './scenarios.mjs';
import { printTable } from './table.mjs';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const quick = flag('--quick');
const only = option('--only');
const corpusFilter = option('--corpus')?.split(',');

// yaml-language-server lives in tools/bench, installed here on first use rather than by the project's `npm ci`: it
// declares node >= 22.13, which would make every Node 20 install of the project warn (EBADENGINE).
const BENCH_TOOLS = join(ROOT, 'tools', 'bench');
function ensureBenchTools() {
  if (existsSync(join(BENCH_TOOLS, 'node_modules', 'yaml-language-server', 'package.json'))) return;
  process.stderr.write('… installing yaml-language-server into tools/bench (once)\n');
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: BENCH_TOOLS, env, stdio: 'inherit' });
}

const BIG_DOCS = quick ? 500 : 5000;
const CORPUS_ROOT = join(ROOT, '.bench', 'corpus');
const SCHEMA = join(ROOT, 'schemas', 'kubernetes.json');

const SERVERS = {
  biome: {
    label: 'Biome Manifests',
    command: process.execPath,
    // BENCH_NODE_ARGS: node options for our server only (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
    args: [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), join(ROOT, 'dist', 'server.js'), '--stdio'],
    versioned: true,
    settings: { biomeManifests: {} },
  },
  yls: {
    label: 'yaml-language-server 2.0.0',
    command: process.execPath,
    args: [join(BENCH_TOOLS, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
    versioned: false,
    settings: {
      yaml: {
        // yaml-language-server matches these globs with picomatch without `dot: true`: `**` does not
        // cross a directory whose name starts with a dot, so the corpus under `.bench/` needs its own
        // pattern, or nothing there is validated (no schema errors, and much less work timed).
        schemas: { [pathToFileURL(SCHEMA).href]: ['**/*.yaml', '**/*.yml', '.bench/**/*.yaml'] },
        schemaStore: { enable: false },
        kubernetesCRDStore: { enable: false },
        validate: true,
        hover: true,
        completion: true,
        format: { enable: false },
      },
      '[yaml]': {},
      http: { proxy: '', proxyStrictSSL: false },
      editor: { tabSize: 2 },
    },
  },
};

function corpora() {
  const many = (files) => (dir) => writeManyFiles(dir, files);
  const listMany = (dir) =>
    readdirSync(join(dir, 'biome'))
      .sort()
      .map((f) => ({ path: join(dir, 'biome', f), names: [basename(f, '.yaml')] }));
  const all = [
    { id: 'sample', label: 'sample (examples/biome-sample)', kind: 'sample', dir: join(ROOT, 'examples', 'biome-sample') },
    { id: 'files50', label: '50 files × 5 docs', kind: 'many', dir: ensureCorpus(CORPUS_ROOT, 'files50', many(50)), list: listMany },
    ...(quick
      ? []
      : [{ id: 'files1000', label: '1,000 files × 5 docs', kind: 'many', dir: ensureCorpus(CORPUS_ROOT, 'files1000', many(1000)), list: listMany }]),
    {
      id: 'big',
      label: `one file, ${BIG_DOCS.toLocaleString('en')} docs`,
      kind: 'big',
      dir: ensureCorpus(CORPUS_ROOT, `big${BIG_DOCS}`, (dir) => writeBigFile(dir, BIG_DOCS)),
      list: (dir) => [{ path: join(dir, 'all-in-one.yaml'), names: Array.from({ length: BIG_DOCS / 5 }, (_, n) => serviceName(n)) }],
    },
    {
      // What generated manifests look like: the same size, with thousands of findings to collect and send on each edit.
      id: 'findings',
      label: `one file, ${BIG_DOCS.toLocaleString('en')} docs, thousands of findings`,
      kind: 'big',
      dir: ensureCorpus(CORPUS_ROOT, `findings${BIG_DOCS}`, (dir) => writeFindingsFile(dir, BIG_DOCS)),
      list: (dir) => [{ path: join(dir, 'findings.yaml'), names: Array.from({ length: BIG_DOCS / 5 }, (_, n) => serviceName(n)) }],
    },
  ];
  return all.filter((c) => !corpusFilter || corpusFilter.includes(c.id));
}

const PLAN = quick
  ? { many: { opens: 10, edits: 3, rounds: 2 }, big: { edits: 1, rounds: 2 }, sample: { rounds: 3 } }
  : { many: { opens: 20, edits: 6, rounds: 2 }, big: { edits: 3, rounds: 4 }, sample: { rounds: 5 } };

async function runOne(serverId, corpus) {
  const spec = SERVERS[serverId];
  const server = await startServer({ name: serverId, ...spec, cwd: ROOT, folder: corpus.dir });
  try {
    const files = corpus.list?.(corpus.dir);
    const isOurs = serverId === 'biome';
    if (corpus.kind === 'many') return await manyFiles(server, { files }, { ...PLAN.many, isOurs });
    if (corpus.kind === 'big') return await bigFile(server, { files }, PLAN.big);
    return await sampleFiles(server, corpus.dir, { ...PLAN.sample, isOurs });
  } catch (error) {
    process.stderr.write(`${serverId} on ${corpus.id} failed: ${error.message}\n${server.stderr()}\n`);
    return { error: error.message };
  } finally {
    await server.stop();
  }
}

function machine() {
  const gitRev = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    } catch {
      return undefined;
    }
  })();
  return { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memGiB: Math.round(totalmem() / 2 ** 30), commit: gitRev };
}

/** Issue #11's target on the findings-heavy file: edit → diagnostics p50 ≤ 60 ms and ≥ 200× yaml-language-server. */
function printFindingsTarget(corpus) {
  const ours = corpus?.biome?.editP50;
  const theirs = corpus?.yls?.editP50;
  if (typeof ours !== 'number') return;
  const ratio = typeof theirs === 'number' ? theirs / ours : undefined;
  const met = ours <= 60 && (ratio === undefined || ratio >= 200);
  const against = ratio === undefined ? '' : `, ${Math.round(ratio)}× yaml-language-server (target ≥ 200×)`;
  process.stdout.write(`findings-heavy file, edit → diagnostics p50: ${ours.toFixed(1)} ms (target ≤ 60 ms)${against}: ${met ? 'met' : 'MISSED'}\n`);
}

async function main() {
  if (!existsSync(join(ROOT, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: run `npm run build` first');
  const servers = Object.keys(SERVERS).filter((s) => !only || s === only);
  if (servers.includes('yls')) ensureBenchTools();
  const results = { date: new Date().toISOString(), quick, machine: machine(), corpora: {} };
  for (const corpus of corpora()) {
    results.corpora[corpus.id] = { label: corpus.label };
    for (const serverId of servers) {
      process.stderr.write(`… ${SERVERS[serverId].label} on ${corpus.label}\n`);
      results.corpora[corpus.id][serverId] = await runOne(serverId, corpus);
    }
  }
  printTable(results, SERVERS);
  printFindingsTarget(results.corpora.findings);
  const out = option('--out') ?? (quick ? join(ROOT, '.bench', 'quick.json') : join(ROOT, 'scripts', 'bench', 'results', 'latest.json'));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  process.stderr.write(`wrote ${out}\n`);
  const failed = Object.values(results.corpora).some((c) => servers.some((s) => c[s]?.error));
  process.exitCode = failed ? 1 : 0;
}

await main();
