/**
 * The npm package on its own: `npm pack`, installed offline with `--omit=dev` into an empty folder, runs
 * `npx biome-manifests check .` — no dependency, no VS Code module, nothing from the repository.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/paths';
import { VERSION } from '../../server/src/version';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(command: string, args: string[], options: SpawnSyncOptions) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

describe('npm package', () => {
  it('installs from the packed tarball alone, offline, and checks a folder with npx', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-pack-'));
    // An empty cache and --offline: the install can only use the tarball.
    const env = {
      ...process.env,
      npm_config_cache: path.join(dir, 'cache'),
      npm_config_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };
    // --ignore-scripts: no prepack rebuild of dist/ while other CLI tests run it (npm test has just built it).
    const packed = run(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: REPO_ROOT, env });
    assert.equal(packed.code, 0, packed.stderr);
    const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    const files = info!.files.map((f) => f.path);
    assert.ok(files.includes('dist/cli.js') && files.includes('schemas/kubernetes.json'));
    assert.deepEqual(
      files.filter((f) => /^(client|server|test|examples|node_modules)\/|\.map$|extension\.js$/.test(f)),
      [],
      'only the CLI ships',
    );

    const project = path.join(dir, 'project');
    fs.mkdirSync(project);
    const installed = run(NPM, ['install', '--omit=dev', path.join(dir, info!.filename)], { cwd: project, env });
    assert.equal(installed.code, 0, installed.stderr);
    assert.deepEqual(
      fs.readdirSync(path.join(project, 'node_modules')).filter((n) => !n.startsWith('.')),
      ['biome-manifests'],
      'no dependency installed',
    );

    fs.writeFileSync(
      path.join(project, 'web.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:latest\n',
    );
    const version = run(NPX, ['biome-manifests', '--version'], { cwd: project, env });
    assert.equal(version.stdout.trim(), VERSION);
    const check = run(NPX, ['biome-manifests', 'check', '.', '--format', 'json'], { cwd: project, env });
    assert.equal(check.code, 0, check.stderr);
    const report = JSON.parse(check.stdout) as { files: number; findings: { file: string; code: string }[] };
    assert.equal(report.files, 1);
    assert.ok(
      report.findings.some((f) => f.file === 'web.yaml' && f.code === 'no-latest-tag'),
      check.stdout,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
