import { monitoringRule } from '../engine/lint/rule';
import { durationFields } from '../engine/monitoring/durationFields';
import { durationProblem } from '../engine/monitoring/duration';
import { MONITORING_FORMATS } from '../engine/monitoring/formats';
import { kindsFor, monitoringSources } from '../engine/monitoring/sources';
import { exampleAlertmanager, examplePrometheusRule, exampleRuleGroups } from './helpers/exampleMonitoring';

export const rule = monitoringRule({
  id: 'valid-monitoring-duration',
  defaultSeverity: 'error',
  kinds: kindsFor(...MONITORING_FORMATS),
  messages: {
    invalidDuration: '{{key}}: {{problem}}.',
  },
  summary: 'Durations in Prometheus, rule and Alertmanager files are Prometheus durations (`30s`, `1h30m`).',
  rationale:
    'Prometheus and Alertmanager parse durations with their own syntax: whole numbers followed by a unit (`ms`, `s`, `m`, `h`, `d`, `w`, `y`), largest unit first. A bare number (`90`), a fraction (`1.5m`) or a Go-style `1h0.5m` is refused at start-up (`promtool check config` and `amtool check-config` fail), so the server or the reload never comes up.',
  remediation: 'Write the duration with units, largest first, such as `90s`, `5m` or `1h30m`.',
  valid: [
    `global:
  scrape_interval: 15s
  evaluation_interval: 1m
scrape_configs:
  - job_name: api
    scrape_interval: 1h30m
    static_configs:
      - targets: ['localhost:9090']
`,
    exampleRuleGroups(['- alert: Down', '  expr: up == 0', '  for: 5m'], ['interval: 30s']),
  ],
  invalid: [
    {
      example: `global:
  scrape_interval: 90
scrape_configs: []
`,
      messageId: 'invalidDuration',
      line: 2,
      column: 20,
    },
    {
      example: exampleAlertmanager(['group_wait: 1.5m']),
      messageId: 'invalidDuration',
      line: 3,
      column: 15,
    },
    {
      example: examplePrometheusRule(['- alert: Down', '  expr: up == 0', '  for: 5 minutes']),
      messageId: 'invalidDuration',
      line: 11,
      column: 16,
    },
  ],
  check(context) {
    for (const format of MONITORING_FORMATS) {
      for (const source of monitoringSources(context, format)) {
        for (const field of durationFields(format, source.value)) {
          if (field.value === null || field.value === undefined) continue;
          const problem = durationProblem(field.value);
          const key = String(field.path[field.path.length - 1]);
          if (problem) source.report({ path: field.path, part: 'value', messageId: 'invalidDuration', data: { key, problem } });
        }
      }
    }
  },
});
