/** What every output format receives: findings per file, paths relative to the root, and fingerprints. */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { Finding, Severity } from '../../engine/types';

export interface FileFindings {
  /** Path as shown to the user (relative to the working directory when possible). */
  path: string;
  findings: Finding[];
}

export interface ReportInput {
  results: readonly FileFindings[];
  /** The folder relative paths are relative to (the working directory: the repository root in CI). */
  root: string;
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** A path relative to `root` with `/` separators, or undefined when the file is outside `root`. */
export function relativeToRoot(root: string, file: string): string | undefined {
  const relative = path.relative(root, path.resolve(root, file));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/**
 * Fingerprints that survive unrelated edits: rule, file and message, plus the occurrence among equal
 * triples in the file — never the line, so inserting lines above a finding keeps its identity.
 * Computed over all findings of a file (before `--quiet`), so the options do not change them.
 */
export function fingerprints(file: FileFindings): Map<Finding, string> {
  const seen = new Map<string, number>();
  const out = new Map<Finding, string>();
  for (const f of file.findings) {
    const key = `${f.code}\0${file.path.split(path.sep).join('/')}\0${f.message}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    out.set(f, createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32));
  }
  return out;
}
