/**
 * Service ↔ workload selection, the one definition: which workloads a Service selects (answered
 * from the index's label postings), which Services select a workload, and the ports they declare.
 */
import type { ObjectLookup } from './lookup';
import type { RenderedObject } from '../render/render';
import type { ValuePath } from '../types';
import { containerPorts, longRunningContainersOf, podLabels, selectorMatches, WORKLOAD_KINDS } from './podSpec';
import { at, record, str } from './values';

/** A port a container declares. */
export interface DeclaredPort {
  workload: RenderedObject;
  container: string;
  name: string | undefined;
  number: number | undefined;
  protocol: string;
  /** Path of the port entry in the workload. */
  path: ValuePath;
}

/** The selector of a Service that selects pods: none for ExternalName Services or without a selector. */
export function serviceSelector(service: RenderedObject): Record<string, unknown> | undefined {
  if (str(at(service.value, 'spec', 'type')) === 'ExternalName') return undefined;
  const selector = record(at(service.value, 'spec', 'selector'));
  return selector && Object.keys(selector).length > 0 ? selector : undefined;
}

/**
 * Workloads in `namespace` (undefined: in any) whose pod template labels match `selector` (a look-up
 * per workload kind, by labels: the Service is re-checked when labels change, not on every workload edit).
 */
export function selectedWorkloads(
  view: Pick<ObjectLookup, 'objectsOfKindByLabels'>,
  namespace: string | undefined,
  selector: Record<string, unknown>,
): RenderedObject[] {
  return WORKLOAD_KINDS.flatMap((kind) => view.objectsOfKindByLabels(kind, namespace, selector, podLabels));
}

/** The workloads of the Service's namespace that it sends traffic to (none for ExternalName or no selector). */
export function workloadsSelectedBy(view: Pick<ObjectLookup, 'objectsOfKindByLabels'>, service: RenderedObject): RenderedObject[] {
  const selector = serviceSelector(service);
  return selector ? selectedWorkloads(view, service.identity.namespace, selector) : [];
}

/** The Services of the workload's namespace whose selector matches its pod template labels. */
export function servicesSelecting(view: Pick<ObjectLookup, 'objectsOfKind'>, workload: RenderedObject): RenderedObject[] {
  const labels = podLabels(workload);
  if (!labels) return [];
  return view.objectsOfKind('Service', workload.identity.namespace).filter((service) => selectorMatches(serviceSelector(service), labels));
}

/** The ports declared by the (non-init) containers of the workloads. */
export function declaredPorts(workloads: readonly RenderedObject[]): DeclaredPort[] {
  // The endpoints controller resolves named target ports in sidecar init containers too (1.29+).
  return workloads.flatMap((workload) =>
    longRunningContainersOf(workload).flatMap((ref) =>
      containerPorts(ref).map((p) => ({ workload, container: ref.name, name: p.name, number: p.containerPort, protocol: p.protocol, path: p.path })),
    ),
  );
}

/** `Deployment main-app` */
export function describe(object: RenderedObject): string {
  return `${object.identity.kind} ${object.identity.name ?? ''}`;
}
