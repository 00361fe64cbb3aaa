// Long fuzz run of the language server: `npm run fuzz -- --runs 5000 [--seed N]`. No time limit
// (the bounded run in `npm test` stops after BIOME_FUZZ_SECONDS, default 60). Compiles first.
// `--edits`: the edit property instead (every quick fix, Ignore and secret edit on manifests in
// every YAML style, test/unit/edits-property.test.ts; 25 workspaces in `npm test`).
import { spawnSync } from 'node:child_process';

const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const runs = arg('--runs') ?? '2000';
const seed = arg('--seed');
if (!/^\d+$/.test(runs)) {
  console.error(`--runs takes a number of iterations, not "${runs}".`);
  process.exit(2);
}
const tsc = spawnSync('npx', ['tsc', '-b'], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
const edits = process.argv.includes('--edits');
const env = edits
  ? { ...process.env, BIOME_EDITS_RUNS: runs, ...(seed ? { BIOME_EDITS_SEED: seed } : {}) }
  : { ...process.env, BIOME_FUZZ_RUNS: runs, BIOME_FUZZ_SECONDS: '0', ...(seed ? { BIOME_FUZZ_SEED: seed } : {}) };
const file = edits ? 'out/test/unit/edits-property.test.js' : 'out/test/lsp/fuzz.test.js';
const result = spawnSync(process.execPath, ['--test', file], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
