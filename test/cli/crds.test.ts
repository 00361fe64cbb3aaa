/** The CLI reads CRDs from `.biome-manifests.yaml`'s `crds.paths` for their schemas. Runs the built dist/cli.js. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/paths';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'crd');

/** A project: `app/` with a ServiceMonitor, the CRD kept apart in `vendor/crds/`. */
function project(config: string | undefined): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-crds-'));
  fs.mkdirSync(path.join(root, 'app'));
  fs.mkdirSync(path.join(root, 'vendor', 'crds'), { recursive: true });
  fs.copyFileSync(path.join(FIXTURES, 'servicemonitor.yaml'), path.join(root, 'app', 'servicemonitor.yaml'));
  fs.copyFileSync(path.join(FIXTURES, 'servicemonitor-crd.yaml'), path.join(root, 'vendor', 'crds', 'servicemonitor-crd.yaml'));
  if (config !== undefined) fs.writeFileSync(path.join(root, '.biome-manifests.yaml'), config);
  return root;
}

function check(root: string): { code: number | null; codes: string[]; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', 'app'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  const parsed = JSON.parse(run.stdout) as { findings: { code: string; line: number }[] };
  return { code: run.status, codes: parsed.findings.map((x) => `${x.line} ${x.code}`), stderr: run.stderr };
}

describe('biome-manifests check with crds.paths', () => {
  it('without the CRD: one info note, and only the metadata checked (its typo fails the run)', () => {
    const root = project(undefined);
    try {
      assert.deepEqual(check(root), { code: 1, codes: ['2 no-crd-schema', '5 schema-unknown-field'], stderr: '' });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('with crds.paths naming the folder: the custom resource is checked against it; a missing path is said', () => {
    const root = project('crds:\n  paths: [vendor/crds, not-there/]\n');
    try {
      const result = check(root);
      assert.equal(result.code, 1);
      assert.deepEqual(result.codes, [
        '5 schema-unknown-field',
        '11 schema-unknown-field',
        '12 schema-enum',
        '14 schema-type',
        '22 schema-unknown-field',
        '29 schema-required',
      ]);
      assert.match(result.stderr, /crds\.paths: .*not-there: no such file or folder/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
