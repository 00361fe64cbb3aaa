/** The CLI contract: findings on the sample, JSON output, exit codes 0 / 1 / 2. Runs the built dist/cli.js. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/paths';
import { mergeBomb } from '../helpers/hostileInputs';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

/**
 * Root reads mode-000 folders (CAP_DAC_OVERRIDE). To see what a user sees, the CLI then runs through util-linux's
 * setpriv with those capabilities dropped from its bounding set: still root, but bound by permission bits.
 */
const AS_ROOT = process.getuid?.() === 0;
const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => fs.existsSync(p));
const WITHOUT_DAC = SETPRIV ? [SETPRIV, '--bounding-set', '-dac_override,-dac_read_search'] : undefined;

function cli(args: string[], cwd = REPO_ROOT, options: { permissionBits?: boolean } = {}) {
  const prefix = options.permissionBits && AS_ROOT && WITHOUT_DAC ? WITHOUT_DAC : [];
  const [command, ...rest] = [...prefix, process.execPath, CLI, ...args];
  // The timeout turns a hang (a FIFO read, issue #16) into a failure instead of a stuck suite.
  const result = spawnSync(command!, rest, { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonFinding {
  file: string;
  line: number;
  severity: string;
  code: string;
  message: string;
}

/** The findings ../shared/fixtures/README.md lists for the sample, as `file:line severity code`. */
const SAMPLE_FINDINGS = [
  'biome/main-app-deployment.yaml:8 warning no-replicas-with-hpa',
  'biome/main-app-deployment.yaml:19 warning no-latest-tag',
  'biome/main-app-hpa.yaml:15 error require-hpa-resource-requests',
  'biome/monitoring-stack.yaml:22 warning require-readiness-probe',
  'biome/monitoring-stack.yaml:56 warning require-readiness-probe',
  'biome/monitoring-stack.yaml:89 warning require-readiness-probe',
  'infrastructure/monitoring/prometheus.yml:17 warning no-unexposed-scrape-port',
  'infrastructure/monitoring/prometheus.yml:24 info no-unknown-scrape-target',
  'infrastructure/monitoring/prometheus.yml:27 info no-unknown-scrape-target',
  'infrastructure/monitoring/prometheus.yml:30 info no-unknown-scrape-target',
];

describe('biome-manifests check', () => {
  it('reports exactly the sample findings, as JSON, and exits 1 for the error', () => {
    const { code, stdout } = cli(['check', 'examples/biome-sample', '--format', 'json']);
    const report = JSON.parse(stdout) as { files: number; findings: JsonFinding[] };
    // 11 YAML files and the Grafana dashboard (grafana/dashboards/service-overview.json: clean, its job is $service).
    assert.equal(report.files, 12);
    assert.deepEqual(
      report.findings.map((f) => `${f.file.replace('examples/biome-sample/', '')}:${f.line} ${f.severity} ${f.code}`),
      SAMPLE_FINDINGS,
    );
    assert.equal(code, 1);
  });

  it('prints file:line:col severity code message and a summary', () => {
    const { stdout } = cli(['check', 'examples/biome-sample/biome/main-app-deployment.yaml']);
    assert.match(stdout, /^examples\/biome-sample\/biome\/main-app-deployment\.yaml:19:18 warning no-latest-tag Image `azora\/main-app:latest`/m);
    assert.match(stdout, /2 problems \(0 errors, 2 warnings, 0 info\) in 1 file\.$/m);
  });

  it('exits 0 on a clean folder and 2 on bad usage', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-cli-'));
    fs.writeFileSync(path.join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: "1"\n');
    assert.equal(cli(['check', dir]).code, 0);
    assert.equal(cli(['check']).code, 2);
    assert.equal(cli(['check', dir, '--format', 'xml']).code, 2);
    assert.equal(cli(['check', path.join(dir, 'missing')]).code, 2);
    assert.equal(cli(['lint', dir]).code, 2);
    assert.match(cli([]).stderr, /Usage: biome-manifests check/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('checks a Grafana dashboard of the folder against its scrape configs; other .json files are not counted', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-cli-'));
    fs.writeFileSync(path.join(dir, 'prometheus.yml'), "scrape_configs:\n  - job_name: api\n    static_configs:\n      - targets: ['10.0.0.1:8080']\n");
    const dashboard = {
      title: 'API',
      schemaVersion: 39,
      panels: [{ title: 'Errors', targets: [{ refId: 'A', expr: 'sum(rate(errors_total{job="apii"}[5m]))' }] }],
    };
    fs.mkdirSync(path.join(dir, 'dashboards'));
    fs.writeFileSync(path.join(dir, 'dashboards', 'api.json'), `${JSON.stringify(dashboard, null, 2)}\n`);
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "api", "private": true }\n');
    const { code, stdout } = cli(['check', dir]);
    assert.match(stdout, /dashboards\/api\.json:10:42 info no-unknown-dashboard-job Panel "Errors" queries job "apii", .*Did you mean "api"\?/);
    assert.match(stdout, /1 problem \(0 errors, 0 warnings, 1 info\) in 2 files\.$/m);
    assert.doesNotMatch(stdout, /package\.json/);
    assert.equal(code, 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('honours --rule to turn a rule off', () => {
    const { stdout } = cli(['check', 'examples/biome-sample/biome/main-app-deployment.yaml', '--rule', 'no-latest-tag=off']);
    assert.doesNotMatch(stdout, /no-latest-tag/);
  });

  it('skips a binary file with a message instead of failing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-cli-'));
    fs.writeFileSync(path.join(dir, 'blob.yaml'), Buffer.from([0, 1, 2, 3, 0, 255]));
    const { code, stdout } = cli(['check', dir]);
    assert.equal(code, 0);
    assert.match(stdout, /blob\.yaml:1:1 warning file-skipped File skipped: binary file/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a large check of many files finds per file what a check of that file alone finds', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-cli-many-'));
    // 800 copies of the sample's main-app files, renamed: 1.2 MB.
    const sample = path.join(REPO_ROOT, 'examples', 'biome-sample', 'biome');
    for (let i = 0; i < 800; i++) {
      for (const name of ['main-app-deployment.yaml', 'main-app-hpa.yaml', 'app-secrets.yaml']) {
        const text = fs.readFileSync(path.join(sample, name), 'utf8').replaceAll('main-app', `app-${i}`);
        fs.writeFileSync(path.join(dir, `${i}-${name}`), text);
      }
    }
    const shared = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    // The same files one at a time give the same findings.
    const findings = (JSON.parse(shared.stdout) as { findings: JsonFinding[] }).findings;
    assert.ok(findings.length >= 1600, `${findings.length} findings`);
    for (const i of [0, 400, 799]) {
      const file = path.join(dir, `${i}-main-app-deployment.yaml`);
      const alone = JSON.parse(cli(['check', '--format', 'json', file]).stdout) as { findings: JsonFinding[] };
      const fromShared = findings.filter((f) => path.resolve(f.file) === file);
      assert.deepEqual(
        fromShared.map((f) => `${f.line} ${f.code} ${f.message}`),
        alone.findings.map((f) => `${f.line} ${f.code} ${f.message}`),
      );
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('reads without bound (issue #16)', { skip: process.platform === 'win32' }, () => {
    const CLEAN = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: "1"\n';

    it('a FIFO beside a named file is not read (and --exclude holds for siblings)', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-cli-fifo-'));
      fs.writeFileSync(path.join(dir, 'ok.yaml'), CLEAN);
      spawnSync('mkfifo', [path.join(dir, 'p.yaml')]);
      fs.writeFileSync(path.join(dir, 'broken.yaml'), 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  k: "!!"\n');
      const result = cli(['check', path.join(dir, 'ok.yaml'), '--exclude', 'broken.yaml']);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /No problems in 1 file/);
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('a named FIFO and a link to /dev/zero are reported once each, and nothing read is exit 2', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-cli-dev-'));
      spawnSync('mkfifo', [path.join(dir, 'p.yaml')]);
      fs.symlinkSync('/dev/zero', path.join(dir, 'z.yaml'));
      const result = cli(['check', path.join(dir, 'p.yaml'), path.join(dir, 'z.yaml'), '--format', 'json']);
      const report = JSON.parse(result.stdout) as { findings: JsonFinding[] };
      assert.deepEqual(
        report.findings.map((f) => `${path.basename(f.file)} ${f.code} ${f.message}`),
        ['p.yaml file-skipped File skipped: not a regular file (a FIFO).', 'z.yaml file-skipped File skipped: not a regular file (a device).'],
      );
      assert.equal(result.code, 2);
      assert.match(result.stderr, /nothing could be read/);
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('a FIFO found by the scan of a folder is reported once, never opened', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-cli-scan-'));
      fs.writeFileSync(path.join(dir, 'ok.yaml'), CLEAN);
      spawnSync('mkfifo', [path.join(dir, 'p.yaml')]);
      const result = cli(['check', dir, '--format', 'json']);
      const report = JSON.parse(result.stdout) as { findings: JsonFinding[] };
      assert.deepEqual(
        report.findings.map((f) => `${path.basename(f.file)} ${f.code} ${f.message}`),
        ['p.yaml file-skipped File skipped: not a regular file (a FIFO).'],
      );
      assert.equal(result.code, 0);
      fs.rmSync(path.join(dir, 'ok.yaml'));
      assert.equal(cli(['check', dir]).code, 2, 'only a FIFO: nothing could be read');
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const cannotDropDac = AS_ROOT && !WITHOUT_DAC && 'root reads mode 000 folders, and setpriv (util-linux) is missing';
    it('an unreadable folder is reported, and exit 2 when it was all there was', { skip: cannotDropDac }, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-cli-secret-'));
      const secret = path.join(dir, 'secretdir');
      fs.mkdirSync(secret);
      fs.writeFileSync(path.join(secret, 'a.yaml'), CLEAN);
      fs.chmodSync(secret, 0o000);
      const result = cli(['check', secret], REPO_ROOT, { permissionBits: true });
      fs.chmodSync(secret, 0o700);
      assert.match(result.stdout, /secretdir:1:1 warning file-skipped Folder cannot read: EACCES/);
      assert.equal(result.code, 2);
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('an invalid --exclude glob is exit 2 with its text, no stack trace', () => {
      const result = cli(['check', 'examples/biome-sample', '--exclude', 'dist/{a,b']);
      assert.equal(result.code, 2);
      assert.equal(result.stderr, 'biome-manifests: invalid --exclude: glob `dist/{a,b` has an unclosed `{`.\n');
    });

    it('a merge-key bomb (990 `<<: *b` of 20,000 keys, 240 KB) is one finding', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-cli-merge-'));
      fs.writeFileSync(path.join(dir, 'merge.yaml'), mergeBomb(20_000, 990));
      const result = cli(['check', path.join(dir, 'merge.yaml'), '--format', 'json']);
      const report = JSON.parse(result.stdout) as { findings: JsonFinding[] };
      assert.deepEqual(
        report.findings.map((f) => `${f.line} ${f.code}`),
        ['2 yaml-alias-limit'],
      );
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('a backtracking --exclude glob does not stall the scan', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-cli-glob-'));
      fs.writeFileSync(path.join(dir, `${'a'.repeat(40)}.yaml`), CLEAN);
      const result = cli(['check', dir, '--exclude', '*a*a*a*a*a*a*a*a*a*a*c']);
      assert.equal(result.code, 0, result.stderr);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });
});
