/**
 * Rule ids follow one scheme (no-/require-/valid-); renamed rules keep their old id working wherever a user
 * writes one: settings, the project file, --rule, suppression comments and annotations, and baselines.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../server/src/rules';
import { canonicalRuleId, formerIdsOf, RENAMED_RULES } from '../../server/src/engine/lint/ruleAliases';
import { parseSettings } from '../../server/src/lsp/settings';
import { parseProjectConfig } from '../../server/src/engine/config/parseConfig';
import { defaultCatalog } from '../../server/src/projectConfig';
import { parseArgs } from '../../server/src/cli/args';
import { baselineEntry, baselineStep, writeBaseline } from '../../server/src/cli/baseline';
import { engineWith, lintAll } from '../helpers/engineHarness';
import type { LintSettings } from '../../server/src/engine/lint/settings';

const NEW_ID = 'no-missing-hpa-target';
const OLD_ID = 'hpa-target-exists';

/** An HPA whose target is not in the workspace: one no-missing-hpa-target finding on line 7. */
function hpa(annotation = '', comment = ''): string {
  return `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web${annotation ? `\n  annotations:\n    biome-manifests.io/ignore: "${annotation}"` : ''}
spec:
  minReplicas: 1
  maxReplicas: 3
${comment ? `  # biome-manifests-ignore ${comment}\n` : ''}  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
`;
}

const SETTINGS: LintSettings = { rules: {}, ruleOptions: {} };

function codesOf(text: string, settings: LintSettings = SETTINGS): string[] {
  return lintAll(engineWith({ 'hpa.yaml': text }), settings)
    .map((f) => f.code)
    .filter((c) => c === NEW_ID);
}

describe('rule id scheme', () => {
  it('every rule id is no-…, require-… or valid-…', () => {
    assert.deepEqual(
      allRules.map((r) => r.id).filter((id) => !/^(no|require|valid)-/.test(id)),
      [],
    );
  });

  it('every old id names a current rule and is not itself a current id', () => {
    const ids = new Set(allRules.map((r) => r.id));
    for (const [old, current] of Object.entries(RENAMED_RULES)) {
      assert.ok(ids.has(current), `${old} → ${current}`);
      assert.ok(!ids.has(old), old);
    }
    assert.equal(canonicalRuleId(OLD_ID), NEW_ID);
    assert.equal(canonicalRuleId('no-latest-tag'), 'no-latest-tag');
    assert.equal(canonicalRuleId('constructor'), 'constructor');
    assert.deepEqual(formerIdsOf(NEW_ID), [OLD_ID]);
  });
});

describe('old rule ids keep working', () => {
  it('the finding is there to suppress', () => {
    assert.deepEqual(codesOf(hpa()), [NEW_ID]);
  });

  it('in a suppression comment and in the ignore annotation', () => {
    assert.deepEqual(codesOf(hpa('', `${OLD_ID} -- the Deployment comes from a Helm chart`)), []);
    assert.deepEqual(codesOf(hpa(`${OLD_ID} -- the Deployment comes from a Helm chart`)), []);
  });

  it('in the editor settings, the project file and --rule', () => {
    const editor = parseSettings({ rules: { [OLD_ID]: 'off' } });
    assert.equal(editor.rules[NEW_ID], 'off');
    assert.deepEqual(codesOf(hpa(), { rules: editor.rules, ruleOptions: {} }), []);
    const project = parseProjectConfig(`rules:\n  ${OLD_ID}: error\n`, '/repo/.biome-manifests.yaml', defaultCatalog());
    assert.deepEqual(project.errors, []);
    assert.equal(project.config.rules[NEW_ID], 'error');
    const args = parseArgs(['check', '.', '--rule', `${OLD_ID}=off`]);
    assert.equal(args.command === 'check' ? args.rules[NEW_ID] : undefined, 'off');
  });

  it('in a baseline written before the rename', async () => {
    const engine = engineWith({ 'hpa.yaml': hpa() });
    const findings = lintAll(engine).filter((f) => f.code === NEW_ID);
    assert.equal(findings.length, 1);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biome-aliases-'));
    try {
      const file = path.join(dir, 'baseline.json');
      const oldEntry = baselineEntry(engine.index, 'hpa.yaml', { ...findings[0]!, code: OLD_ID });
      await writeBaseline(file, [{ ...oldEntry, rule: OLD_ID }]);
      const outcome = await baselineStep({ baseline: file }, [{ path: 'hpa.yaml', findings }], engine.index, dir);
      assert.equal(outcome.done, false);
      assert.deepEqual(outcome.done ? undefined : outcome.results.flatMap((r) => r.findings), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
