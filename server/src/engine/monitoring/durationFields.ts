/** The fields of each monitoring format whose value is a Prometheus duration (from the projects' configuration docs). */
import type { MonitoringFormat } from './formats';
import { isObj, mapAt, mapsIn, routes, rulesOf, ruleGroups, scrapeConfigs, type At } from './walk';

function fields(at: At | undefined, keys: readonly string[]): At<unknown>[] {
  if (!at) return [];
  return keys.filter((key) => key in at.value).map((key) => ({ value: at.value[key], path: [...at.path, key] }));
}

function prometheusConfig(root: unknown): At<unknown>[] {
  const top: At<unknown> = { value: root, path: [] };
  const out = fields(mapAt(top, 'global'), ['scrape_interval', 'scrape_timeout', 'evaluation_interval', 'rule_query_offset']);
  for (const scrape of scrapeConfigs(root)) {
    out.push(...fields(scrape, ['scrape_interval', 'scrape_timeout']));
    for (const sd of ['file_sd_configs', 'dns_sd_configs', 'consul_sd_configs', 'http_sd_configs']) {
      for (const block of mapsIn(scrape, sd)) out.push(...fields(block, ['refresh_interval']));
    }
  }
  const alerting = mapAt(top, 'alerting');
  if (alerting) for (const am of mapsIn(alerting, 'alertmanagers')) out.push(...fields(am, ['timeout']));
  for (const remote of mapsIn(top, 'remote_write')) {
    out.push(...fields(remote, ['remote_timeout']));
    out.push(...fields(mapAt(remote, 'queue_config'), ['batch_send_deadline', 'min_backoff', 'max_backoff']));
  }
  for (const remote of mapsIn(top, 'remote_read')) out.push(...fields(remote, ['remote_timeout']));
  const tsdb = mapAt(mapAt(top, 'storage') ?? { value: {}, path: [] }, 'tsdb');
  out.push(...fields(tsdb, ['out_of_order_time_window']));
  return out;
}

function prometheusRules(root: unknown): At<unknown>[] {
  const out: At<unknown>[] = [];
  for (const group of ruleGroups(root)) out.push(...fields(group, ['interval', 'query_offset']));
  for (const rule of rulesOf(root)) out.push(...fields(rule, ['for', 'keep_firing_for']));
  return out;
}

function alertmanagerConfig(root: unknown): At<unknown>[] {
  const out = isObj(root) ? fields(mapAt({ value: root, path: [] }, 'global'), ['resolve_timeout']) : [];
  for (const route of routes(root)) out.push(...fields(route, ['group_wait', 'group_interval', 'repeat_interval']));
  return out;
}

export function durationFields(format: MonitoringFormat, root: unknown): At<unknown>[] {
  if (format === 'prometheus-config') return prometheusConfig(root);
  if (format === 'prometheus-rules') return prometheusRules(root);
  return alertmanagerConfig(root);
}
