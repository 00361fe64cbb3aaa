import { monitoringRule } from '../engine/lint/rule';
import { checkPromql } from '../engine/monitoring/promql';
import { kindsFor, monitoringSources } from '../engine/monitoring/sources';
import { rulesOf } from '../engine/monitoring/walk';
import { examplePrometheusRule, exampleRuleGroups } from './helpers/exampleMonitoring';

export const rule = monitoringRule({
  id: 'valid-promql',
  defaultSeverity: 'error',
  kinds: kindsFor('prometheus-rules'),
  messages: {
    invalidPromql: 'PromQL of rule {{rule}}: {{problem}}.',
  },
  summary: 'Every rule `expr` is a PromQL query that parses and has the right value types.',
  rationale:
    "Prometheus refuses to load a rule file whose expression does not parse (`promtool check rules` fails, and a PrometheusRule is rejected by the operator or silently dropped), so every alert of the file stops evaluating. The check uses the official PromQL grammar and reports the exact position; type errors are reported only where they are certain: a function's argument count, a range vector (`x[5m]`) where an instant vector is needed or the reverse, and a range vector as the result of a rule.",
  remediation:
    'Fix the expression at the marked position, for example close the bracket, add the missing operand, or add a range (`[5m]`) to the argument of `rate`.',
  valid: [
    exampleRuleGroups([
      '- record: job:http_requests:rate5m',
      '  expr: sum by (job) (rate(http_requests_total[5m]))',
      '- alert: HighErrorRate',
      '  expr: |',
      '    sum(rate(http_errors_total[5m])) / sum(rate(http_requests_total[5m])) > 0.05',
    ]),
  ],
  invalid: [
    {
      example: exampleRuleGroups(['- alert: Down', '  expr: up{job="api"} ==']),
      messageId: 'invalidPromql',
      line: 5,
      column: 31,
    },
    {
      example: exampleRuleGroups(['- record: job:errors:rate5m', '  expr: sum by (job) (rate(http_errors_total))']),
      messageId: 'invalidPromql',
      line: 5,
      column: 34,
    },
    {
      example: examplePrometheusRule(['- alert: Slow', '  expr: >', '    histogram_quantile(0.99, rate(latency_bucket[5m]) > 1']),
      messageId: 'invalidPromql',
      line: 11,
      column: 66,
    },
  ],
  check(context) {
    for (const source of monitoringSources(context, 'prometheus-rules')) {
      for (const rule of rulesOf(source.value)) {
        const expr = rule.value['expr'];
        if (typeof expr !== 'string' && typeof expr !== 'number') continue;
        const text = String(expr);
        const problem = checkPromql(text);
        if (!problem) continue;
        const name = rule.value['alert'] ?? rule.value['record'] ?? `#${String(rule.path[rule.path.length - 1])}`;
        source.report({
          path: [...rule.path, 'expr'],
          part: 'value',
          span: typeof expr === 'string' ? { start: problem.start, end: problem.end } : undefined,
          messageId: 'invalidPromql',
          data: { rule: String(name), problem: problem.message },
        });
      }
    }
  },
});
