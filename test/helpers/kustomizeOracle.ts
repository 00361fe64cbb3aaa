/** `kubectl kustomize` as an oracle: whether it is installed, folders of files to build, and its verdict. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const KUBECTL = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;

/** The `skip` option of the oracle's tests: false when kubectl is installed (CI installs it), else why they are skipped. */
export const NO_KUBECTL = KUBECTL ? false : 'kubectl is not installed: the kubectl kustomize oracle cases are skipped';

/** Writes `files` into a new temporary folder; returns its path (the caller removes it). */
export function folderWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'biome-kustomize-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

/** `kubectl kustomize folder`: whether it built, the objects, and its messages (warnings, errors). */
export function kustomize(folder: string): { ok: boolean; out: string; err: string } {
  const run = spawnSync('kubectl', ['kustomize', folder], { encoding: 'utf8', timeout: 30_000 });
  return { ok: run.status === 0, out: run.stdout, err: run.stderr };
}
