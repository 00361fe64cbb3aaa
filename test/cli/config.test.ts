/** The CLI with `.biome-manifests.yaml`: nearest file wins, --config, exit 2 with file:line on a bad file, init. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, SAMPLE_DIR } from '../helpers/paths';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function codesOf(stdout: string): string[] {
  return (JSON.parse(stdout) as { findings: { file: string; line: number; severity: string; code: string }[] }).findings.map(
    (f) => `${f.file}:${f.line} ${f.severity} ${f.code}`,
  );
}

describe('biome-manifests check with a project config', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-cli-config-'));
    fs.cpSync(SAMPLE_DIR, root, { recursive: true });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('applies levels, overrides, options and exclude from the file at the root, also for a file checked in a subfolder', () => {
    fs.writeFileSync(
      path.join(root, '.biome-manifests.yaml'),
      `rules:
  no-latest-tag: { level: error, options: { requireDigest: true } }
overrides:
  - files: [biome/monitoring-stack.yaml]
    rules: { require-readiness-probe: off, no-latest-tag: info }
exclude: [infrastructure]
`,
    );
    const { code, stdout } = cli(['check', '.', '--format', 'json'], root);
    assert.equal(code, 1);
    assert.deepEqual(codesOf(stdout), [
      'biome/ai-personalization-deployment.yaml:18 error no-latest-tag',
      'biome/fluentd-daemonset.yaml:17 error no-latest-tag',
      'biome/main-app-deployment.yaml:8 warning no-replicas-with-hpa',
      'biome/main-app-deployment.yaml:19 error no-latest-tag',
      'biome/main-app-hpa.yaml:15 error require-hpa-resource-requests',
      'biome/monitoring-stack.yaml:23 info no-latest-tag',
      'biome/monitoring-stack.yaml:57 info no-latest-tag',
      'biome/monitoring-stack.yaml:90 info no-latest-tag',
    ]);
    // From inside biome/, the file in the parent folder is found; --rule still wins over it.
    const inner = cli(['check', 'main-app-deployment.yaml', '--format', 'json', '--rule', 'no-replicas-with-hpa=off'], path.join(root, 'biome'));
    assert.deepEqual(codesOf(inner.stdout), ['main-app-deployment.yaml:19 error no-latest-tag']);
  });

  it('the nearest file wins, and --config names another', () => {
    fs.writeFileSync(path.join(root, 'biome', '.biome-manifests.yaml'), 'rules:\n  no-latest-tag: off\n');
    try {
      const nearest = cli(['check', 'biome/main-app-deployment.yaml', '--format', 'json'], root);
      assert.deepEqual(codesOf(nearest.stdout), ['biome/main-app-deployment.yaml:8 warning no-replicas-with-hpa']);
      fs.writeFileSync(path.join(root, 'strict.yaml'), 'rules:\n  no-replicas-with-hpa: error\n');
      const named = cli(['check', 'biome/main-app-deployment.yaml', '--format', 'json', '--config', 'strict.yaml'], root);
      assert.deepEqual(codesOf(named.stdout), [
        'biome/main-app-deployment.yaml:8 error no-replicas-with-hpa',
        'biome/main-app-deployment.yaml:19 warning no-latest-tag',
      ]);
      assert.equal(cli(['check', 'biome', '--config', 'missing.yaml'], root).code, 2);
    } finally {
      fs.rmSync(path.join(root, 'biome', '.biome-manifests.yaml'));
    }
  });

  it('exits 2 with file:line:column for an unknown key or a bad value, and checks nothing', () => {
    const config = path.join(root, '.biome-manifests.yaml');
    fs.writeFileSync(config, 'rules:\n  no-latest-tag: loud\nexlude: [x]\n');
    const { code, stdout, stderr } = cli(['check', '.'], root);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(
      stderr,
      `${config}:2:18: the level of \`no-latest-tag\` must be error, warning, info, hint or off, not \`loud\`.\n` +
        `${config}:3:1: unknown key \`exlude\` in the configuration (did you mean \`exclude\`?); known keys: kubernetesVersion, rules, exclude, crds, files, overrides.\n` +
        'biome-manifests: invalid configuration (2 errors).\n',
    );
    fs.rmSync(config);
  });

  it('init writes a starter file that is valid and changes nothing, and refuses to overwrite it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-cli-init-'));
    try {
      fs.cpSync(path.join(SAMPLE_DIR, 'biome', 'main-app-deployment.yaml'), path.join(dir, 'main-app-deployment.yaml'));
      const before = cli(['check', '.', '--format', 'json'], dir).stdout;
      const first = cli(['init'], dir);
      assert.equal(first.code, 0);
      const text = fs.readFileSync(path.join(dir, '.biome-manifests.yaml'), 'utf8');
      assert.match(text, /^# Biome Manifests project configuration/);
      assert.equal(cli(['check', '.', '--format', 'json'], dir).stdout, before);
      fs.appendFileSync(path.join(dir, '.biome-manifests.yaml'), '# mine\n');
      const second = cli(['init'], dir);
      assert.equal(second.code, 2);
      assert.match(second.stderr, /already exists; not overwritten/);
      assert.match(fs.readFileSync(path.join(dir, '.biome-manifests.yaml'), 'utf8'), /# mine\n$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
