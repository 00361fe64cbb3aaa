import { monitoringRule } from '../engine/lint/rule';
import { kindsFor, monitoringSources } from '../engine/monitoring/sources';
import { namedItems } from '../engine/monitoring/walk';
import { exampleAlertmanager } from './helpers/exampleMonitoring';

export const rule = monitoringRule({
  id: 'no-duplicate-receiver',
  defaultSeverity: 'error',
  kinds: kindsFor('alertmanager-config'),
  messages: {
    duplicateReceiver: 'Receiver name {{name}} is used twice under receivers: Alertmanager refuses this configuration. Rename one, or merge the two.',
    duplicateInterval: 'Time interval name {{name}} is used twice under time_intervals: Alertmanager refuses this configuration. Rename one, or merge the two.',
  },
  summary: 'Receivers and time intervals of an Alertmanager configuration have distinct names.',
  rationale:
    'Routes name receivers and time intervals; Alertmanager refuses a configuration where two receivers share a name ("notification config name is not unique") or two time intervals do, because a route could not tell which one it means.',
  remediation: 'Rename one of the two, or merge their integrations into one receiver.',
  valid: [exampleAlertmanager([], { receivers: ['team', 'pager'] })],
  invalid: [
    {
      example: `route:
  receiver: team
receivers:
  - name: team
    email_configs:
      - to: team@example.org
  - name: team
    slack_configs:
      - channel: '#team'
`,
      messageId: 'duplicateReceiver',
      line: 7,
      column: 11,
    },
    {
      example: `route:
  receiver: team
receivers:
  - name: team
time_intervals:
  - name: nights
    time_intervals: [{ times: [{ start_time: '20:00', end_time: '23:59' }] }]
  - name: nights
    time_intervals: [{ times: [{ start_time: '00:00', end_time: '06:00' }] }]
`,
      messageId: 'duplicateInterval',
      line: 8,
      column: 11,
    },
  ],
  check(context) {
    for (const source of monitoringSources(context, 'alertmanager-config')) {
      for (const key of ['receivers', 'time_intervals']) {
        const seen = new Set<string>();
        for (const item of namedItems(source.value, key)) {
          if (!seen.has(item.value)) {
            seen.add(item.value);
            continue;
          }
          source.report({
            path: item.path,
            part: 'value',
            messageId: key === 'receivers' ? 'duplicateReceiver' : 'duplicateInterval',
            data: { name: item.value },
          });
        }
      }
    }
  },
});
