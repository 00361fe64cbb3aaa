/**
 * The rule meta-test: every rule's metadata is complete, its file name is its id, each invalid
 * example yields exactly one finding of the rule, each valid one none, and each fix clears it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../server/src/rules';
import type { Rule, RuleExample } from '../../server/src/engine/lint/rule';
import { engineWith, lintAll } from '../helpers/engineHarness';
import { applyEdits } from '../helpers/applyEdits';
import { REPO_ROOT } from '../helpers/paths';

function filesOf(example: RuleExample): Record<string, string> {
  return typeof example === 'string' ? { 'example.yaml': example } : example.files;
}

function findingsOf(rule: Rule, example: RuleExample) {
  // Every rule on, so off-by-default rules are exercised too.
  const engine = engineWith(filesOf(example));
  const kubernetesVersion = typeof example === 'string' ? undefined : example.kubernetesVersion;
  const rules = { [rule.id]: rule.defaultSeverity === 'off' ? 'warning' : rule.defaultSeverity } as const;
  return { engine, findings: lintAll(engine, { rules, ruleOptions: {}, kubernetesVersion }).filter((f) => f.code === rule.id) };
}

describe('rule registry', () => {
  it('lists every rule file once, under its id', () => {
    const dir = path.join(REPO_ROOT, 'server', 'src', 'rules');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.replace(/\.ts$/, '')).sort();
    assert.deepEqual(allRules.map((r) => r.id).sort(), files);
    assert.equal(new Set(allRules.map((r) => r.id)).size, allRules.length);
  });
});

for (const rule of allRules) {
  describe(`rule ${rule.id}`, () => {
    it('has complete metadata', () => {
      assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(rule.kinds.length > 0, 'kinds');
      assert.ok(rule.summary.length > 10, 'summary');
      assert.ok(rule.rationale.length > 20, 'rationale');
      assert.match(rule.remediation, /\.$/, 'remediation ends with a period');
      assert.ok(rule.valid.length > 0 && rule.invalid.length > 0, 'has valid and invalid examples');
    });
    rule.valid.forEach((example, i) => {
      it(`valid example ${i + 1} yields nothing`, () => {
        assert.deepEqual(findingsOf(rule, example).findings.map((f) => f.message), []);
      });
    });
    rule.invalid.forEach((example, i) => {
      it(`invalid example ${i + 1} yields exactly one finding, and each fix clears it`, () => {
        const { findings } = findingsOf(rule, example);
        assert.equal(findings.length, 1, findings.map((f) => f.message).join('\n'));
        const finding = findings[0]!;
        assert.ok(finding.message.length > 20);
        for (const fix of finding.data?.fixes ?? []) {
          const fixed: Record<string, string> = {};
          for (const [name, text] of Object.entries(filesOf(example))) {
            const edits = fix.edits.filter((e) => e.uri.endsWith(`/${name}`)).flatMap((e) => e.edits);
            fixed[name] = applyEdits(text, edits);
          }
          const after = findingsOf(rule, { ...(typeof example === 'string' ? {} : example), files: fixed }).findings;
          assert.deepEqual(after.map((f) => f.message), [], `fix "${fix.title}" leaves:\n${Object.values(fixed).join('\n---\n')}`);
        }
      });
    });
  });
}
