/**
 * The quick fixes of the monitoring rules, judged by the real tools: every valid example and every file a pinned
 * fix writes must pass promtool/amtool. A fix that wrote a route's first key with the indentation after `- ` moved
 * the route's `receiver:` to the top level (valid YAML, an unknown field for amtool): the pinned output had
 * recorded that text, so only the tool could tell.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allRules } from '../../server/src/rules';
import type { Rule } from '../../server/src/engine/lint/rule';
import { oracleTools, oracleVerdict, type Format } from '../helpers/monitoringOracle';
import { applyFix, filesOf, findingsOf } from '../helpers/ruleExamples';
import { engineWith, uriOf } from '../helpers/engineHarness';

const { skip } = oracleTools();

const FORMAT_OF_TYPE: Record<string, Format> = { 'alertmanager-config': 'alertmanager', 'prometheus-config': 'prometheus', 'prometheus-rules': 'rules' };

/** Whether a rule checks plain monitoring files (not only Kubernetes objects holding them). */
const checksMonitoringFiles = (rule: Rule): boolean => rule.kinds.some((k) => FORMAT_OF_TYPE[k] !== undefined);

/**
 * The files of `files` that are monitoring files, with their format as the engine classifies them (a rule's example
 * may hold a Prometheus config and the rule files it names). Debian's promtool 2.42 is built without the Kubernetes
 * service discovery, so a config using it is left to monitoring-schema.test.ts (as in monitoring-oracle.test.ts).
 */
function monitoringFiles(files: Record<string, string>): [string, Format, string][] {
  const engine = engineWith(files);
  const out: [string, Format, string][] = [];
  for (const [name, text] of Object.entries(files)) {
    const type = engine.index.getFile(uriOf(name))?.documents[0]?.class.type;
    const format = type === undefined ? undefined : FORMAT_OF_TYPE[type];
    if (format && !text.includes('kubernetes_sd_configs')) out.push([name, format, text]);
  }
  return out;
}

function assertValid(format: Format, text: string, what: string): void {
  const verdict = oracleVerdict(format, text);
  assert.ok(verdict.valid, `${what}: ${format === 'alertmanager' ? 'amtool' : 'promtool'} refuses it:\n${verdict.output}\n---\n${text}`);
}

describe('monitoring rules: valid examples and fixed files pass promtool/amtool', { skip }, () => {
  const rules = allRules.filter(checksMonitoringFiles);

  it('covers the monitoring rules with fixes', () => {
    assert.ok(rules.filter((r) => r.invalid.some((i) => i.output !== undefined)).length >= 2, rules.map((r) => r.id).join(', '));
  });

  for (const rule of rules) {
    it(rule.id, () => {
      for (const [n, example] of rule.valid.entries()) {
        for (const [name, format, text] of monitoringFiles(filesOf(example))) assertValid(format, text, `valid example ${n + 1}, ${name}`);
      }
      for (const [n, invalid] of rule.invalid.entries()) {
        if (invalid.output === undefined) continue;
        const fix = findingsOf(rule, invalid.example)[0]?.data?.fixes?.[0];
        assert.ok(fix, `invalid example ${n + 1} has a fix`);
        for (const [name, format, text] of monitoringFiles(applyFix(invalid.example, fix)))
          assertValid(format, text, `the fix of invalid example ${n + 1}, ${name}`);
      }
    });
  }

  it('no-deprecated-alertmanager-match fixes flow-style routes into valid configs too', () => {
    const rule = allRules.find((r) => r.id === 'no-deprecated-alertmanager-match')!;
    const example = `route:\n  receiver: team\n  routes:\n    - {match: {severity: critical}, receiver: team}\n    - match_re: {service: api|web}\n      match: {tier: x}\n      receiver: team\nreceivers:\n  - name: team\n`;
    for (const finding of findingsOf(rule, example)) {
      const fix = finding.data?.fixes?.[0];
      assert.ok(fix, finding.message);
      assertValid('alertmanager', applyFix(example, fix)['example.yaml']!, finding.message);
    }
  });
});
