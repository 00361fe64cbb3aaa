/** Metadata of every code the CLI can report (rules and the engine's built-in codes), for SARIF's rule table. */
import { allRules } from '../../rules';
import { BUILTIN_CODES } from '../../docs/builtinCodes';
import type { Severity } from '../../engine/types';

export interface CodeInfo {
  id: string;
  defaultSeverity: Severity | 'off';
  summary: string;
  rationale: string;
  remediation: string;
  /** Whether docs/rules/<id>.md exists for it (codes such as `file-skipped` have no page). */
  documented: boolean;
  /** Where the code comes from, a SARIF tag. */
  category: 'rule' | 'yaml' | 'schema' | 'suppression' | 'cli';
}

const FILE_SKIPPED: CodeInfo = {
  id: 'file-skipped',
  defaultSeverity: 'warning',
  summary: 'A file could not be checked (unreadable, binary, too large or not a regular file).',
  rationale: 'A file the CLI cannot read is reported rather than passed over, so a check never looks cleaner than it is.',
  remediation: 'Make the file readable as UTF-8 text, or exclude it with --exclude.',
  documented: false,
  category: 'cli',
};

export function codeCatalog(): CodeInfo[] {
  const rules: CodeInfo[] = allRules.map((r) => ({
    id: r.id,
    defaultSeverity: r.defaultSeverity,
    summary: r.summary,
    rationale: r.rationale,
    remediation: r.remediation,
    documented: true,
    category: 'rule',
  }));
  const builtin: CodeInfo[] = BUILTIN_CODES.map((c) => ({
    ...c,
    defaultSeverity: c.severity,
    documented: true,
    category: c.id.startsWith('yaml-') ? 'yaml' : c.id.startsWith('schema-') ? 'schema' : 'suppression',
  }));
  return [...rules, ...builtin, FILE_SKIPPED];
}
