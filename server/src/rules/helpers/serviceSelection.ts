/** Which workloads a Service selects, and the ports their containers declare. */
import type { WorkspaceView } from '../../engine/lint/workspaceView';
import type { RenderedObject } from '../../engine/render/render';
import type { ValuePath } from '../../engine/types';
import { longRunningContainersOf, podLabels, WORKLOAD_KINDS } from './podSpec';
import { at, list, num, record, str } from './values';

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
 * Workloads in `namespace` whose pod template labels match `selector` (a look-up per workload kind,
 * by labels: the Service is re-checked when labels change, not on every workload edit).
 */
export function selectedWorkloads(
  view: Pick<WorkspaceView, 'objectsOfKindByLabels'>,
  namespace: string,
  selector: Record<string, unknown>,
): RenderedObject[] {
  return WORKLOAD_KINDS.flatMap((kind) => view.objectsOfKindByLabels(kind, namespace, selector, podLabels));
}

/** The ports declared by the (non-init) containers of the workloads. */
export function declaredPorts(workloads: readonly RenderedObject[]): DeclaredPort[] {
  const out: DeclaredPort[] = [];
  for (const workload of workloads) {
    // The endpoints controller resolves named target ports in sidecar init containers too (1.29+).
    for (const ref of longRunningContainersOf(workload)) {
      list(ref.container.ports).forEach((item, i) => {
        const port = record(item);
        if (!port) return;
        out.push({
          workload,
          container: ref.name,
          name: str(port.name),
          number: num(port.containerPort),
          protocol: str(port.protocol) ?? 'TCP',
          path: [...ref.path, 'ports', i],
        });
      });
    }
  }
  return out;
}

/** `Deployment main-app` */
export function describe(object: RenderedObject): string {
  return `${object.identity.kind} ${object.identity.name ?? ''}`;
}
