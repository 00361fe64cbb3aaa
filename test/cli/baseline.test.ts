/** Baselines: recorded findings stay quiet through unrelated edits; new ones are reported; gone ones are listed. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, SAMPLE_DIR } from '../helpers/paths';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const BASELINE = '.biome-manifests-baseline.json';

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function sampleCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-baseline-'));
  for (const name of ['main-app-deployment.yaml', 'main-app-hpa.yaml', 'main-app-probes.yaml', 'app-secrets.yaml']) {
    fs.copyFileSync(path.join(SAMPLE_DIR, 'biome', name), path.join(dir, name));
  }
  return dir;
}

function edit(dir: string, name: string, change: (text: string) => string): void {
  fs.writeFileSync(path.join(dir, name), change(fs.readFileSync(path.join(dir, name), 'utf8')));
}

describe('baselines', () => {
  it('records findings by rule, resource, field path and value, and keeps them through unrelated edits', () => {
    const dir = sampleCopy();
    const written = cli(['check', '.', '--baseline-write', BASELINE], dir);
    assert.equal(written.code, 0);
    assert.equal(written.stdout, `Baseline: 3 findings written to ${BASELINE}.\n`);
    const file = JSON.parse(fs.readFileSync(path.join(dir, BASELINE), 'utf8')) as { findings: { rule: string; resource: string; path: string }[] };
    assert.deepEqual(
      file.findings.map((e) => `${e.rule} ${e.resource} ${e.path}`),
      [
        'no-replicas-with-hpa Deployment default/main-app spec.replicas',
        'no-latest-tag Deployment default/main-app spec.template.spec.containers[name=main-app].image',
        'require-hpa-resource-requests HorizontalPodAutoscaler default/main-app spec.metrics[0].resource.name',
      ],
    );
    // Unrelated edits: comments above, a new env var and a label (every line number below them moves).
    edit(
      dir,
      'main-app-deployment.yaml',
      (t) => `# owned by the platform team\n${t.replace('          env:\n', '          env:\n            - name: LOG_LEVEL\n              value: info\n')}`,
    );
    edit(dir, 'main-app-hpa.yaml', (t) => `# scaled on CPU\n\n${t}`);
    const quiet = cli(['check', '.', '--baseline', BASELINE], dir);
    assert.deepEqual({ code: quiet.code, stdout: quiet.stdout, stderr: quiet.stderr }, { code: 0, stdout: 'No problems in 4 files.\n', stderr: '' });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports only new findings, and lists the entries that no longer occur', () => {
    const dir = sampleCopy();
    assert.equal(cli(['check', '.', '--baseline-write', BASELINE], dir).code, 0);
    // Fixed: the replicas; new: a second container on :latest (same rule and resource, another path).
    edit(dir, 'main-app-deployment.yaml', (t) =>
      t
        .replace(/^ {2}replicas: 2\n/m, '')
        .replace('      containers:\n', '      containers:\n        - name: sidecar\n          image: envoyproxy/envoy:latest\n'),
    );
    const { code, stdout, stderr } = cli(['check', '.', '--baseline', BASELINE, '--format', 'json'], dir);
    const report = JSON.parse(stdout) as { findings: { code: string; message: string }[] };
    assert.deepEqual(
      report.findings.map((f) => f.code),
      ['no-latest-tag'],
    );
    assert.match(report.findings[0]!.message, /envoyproxy\/envoy:latest/);
    assert.equal(code, 0);
    assert.equal(
      stderr,
      `biome-manifests: 1 baseline entry no longer occurs (run --baseline-write to shrink ${BASELINE}):\nbiome-manifests:   main-app-deployment.yaml: no-replicas-with-hpa Deployment default/main-app spec.replicas\n`,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a missing or foreign baseline file with exit 2', () => {
    const dir = sampleCopy();
    assert.match(cli(['check', '.', '--baseline', 'nope.json'], dir).stderr, /cannot read --baseline nope\.json/);
    fs.writeFileSync(path.join(dir, 'other.json'), '{"findings": 3}');
    const foreign = cli(['check', '.', '--baseline', 'other.json'], dir);
    assert.equal(foreign.code, 2);
    assert.match(foreign.stderr, /other\.json is not a biome-manifests baseline/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
