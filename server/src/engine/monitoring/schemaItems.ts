/**
 * Checks of single values and list items that need more than a kind: time interval parts, file_sd paths, and the
 * checks across fields of a block (a time range in order, one of several fields present).
 */
import { dayOfMonthProblem, locationProblem, minutesOf, monthProblem, timeOfDayProblem, weekdayProblem, yearProblem } from './timeIntervalValues';

/** file_sd_configs paths: a .json/.yml/.yaml file; only the last path segment may hold a `*`. */
const SD_FILE = /^[^*]*(?:\*[^/]*)?\.(?:json|yml|yaml|JSON|YML|YAML)$/;

/** Item checks of `S:<kind>` lists and of the scalar kinds T (time of day) and Z (time zone). */
export const ITEM_CHECKS: Readonly<Record<string, (text: string) => string | undefined>> = {
  weekday: weekdayProblem,
  month: monthProblem,
  day: dayOfMonthProblem,
  year: yearProblem,
  sdfile: (text) =>
    SD_FILE.test(text) ? undefined : `"${text}" is not a file discovery path: a .json, .yml or .yaml file, with * only in the last path segment`,
  protocol: (text) =>
    ['PrometheusProto', 'OpenMetricsText0.0.1', 'OpenMetricsText1.0.0', 'PrometheusText0.0.4', 'PrometheusText1.0.0'].includes(text)
      ? undefined
      : `${text} is not a scrape protocol (PrometheusProto, OpenMetricsText0.0.1, OpenMetricsText1.0.0, PrometheusText0.0.4, PrometheusText1.0.0; case-sensitive)`,
  T: timeOfDayProblem,
  Z: locationProblem,
};

interface BlockRuleProblem {
  field: string;
  /** Where inside the field, when not the field itself. */
  at?: (string | number)[];
  message: string;
  advice: string;
}

type BlockRule = (map: Record<string, unknown>) => BlockRuleProblem | undefined;

function present(map: Record<string, unknown>, key: string): boolean {
  return map[key] !== undefined && map[key] !== null && map[key] !== '';
}

function oneOf(...keys: string[]): BlockRule {
  return (map) =>
    keys.some((key) => present(map, key)) ? undefined : { field: keys[0]!, message: `needs one of ${keys.join(', ')}`, advice: `Add ${keys[0]}.` };
}

function timeRangeInOrder(map: Record<string, unknown>): BlockRuleProblem | undefined {
  const { start_time: start, end_time: end } = map;
  if (typeof start !== 'string' || typeof end !== 'string' || timeOfDayProblem(start) || timeOfDayProblem(end)) return undefined;
  return minutesOf(start) < minutesOf(end)
    ? undefined
    : {
        field: 'end_time',
        message: `${start}–${end} ends before it starts`,
        advice: 'Make end_time later than start_time; split a range over midnight in two (22:00–24:00 and 00:00–06:00).',
      };
}

/**
 * Prometheus refuses a scheme or a path in a static target ("is not a valid hostname") unless relabelling rewrites
 * the address first, as the blackbox exporter's configurations do.
 */
function staticTargetsAreHosts(map: Record<string, unknown>): BlockRuleProblem | undefined {
  const relabel = map['relabel_configs'];
  const groups = map['static_configs'];
  if ((Array.isArray(relabel) && relabel.length > 0) || !Array.isArray(groups)) return undefined;
  for (const [g, group] of groups.entries()) {
    const targets: unknown = typeof group === 'object' && group !== null ? (group as Record<string, unknown>)['targets'] : undefined;
    if (!Array.isArray(targets)) continue;
    const t = targets.findIndex((target) => typeof target === 'string' && target.includes('/'));
    if (t >= 0) {
      return {
        field: 'static_configs',
        at: [g, 'targets', t],
        message: `target "${String(targets[t])}" is not a valid host:port`,
        advice:
          'Write host:port: the scheme goes in scheme, the path in metrics_path (or rewrite __address__ with relabel_configs, as for the blackbox exporter).',
      };
    }
  }
  return undefined;
}

/** Checks across the fields of a block, by block name. */
export const BLOCK_RULES: Readonly<Record<string, readonly BlockRule[]>> = {
  time_of_day: [timeRangeInOrder],
  scrape_config: [staticTargetsAreHosts],
  alertmanager_config: [staticTargetsAreHosts],
  webhook_config: [oneOf('url', 'url_file')],
  oauth2: [
    oneOf('client_secret', 'client_secret_file', 'client_secret_ref', 'client_certificate_key', 'client_certificate_key_file', 'client_certificate_key_ref'),
  ],
};
