/** --changed-since: the changed files plus those whose findings depend on them, from the dependency keys. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, SAMPLE_DIR } from '../helpers/paths';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The files a junit report has a suite for: every file reported on, with or without findings. */
function reported(args: string[], cwd: string): string[] {
  return [...cli([...args, '--format', 'junit'], cwd).stdout.matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1]!);
}

function sampleRepo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-changed-'));
  fs.cpSync(path.join(SAMPLE_DIR, 'biome'), path.join(dir, 'biome'), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args], { cwd: dir });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'sample');
  return dir;
}

describe('--changed-since', () => {
  it('reports nothing without changes, and a changed Secret with the workloads that use it', () => {
    const dir = sampleRepo();
    assert.equal(cli(['check', '.', '--changed-since', 'HEAD'], dir).stdout, 'No problems in 0 files.\n');
    const secrets = path.join(dir, 'biome', 'app-secrets.yaml');
    fs.writeFileSync(secrets, fs.readFileSync(secrets, 'utf8').replace('  JWT_SECRET:', '  JWT_KEY:'));
    // The Secret, the two Deployments that read it (env and envFrom) and their probe patches; not the HPAs,
    // fluentd or the monitoring stack.
    assert.deepEqual(reported(['check', '.', '--changed-since', 'HEAD'], dir), [
      'biome/ai-personalization-deployment.yaml',
      'biome/ai-personalization-probes.yaml',
      'biome/app-secrets.yaml',
      'biome/main-app-deployment.yaml',
      'biome/main-app-probes.yaml',
    ]);
    const { code, stdout } = cli(['check', '.', '--changed-since', 'HEAD', '--quiet'], dir);
    assert.equal(code, 1);
    assert.match(stdout, /^biome\/main-app-deployment\.yaml:31:24 error no-missing-secret-key Secret app-secrets has no key JWT_SECRET/m);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('counts a deleted Secret (its old keys) and a new untracked file', () => {
    const dir = sampleRepo();
    fs.rmSync(path.join(dir, 'biome', 'app-secrets.yaml'));
    fs.writeFileSync(path.join(dir, 'biome', 'settings.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: "1"\n');
    assert.deepEqual(reported(['check', '.', '--changed-since', 'HEAD'], dir), [
      'biome/ai-personalization-deployment.yaml',
      'biome/ai-personalization-probes.yaml',
      'biome/main-app-deployment.yaml',
      'biome/main-app-probes.yaml',
      'biome/settings.yaml',
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('with --baseline, lists as gone only entries of files it reported on', () => {
    const dir = sampleRepo();
    assert.equal(cli(['check', '.', '--baseline-write', 'baseline.json'], dir).code, 0);
    const secrets = path.join(dir, 'biome', 'app-secrets.yaml');
    fs.writeFileSync(secrets, fs.readFileSync(secrets, 'utf8').replace('  JWT_SECRET:', '  JWT_KEY:'));
    const { stdout, stderr } = cli(['check', '.', '--changed-since', 'HEAD', '--baseline', 'baseline.json'], dir);
    assert.match(stdout, /^biome\/main-app-deployment\.yaml:31:24 error no-missing-secret-key/m);
    assert.match(stdout, /^1 problem \(1 error, 0 warnings, 0 info\) in 5 files\.$/m);
    assert.equal(stderr, '', 'the monitoring stack’s entries are not reported as gone');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a ref that is not a commit, and an option in place of the ref', () => {
    const dir = sampleRepo();
    const bad = cli(['check', '.', '--changed-since', 'no-such-branch'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /`no-such-branch` is not a commit/);
    assert.equal(cli(['check', '.', '--changed-since', '--output=x'], dir).code, 2);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
