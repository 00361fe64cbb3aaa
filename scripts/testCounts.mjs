// Counts the tests in a layer's output for scripts/test.mjs's closing "all layers" line. Two formats reach it:
// node:test's summary (`# pass 4`, `# fail 0`, `# skipped 0`, `# todo 0`: the unit/LSP/CLI layers, and the e2e
// layer's Try-it suite), and the e2e mocha runner's line (`e2e: 12 passed, 0 failed, 1 skipped`, one per suite).

/** @param {string} output  @returns {{ passed: number, failed: number, skipped: number }} */
export function countTests(output) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const add = (pattern, key) => {
    for (const match of output.matchAll(pattern)) totals[key] += Number(match[1]);
  };
  add(/^# pass (\d+)$/gm, 'passed');
  add(/^# fail (\d+)$/gm, 'failed');
  add(/^# (?:skipped|todo) (\d+)$/gm, 'skipped');
  for (const [, passed, failed, skipped] of output.matchAll(/^e2e: (\d+) passed, (\d+) failed, (\d+) skipped$/gm)) {
    totals.passed += Number(passed);
    totals.failed += Number(failed);
    totals.skipped += Number(skipped);
  }
  return totals;
}
