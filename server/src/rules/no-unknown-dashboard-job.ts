import { configRule } from '../engine/lint/rule';
import { dashboardQueries } from '../engine/monitoring/dashboards';
import { jobMatchers } from '../engine/monitoring/dashboardJobs';
import { spanInScalar } from '../engine/monitoring/sources';
import { closestMatch } from '../engine/schema/suggest';
import { knownJobs } from './helpers/knownJobs';

const PROMETHEUS = `scrape_configs:
  - job_name: api
    static_configs:
      - targets: ['api:8080']
`;

const dashboard = (expr: string): string => `{
  "title": "API",
  "schemaVersion": 39,
  "panels": [
    {
      "type": "timeseries",
      "title": "Request rate",
      "datasource": { "type": "prometheus", "uid": "prom" },
      "targets": [{ "refId": "A", "expr": ${JSON.stringify(expr)} }]
    }
  ]
}
`;

export const rule = configRule({
  id: 'no-unknown-dashboard-job',
  defaultSeverity: 'info',
  kinds: ['grafana-dashboard'],
  messages: {
    unknownJob:
      'Panel "{{panel}}" queries job "{{job}}", which no scrape config of the workspace defines: the panel shows no data. Use one of the jobs ({{jobs}}), or add the scrape config.',
    unknownJobDidYouMean:
      'Panel "{{panel}}" queries job "{{job}}", which no scrape config of the workspace defines: the panel shows no data. Did you mean "{{suggestion}}"?',
  },
  summary: 'The `job="…"` and `job=~"a|b"` matchers of a Grafana dashboard JSON name jobs a scrape config of the workspace defines.',
  rationale:
    "A dashboard that selects a job Prometheus does not scrape draws empty panels and nobody notices until an incident. The jobs are the `job_name` of the workspace's Prometheus configurations (files and ConfigMaps), `job` labels of static targets, and the jobs prometheus-operator derives from ServiceMonitors (the Service name or its `jobLabel`) and PodMonitors (`namespace/name`). Dashboards are `.json` files with `schemaVersion` and `panels`; queries with Grafana variables (`$job`), regexes beyond a list of names, other datasources, and workspaces whose configuration relabels `job` are not judged, nor is anything when the workspace defines no scrape config.",
  remediation: 'Fix the job name in the panel query, or add the scrape config (or ServiceMonitor) that scrapes it.',
  valid: [
    { files: { 'api-dashboard.json': dashboard('sum(rate(http_requests_total{job="api"}[$__rate_interval]))'), 'prometheus.yml': PROMETHEUS } },
    { files: { 'api-dashboard.json': dashboard('up{job="$job"} == 0'), 'prometheus.yml': PROMETHEUS } },
    { files: { 'api-dashboard.json': dashboard('up{job="billing"} == 0') }, note: 'No scrape config in the workspace: nothing to compare with.' },
  ],
  invalid: [
    {
      example: { files: { 'api-dashboard.json': dashboard('sum(rate(http_requests_total{job="apii"}[5m]))'), 'prometheus.yml': PROMETHEUS } },
      messageId: 'unknownJobDidYouMean',
      line: 9,
      column: 73,
    },
    {
      example: { files: { 'api-dashboard.json': dashboard('up{job=~"api|billing"} == 0'), 'prometheus.yml': PROMETHEUS } },
      messageId: 'unknownJob',
      line: 9,
      column: 47,
    },
  ],
  check(context) {
    const queries = dashboardQueries(context.target.value);
    if (queries.length === 0) return;
    const jobs = knownJobs(context.workspace);
    if (!jobs.defined || jobs.open) return;
    for (const query of queries) {
      for (const matcher of jobMatchers(query.expr)) {
        const unknown = matcher.names.find((name) => !jobs.names.has(name));
        if (unknown === undefined) continue;
        const suggestion = closestMatch(unknown, jobs.names);
        const offsetInValue = spanInScalar(context, query.path, matcher);
        const data = { panel: query.panel, job: unknown, jobs: [...jobs.names].sort().slice(0, 8).join(', ') };
        context.report({
          path: query.path,
          part: 'value',
          ...(offsetInValue ? { offsetInValue } : {}),
          ...(suggestion ? { messageId: 'unknownJobDidYouMean', data: { ...data, suggestion } } : { messageId: 'unknownJob', data }),
        });
      }
    }
  },
});
