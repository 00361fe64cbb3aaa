/** The CLI reports the same kustomization findings as the editor (built dist/cli.js, JSON output). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/paths';

describe('biome-manifests check on a kustomization', () => {
  it('reports the schema typo, the missing resource and the deprecated field, and exits 1', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-cli-kustomize-'));
    try {
      fs.mkdirSync(path.join(root, 'app'));
      fs.writeFileSync(path.join(root, 'app', 'kustomization.yaml'), 'commonLabels:\n  app: web\nresources:\n  - cm.yaml\n  - missing.yaml\nnamePrefx: a-\n');
      fs.writeFileSync(path.join(root, 'app', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n');
      const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'check', root, '--format', 'json'], { encoding: 'utf8' });
      const report = JSON.parse(run.stdout) as { findings: { file: string; line: number; severity: string; code: string }[] };
      assert.deepEqual(
        report.findings.map((f) => `${path.basename(f.file)}:${f.line} ${f.severity} ${f.code}`),
        [
          'kustomization.yaml:1 warning no-deprecated-kustomize-field',
          'kustomization.yaml:5 error no-missing-kustomize-path',
          'kustomization.yaml:6 error schema-unknown-field',
        ],
      );
      assert.equal(run.status, 1);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
