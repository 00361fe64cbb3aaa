/**
 * Baselined findings in the editor (`biomeManifests.baseline.file`, `.findings`): the findings a CLI baseline
 * (`biome-manifests check --baseline-write`) records are shown as hints with a note, or hidden, so that the editor
 * agrees with CI about what is new. Matching is the CLI's: each baseline entry of the file absorbs one finding with
 * its fingerprint (engine/lint/baselineFingerprint.ts).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { baselineEntry, type BaselineEntry } from '../engine/lint/baselineFingerprint';
import type { Finding } from '../engine/types';
import type { WorkspaceIndex } from '../engine/workspace/workspaceIndex';
import { uriToPath } from '../engine/workspace/uriPath';

export type BaselineFindings = 'lower' | 'hide';

/** A baseline is a list of findings: one far over this is not one, and is not read. */
const MAX_BASELINE_BYTES = 50 * 1024 * 1024;

export class EditorBaseline {
  private cached: { file: string; mtimeMs: number; entries: readonly BaselineEntry[] } | undefined;

  constructor(private readonly warn: (message: string) => void) {}

  /**
   * The findings of `uri` with the baselined ones lowered to hints (with a note) or left out. `baselineFile` is as
   * the setting has it (relative to `folder`, the workspace folder paths in the baseline are relative to).
   */
  async apply(
    findings: Finding[],
    index: WorkspaceIndex,
    uri: string,
    folder: string | undefined,
    baselineFile: string,
    mode: BaselineFindings,
  ): Promise<Finding[]> {
    const root = folder ? uriToPath(folder) : undefined;
    const file = uriToPath(uri);
    if (baselineFile === '' || root === undefined || file === undefined || findings.length === 0) return findings;
    const entries = await this.entries(path.resolve(root, baselineFile));
    const shown = path.relative(root, file);
    const remaining = new Map<string, number>();
    for (const entry of entries)
      if (entry.file === shown.split(path.sep).join('/')) remaining.set(entry.fingerprint, (remaining.get(entry.fingerprint) ?? 0) + 1);
    if (remaining.size === 0) return findings;
    const out: Finding[] = [];
    for (const finding of findings) {
      const fingerprint = baselineEntry(index, shown, finding).fingerprint;
      const left = remaining.get(fingerprint) ?? 0;
      if (left === 0) {
        out.push(finding);
        continue;
      }
      remaining.set(fingerprint, left - 1);
      if (mode === 'lower') out.push({ ...finding, severity: 'hint', message: `${finding.message} (In the baseline ${baselineFile}: not new.)` });
    }
    return out;
  }

  /** The baseline's entries, read again when the file changes; none (said once) when it cannot be used. */
  private async entries(file: string): Promise<readonly BaselineEntry[]> {
    let stat;
    try {
      stat = await fs.stat(file);
    } catch {
      return this.unusable(file, 'it does not exist');
    }
    if (!stat.isFile() || stat.size > MAX_BASELINE_BYTES) return this.unusable(file, 'it is not a regular file of at most 50 MB');
    if (this.cached?.file === file && this.cached.mtimeMs === stat.mtimeMs) return this.cached.entries;
    let entries: BaselineEntry[] = [];
    try {
      const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as { version?: unknown; findings?: unknown };
      if (parsed.version !== 1 || !Array.isArray(parsed.findings)) return this.unusable(file, 'it is not a biome-manifests baseline');
      entries = parsed.findings.filter(
        (e): e is BaselineEntry => typeof (e as BaselineEntry)?.fingerprint === 'string' && typeof (e as BaselineEntry).file === 'string',
      );
    } catch (error) {
      return this.unusable(file, error instanceof Error ? error.message : String(error));
    }
    this.cached = { file, mtimeMs: stat.mtimeMs, entries };
    return entries;
  }

  private readonly said = new Set<string>();

  private unusable(file: string, reason: string): readonly BaselineEntry[] {
    const message = `biomeManifests.baseline.file: ${file} is not used: ${reason}.`;
    if (!this.said.has(message)) {
      this.said.add(message);
      this.warn(message);
    }
    return [];
  }
}
