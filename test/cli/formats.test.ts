/** The CLI's outputs: github, gitlab, junit, escaping of control characters, --output-file, --quiet, --max-warnings. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/paths';
import { internalErrorMessage } from '../../server/src/cli/report';
import { BUGS_URL } from '../../server/src/links';
import { allRules } from '../../server/src/rules';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const DEPLOYMENT = 'examples/biome-sample/biome/main-app-deployment.yaml';

function cli(args: string[], cwd = REPO_ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// A container name of terminal escapes (retitle, clear screen), a forged workflow command and a bidi override.
const HOSTILE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: "\\e]0;PWNED\\a\\e[2J\\n::error file=x::forged\\u202e"
          image: "nginx:latest"
`;

function hostileDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-formats-'));
  fs.writeFileSync(path.join(dir, 'evil.yaml'), HOSTILE);
  fs.writeFileSync(path.join(dir, 'name-\u001b[31m.yaml'), HOSTILE);
  return dir;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/;

describe('check output formats', () => {
  it('github: one workflow command per finding, positions and title', () => {
    const { code, stdout } = cli(['check', DEPLOYMENT, '--format', 'github']);
    assert.equal(code, 0);
    assert.deepEqual(
      stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.slice(0, l.indexOf('::', 2) + 2)),
      [
        `::warning file=${DEPLOYMENT},line=8,col=3,endLine=8,endColumn=11,title=no-replicas-with-hpa::`,
        `::warning file=${DEPLOYMENT},line=19,col=18,endLine=19,endColumn=39,title=no-latest-tag::`,
      ],
    );
    assert.match(stdout, /title=no-latest-tag::Image `azora\/main-app:latest` of container main-app/);
  });

  it('escapes control characters from manifests in stylish, github and junit output', () => {
    const dir = hostileDir();
    for (const format of ['stylish', 'github', 'junit']) {
      const { stdout } = cli(['check', '.', '--format', format], dir);
      assert.doesNotMatch(stdout, CONTROL, format);
      assert.match(stdout, /\\x1b\]0;PWNED\\x07\\x1b\[2J\\n::error file=x::forged\\u202e/, format);
      assert.match(stdout, /name-\\x1b\[31m\.yaml/, `${format}: the file name too`);
    }
    const github = cli(['check', '.', '--format', 'github'], dir).stdout.trimEnd().split('\n');
    assert.equal(github.length, 2, 'no forged workflow command line');
    assert.ok(github.every((l) => l.startsWith('::warning file=')));
    // JSON keeps the exact text: JSON.stringify escapes control characters itself.
    const json = JSON.parse(cli(['check', 'evil.yaml', '--format', 'json'], dir).stdout) as { findings: { message: string }[] };
    assert.ok(json.findings[0]!.message.includes('container \u001b]0;PWNED\u0007'));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gitlab: Code Quality issues with severity, fingerprint and repository-relative path', () => {
    const issues = JSON.parse(cli(['check', 'examples/biome-sample', '--format', 'gitlab']).stdout) as Record<string, unknown>[];
    assert.equal(issues.length, 10);
    const hpa = issues.find((i) => i.check_name === 'require-hpa-resource-requests')!;
    assert.equal(hpa.severity, 'major');
    assert.deepEqual(hpa.location, { path: 'examples/biome-sample/biome/main-app-hpa.yaml', lines: { begin: 15, end: 15 } });
    assert.equal(issues.find((i) => i.check_name === 'no-latest-tag')!.severity, 'minor');
    assert.equal(issues.find((i) => i.check_name === 'no-unknown-scrape-target')!.severity, 'info');
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, 10);
  });

  it('junit: a suite per file, a failure per finding, a passing case for a clean file', () => {
    const { stdout } = cli(['check', 'examples/biome-sample', '--format', 'junit']);
    assert.match(stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="biome-manifests" tests="18" failures="10" errors="0">/);
    assert.equal(stdout.match(/<testsuite /g)?.length, 12); // 11 YAML files and the clean Grafana dashboard
    assert.equal(stdout.match(/<failure /g)?.length, 10);
    assert.match(
      stdout,
      /<testcase name="19:18 no-latest-tag" classname="examples\/biome-sample\/biome\/main-app-deployment.yaml">\n {6}<failure type="no-latest-tag" message="Image `azora\/main-app:latest`/,
    );
    assert.match(stdout, /<testcase name="examples\/biome-sample\/biome\/app-secrets.yaml" classname="examples\/biome-sample\/biome\/app-secrets.yaml"\/>/);
  });

  it('--output-file writes the format to the file and stylish to the terminal; an unwritable file is exit 2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-formats-'));
    const file = path.join(dir, 'reports', 'out.sarif');
    const { code, stdout } = cli(['check', DEPLOYMENT, '--format', 'sarif', '--output-file', file]);
    assert.equal(code, 0);
    assert.match(stdout, /2 problems \(0 errors, 2 warnings, 0 info\) in 1 file\./);
    assert.equal((JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version, '2.1.0');
    fs.writeFileSync(path.join(dir, 'plain'), '');
    const blocked = cli(['check', DEPLOYMENT, '--format', 'sarif', '--output-file', path.join(dir, 'plain', 'out.sarif')]);
    assert.equal(blocked.code, 2);
    assert.match(blocked.stderr, /cannot write --output-file .*plain\/out\.sarif/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('--max-warnings fails over the budget; --quiet shows errors only but warnings still count', () => {
    assert.equal(cli(['check', DEPLOYMENT, '--max-warnings', '2']).code, 0);
    const over = cli(['check', DEPLOYMENT, '--max-warnings', '1']);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /2 warnings, more than --max-warnings 1 allows\./);
    const quiet = cli(['check', DEPLOYMENT, '--quiet', '--max-warnings=1']);
    assert.equal(quiet.stdout, 'No problems in 1 file.\n');
    assert.equal(quiet.code, 1);
    const errorsOnly = JSON.parse(cli(['check', 'examples/biome-sample', '--quiet', '--format', 'json']).stdout) as { findings: { code: string }[] };
    assert.deepEqual(
      errorsOnly.findings.map((f) => f.code),
      ['require-hpa-resource-requests'],
    );
    assert.equal(cli(['check', DEPLOYMENT, '--max-warnings', '-1']).code, 2);
    assert.equal(cli(['check', DEPLOYMENT, '--output-file']).code, 2);
  });

  it('--report-unused-suppressions reports an ignore comment that suppresses nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-formats-'));
    fs.writeFileSync(
      path.join(dir, 'cm.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  # biome-manifests-ignore no-latest-tag -- old\n  a: "1"\n',
    );
    assert.equal(cli(['check', 'cm.yaml'], dir).stdout, 'No problems in 1 file.\n');
    const { code, stdout } = cli(['check', 'cm.yaml', '--report-unused-suppressions', '--max-warnings', '0'], dir);
    assert.equal(code, 1);
    assert.match(stdout, /^cm\.yaml:6:3 warning unused-suppression `biome-manifests-ignore no-latest-tag` suppresses nothing/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the JSON contract: the same keys in the same order, and a rule finding adds its messageId last', () => {
    const report = JSON.parse(cli(['check', DEPLOYMENT, '--format', 'json']).stdout) as { findings: { code: string; messageId?: string }[] };
    assert.deepEqual(Object.keys(report), ['files', 'findings']);
    const finding = report.findings[0]!;
    const rule = allRules.find((r) => r.id === finding.code);
    assert.ok(rule, `${finding.code} is a rule`);
    assert.deepEqual(Object.keys(finding), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message', 'messageId']);
    assert.ok(finding.messageId! in rule.messages, `${finding.messageId} is a message of ${rule.id}`);
  });

  it('exit 3 says it is a bug and where to report it', () => {
    const message = internalErrorMessage(new Error('boom'));
    assert.match(message, /^biome-manifests: internal error \(a bug in biome-manifests, not a problem in your manifests\): Error: boom/);
    assert.ok(message.includes(`Please report it at ${BUGS_URL}`));
  });
});
