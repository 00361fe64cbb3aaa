/**
 * prometheus-operator's ServiceMonitor and PodMonitor (monitoring.coreos.com): the namespaces a monitor looks in,
 * the Services or pods its selector picks there, and the Service ports its endpoints name. The operator turns each
 * into scrape configs; a selector that picks nothing, or a port name no Service has, scrapes nothing, silently.
 */
import type { ObjectLookup } from './lookup';
import type { RenderedObject } from '../render/render';
import type { ValuePath } from '../types';
import { objectsSelectedBy } from './labelSelector';
import { podLabels, WORKLOAD_KINDS } from './podSpec';
import { at, list, record, str } from './values';

const MONITORING_GROUP = 'monitoring.coreos.com';
export const SERVICE_MONITOR_KIND = 'ServiceMonitor';
export const POD_MONITOR_KIND = 'PodMonitor';

type View = Pick<ObjectLookup, 'objectsOfKind' | 'objectsOfKindByLabels'>;

/** Whether an object is prometheus-operator's (another group may reuse the kind name). */
export function isMonitoringObject(object: RenderedObject): boolean {
  return object.identity.apiVersion.startsWith(`${MONITORING_GROUP}/`);
}

/**
 * The namespaces a monitor selects in: `namespaceSelector.any: true` is every namespace (undefined),
 * `matchNames` those, otherwise the monitor's own.
 */
export function monitorNamespaces(monitor: RenderedObject): readonly string[] | undefined {
  const namespaceSelector = record(at(monitor.value, 'spec', 'namespaceSelector'));
  if (namespaceSelector?.any === true) return undefined;
  const names = list(namespaceSelector?.matchNames).flatMap((n) => (typeof n === 'string' ? [n] : []));
  return names.length > 0 ? names : [monitor.identity.namespace];
}

/** `spec.selector`, when it is a map (a missing selector is the schema's finding, not a selection). */
export function monitorSelector(monitor: RenderedObject): Record<string, unknown> | undefined {
  return record(at(monitor.value, 'spec', 'selector'));
}

const serviceLabels = (service: RenderedObject): Record<string, unknown> | undefined => record(at(service.value, 'metadata', 'labels'));

function inNamespaces<T>(namespaces: readonly string[] | undefined, each: (namespace: string | undefined) => T[]): T[] {
  return namespaces === undefined ? each(undefined) : namespaces.flatMap((namespace) => each(namespace));
}

/** The Services a ServiceMonitor's selector picks (by the Services' own labels) in its namespaces. */
export function servicesSelectedByMonitor(view: View, monitor: RenderedObject): RenderedObject[] {
  const selector = monitorSelector(monitor);
  if (!selector) return [];
  // Service labels are not pod template labels, so the postings (kept for those) are not used.
  return inNamespaces(monitorNamespaces(monitor), (ns) => objectsSelectedBy(view, 'Service', ns, selector, serviceLabels, false));
}

/** The workloads whose pod template labels a PodMonitor's selector picks, in its namespaces. */
export function workloadsSelectedByMonitor(view: View, monitor: RenderedObject): RenderedObject[] {
  const selector = monitorSelector(monitor);
  if (!selector) return [];
  const namespaces = monitorNamespaces(monitor);
  return WORKLOAD_KINDS.flatMap((kind) => inNamespaces(namespaces, (ns) => objectsSelectedBy(view, kind, ns, selector, podLabels, true)));
}

/** Whether the workspace defines any object of these kinds in the namespaces: if not, a selection cannot be judged. */
export function anyInNamespaces(view: Pick<ObjectLookup, 'objectsOfKind'>, kinds: readonly string[], namespaces: readonly string[] | undefined): boolean {
  return kinds.some((kind) => inNamespaces(namespaces, (ns) => view.objectsOfKind(kind, ns)).length > 0);
}

export interface MonitorEndpoint {
  /** The Service port name (`port`), when the endpoint names one. */
  port: string | undefined;
  path: ValuePath;
}

/** The entries of a ServiceMonitor's `spec.endpoints`. */
export function serviceMonitorEndpoints(monitor: RenderedObject): MonitorEndpoint[] {
  return list(at(monitor.value, 'spec', 'endpoints')).map((item, index) => ({ port: str(at(item, 'port')), path: ['spec', 'endpoints', index] }));
}

/** The port names a Service declares (`spec.ports[].name`). */
export function servicePortNames(service: RenderedObject): string[] {
  return list(at(service.value, 'spec', 'ports')).flatMap((p) => {
    const name = str(at(p, 'name'));
    return name === undefined ? [] : [name];
  });
}

/** `app=web, tier in (a, b)` — a LabelSelector in words, for messages. */
export function describeLabelSelector(selector: Record<string, unknown>): string {
  const labels = Object.entries(record(selector.matchLabels) ?? {}).map(([k, v]) => `${k}=${String(v)}`);
  const expressions = list(selector.matchExpressions).map((e) => {
    const values = list(at(e, 'values')).map(String);
    return `${str(at(e, 'key')) ?? '?'} ${str(at(e, 'operator')) ?? '?'}${values.length > 0 ? ` (${values.join(', ')})` : ''}`;
  });
  const parts = [...labels, ...expressions];
  return parts.length > 0 ? parts.join(', ') : 'everything';
}
