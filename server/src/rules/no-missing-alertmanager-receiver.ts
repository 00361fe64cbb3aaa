import { monitoringRule } from '../engine/lint/rule';
import { receiverNames } from '../engine/monitoring/alertmanager';
import { closest } from '../engine/monitoring/names';
import { kindsFor, monitoringSources } from '../engine/monitoring/sources';
import { routes } from '../engine/monitoring/walk';
import { childRoute, exampleAlertmanager } from './helpers/exampleMonitoring';

/** Receivers team and pager, and a route sending the paging alerts to `receiver`. */
const paging = (receiver: string): string => exampleAlertmanager(childRoute('severity="page"', [`receiver: ${receiver}`]), { receivers: ['team', 'pager'] });

export const rule = monitoringRule({
  id: 'no-missing-alertmanager-receiver',
  defaultSeverity: 'error',
  kinds: kindsFor('alertmanager-config'),
  messages: {
    noRootReceiver:
      'The root route has no receiver: Alertmanager needs a default receiver for alerts no child route matches. Add receiver: with one of {{receivers}}.',
    unknownReceiver: 'Receiver {{receiver}} is not defined under receivers: Alertmanager refuses this configuration. Use a defined receiver or add it.',
    unknownReceiverDidYouMean:
      'Receiver {{receiver}} is not defined under receivers: Alertmanager refuses this configuration. Did you mean {{suggestion}}? Use a defined receiver or add it.',
  },
  summary: "The root route names a receiver, and every route's receiver is defined under `receivers`.",
  rationale:
    'Alertmanager refuses a configuration whose root route has no default receiver ("root route must specify a default receiver") or whose route names an undefined receiver ("undefined receiver used in route"): `amtool check-config` fails and a reload keeps the old configuration, so a renamed receiver silently keeps alerts on the old path.',
  remediation: 'Name a receiver defined under `receivers` (check the spelling), or add the receiver.',
  valid: [paging('pager')],
  invalid: [
    {
      example: paging('pagr'),
      messageId: 'unknownReceiverDidYouMean',
      line: 5,
      column: 17,
    },
    {
      example: `route:
  group_by: [alertname]
receivers:
  - name: team
`,
      messageId: 'noRootReceiver',
      line: 1,
      column: 1,
    },
    {
      example: paging('oncall'),
      messageId: 'unknownReceiver',
      line: 5,
      column: 17,
    },
  ],
  check(context) {
    for (const source of monitoringSources(context, 'alertmanager-config')) {
      const names = receiverNames(source.value);
      for (const route of routes(source.value)) {
        const receiver = route.value['receiver'];
        if (route.path.length === 1 && (receiver === undefined || receiver === null || receiver === '')) {
          source.report({ path: route.path, messageId: 'noRootReceiver', data: { receivers: [...names].join(', ') || 'your receivers' } });
          continue;
        }
        if (typeof receiver !== 'string' || receiver === '' || names.has(receiver)) continue;
        const suggestion = closest(receiver, names);
        source.report({
          path: [...route.path, 'receiver'],
          part: 'value',
          messageId: suggestion ? 'unknownReceiverDidYouMean' : 'unknownReceiver',
          data: { receiver, suggestion: suggestion ?? '' },
        });
      }
    }
  },
});
