/** Placing `kubectl kustomize` failures on the kustomization file, with kubectl's real messages where installed. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { failureLocation, failureMessage, isKustomizationFile } from '../../client/src/preview/kustomizeFailure';
import { kubectlKustomize } from '../../client/src/preview/kubectl';

const KUBECTL = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;

async function kubectlReason(files: Record<string, string>, folder: string): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'biome-kfail-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, name)), { recursive: true });
      writeFileSync(join(root, name), text);
    }
    const result = await kubectlKustomize('kubectl', join(root, folder), 30_000);
    assert.equal(result.ok, false);
    return result.ok ? '' : `${result.reason}\n${result.detail ?? ''}`;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';

describe('kubectl kustomize failure location', () => {
  it('recognises kustomization file names', () => {
    assert.deepEqual(
      ['/a/kustomization.yaml', '/a/kustomization.yml', '/a/Kustomization', '/a/deploy.yaml', '/a/my-kustomization.yaml'].map(isKustomizationFile),
      [true, true, true, false, false],
    );
  });

  it(
    'underlines the entry kubectl names: a missing resource, a missing patch file, a cycle',
    { skip: KUBECTL ? false : 'kubectl is not installed' },
    async () => {
      const missing = 'resources:\n  - cm.yaml\n  - ./service.yaml\n';
      const reason = await kubectlReason({ 'app/kustomization.yaml': missing, 'app/cm.yaml': CM }, 'app');
      assert.match(failureMessage(reason), /^kubectl kustomize cannot build this folder: .*service\.yaml/);
      assert.deepEqual(failureLocation(reason, missing), { line: 2, start: 4, end: 18 });

      const patch = 'resources:\n  - cm.yaml\npatches:\n  - path: replicas.yaml\n';
      assert.deepEqual(failureLocation(await kubectlReason({ 'app/kustomization.yaml': patch, 'app/cm.yaml': CM }, 'app'), patch), {
        line: 3,
        start: 10,
        end: 23,
      });

      const cycle = 'resources:\n  - ../b\n';
      const cycleReason = await kubectlReason({ 'a/kustomization.yaml': cycle, 'b/kustomization.yaml': 'resources:\n  - ../a\n' }, 'a');
      assert.deepEqual(failureLocation(cycleReason, cycle).line, 1);
    },
  );

  it('falls back to the first line when the message names no listed path', () => {
    assert.deepEqual(failureLocation('kubectl kustomize failed: invalid Kustomization: json: unknown field "resoures"', 'resoures:\n  - a.yaml\n'), {
      line: 0,
      start: 0,
      end: 9,
    });
  });
});
