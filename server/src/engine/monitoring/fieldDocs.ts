/**
 * Hover and completion text for monitoring fields: where each block is documented, and one line for the fields
 * users reach for most (wording after the Prometheus and Alertmanager configuration docs).
 */
import type { MonitoringFormat } from './formats';

const PROMETHEUS_DOCS = 'https://prometheus.io/docs/prometheus/latest/configuration/configuration/';
const RULES_DOCS = 'https://prometheus.io/docs/prometheus/latest/configuration/recording_rules/';
const ALERTMANAGER_DOCS = 'https://prometheus.io/docs/alerting/latest/configuration/';

/** The documentation page (with anchor) of a block of a format's schema. */
export function blockDocsUrl(format: MonitoringFormat, block: string): string {
  if (format === 'prometheus-rules') return `${RULES_DOCS}#${block === 'rule' ? 'rule' : 'rule_group'}`;
  const base = format === 'alertmanager-config' ? ALERTMANAGER_DOCS : PROMETHEUS_DOCS;
  return block === 'root' ? `${base}#configuration-file` : `${base}#${block}`;
}

export const TYPE_NAMES: Readonly<Record<string, string>> = {
  s: 'string',
  d: 'duration (e.g. 30s, 5m, 1h30m)',
  b: 'boolean',
  i: 'integer',
  n: 'number',
  S: 'list of strings',
  M: 'map of names to strings',
  A: 'object',
};

export const FIELD_DOCS: Readonly<Record<string, string>> = {
  scrape_interval: 'How frequently to scrape targets. Default: the global value, 1m.',
  scrape_timeout: 'How long until a scrape request times out; not above scrape_interval. Default: 10s.',
  evaluation_interval: 'How frequently to evaluate rules. Default: 1m.',
  external_labels: 'Labels added to any time series or alerts when communicating with external systems.',
  job_name: 'The job name assigned to scraped metrics by default (the `job` label); unique per configuration.',
  metrics_path: 'The HTTP resource path on which to fetch metrics from targets. Default: /metrics.',
  honor_labels: 'On label conflicts with server-side labels, keep the scraped labels (true) or rename them to exported_<name> (false).',
  static_configs: 'Statically configured targets, each list with the labels to add.',
  targets: 'host:port of each target.',
  relabel_configs: 'Relabeling of targets before scraping.',
  metric_relabel_configs: 'Relabeling of scraped samples before ingestion.',
  rule_files: 'Globs of rule files to load, relative to this file.',
  source_labels: 'Labels whose values are concatenated (with separator) and matched against regex.',
  target_label: 'Label the result is written to (replace, hashmod, lowercase, uppercase, keepequal, dropequal).',
  regex: 'RE2 regular expression, anchored at both ends. Default: (.*).',
  action: 'replace (default), keep, drop, keepequal, dropequal, hashmod, labelmap, labeldrop, labelkeep, lowercase, uppercase.',
  modulus: 'Modulus of the hash of the source label values (hashmod).',
  replacement: 'Value written to target_label; may reference regex groups ($1). Default: $1.',
  groups: 'Rule groups: rules in a group run sequentially at the same interval.',
  interval: 'How often the rules of the group are evaluated. Default: the global evaluation_interval.',
  record: 'Name of the time series to output to; a valid metric name.',
  alert: 'Name of the alert.',
  expr: 'The PromQL expression to evaluate.',
  for: 'Alerts are firing once the condition has held for this long; pending before.',
  keep_firing_for: 'How long an alert keeps firing after the condition has cleared.',
  labels: 'Labels to add or overwrite.',
  annotations: 'Informational labels (templates allowed) stored with the alert, e.g. summary, runbook_url.',
  route: 'The root of the routing tree; it must have a receiver and no matchers.',
  receiver: 'Name of the receiver alerts of this route are sent to; defined under receivers.',
  group_by: 'Labels to group alerts by; [...] groups by all labels.',
  matchers: 'Matchers an alert must fulfil to match the route, such as severity="critical" or team=~"api|web".',
  group_wait: 'How long to wait before sending the first notification of a group. Default: 30s.',
  group_interval: 'How long to wait before notifying about new alerts of a group. Default: 5m.',
  repeat_interval: 'How long to wait before sending a notification again. Default: 4h.',
  continue: 'Whether an alert continues matching subsequent sibling routes.',
  receivers: 'Notification integrations, each with a unique name.',
  inhibit_rules: 'Mute alerts (targets) while other alerts (sources) fire, when the equal labels match.',
  time_intervals: 'Named time intervals routes can mute or activate.',
  mute_time_intervals: 'Names of time intervals during which the route is muted.',
  active_time_intervals: 'Names of time intervals during which the route is active.',
  match: 'Deprecated: use matchers.',
  match_re: 'Deprecated: use matchers with =~.',
};
