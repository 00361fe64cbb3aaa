/**
 * `--format sarif` checked by Microsoft's SARIF validator (@microsoft/sarif-multitool, a .NET binary shipped
 * on npm), plus the parts GitHub code scanning relies on: rule metadata, %SRCROOT% locations, fingerprints, fixes.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { REPO_ROOT } from '../helpers/paths';

// The package's main export is the path of the validator binary for this platform.
const validatorBinary = createRequire(__filename)('@microsoft/sarif-multitool') as string;

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } } }[];
  partialFingerprints: Record<string, string>;
  properties?: { messageId?: string };
  fixes?: { artifactChanges: { replacements: { insertedContent: { text: string } }[] }[] }[];
}
interface SarifRule {
  id: string;
  helpUri?: string;
  help: { markdown: string };
}
interface SarifLog {
  version: string;
  runs: { tool: { driver: { name: string; rules: SarifRule[] } }; originalUriBaseIds: Record<string, { uri: string }>; results: SarifResult[] }[];
}

function sarif(args: string[], cwd = REPO_ROOT): { log: SarifLog; text: string } {
  const run = spawnSync(process.execPath, [CLI, 'check', ...args, '--format', 'sarif'], { cwd, encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return { log: JSON.parse(run.stdout) as SarifLog, text: run.stdout };
}

/** The validator's own findings (it writes them as SARIF too; its exit status is 0 either way). */
function validate(file: string): { level: string; ruleId: string; message: string }[] {
  const out = path.join(path.dirname(file), 'validation.sarif');
  // Invariant globalization: the .NET binary then needs no ICU library on the CI machine.
  const env = { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' };
  const run = spawnSync(validatorBinary, ['validate', file, '--output', out], { encoding: 'utf8', env });
  assert.ok(fs.existsSync(out), `the validator ran: ${run.stdout}${run.stderr}`);
  const log = JSON.parse(fs.readFileSync(out, 'utf8')) as { runs: { results?: { level?: string; ruleId: string; message: unknown }[] }[] };
  return (log.runs[0]!.results ?? []).map((r) => ({ level: r.level ?? 'warning', ruleId: r.ruleId, message: JSON.stringify(r.message) }));
}

describe('--format sarif', () => {
  it('passes the SARIF validator with no errors or warnings, and a broken copy does not', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-sarif-'));
    const { log, text } = sarif(['examples/biome-sample']);
    const good = path.join(dir, 'sample.sarif');
    fs.writeFileSync(good, text);
    assert.deepEqual(
      validate(good).filter((r) => r.level === 'error' || r.level === 'warning'),
      [],
    );
    // The same validation must be able to fail: a line 0 and a missing message are schema errors.
    log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0;
    const bad = path.join(dir, 'bad', 'sample.sarif');
    fs.mkdirSync(path.dirname(bad));
    fs.writeFileSync(bad, JSON.stringify(log));
    assert.ok(validate(bad).some((r) => r.level === 'error' && /startLine/.test(r.message)));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has rule metadata with help, repository-relative %SRCROOT% locations and the rules’ fixes', () => {
    const { log } = sarif(['examples/biome-sample']);
    const run = log.runs[0]!;
    assert.equal(log.version, '2.1.0');
    assert.equal(run.tool.driver.name, 'biome-manifests');
    assert.equal(run.originalUriBaseIds['%SRCROOT%']!.uri, `file://${REPO_ROOT}/`);
    const rule = run.tool.driver.rules.find((r) => r.id === 'no-latest-tag')!;
    assert.match(rule.helpUri!, /^https:\/\/.+\/docs\/rules\/no-latest-tag\.md$/);
    assert.match(rule.help.markdown, /\*\*Fix:\*\* /);
    assert.equal(run.results.length, 10);
    for (const r of run.results) {
      assert.equal(run.tool.driver.rules[r.ruleIndex]!.id, r.ruleId);
      const location = r.locations[0]!.physicalLocation.artifactLocation;
      assert.equal(location.uriBaseId, '%SRCROOT%');
      assert.match(location.uri, /^examples\/biome-sample\//);
      assert.match(r.partialFingerprints['biomeManifests/v1']!, /^[0-9a-f]{32}$/);
    }
    const replicas = run.results.find((r) => r.ruleId === 'no-replicas-with-hpa')!;
    assert.equal(replicas.fixes?.[0]?.artifactChanges[0]?.replacements[0]?.insertedContent.text, '');
    // Every result of the sample is a rule's: each names which of the rule's messages it is.
    assert.deepEqual([...new Set(run.results.map((r) => `${r.ruleId} ${r.properties?.messageId ?? '(none)'}`))].sort(), [
      'no-latest-tag latestTag',
      'no-replicas-with-hpa replicasWithHpa',
      'no-unexposed-scrape-port targetPortScraped',
      'no-unknown-scrape-target unknownService',
      'require-hpa-resource-requests containerWithoutRequest',
      'require-readiness-probe containerWithout',
    ]);
  });

  it('keeps fingerprints when unrelated lines are added above the findings', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-sarif-'));
    const source = fs.readFileSync(path.join(REPO_ROOT, 'examples/biome-sample/biome/monitoring-stack.yaml'), 'utf8');
    fs.writeFileSync(path.join(dir, 'stack.yaml'), source);
    const before = sarif(['stack.yaml'], dir).log.runs[0]!.results;
    fs.writeFileSync(path.join(dir, 'stack.yaml'), `# owned by the platform team\n# reviewed quarterly\n${source}`);
    const after = sarif(['stack.yaml'], dir).log.runs[0]!.results;
    assert.equal(before.length, 3, 'three require-readiness-probe findings');
    assert.deepEqual(
      after.map((r) => r.locations[0]!.physicalLocation.region.startLine),
      before.map((r) => r.locations[0]!.physicalLocation.region.startLine + 2),
    );
    assert.deepEqual(
      after.map((r) => r.partialFingerprints),
      before.map((r) => r.partialFingerprints),
    );
    assert.equal(new Set(before.map((r) => r.partialFingerprints['biomeManifests/v1'])).size, 3, 'distinct findings, distinct fingerprints');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
