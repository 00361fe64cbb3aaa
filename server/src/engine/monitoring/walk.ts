/** Traversal of monitoring contents as plain values: each item with its path, for rules to report on. */
import type { ValuePath } from '../types';

export type Obj = Record<string, unknown>;

export interface At<T = Obj> {
  value: T;
  path: ValuePath;
}

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The map items of a list field, with their paths (non-map items are skipped: the schema reports them). */
export function* mapsIn(parent: At<unknown>, key: string): Generator<At> {
  if (!isObj(parent.value)) return;
  const list = parent.value[key];
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    if (isObj(item)) yield { value: item, path: [...parent.path, key, i] };
  }
}

function mapAt(parent: At<unknown>, key: string): At | undefined {
  if (!isObj(parent.value)) return undefined;
  const value = parent.value[key];
  return isObj(value) ? { value, path: [...parent.path, key] } : undefined;
}

const ROOT = (value: unknown): At<unknown> => ({ value, path: [] });

export function scrapeConfigs(root: unknown): At[] {
  return [...mapsIn(ROOT(root), 'scrape_configs')];
}

/** Every relabel configuration list of a Prometheus config, each item with its path. */
export function* relabelConfigs(root: unknown): Generator<At> {
  for (const scrape of scrapeConfigs(root)) {
    yield* mapsIn(scrape, 'relabel_configs');
    yield* mapsIn(scrape, 'metric_relabel_configs');
  }
  const alerting = mapAt(ROOT(root), 'alerting');
  if (alerting) {
    yield* mapsIn(alerting, 'alert_relabel_configs');
    for (const am of mapsIn(alerting, 'alertmanagers')) yield* mapsIn(am, 'relabel_configs');
  }
  for (const remote of mapsIn(ROOT(root), 'remote_write')) yield* mapsIn(remote, 'write_relabel_configs');
}

/** Blocks that carry HTTP client settings (auth, TLS): scrape configs, Alertmanager targets, remote write/read. */
export function* httpClientBlocks(root: unknown): Generator<At> {
  yield* scrapeConfigs(root);
  const alerting = mapAt(ROOT(root), 'alerting');
  if (alerting) yield* mapsIn(alerting, 'alertmanagers');
  yield* mapsIn(ROOT(root), 'remote_write');
  yield* mapsIn(ROOT(root), 'remote_read');
}

export function ruleGroups(root: unknown): At[] {
  return [...mapsIn(ROOT(root), 'groups')];
}

export function* rulesOf(root: unknown): Generator<At & { group: At }> {
  for (const group of ruleGroups(root)) for (const rule of mapsIn(group, 'rules')) yield { ...rule, group };
}

/** The root route and every nested route, depth first (bounded by the document's own depth). */
export function* routes(root: unknown): Generator<At> {
  const top = mapAt(ROOT(root), 'route');
  if (!top) return;
  const stack: At[] = [top];
  while (stack.length > 0) {
    const route = stack.pop()!;
    yield route;
    const children = [...mapsIn(route, 'routes')];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** Names of a list of named maps (`receivers`, `time_intervals`), with the path of each name. */
export function namedItems(root: unknown, key: string): At<string>[] {
  const out: At<string>[] = [];
  for (const item of mapsIn(ROOT(root), key)) {
    const name = item.value['name'];
    if (typeof name === 'string') out.push({ value: name, path: [...item.path, 'name'] });
  }
  return out;
}
