import { monitoringRule } from '../engine/lint/rule';
import { definitionProblems } from '../engine/monitoring/ruleDefinition';
import { kindsFor, monitoringSources } from '../engine/monitoring/sources';
import { rulesOf } from '../engine/monitoring/walk';
import { exampleRuleGroups } from './helpers/exampleMonitoring';

export const rule = monitoringRule({
  id: 'valid-rule-definition',
  defaultSeverity: 'error',
  kinds: kindsFor('prometheus-rules'),
  messages: {
    namedRule: 'Rule {{name}}: {{problem}}.',
    unnamedRule: 'Rule #{{index}} of group {{group}}: {{problem}}.',
  },
  summary: 'Each rule is a recording rule or an alerting rule, with the fields that kind allows and valid names.',
  rationale:
    '`promtool check rules` and Prometheus refuse a rule file where a rule has both `record` and `alert` (or neither), no `expr`, a recording rule with `for`, `keep_firing_for` or `annotations`, a `record` name that is not a metric name, a label or annotation name that is not a label name, or a label/annotation template with an unclosed `{{`. One bad rule stops the whole file from loading.',
  remediation:
    'Keep one of `record`/`alert`, add the missing `expr`, move `for` and `annotations` to alerting rules only, and use names of letters, digits, underscores (and colons for records).',
  valid: [
    exampleRuleGroups([
      '- record: job:http_requests:rate5m',
      '  expr: sum by (job) (rate(http_requests_total[5m]))',
      '  labels:',
      '    team: api',
      '- alert: HighLatency',
      '  expr: histogram_quantile(0.99, sum by (le) (rate(latency_bucket[5m]))) > 1',
      '  for: 10m',
      '  labels:',
      '    severity: page',
      '  annotations:',
      "    summary: 'p99 latency of {{ $labels.job }} is {{ $value }}s'",
    ]),
  ],
  invalid: [
    {
      example: exampleRuleGroups(['- record: job:http_requests:rate5m', '  expr: sum(rate(http_requests_total[5m]))', '  for: 5m']),
      messageId: 'namedRule',
      line: 6,
      column: 9,
    },
    {
      example: exampleRuleGroups(['- alert: Down', '  record: job:up', '  expr: up == 0']),
      messageId: 'namedRule',
      line: 4,
      column: 9,
    },
    {
      example: exampleRuleGroups(['- alert: Down', '  expr: up == 0', '  annotations:', "    summary: '{{ $labels.instance is down'"]),
      messageId: 'namedRule',
      line: 7,
      column: 11,
    },
    {
      example: exampleRuleGroups(['- expr: up == 0', '  for: 5m']),
      messageId: 'unnamedRule',
      line: 4,
      column: 9,
    },
  ],
  check(context) {
    for (const source of monitoringSources(context, 'prometheus-rules')) {
      for (const rule of rulesOf(source.value)) {
        const name = rule.value['alert'] ?? rule.value['record'];
        const named = typeof name === 'string' && name !== '';
        const data: Record<string, string | number> = named
          ? { name }
          : { index: Number(rule.path[rule.path.length - 1]) + 1, group: String(rule.group.value['name'] ?? '') };
        for (const problem of definitionProblems(rule.value)) {
          const path = problem.field ? (problem.key ? [...rule.path, problem.field, problem.key] : [...rule.path, problem.field]) : rule.path;
          source.report({ path, messageId: named ? 'namedRule' : 'unnamedRule', data: { ...data, problem: problem.message } });
        }
      }
    }
  },
});
