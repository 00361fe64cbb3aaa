/**
 * The e2e check of VS Code's "extension host is unresponsive" reports (test/e2e/workbenchLog.ts): which reports
 * fail the large-file test, and reading them from the log the launcher writes.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { judgeReports, OVERLOADED_PER_CORE, WorkbenchLog } from '../e2e/workbenchLog';

const report = (iso: string) => `${iso} info Extension host (Remote) is unresponsive.`;
const at = (iso: string) => Date.parse(iso);

describe('unresponsive reports in the e2e test', () => {
  const reports = [report('2026-12-07T02:20:33.363Z'), report('2026-12-07T02:21:00.000Z')];
  const stalls = [{ fromMs: at('2026-12-07T02:20:29.000Z'), toMs: at('2026-12-07T02:20:31.000Z'), cpuMs: 1900 }];

  it('on a machine that is not overloaded every report fails the test', () => {
    assert.deepEqual(judgeReports(reports, [], OVERLOADED_PER_CORE - 0.1), { failing: reports, excused: [] });
  });

  it('on an overloaded machine a report fails when the host stalled in the 4.5 s before it; the others are excused', () => {
    assert.deepEqual(judgeReports(reports, stalls, OVERLOADED_PER_CORE), { failing: [reports[0]], excused: [reports[1]] });
  });

  it('reads the reports and the recoveries logged after a mark', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-log-')), 'workbench.log');
    fs.writeFileSync(file, `${reports[0]}\n`);
    const log = new WorkbenchLog(file);
    const mark = log.mark();
    fs.appendFileSync(
      file,
      `2026-12-07T02:21:00.000Z info some other line\n${reports[1]}\n2026-12-07T02:21:01.000Z info Extension host (Remote) is responsive.\n`,
    );
    assert.deepEqual(log.unresponsiveSince(mark), [reports[1]]);
    assert.equal(log.responsiveSince(mark).length, 1);
    assert.deepEqual(log.unresponsiveSince(0), reports);
    fs.rmSync(path.dirname(file), { recursive: true });
  });
});
