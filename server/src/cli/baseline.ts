/**
 * Baselines: today's findings recorded by a fingerprint that survives unrelated edits — rule, resource
 * (kind/namespace/name), field path and a hash of the flagged text, never a line number — so that
 * `--baseline` reports only new findings and lists the entries that no longer occur.
 */
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { formerIdsOf } from '../engine/lint/ruleAliases';
import type { Finding } from '../engine/types';
import { baselineEntry, type BaselineEntry } from '../engine/lint/baselineFingerprint';

export { baselineEntry, type BaselineEntry };
import type { WorkspaceIndex } from '../engine/workspace/workspaceIndex';
import type { FileFindings } from './format';

interface BaselineFile {
  version: 1;
  tool: 'biome-manifests';
  findings: BaselineEntry[];
}

export async function writeBaseline(file: string, entries: readonly BaselineEntry[]): Promise<void> {
  const sorted = [...entries].sort(
    (a, b) => a.file.localeCompare(b.file) || a.resource.localeCompare(b.resource) || a.path.localeCompare(b.path) || a.rule.localeCompare(b.rule),
  );
  const content: BaselineFile = { version: 1, tool: 'biome-manifests', findings: sorted };
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await fs.writeFile(file, JSON.stringify(content, null, 2) + '\n');
}

/** The entries of a baseline file, or a message saying why it cannot be used. */
export async function readBaseline(file: string): Promise<BaselineEntry[] | string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    return `cannot read --baseline ${file}: ${error instanceof Error ? error.message : String(error)}`;
  }
  const findings = (parsed as Partial<BaselineFile> | null)?.findings;
  if (
    (parsed as Partial<BaselineFile> | null)?.version !== 1 ||
    !Array.isArray(findings) ||
    !findings.every((e: Partial<BaselineEntry>) => typeof e?.fingerprint === 'string')
  ) {
    return `--baseline ${file} is not a biome-manifests baseline (write one with --baseline-write).`;
  }
  return findings;
}

/**
 * Drops the findings the baseline holds (each entry absorbs one finding with its fingerprint) and
 * returns the entries that matched nothing: what no longer occurs, so the file can shrink.
 */
export function applyBaseline(
  results: readonly FileFindings[],
  entryOf: (file: FileFindings, f: Finding) => BaselineEntry,
  baseline: readonly BaselineEntry[],
  formerFingerprints: (file: FileFindings, f: Finding) => string[] = () => [],
): { results: FileFindings[]; stale: BaselineEntry[] } {
  const remaining = new Map<string, BaselineEntry[]>();
  for (const entry of baseline) remaining.set(entry.fingerprint, [...(remaining.get(entry.fingerprint) ?? []), entry]);
  const kept = results.map((file) => ({
    path: file.path,
    findings: file.findings.filter((f) => {
      for (const fingerprint of [entryOf(file, f).fingerprint, ...formerFingerprints(file, f)]) {
        const same = remaining.get(fingerprint);
        if (!same || same.length === 0) continue;
        same.pop();
        return false;
      }
      return true;
    }),
  }));
  return { results: kept, stale: [...remaining.values()].flat() };
}

export type BaselineOutcome = { done: true; exitCode: number; message: string } | { done: false; results: FileFindings[]; notes: string[] };

/** `--baseline-write` (record and stop) and `--baseline` (report only what is new, list what is gone). */
export async function baselineStep(
  options: { baseline?: string; baselineWrite?: string },
  results: FileFindings[],
  index: WorkspaceIndex,
  root: string,
): Promise<BaselineOutcome> {
  const entryOf = (file: FileFindings, f: Finding): BaselineEntry => baselineEntry(index, file.path, f);
  if (options.baselineWrite !== undefined) {
    const entries = results.flatMap((file) => file.findings.map((f) => entryOf(file, f)));
    try {
      await writeBaseline(options.baselineWrite, entries);
    } catch (error) {
      return {
        done: true,
        exitCode: 2,
        message: `cannot write --baseline-write ${options.baselineWrite}: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    return { done: true, exitCode: 0, message: `Baseline: ${entries.length} finding${entries.length === 1 ? '' : 's'} written to ${options.baselineWrite}.` };
  }
  if (options.baseline === undefined) return { done: false, results, notes: [] };
  const baseline = await readBaseline(options.baseline);
  if (typeof baseline === 'string') return { done: true, exitCode: 2, message: baseline };
  // A baseline written before a rule was renamed holds fingerprints made with its old id.
  const former = (file: FileFindings, f: Finding): string[] => formerIdsOf(f.code).map((code) => entryOf(file, { ...f, code }).fingerprint);
  const applied = applyBaseline(results, entryOf, baseline, former);
  // An entry of a file this run did not report on (another folder, outside --changed-since) is not gone;
  // one of a file that no longer exists is.
  const reported = new Set(results.map((r) => r.path.split(path.sep).join('/')));
  const stale = applied.stale.filter((e) => reported.has(e.file) || !existsSync(path.resolve(root, e.file)));
  const notes =
    stale.length === 0
      ? []
      : [
          `${stale.length} baseline entr${stale.length === 1 ? 'y no longer occurs' : 'ies no longer occur'} (run --baseline-write to shrink ${options.baseline}):`,
          ...stale.map((e) => `  ${e.file}: ${e.rule} ${e.resource}${e.path ? ` ${e.path}` : ''}`),
        ];
  return { done: false, results: applied.results, notes };
}
