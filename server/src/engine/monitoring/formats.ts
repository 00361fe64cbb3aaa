/** Which monitoring format a file or a ConfigMap key holds, by its name and by its content. */

export type MonitoringFormat = 'prometheus-config' | 'prometheus-rules' | 'alertmanager-config';

export const MONITORING_FORMATS: readonly MonitoringFormat[] = ['prometheus-config', 'prometheus-rules', 'alertmanager-config'];

export function isMonitoringFormat(type: string): type is MonitoringFormat {
  return (MONITORING_FORMATS as readonly string[]).includes(type);
}

const BY_NAME: readonly [RegExp, MonitoringFormat][] = [
  [/(^|[\\/])alertmanager[^\\/]*\.ya?ml$/i, 'alertmanager-config'],
  [/(^|[\\/])[^\\/]*(rules|alerts?)[^\\/]*\.ya?ml$/i, 'prometheus-rules'],
  [/(^|[\\/])rules[\\/][^\\/]*\.ya?ml$/i, 'prometheus-rules'],
  [/(^|[\\/])prom(etheus)?([-_.][^\\/]*)?\.ya?ml$/i, 'prometheus-config'],
];

/** The format a file name suggests (`prometheus.yml`, `alerts.rules.yml`, `rules/x.yaml`, `alertmanager.yaml`). */
export function formatByName(name: string): MonitoringFormat | undefined {
  for (const [pattern, format] of BY_NAME) if (pattern.test(name)) return format;
  return undefined;
}

const TOP_LEVEL: Record<MonitoringFormat, readonly string[]> = {
  'prometheus-config': [
    'global',
    'scrape_configs',
    'scrape_config_files',
    'rule_files',
    'alerting',
    'remote_write',
    'remote_read',
    'storage',
    'tracing',
    'otlp',
    'runtime',
  ],
  'prometheus-rules': ['groups'],
  'alertmanager-config': ['global', 'route', 'receivers', 'inhibit_rules', 'time_intervals', 'mute_time_intervals', 'templates'],
};

const ANY_TOP_LEVEL_KEY = new RegExp(`(?:^|[{,])[ \\t]*["']?(?:${[...new Set(Object.values(TOP_LEVEL).flat())].join('|')})["']?[ \\t]*:`, 'm');

/**
 * False when a text cannot hold a monitoring file: none of the formats' top-level keys starts a line (block map, at
 * any indentation) or follows `{` or `,` (flow map). Every format needs one of them (formatByKeys, TOP_LEVEL), so
 * this only spares the parse of ConfigMap files that are something else (an `application.yaml`, thousands of them).
 */
export function mayHoldMonitoringKeys(text: string): boolean {
  return ANY_TOP_LEVEL_KEY.test(text);
}

/** The format a name suggests, when the content has one of its top-level keys (a file named rules.yaml may be anything). */
export function formatByNameAndKeys(name: string, keys: readonly string[]): MonitoringFormat | undefined {
  const format = formatByName(name);
  return format && keys.some((key) => TOP_LEVEL[format].includes(key)) ? format : undefined;
}

/** Top-level keys that only one format has: enough to recognise a file whatever its name. */
export function formatByKeys(has: (key: string) => boolean, groupsLookLikeRules: () => boolean): MonitoringFormat | undefined {
  if (has('scrape_configs') || (has('global') && (has('rule_files') || has('alerting') || has('remote_write')))) return 'prometheus-config';
  if (has('route') && has('receivers')) return 'alertmanager-config';
  if (has('groups') && groupsLookLikeRules()) return 'prometheus-rules';
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The format of a plain value (a parsed ConfigMap key), by content first, then by the key's name. */
export function formatOfValue(value: unknown, name: string): MonitoringFormat | undefined {
  if (!isRecord(value)) return undefined;
  const byKeys = formatByKeys(
    (key) => key in value,
    () => groupsLookLikeRules(value['groups']),
  );
  return byKeys ?? (value['apiVersion'] === undefined ? formatByNameAndKeys(name, Object.keys(value)) : undefined);
}

/** `groups:` of rule groups: a list whose first item is a map with `name` or `rules`. */
export function groupsLookLikeRules(groups: unknown): boolean {
  if (!Array.isArray(groups)) return false;
  const first: unknown = groups[0];
  return groups.length === 0 || (isRecord(first) && ('rules' in first || 'name' in first));
}
