import { monitoringRule } from '../engine/lint/rule';
import { timeIntervalNames } from '../engine/monitoring/alertmanager';
import { closest } from '../engine/monitoring/names';
import { kindsFor, monitoringSources } from '../engine/monitoring/sources';
import { routes } from '../engine/monitoring/walk';
import { childRoute, exampleAlertmanager } from './helpers/exampleMonitoring';

const KEYS = ['mute_time_intervals', 'active_time_intervals'];

/** The interval `nights` defined in one line. */
const NIGHTS = ['time_intervals:', '  - name: nights', "    time_intervals: [{ times: [{ start_time: '22:00', end_time: '24:00' }] }]"];

/** A route sending info alerts to team during or outside the intervals `intervals` names (its line), with the `definitions` of time_intervals. */
const infoRoute = (intervals: string, definitions: readonly string[]): string =>
  exampleAlertmanager(childRoute('severity="info"', ['receiver: team', intervals]), { sections: definitions });

export const rule = monitoringRule({
  id: 'no-missing-alertmanager-time-interval',
  defaultSeverity: 'error',
  kinds: kindsFor('alertmanager-config'),
  messages: {
    intervalsOnRootRoute: 'The root route must not have {{key}}: Alertmanager refuses this configuration. Move them to a child route.',
    unknownInterval: 'Time interval {{name}} is not defined under time_intervals: Alertmanager refuses this configuration. Define it or fix the name.',
    unknownIntervalDidYouMean:
      'Time interval {{name}} is not defined under time_intervals: Alertmanager refuses this configuration. Did you mean {{suggestion}}? Define it or fix the name.',
  },
  summary: 'Time intervals a route mutes or activates are defined under `time_intervals`, and not on the root route.',
  rationale:
    'Alertmanager refuses a configuration where a route names a time interval that `time_intervals` (or the older top-level `mute_time_intervals`) does not define ("undefined time interval used in route"), and one whose root route has time intervals at all ("root route must not have any mute time intervals").',
  remediation: 'Define the interval under `time_intervals` or fix its name; move intervals from the root route to a child route.',
  valid: [
    infoRoute('mute_time_intervals: [nights]', [
      'time_intervals:',
      '  - name: nights',
      '    time_intervals:',
      '      - times:',
      "          - start_time: '22:00'",
      "            end_time: '24:00'",
    ]),
  ],
  invalid: [
    {
      example: infoRoute('active_time_intervals: [business-hours]', ['time_intervals:', '  - name: nights', '    time_intervals: []']),
      messageId: 'unknownInterval',
      line: 6,
      column: 31,
    },
    {
      example: exampleAlertmanager(['mute_time_intervals: [nights]'], { sections: NIGHTS }),
      messageId: 'intervalsOnRootRoute',
      line: 3,
      column: 3,
    },
    {
      example: infoRoute('mute_time_intervals: [night]', NIGHTS),
      messageId: 'unknownIntervalDidYouMean',
      line: 6,
      column: 29,
    },
  ],
  check(context) {
    for (const source of monitoringSources(context, 'alertmanager-config')) {
      const names = timeIntervalNames(source.value);
      for (const route of routes(source.value)) {
        for (const key of KEYS) {
          const list = route.value[key];
          if (!Array.isArray(list)) continue;
          if (route.path.length === 1 && list.length > 0) {
            source.report({ path: [...route.path, key], messageId: 'intervalsOnRootRoute', data: { key } });
            continue;
          }
          list.forEach((name: unknown, i) => {
            if (typeof name !== 'string' || names.has(name)) return;
            const suggestion = closest(name, names);
            source.report({
              path: [...route.path, key, i],
              part: 'value',
              messageId: suggestion ? 'unknownIntervalDidYouMean' : 'unknownInterval',
              data: { name, suggestion: suggestion ?? '' },
            });
          });
        }
      }
    }
  },
});
