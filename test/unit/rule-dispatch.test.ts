/**
 * The rule interface: the runner gives each rule only the targets its type declares, fills its
 * messages from the report's data, and puts the message id on the finding.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { configRule, formatMessage, monitoringRule, objectRule, type Rule, type RuleTarget } from '../../server/src/engine/lint/rule';
import { engineWith, lintAll } from '../helpers/engineHarness';

const PROMETHEUS = `global:
  scrape_interval: 15s
scrape_configs:
  - job_name: app
    static_configs:
      - targets: ['app:8080']
`;

const CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
`;

const FILES = { 'prometheus.yml': PROMETHEUS, 'settings.yaml': CONFIGMAP };

function describeTarget(target: RuleTarget): string {
  return target.type === 'object' ? `object ${target.object.identity.kind}` : `config ${target.doc.class.type}`;
}

/** A rule of `make`'s type that records the targets it is given and reports nothing. */
function recording(make: typeof objectRule | typeof configRule | typeof monitoringRule, id: string, kinds: string[], seen: string[]): Rule {
  return make({
    id,
    defaultSeverity: 'warning',
    kinds,
    summary: 'Records its targets for the test.',
    rationale: 'The dispatch by target type is what this test checks.',
    remediation: 'Nothing to fix.',
    messages: { never: 'This message is never reported by the test.' },
    valid: [],
    invalid: [],
    check(context: { target: RuleTarget }) {
      seen.push(describeTarget(context.target));
    },
  });
}

describe('rule dispatch by declared target', () => {
  it('gives object rules rendered objects only, config rules documents only, monitoring rules both', () => {
    const objects: string[] = [];
    const everyKind: string[] = [];
    const configs: string[] = [];
    const monitoring: string[] = [];
    const rules = [
      recording(objectRule, 'test-object', ['ConfigMap', 'prometheus-config'], objects),
      recording(objectRule, 'test-every-kind', ['*'], everyKind),
      recording(configRule, 'test-config', ['prometheus-config', 'ConfigMap'], configs),
      recording(monitoringRule, 'test-monitoring', ['prometheus-config', 'ConfigMap'], monitoring),
    ];
    lintAll(engineWith(FILES, { rules, schema: undefined }));
    assert.deepEqual(objects, ['object ConfigMap']);
    assert.deepEqual(everyKind, ['object ConfigMap']);
    assert.deepEqual(configs, ['config prometheus-config']);
    assert.deepEqual(monitoring.sort(), ['config prometheus-config', 'object ConfigMap']);
  });
});

describe('rule messages', () => {
  const reporting = objectRule({
    id: 'test-report',
    defaultSeverity: 'warning',
    kinds: ['ConfigMap'],
    summary: 'Reports every ConfigMap for the test.',
    rationale: 'Checks how a report becomes a finding.',
    remediation: 'Nothing to fix.',
    messages: { named: 'ConfigMap {{name}} has {{count}} keys ({{ unknown }}).' },
    valid: [],
    invalid: [],
    check(context) {
      const data = context.target.object.value as { data: Record<string, unknown> };
      context.report({ path: ['metadata', 'name'], part: 'value', messageId: 'named', data: { name: '{{count}}', count: Object.keys(data.data).length } });
    },
  });

  it('fills the placeholders from data, once (a value holding braces is not expanded again)', () => {
    const findings = lintAll(engineWith({ 'settings.yaml': CONFIGMAP }, { rules: [reporting], schema: undefined }));
    assert.deepEqual(
      findings.map((f) => ({ code: f.code, messageId: f.messageId, message: f.message, line: f.range.start.line })),
      [{ code: 'test-report', messageId: 'named', message: 'ConfigMap {{count}} has 1 keys ({{ unknown }}).', line: 3 }],
    );
  });

  it('treats a message id the rule does not declare as a rule error, not a finding', () => {
    const errors: string[] = [];
    const broken = objectRule({
      ...reporting,
      id: 'test-broken',
      check(context) {
        context.report({ messageId: 'missing' as 'named' });
      },
    });
    const findings = lintAll(
      engineWith({ 'settings.yaml': CONFIGMAP }, { rules: [broken], schema: undefined, onRuleError: (id, e) => errors.push(`${id}: ${String(e)}`) }),
    );
    assert.deepEqual(
      findings.filter((f) => f.code === 'test-broken'),
      [],
    );
    assert.deepEqual(errors, ['test-broken: Error: rule test-broken has no message missing']);
  });

  it('formatMessage leaves a placeholder without a value as written', () => {
    assert.equal(formatMessage('a {{x}} b {{ y }} c {{z}}', { x: 1, y: 'two' }), 'a 1 b two c {{z}}');
  });
});
