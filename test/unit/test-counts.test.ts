/** scripts/testCounts.mjs: the counts behind `npm test`'s closing "all layers" line, from each layer's output. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../helpers/paths';

type Totals = { passed: number; failed: number; skipped: number };
const load = async (): Promise<(output: string) => Totals> =>
  ((await import(pathToFileURL(join(REPO_ROOT, 'scripts', 'testCounts.mjs')).href)) as { countTests: (output: string) => Totals }).countTests;

/** What `node scripts/test-e2e.mjs` prints: both mocha suites, the Details page check, then the Try-it suite (TAP). */
const E2E_OUTPUT = [
  '=== e2e suite "dev" (code-server) on /tmp/biome-e2e-ws-1/biome-sample',
  '  42 passing (1m)',
  '  1 pending',
  'e2e: 42 passed, 0 failed, 1 skipped',
  '=== e2e suite "vsix" (code-server) on /tmp/biome-e2e-ws-2/biome-sample',
  'e2e: 6 passed, 1 failed, 0 skipped',
  'details page: every README image loads',
  'TAP version 13',
  '# Subtest: CONTRIBUTING.md "Try it" in a scratch clone',
  '    ok 1 - has exactly the two commands',
  '    # pass counted only at the top level',
  '1..1',
  '# tests 4',
  '# suites 1',
  '# pass 4',
  '# fail 0',
  '# cancelled 0',
  '# skipped 0',
  '# todo 0',
  'e2e: done in 190 s',
].join('\n');

describe('test counts for the "all layers" line', () => {
  it('counts the Try-it suite (node:test inside the e2e layer) with the mocha suites', async () => {
    const countTests = await load();
    assert.deepEqual(countTests(E2E_OUTPUT), { passed: 42 + 6 + 4, failed: 1, skipped: 1 });
  });

  it('counts a node:test summary, todo as skipped, and every summary of a run', async () => {
    const countTests = await load();
    const summary = (pass: number, fail: number, skipped: number, todo: number): string =>
      `# tests ${pass + fail}\n# pass ${pass}\n# fail ${fail}\n# cancelled 0\n# skipped ${skipped}\n# todo ${todo}\n`;
    assert.deepEqual(countTests(`ok 1 - a\n${summary(1200, 2, 3, 1)}`), { passed: 1200, failed: 2, skipped: 4 });
    assert.deepEqual(countTests(summary(5, 0, 0, 0) + summary(4, 1, 0, 0)), { passed: 9, failed: 1, skipped: 0 });
  });

  it('counts nothing in output without a summary (a skipped e2e layer)', async () => {
    const countTests = await load();
    assert.deepEqual(countTests('e2e: SKIPPED — the VS Code test tools are not installed (tools/e2e).\n'), { passed: 0, failed: 0, skipped: 0 });
  });
});
