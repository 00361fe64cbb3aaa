/**
 * KEDA's ScaledObject (keda.sh): the workload it scales and the HorizontalPodAutoscaler KEDA creates for it. A
 * ScaledObject is an HPA by another name — KEDA owns one HPA per ScaledObject — so a second, hand-written HPA on the
 * same workload makes two controllers fight over its replica count.
 */
import type { ObjectLookup } from './lookup';
import type { RenderedObject } from '../render/render';
import { at, record, str } from './values';

const KEDA_GROUP = 'keda.sh';
export const SCALED_OBJECT_KIND = 'ScaledObject';

export interface ScaleTarget {
  kind: string;
  name: string;
}

/** Whether an object is KEDA's ScaledObject (not another group's kind of the same name). */
export function isScaledObject(object: RenderedObject): boolean {
  return object.identity.kind === SCALED_OBJECT_KIND && object.identity.apiVersion.startsWith(`${KEDA_GROUP}/`);
}

/** `spec.scaleTargetRef`: KEDA defaults the kind to Deployment (apps/v1). */
export function scaledObjectTarget(scaledObject: RenderedObject): ScaleTarget | undefined {
  const ref = record(at(scaledObject.value, 'spec', 'scaleTargetRef'));
  const name = str(ref?.name);
  if (!name) return undefined;
  return { kind: str(ref?.kind) ?? 'Deployment', name };
}

/** The workload a ScaledObject scales, in its namespace; undefined when absent from the workspace. */
export function resolveScaledObjectTarget(workspace: Pick<ObjectLookup, 'lookup'>, scaledObject: RenderedObject): RenderedObject | undefined {
  const target = scaledObjectTarget(scaledObject);
  return target ? workspace.lookup(target.kind, scaledObject.identity.namespace, target.name) : undefined;
}

/** The name of the HPA KEDA creates for a ScaledObject (`keda-hpa-<name>`, or `advanced.horizontalPodAutoscalerConfig.name`). */
export function kedaHpaName(scaledObject: RenderedObject): string {
  const custom = str(at(scaledObject.value, 'spec', 'advanced', 'horizontalPodAutoscalerConfig', 'name'));
  return custom ?? `keda-hpa-${scaledObject.identity.name ?? ''}`;
}
