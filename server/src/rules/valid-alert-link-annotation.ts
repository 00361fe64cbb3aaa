import { monitoringRule } from '../engine/lint/rule';
import { kindsFor, monitoringSources } from '../engine/monitoring/sources';
import { isObj, rulesOf } from '../engine/monitoring/walk';
import { exampleRuleGroups } from './helpers/exampleMonitoring';

/** The annotations alert receivers render as links (Alertmanager templates, Grafana, PagerDuty, Opsgenie). */
/** An alert on the error rate, up to its `annotations:` (the examples add them). */
const HIGH_ERROR_RATE = ['- alert: HighErrorRate', '  expr: sum(rate(http_errors_total[5m])) > 1', '  annotations:'];

const LINK_ANNOTATIONS = ['runbook_url', 'dashboard_url', 'dashboard'];

/** Why `value` is not a link a receiver can open, or undefined when it is one (or is templated, known at firing). */
function linkProblem(value: string): string | undefined {
  if (value.includes('{{')) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'it is not an absolute URL (a receiver cannot open a relative path or a bare page name)';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `it uses ${url.protocol}, not http: or https:`;
  return url.hostname === '' ? 'it has no host' : undefined;
}

export const rule = monitoringRule({
  id: 'valid-alert-link-annotation',
  defaultSeverity: 'warning',
  kinds: kindsFor('prometheus-rules'),
  messages: {
    notALink: 'Annotation {{key}} of alert {{alert}} is "{{value}}", but {{problem}}: the on-call engineer gets a dead link. Write the full http(s) URL.',
  },
  summary: 'An alert’s `runbook_url`, `dashboard_url` and `dashboard` annotations are absolute http(s) URLs.',
  rationale:
    'Alertmanager templates, Grafana, PagerDuty and Opsgenie render these annotations as links in the page the on-call engineer opens at 3 a.m. A relative path, a wiki page name or a missing scheme (`wiki.example.com/runbooks/x`) is not a link anywhere: the runbook is one search away at the worst moment. A value built from a template (`{{ $labels.job }}`) is only known when the alert fires and is not judged.',
  remediation: 'Write the full URL, with `https://` and the host.',
  valid: [
    exampleRuleGroups([
      ...HIGH_ERROR_RATE,
      '    runbook_url: https://runbooks.example.com/api/high-error-rate',
      "    dashboard: 'https://grafana.example.com/d/api?var-job={{ $labels.job }}'",
    ]),
  ],
  invalid: [
    {
      example: exampleRuleGroups([...HIGH_ERROR_RATE, '    runbook_url: runbooks.example.com/api/high-error-rate']),
      messageId: 'notALink',
      line: 7,
      column: 24,
    },
  ],
  check(context) {
    for (const source of monitoringSources(context, 'prometheus-rules')) {
      for (const rule of rulesOf(source.value)) {
        const alert = rule.value['alert'];
        const annotations = rule.value['annotations'];
        if (typeof alert !== 'string' || !isObj(annotations)) continue;
        for (const key of LINK_ANNOTATIONS) {
          const value = annotations[key];
          const problem = typeof value === 'string' ? linkProblem(value) : undefined;
          if (problem === undefined) continue;
          source.report({
            path: [...rule.path, 'annotations', key],
            part: 'value',
            messageId: 'notALink',
            data: { key, alert, value: String(value), problem },
          });
        }
      }
    }
  },
});
