/** Output formats of `biome-manifests check`. */
import type { Finding } from '../engine/types';

export interface FileFindings {
  /** Path as the user gave it (relative to the working directory when possible). */
  path: string;
  findings: Finding[];
}

export function formatStylish(results: readonly FileFindings[]): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let others = 0;
  for (const { path, findings } of results) {
    for (const f of findings) {
      lines.push(`${path}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`);
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
    })),
  );
  return JSON.stringify({ files: results.length, findings }, null, 2);
}
