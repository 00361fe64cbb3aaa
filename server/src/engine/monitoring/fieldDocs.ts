/**
 * Hover and completion text for monitoring fields: where each block is documented, and one line per field (wording
 * after the Prometheus and Alertmanager configuration docs). A `block.field` entry wins over the plain field name.
 */
import { ALERTMANAGER_FIELD_DOCS } from './alertmanagerFieldDocs';
import type { MonitoringFormat } from './formats';
import { HTTP_FIELD_DOCS } from './httpFieldDocs';
import { PROMETHEUS_FIELD_DOCS } from './prometheusFieldDocs';
import { SD_FIELD_DOCS } from './sdFieldDocs';

const PROMETHEUS_DOCS = 'https://prometheus.io/docs/prometheus/latest/configuration/configuration/';
const RULES_DOCS = 'https://prometheus.io/docs/prometheus/latest/configuration/recording_rules/';
const ALERTMANAGER_DOCS = 'https://prometheus.io/docs/alerting/latest/configuration/';

/** Blocks documented under another block's heading (the page has no anchor of their own). */
const ANCHOR: Readonly<Record<string, string>> = {
  basic_auth: 'http_config',
  authorization: 'http_config',
  http_header: 'http_config',
  kubernetes_namespaces: 'kubernetes_sd_config',
  kubernetes_selector: 'kubernetes_sd_config',
  kubernetes_attach_metadata: 'kubernetes_sd_config',
  sd_filter: 'ec2_sd_config',
  queue_config: 'remote_write',
  metadata_config: 'remote_write',
  azuread: 'remote_write',
  azuread_managed_identity: 'remote_write',
  azuread_oauth: 'remote_write',
  azuread_sdk: 'remote_write',
  azuread_workload_identity: 'remote_write',
  google_iam: 'remote_write',
  sigv4: 'sigv4_config',
  storage: 'tsdb',
  tsdb_retention: 'tsdb',
  field_confirm: 'action_config',
  rocketchat_field_config: 'rocketchat_config',
  rocketchat_action_config: 'rocketchat_config',
  time_range: 'time_interval',
  time_of_day: 'time_interval',
};

/** The documentation page (with anchor) of a block of a format's schema. */
export function blockDocsUrl(format: MonitoringFormat, block: string): string {
  if (format === 'prometheus-rules') return `${RULES_DOCS}#${block === 'rule' ? 'rule' : 'rule_group'}`;
  const base = format === 'alertmanager-config' ? ALERTMANAGER_DOCS : PROMETHEUS_DOCS;
  if (format === 'prometheus-config' && (block === 'basic_auth' || block === 'authorization' || block === 'http_header')) return `${base}#scrape_config`;
  return block === 'root' ? `${base}#configuration-file` : `${base}#${ANCHOR[block] ?? block}`;
}

export const TYPE_NAMES: Readonly<Record<string, string>> = {
  s: 'string',
  x: 'secret (hidden by the tools)',
  d: 'duration (e.g. 30s, 5m, 1h30m)',
  g: 'Go duration (e.g. 30s, 1m30s, 1.5h)',
  z: 'size (e.g. 512KB, 10MiB, 1GB)',
  u: 'URL (http:// or https://, with a host)',
  U: 'URL',
  r: 'RE2 regular expression (anchored)',
  l: 'label name',
  b: 'boolean',
  i: 'integer',
  n: 'number',
  S: 'list of strings',
  M: 'map of names to strings',
  A: 'object',
  T: 'time of day (HH:MM)',
  Z: 'IANA time zone',
  'S:weekday': 'weekdays or ranges (monday:friday)',
  'S:month': 'months or ranges (january:march, 1:3)',
  'S:day': 'days of the month or ranges (1:7, -1)',
  'S:year': 'years or ranges (2025:2027)',
  'S:protocol': 'scrape protocols (PrometheusProto, OpenMetricsText1.0.0…)',
  'S:sdfile': 'file paths (.json, .yml, .yaml; * in the last segment)',
};

const TABLES: Readonly<Record<MonitoringFormat, readonly Readonly<Record<string, string>>[]>> = {
  'prometheus-config': [PROMETHEUS_FIELD_DOCS, SD_FIELD_DOCS, HTTP_FIELD_DOCS],
  'prometheus-rules': [PROMETHEUS_FIELD_DOCS],
  'alertmanager-config': [ALERTMANAGER_FIELD_DOCS, HTTP_FIELD_DOCS],
};

/** The one-line description of a field of a block, when the docs have one. */
export function fieldDescription(format: MonitoringFormat, block: string, field: string): string | undefined {
  const tables = TABLES[format];
  for (const table of tables) {
    const found = table[`${block}.${field}`];
    if (found) return found;
  }
  for (const table of tables) {
    const found = table[field];
    if (found) return found;
  }
  return undefined;
}
