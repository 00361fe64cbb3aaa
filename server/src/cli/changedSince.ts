/**
 * `--changed-since <ref>`: the files changed since a git ref, plus the files whose findings can change
 * because of them — the ones whose last check read a fact (dependency key) that the change touched:
 * a Secret renamed in one file re-checks the Deployments that reference it in others.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { WorkspaceIndex } from '../engine/workspace/workspaceIndex';
import { YAML_FILE } from '../engine/workspace/scan';

const run = promisify(execFile);

export interface ChangeSet {
  /** Changed YAML files (absolute), with their text at the ref (undefined: not there, i.e. added). */
  files: Map<string, string | undefined>;
}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}

function names(output: string): string[] {
  return output.split('\0').filter((n) => n.length > 0 && YAML_FILE.test(path.basename(n)));
}

/** The YAML files under `cwd` changed since `ref` (committed, staged, unstaged and untracked), or why not. */
export async function changesSince(ref: string, cwd: string): Promise<ChangeSet | string> {
  try {
    await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    return `--changed-since: \`${ref}\` is not a commit of a git repository at ${cwd}.`;
  }
  // --no-renames: a rename is its old path deleted and its new path added, both of which matter.
  const changed = names(await git(cwd, ['diff', '--name-only', '--no-renames', '--relative', '-z', ref, '--']));
  const untracked = names(await git(cwd, ['ls-files', '--others', '--exclude-standard', '-z']));
  const files = new Map<string, string | undefined>();
  for (const name of changed) {
    const old = await git(cwd, ['show', `${ref}:./${name}`]).catch(() => undefined);
    files.set(path.resolve(cwd, name), old);
  }
  for (const name of untracked) files.set(path.resolve(cwd, name), undefined);
  return { files };
}

/**
 * The dependency keys the change touched: each changed file is indexed at its old text and then at its
 * current one (or removed), and the index says which keys moved. Leaves the index at the current state.
 */
export function changedKeys(index: WorkspaceIndex, changes: ChangeSet): Set<string> {
  const keys = new Set<string>();
  const add = (more: Iterable<string>): void => {
    for (const key of more) keys.add(key);
  };
  for (const [file, old] of changes.files) {
    const uri = pathToFileURL(file).href;
    const current = index.getFile(uri)?.text;
    if (old !== undefined) index.setFile(uri, old);
    else index.removeFile(uri);
    add(current === undefined ? index.removeFile(uri) : index.setFile(uri, current).changedKeys);
  }
  return keys;
}
