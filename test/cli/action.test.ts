/**
 * action.yml: its shape (inputs reach scripts only through env, every script exists) and its steps run
 * locally as scripts: install.sh builds and installs the CLI from a copy of the source, check.sh annotates,
 * writes SARIF and reports the exit code as the action's output.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT, SAMPLE_DIR } from '../helpers/paths';

interface Step {
  uses?: string;
  run?: string;
  id?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { description: string; default: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as Action;

function outputs(file: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

/** A checkout of this repository as the action or pre-commit gets it: its files (no dist/), this clone's node_modules. */
function copySource(dir: string): string {
  const source = path.join(dir, 'action');
  const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of tracked) {
    if (!fs.existsSync(path.join(REPO_ROOT, file))) continue;
    fs.mkdirSync(path.dirname(path.join(source, file)), { recursive: true });
    fs.copyFileSync(path.join(REPO_ROOT, file), path.join(source, file));
  }
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(source, 'node_modules'));
  return source;
}

describe('GitHub Action', () => {
  it('is a composite action whose steps read inputs only through env and run scripts that exist', () => {
    assert.equal(action.runs.using, 'composite');
    const text = JSON.stringify(action.runs.steps);
    for (const [, name] of text.matchAll(/inputs\.([a-z-]+)/g)) assert.ok(action.inputs[name!], `input ${name} is declared`);
    for (const step of action.runs.steps.filter((s) => s.run)) {
      assert.doesNotMatch(step.run!, /\$\{\{/, 'no expression spliced into a script');
      const script = /scripts\/action\/[a-z-]+\.sh/.exec(step.run!)?.[0];
      if (!script) continue;
      const source = fs.readFileSync(path.join(REPO_ROOT, script), 'utf8');
      const read = new Set([...source.matchAll(/\$\{?(BIOME_[A-Z_]+)/g)].map((m) => m[1]!));
      for (const name of Object.keys(step.env ?? {})) assert.ok(read.has(name), `${script} reads ${name}`);
    }
  });

  it('runs its install and check steps locally: annotations, SARIF, exit-code output', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-action-'));
    const source = copySource(dir);
    const prefix = path.join(dir, 'prefix');
    const githubPath = path.join(dir, 'github-path');
    const npmEnv = { npm_config_cache: path.join(dir, 'cache'), npm_config_offline: 'true', npm_config_update_notifier: 'false' };
    const env = { ...process.env, ...npmEnv, BIOME_CLI_SPEC: '', BIOME_SOURCE_DIR: source, BIOME_PREFIX: prefix, GITHUB_PATH: githubPath };
    const install = spawnSync('bash', [path.join(source, 'scripts/action/install.sh')], { env, encoding: 'utf8' });
    assert.equal(install.status, 0, install.stderr);
    assert.equal(fs.readFileSync(githubPath, 'utf8'), `${prefix}/bin\n`);

    const repo = path.join(dir, 'repo');
    fs.mkdirSync(path.join(repo, 'k8s'), { recursive: true });
    for (const name of ['main-app-deployment.yaml', 'main-app-hpa.yaml', 'main-app-probes.yaml', 'app-secrets.yaml'])
      fs.copyFileSync(path.join(SAMPLE_DIR, 'biome', name), path.join(repo, 'k8s', name));
    const check = (args: string) => {
      const out = path.join(dir, `output-${Math.random().toString(36).slice(2)}`);
      fs.writeFileSync(out, '');
      const stepEnv = {
        ...process.env,
        PATH: `${prefix}/bin:${process.env.PATH}`,
        GITHUB_OUTPUT: out,
        BIOME_PATHS: 'k8s',
        BIOME_ARGS: args,
        BIOME_SARIF_FILE: 'reports/biome.sarif',
        BIOME_ANNOTATE: 'true',
      };
      const run = spawnSync('bash', [path.join(source, 'scripts/action/check.sh')], { cwd: repo, env: stepEnv, encoding: 'utf8' });
      return { status: run.status, stdout: run.stdout, stderr: run.stderr, outputs: outputs(out) };
    };

    const found = check('--rule no-latest-tag=off');
    assert.equal(found.status, 0, 'the step passes so that the upload step runs');
    assert.deepEqual(found.outputs, { 'exit-code': '1', 'sarif-file': 'reports/biome.sarif' });
    assert.match(
      found.stdout,
      /^::error file=k8s\/main-app-hpa\.yaml,line=15,col=15,endLine=15,endColumn=18,title=require-hpa-resource-requests::HPA main-app/m,
    );
    assert.match(found.stdout, /^2 problems \(1 error, 1 warning, 0 info\) in 4 files\.$/m);
    const sarif = JSON.parse(fs.readFileSync(path.join(repo, 'reports/biome.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    assert.deepEqual(sarif.runs[0]!.results.map((r) => r.ruleId).sort(), ['no-replicas-with-hpa', 'require-hpa-resource-requests']);

    const usage = check('--no-such-option');
    assert.equal(usage.status, 2);
    assert.deepEqual(usage.outputs, { 'exit-code': '2' });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('pre-commit: the hook script builds in its checkout once and checks the given files from the user’s repository', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-hook-'));
    const source = copySource(dir);
    const hooks = parse(fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as {
      id: string;
      entry: string;
      language: string;
      files: string;
    }[];
    assert.deepEqual(
      hooks.map((h) => [h.id, h.entry, h.language]),
      [['biome-manifests', 'scripts/pre-commit-hook.sh', 'script']],
    );
    assert.ok(new RegExp(hooks[0]!.files).test('k8s/web.yml') && !new RegExp(hooks[0]!.files).test('README.md'));
    const repo = path.join(dir, 'repo');
    fs.mkdirSync(path.join(repo, 'k8s'), { recursive: true });
    for (const name of ['main-app-deployment.yaml', 'main-app-hpa.yaml', 'main-app-probes.yaml', 'app-secrets.yaml'])
      fs.copyFileSync(path.join(SAMPLE_DIR, 'biome', name), path.join(repo, 'k8s', name));
    // As pre-commit runs it: the hook's path in its clone, the staged files as arguments, the user's repository as cwd.
    const hook = (files: string[]) => spawnSync(path.join(source, hooks[0]!.entry), files, { cwd: repo, encoding: 'utf8' });
    const first = hook(['k8s/main-app-deployment.yaml']);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stderr, /esbuild: wrote/);
    assert.match(first.stdout, /^k8s\/main-app-deployment\.yaml:19:18 warning no-latest-tag /m);
    const second = hook(['k8s/main-app-hpa.yaml']);
    assert.equal(second.status, 1, 'the HPA error fails the commit');
    assert.doesNotMatch(second.stderr, /esbuild/, 'built once');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
