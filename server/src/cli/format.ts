/** Output formats of `biome-manifests check`: stylish and JSON here, the CI formats in formats/. */
import { escapeControl } from './formats/escape';
import { formatGithub } from './formats/github';
import { formatGitlab } from './formats/gitlab';
import { formatJunit } from './formats/junit';
import type { FileFindings, ReportInput } from './formats/model';
import { formatSarif } from './formats/sarif';

export type { FileFindings } from './formats/model';
export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(value: string | undefined): value is Format {
  return (FORMATS as readonly (string | undefined)[]).includes(value);
}

export function formatReport(format: Format, input: ReportInput): string {
  switch (format) {
    case 'stylish':
      return formatStylish(input.results);
    case 'json':
      return formatJson(input.results);
    case 'sarif':
      return formatSarif(input);
    case 'github':
      return formatGithub(input);
    case 'gitlab':
      return formatGitlab(input);
    case 'junit':
      return formatJunit(input);
  }
}

/** The stylish lines of one file's findings (paths and messages with control characters made visible). */
export function stylishLines({ path, findings }: FileFindings): string[] {
  // Paths and messages come from the checked files: no escape sequence of theirs reaches the terminal.
  return findings.map(
    (f) => `${escapeControl(path)}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${escapeControl(f.message)}`,
  );
}

/** Counts of findings by severity (info and hint together), for the summary line and the exit status. */
export interface SeverityCounts {
  errors: number;
  warnings: number;
  others: number;
}

export function countSeverities(findings: Iterable<{ severity: string }>, into: SeverityCounts = { errors: 0, warnings: 0, others: 0 }): SeverityCounts {
  for (const f of findings) {
    if (f.severity === 'error') into.errors++;
    else if (f.severity === 'warning') into.warnings++;
    else into.others++;
  }
  return into;
}

/** `10 problems (1 error, 6 warnings, 3 info) in 12 files.` or `No problems in 12 files.` */
export function stylishSummary({ errors, warnings, others }: SeverityCounts, files: number): string {
  const total = errors + warnings + others;
  const inFiles = `${files} file${files === 1 ? '' : 's'}`;
  if (total === 0) return `No problems in ${inFiles}.`;
  return `${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${others} info) in ${inFiles}.`;
}

export function formatStylish(results: readonly FileFindings[]): string {
  const counts: SeverityCounts = { errors: 0, warnings: 0, others: 0 };
  const lines: string[] = [];
  for (const result of results) {
    lines.push(...stylishLines(result));
    countSeverities(result.findings, counts);
  }
  lines.push(stylishSummary(counts, results.length));
  return lines.join('\n');
}

/** The JSON contract (keys and meaning are stable; JSON escapes control characters itself). */
export function formatJson(results: readonly FileFindings[]): string {
  const findings = results.flatMap(({ path, findings }) =>
    findings.map((f) => ({
      file: path,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      severity: f.severity,
      code: f.code,
      message: f.message,
      // Additive: rule findings name the rule's message (see the rule's page), built-in codes have none.
      ...(f.messageId !== undefined ? { messageId: f.messageId } : {}),
    })),
  );
  return JSON.stringify({ files: results.length, findings }, null, 2);
}
