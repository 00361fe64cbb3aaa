import { monitoringRule } from '../engine/lint/rule';
import { kindsFor, monitoringSources } from '../engine/monitoring/sources';
import { scrapeConfigs } from '../engine/monitoring/walk';

export const rule = monitoringRule({
  id: 'no-duplicate-job-name',
  defaultSeverity: 'error',
  kinds: kindsFor('prometheus-config'),
  messages: {
    duplicateJob:
      'Job name {{name}} is already used by scrape config #{{first}}: Prometheus refuses duplicate job names. Rename this job or merge the two scrape configs.',
  },
  summary: 'Every scrape config has its own `job_name`.',
  rationale:
    'Prometheus refuses a configuration with two scrape configs of the same job name ("found multiple scrape configs with job name"): the job name is the `job` label of every series and the key of the scrape pool, so two pools cannot share it.',
  remediation: 'Rename one of the jobs, or merge their targets into one scrape config.',
  valid: [
    `scrape_configs:
  - job_name: api
  - job_name: web
`,
  ],
  invalid: [
    {
      example: `scrape_configs:
  - job_name: api
    static_configs:
      - targets: ['api:8080']
  - job_name: api
    static_configs:
      - targets: ['api:9090']
`,
      messageId: 'duplicateJob',
      line: 5,
      column: 15,
    },
  ],
  check(context) {
    for (const source of monitoringSources(context, 'prometheus-config')) {
      const seen = new Map<string, number>();
      for (const job of scrapeConfigs(source.value)) {
        const name = job.value['job_name'];
        if (typeof name !== 'string') continue;
        const index = Number(job.path[job.path.length - 1]);
        const first = seen.get(name);
        if (first === undefined) {
          seen.set(name, index);
          continue;
        }
        source.report({
          path: [...job.path, 'job_name'],
          part: 'value',
          messageId: 'duplicateJob',
          data: { name, first: first + 1 },
        });
      }
    }
  },
});
