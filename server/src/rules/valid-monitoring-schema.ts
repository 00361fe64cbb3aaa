import { monitoringRule } from '../engine/lint/rule';
import { MONITORING_FORMATS } from '../engine/monitoring/formats';
import { schemaProblems } from '../engine/monitoring/schemaCheck';
import { kindsFor, monitoringSources } from '../engine/monitoring/sources';
import { exampleAlertmanager } from './helpers/exampleMonitoring';

const MESSAGE_OF = { 'prometheus-config': 'prometheus', 'prometheus-rules': 'prometheus', 'alertmanager-config': 'alertmanager' } as const;

export const rule = monitoringRule({
  id: 'valid-monitoring-schema',
  defaultSeverity: 'error',
  kinds: kindsFor(...MONITORING_FORMATS),
  messages: {
    prometheus: '{{problem}}: Prometheus refuses this configuration. {{advice}}',
    alertmanager: '{{problem}}: Alertmanager refuses this configuration. {{advice}}',
  },
  summary: 'Prometheus, rule-file and Alertmanager fields are known fields with the right kind of value.',
  rationale:
    'Prometheus and Alertmanager read their configuration strictly: an unknown field (`scrape_intervall`, `groupby`, a field at the wrong level) or a list where a single value belongs is refused at start-up ("field not found in type"), and a reload keeps the previous configuration without saying so in the editor. This holds inside every block: service discovery, TLS and auth, remote write queues, receiver integrations and time intervals, whose values are read as the tools read them (roles, sizes, URLs, weekdays, times), with the fields the tools require.',
  remediation:
    'Fix the field name (the message suggests the closest known one) or move it to the block it belongs to; give the value the kind the message names.',
  valid: [
    `global:
  scrape_interval: 15s
  external_labels:
    cluster: biome
scrape_configs:
  - job_name: api
    honor_labels: true
    static_configs:
      - targets: ['api:8080']
        labels:
          team: api
`,
  ],
  invalid: [
    {
      example: `global:
  scrape_intervall: 15s
scrape_configs: []
`,
      messageId: 'prometheus',
      line: 2,
      column: 3,
    },
    {
      example: exampleAlertmanager(['groupby: [alertname]']),
      messageId: 'alertmanager',
      line: 3,
      column: 3,
    },
    {
      example: `groups:
  - name: api
    rules:
      - alert: Down
        expr: up == 0
        labels: severity=page
`,
      messageId: 'prometheus',
      line: 6,
      column: 17,
    },
  ],
  check(context) {
    for (const format of MONITORING_FORMATS) {
      for (const source of monitoringSources(context, format)) {
        for (const problem of schemaProblems(format, source.value)) {
          const text = `${problem.message[0]!.toUpperCase()}${problem.message.slice(1)}`;
          source.report({ path: problem.path, part: problem.part, messageId: MESSAGE_OF[format], data: { problem: text, advice: problem.advice } });
        }
      }
    }
  },
});
