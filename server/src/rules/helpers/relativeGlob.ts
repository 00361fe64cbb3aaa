/** Globs a monitoring configuration resolves relative to its own folder (`rule_files`, Alertmanager `templates`). */
import { compileGlob } from '../../engine/workspace/glob';
import { folderOf } from '../../engine/workspace/workspaceIndex';

/**
 * True when `glob`, relative to the folder of `configUri`, matches no file of the workspace. Absolute paths (where a
 * container mounts the files), empty globs and globs the matcher refuses are not judged (false). Matched without
 * backtracking: the glob is the file's content.
 */
export function relativeGlobMatchesNothing(configUri: string, glob: unknown, uris: () => readonly string[]): boolean {
  if (typeof glob !== 'string' || glob.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(glob) || glob.trim() === '') return false;
  const base = folderOf(configUri);
  const pattern = compileGlob(glob.replace(/^\.\//, ''));
  if (!pattern.ok) return false;
  return !uris().some((uri) => uri.startsWith(`${base}/`) && pattern.matches(decodeURIComponent(uri.slice(base.length + 1))));
}
