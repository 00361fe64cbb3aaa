import { monitoringRule } from '../engine/lint/rule';
import { parseDuration } from '../engine/monitoring/duration';
import { kindsFor, monitoringSources } from '../engine/monitoring/sources';
import { isObj, scrapeConfigs } from '../engine/monitoring/walk';

/** Prometheus's defaults when neither the job nor `global` sets them. */
const DEFAULT_INTERVAL = '1m';
const DEFAULT_TIMEOUT = '10s';

function durationOf(value: unknown, fallback: string): { text: string; ms: number } | undefined {
  const text = typeof value === 'string' ? value : fallback;
  const ms = parseDuration(text);
  return ms === undefined ? undefined : { text, ms };
}

export const rule = monitoringRule({
  id: 'no-scrape-timeout-over-interval',
  defaultSeverity: 'error',
  kinds: kindsFor('prometheus-config'),
  messages: {
    globalTimeout:
      'The global scrape_timeout {{timeout}} is longer than the global scrape_interval {{interval}}: Prometheus refuses this configuration. Set scrape_timeout to {{interval}} or less.',
    jobTimeout:
      'Job {{job}} has scrape_timeout {{timeout}}, longer than its scrape_interval {{interval}}: Prometheus refuses this configuration. Set scrape_timeout to {{interval}} or less, or raise scrape_interval.',
  },
  summary: '`scrape_timeout` is not longer than `scrape_interval`, globally and per job.',
  rationale:
    'Prometheus refuses a configuration whose scrape timeout is greater than its scrape interval ("scrape timeout greater than scrape interval"), so the server does not start or the reload fails. A job inherits the global values; when only the global timeout is too long for a job, Prometheus shortens it to the interval itself, so only explicit timeouts are reported.',
  remediation: 'Lower `scrape_timeout` to at most the `scrape_interval` that applies (or raise the interval).',
  valid: [
    `global:
  scrape_interval: 30s
  scrape_timeout: 20s
scrape_configs:
  - job_name: fast
    scrape_interval: 10s
  - job_name: slow
    scrape_interval: 2m
    scrape_timeout: 1m
`,
  ],
  invalid: [
    {
      example: `global:
  scrape_interval: 15s
scrape_configs:
  - job_name: api
    scrape_timeout: 30s
`,
      messageId: 'jobTimeout',
      line: 5,
      column: 21,
    },
    {
      example: `global:
  scrape_interval: 10s
  scrape_timeout: 15s
scrape_configs: []
`,
      messageId: 'globalTimeout',
      line: 3,
      column: 19,
    },
  ],
  check(context) {
    for (const source of monitoringSources(context, 'prometheus-config')) {
      const root = source.value;
      const global = isObj(root) && isObj(root['global']) ? root['global'] : {};
      const interval = durationOf(global['scrape_interval'], DEFAULT_INTERVAL);
      const timeout = durationOf(global['scrape_timeout'], DEFAULT_TIMEOUT);
      if (interval && timeout && global['scrape_timeout'] !== undefined && timeout.ms > interval.ms) {
        source.report({
          path: ['global', 'scrape_timeout'],
          part: 'value',
          messageId: 'globalTimeout',
          data: { timeout: timeout.text, interval: interval.text },
        });
      }
      for (const job of scrapeConfigs(root)) {
        if (job.value['scrape_timeout'] === undefined || !interval) continue;
        const own = durationOf(job.value['scrape_interval'], interval.text);
        const jobTimeout = durationOf(job.value['scrape_timeout'], DEFAULT_TIMEOUT);
        if (!own || !jobTimeout || jobTimeout.ms <= own.ms) continue;
        const name = typeof job.value['job_name'] === 'string' ? job.value['job_name'] : '(unnamed)';
        source.report({
          path: [...job.path, 'scrape_timeout'],
          part: 'value',
          messageId: 'jobTimeout',
          data: { job: name, timeout: jobTimeout.text, interval: own.text },
        });
      }
    }
  },
});
