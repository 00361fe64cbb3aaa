import { monitoringRule } from '../engine/lint/rule';
import { relabelProblems } from '../engine/monitoring/relabel';
import { kindsFor, monitoringSources } from '../engine/monitoring/sources';
import { relabelConfigs } from '../engine/monitoring/walk';

export const rule = monitoringRule({
  id: 'valid-relabel-config',
  defaultSeverity: 'error',
  kinds: kindsFor('prometheus-config'),
  messages: {
    invalidRelabelConfig: 'Relabel config: {{problem}}.',
  },
  summary: 'Relabel configs use a known action with the fields it needs and an RE2 regex.',
  rationale:
    'Prometheus validates every relabel config (`relabel_configs`, `metric_relabel_configs`, `alert_relabel_configs`, `write_relabel_configs`) at start-up: `replace`, `hashmod`, `lowercase`, `uppercase`, `keepequal` and `dropequal` need a `target_label`, `hashmod` a non-zero `modulus`, `labeldrop`/`labelkeep` take only a regex, and labels must be valid names. Regexes are Go RE2, anchored at both ends: lookarounds and backreferences, common in other regex flavours, are refused. The regex is checked by a linear scan, never run.',
  remediation:
    'Add the field the action needs, fix the label name, or rewrite the regex without lookarounds or backreferences (for example with a second relabel step).',
  valid: [
    `scrape_configs:
  - job_name: pods
    kubernetes_sd_configs:
      - role: pod
    relabel_configs:
      - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scrape]
        action: keep
        regex: 'true'
      - source_labels: [__meta_kubernetes_namespace]
        target_label: namespace
      - action: labelmap
        regex: __meta_kubernetes_pod_label_(.+)
      - source_labels: [__address__]
        modulus: 4
        target_label: __tmp_hash
        action: hashmod
`,
  ],
  invalid: [
    {
      example: `scrape_configs:
  - job_name: pods
    relabel_configs:
      - source_labels: [__meta_kubernetes_pod_name]
        regex: '(?!canary-).*'
        action: keep
`,
      messageId: 'invalidRelabelConfig',
      line: 5,
      column: 17,
    },
    {
      example: `scrape_configs:
  - job_name: pods
    relabel_configs:
      - source_labels: [__address__]
        action: hashmod
        target_label: __tmp_hash
`,
      messageId: 'invalidRelabelConfig',
      line: 5,
      column: 9,
    },
    {
      example: `scrape_configs:
  - job_name: pods
    metric_relabel_configs:
      - source_labels: [__name__]
        action: replace
`,
      messageId: 'invalidRelabelConfig',
      line: 5,
      column: 9,
    },
  ],
  check(context) {
    for (const source of monitoringSources(context, 'prometheus-config')) {
      for (const item of relabelConfigs(source.value)) {
        for (const problem of relabelProblems(item.value)) {
          const field = problem.field && problem.field in item.value ? problem.field : undefined;
          source.report({
            path: field ? [...item.path, field] : item.path,
            part: problem.span ? 'value' : 'key',
            span: problem.span,
            messageId: 'invalidRelabelConfig',
            data: { problem: problem.message },
          });
        }
      }
    }
  },
});
