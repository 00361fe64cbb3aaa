/**
 * `crds.paths` (`.biome-manifests.yaml`) and `biomeManifests.crds.paths` (editor): extra files or folders
 * of CRDs, for repositories that keep them outside the checked tree. Each is expanded to its YAML files;
 * the caller reads them with the same bounded reader as every other file (workspace/readFile.ts).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { findYamlFiles } from '../workspace/scan';

/** Bounded like a workspace scan: a `crds.paths` entry pointing at `/` must not read the disk. */
const MAX_CRD_FILES = 5_000;

/**
 * The YAML files that absolute `paths` name (a file as it is; a folder's YAML files, recursively, minus
 * `exclude`), sorted and without duplicates; a path that does not exist or cannot be read is told to
 * `onProblem`, not thrown.
 */
export async function expandCrdPaths(
  paths: readonly string[],
  exclude: readonly string[],
  onProblem: (path: string, reason: string) => void,
): Promise<string[]> {
  const out = new Set<string>();
  for (const given of new Set(paths)) {
    const stat = await fs.stat(given).catch(() => undefined);
    if (!stat) {
      onProblem(given, 'no such file or folder');
      continue;
    }
    if (stat.isDirectory()) {
      const files = await findYamlFiles(given, { exclude, maxFiles: MAX_CRD_FILES - out.size, onUnreadable: (dir, reason) => onProblem(dir, reason) });
      for (const file of files) out.add(file);
    } else if (stat.isFile()) out.add(given);
    else onProblem(given, 'not a regular file or folder');
    if (out.size >= MAX_CRD_FILES) {
      onProblem(given, `more than ${MAX_CRD_FILES} files: the rest are not read`);
      break;
    }
  }
  return [...out].sort();
}

/** Relative entries of `paths` resolved against `base` (a config file's folder, a workspace folder). */
export function resolveCrdPaths(paths: readonly string[], base: string): string[] {
  return paths.map((p) => path.resolve(base, p));
}
