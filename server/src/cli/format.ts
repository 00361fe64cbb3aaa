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

export function formatStylish(results: readonly FileFindings[]): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let others = 0;
  for (const { path, findings } of results) {
    for (const f of findings) {
      // Paths and messages come from the checked files: no escape sequence of theirs reaches the terminal.
      lines.push(`${escapeControl(path)}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${escapeControl(f.message)}`);
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else others++;
    }
  }
  const total = errors + warnings + others;
  const files = results.length;
  lines.push(
    total === 0
      ? `No problems in ${files} file${files === 1 ? '' : 's'}.`
      : `${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${others} info) in ${files} file${files === 1 ? '' : 's'}.`,
  );
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
