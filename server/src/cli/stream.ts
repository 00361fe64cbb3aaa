/**
 * Streaming output for the line formats (stylish, github): each file's findings are written as soon as the file is
 * checked, so a CI log shows progress on a 20,000-file monorepo and nothing accumulates in memory. The bytes are
 * the same as the batch report's; the formats that are one document (JSON, SARIF, JUnit, GitLab), a baseline,
 * --changed-since and --output-file need every result first and take the batch path.
 */
import type { CheckArgs } from './args';
import { countSeverities, stylishLines, stylishSummary, type FileFindings, type SeverityCounts } from './format';
import { githubLines } from './formats/github';
import type { ReportOutcome } from './report';

export interface StreamingReport {
  /** Writes one file's findings (call in report order). */
  add(result: FileFindings): void;
  /** Writes what ends the report and decides the exit status, as writeReport does. */
  finish(): ReportOutcome;
}

/** Whether this run's output can be streamed. */
export function canStream(args: CheckArgs): boolean {
  const lineFormat = args.format === 'stylish' || args.format === 'github';
  return lineFormat && args.outputFile === undefined && args.baseline === undefined && args.baselineWrite === undefined && args.changedSince === undefined;
}

export function streamingReport(args: CheckArgs, write: (text: string) => void): StreamingReport {
  const linesOf = args.format === 'github' ? githubLines : stylishLines;
  // Counted before --quiet hides them: hiding warnings must not let them pass a budget unseen.
  const counts: SeverityCounts = { errors: 0, warnings: 0, others: 0 };
  const shownCounts: SeverityCounts = { errors: 0, warnings: 0, others: 0 };
  let files = 0;
  let wroteLine = false;
  return {
    add(result) {
      files++;
      countSeverities(result.findings, counts);
      const shown = args.quiet ? { path: result.path, findings: result.findings.filter((f) => f.severity === 'error') } : result;
      countSeverities(shown.findings, shownCounts);
      const lines = linesOf(shown);
      if (lines.length === 0) return;
      // Whole lines only: a CI log shows a line when its newline arrives.
      write(`${lines.join('\n')}\n`);
      wroteLine = true;
    },
    finish() {
      // The batch report is its lines joined by \n plus one \n: for github with no finding, an empty line.
      if (args.format === 'stylish') write(`${stylishSummary(shownCounts, files)}\n`);
      else if (!wroteLine) write('\n');
      const notes: string[] = [];
      if (counts.errors > 0) return { exitCode: 1, notes };
      if (args.maxWarnings !== undefined && counts.warnings > args.maxWarnings) {
        notes.push(`${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}, more than --max-warnings ${args.maxWarnings} allows.`);
        return { exitCode: 1, notes };
      }
      return { exitCode: 0, notes };
    },
  };
}
