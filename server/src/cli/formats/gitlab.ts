/** GitLab Code Quality report (the Code Climate subset GitLab reads), for `artifacts:reports:codequality`. */
import type { Severity } from '../../engine/types';
import { fingerprints, relativeToRoot, type ReportInput } from './model';

// GitLab's scale is info, minor, major, critical, blocker; ESLint's GitLab formatters map errors to major.
const SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

export function formatGitlab(input: ReportInput): string {
  const issues = input.results.flatMap((file) => {
    const prints = fingerprints(file);
    const location = relativeToRoot(input.root, file.path) ?? file.path;
    return file.findings.map((f) => ({
      type: 'issue',
      check_name: f.code,
      description: `${f.code}: ${f.message}`,
      severity: SEVERITY[f.severity],
      fingerprint: prints.get(f)!,
      location: {
        path: location,
        lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 },
      },
    }));
  });
  return JSON.stringify(issues, null, 2);
}
