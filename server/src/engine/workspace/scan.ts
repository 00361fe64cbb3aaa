/** Finds the YAML files under folders (the workspace, or the CLI's paths), honouring excludes. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isExcluded } from './glob';
import { JSON_FILE } from '../monitoring/dashboards';

export const DEFAULT_EXCLUDE: readonly string[] = ['node_modules', '.git', 'dist'];
export const YAML_FILE = /\.ya?ml$/i;

export interface ScanOptions {
  exclude: readonly string[];
  /** Stop after this many files (bounded work on huge trees). */
  maxFiles?: number;
  /** Called between folders so a caller can cancel. */
  isCancelled?: () => boolean;
  /** Told of each folder that cannot be listed (an unreadable folder must not look like an empty one). */
  onUnreadable?: (dir: string, reason: string) => void;
  /** Told of each `*.yaml` entry that is a FIFO, device or socket: never opened, said once. */
  onSpecialFile?: (file: string, reason: string) => void;
  /** Also list `*.json` files, the candidate Grafana dashboards (read with readWorkspaceText, which keeps only those). */
  dashboards?: boolean;
}

/** What a directory entry that is neither a file, a folder nor a link is. */
function specialKind(entry: import('node:fs').Dirent): string | undefined {
  if (entry.isFIFO()) return 'a FIFO';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
  if (entry.isSocket()) return 'a socket';
  return undefined;
}

export async function findYamlFiles(root: string, options: ScanOptions): Promise<string[]> {
  const out: string[] = [];
  const maxFiles = options.maxFiles ?? 50_000;
  const pending = [root];
  while (pending.length > 0 && out.length < maxFiles) {
    if (options.isCancelled?.()) break;
    const dir = pending.pop()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      // Skipped, as an editor would, but said: `check secretdir` must not pass as "0 files".
      options.onUnreadable?.(dir, `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (isExcluded(relative, options.exclude)) continue;
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile() && (YAML_FILE.test(entry.name) || (options.dashboards === true && JSON_FILE.test(entry.name)))) out.push(full);
      else if (YAML_FILE.test(entry.name) && specialKind(entry)) options.onSpecialFile?.(full, `skipped: not a regular file (${specialKind(entry)})`);
    }
  }
  return out.sort();
}
