/** Writes a check's findings in the chosen format(s) and decides the exit status. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { BUGS_URL } from '../links';
import { VERSION } from '../version';
import type { CheckArgs } from './args';
import { formatReport, formatStylish, type FileFindings } from './format';

export interface ReportOutcome {
  exitCode: number;
  /** Lines for stderr (why the exit status is what it is, or why the output file was not written). */
  notes: string[];
}

/** Writes the report; exit 1 for an error-level finding or more warnings than `--max-warnings`. */
export async function writeReport(results: readonly FileFindings[], args: CheckArgs, root: string): Promise<ReportOutcome> {
  const all = results.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  // Counted before --quiet hides them: hiding warnings must not let them pass a budget unseen.
  const warnings = all.filter((f) => f.severity === 'warning').length;
  const shown = args.quiet ? results.map((r) => ({ path: r.path, findings: r.findings.filter((f) => f.severity === 'error') })) : results;
  const notes: string[] = [];
  if (args.outputFile !== undefined) {
    const target = path.resolve(root, args.outputFile);
    try {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, formatReport(args.format, { results: shown, root }) + '\n');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { exitCode: 2, notes: [`cannot write --output-file ${args.outputFile}: ${reason}`] };
    }
    process.stdout.write(formatStylish(shown) + '\n');
  } else {
    process.stdout.write(formatReport(args.format, { results: shown, root }) + '\n');
  }
  if (errors > 0) return { exitCode: 1, notes };
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    notes.push(`${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${args.maxWarnings} allows.`);
    return { exitCode: 1, notes };
  }
  return { exitCode: 0, notes };
}

/** Exit 3's message: a bug of ours, said plainly, with where to report it. */
export function internalErrorMessage(error: unknown): string {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return (
    `biome-manifests: internal error (a bug in biome-manifests, not a problem in your manifests): ${detail}\n` +
    `Please report it at ${BUGS_URL} with the command line, the version (${VERSION}) and this message.\n`
  );
}
