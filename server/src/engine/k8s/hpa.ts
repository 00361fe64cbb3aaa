/**
 * Reading HorizontalPodAutoscalers across API versions (v1, v2beta1, v2beta2, v2): the target, the
 * bounds, the resource-utilization metrics; and finding the HPAs that scale a workload.
 */
import type { RenderedObject } from '../render/render';
import type { ObjectLookup } from './lookup';
import type { ValuePath } from '../types';
import { at, list, num, record, str } from './values';

export const HPA_KIND = 'HorizontalPodAutoscaler';

/** Kinds known to have no `scale` subresource: an HPA pointing at one of them can never act. */
export const UNSCALABLE_KINDS = [
  'DaemonSet',
  'Pod',
  'Job',
  'CronJob',
  'Service',
  'ConfigMap',
  'Secret',
  'Ingress',
  'PersistentVolumeClaim',
  'Namespace',
  'ServiceAccount',
  HPA_KIND,
];

export interface HpaTargetRef {
  kind: string;
  name: string;
  apiVersion: string | undefined;
}

export function hpaTargetRef(hpa: RenderedObject): HpaTargetRef | undefined {
  const ref = record(at(hpa.value, 'spec', 'scaleTargetRef'));
  const kind = str(ref?.kind);
  const name = str(ref?.name);
  if (!kind || !name) return undefined;
  return { kind, name, apiVersion: str(ref?.apiVersion) };
}

/** The workload an HPA scales, in the HPA's namespace; undefined when absent from the workspace. */
export function resolveHpaTarget(workspace: ObjectLookup, hpa: RenderedObject): RenderedObject | undefined {
  const ref = hpaTargetRef(hpa);
  return ref ? workspace.lookup(ref.kind, hpa.identity.namespace, ref.name) : undefined;
}

/** The HPAs of the workload's namespace whose scaleTargetRef names it. */
export function hpasTargeting(workspace: ObjectLookup, workload: RenderedObject): RenderedObject[] {
  const { kind, name, namespace } = workload.identity;
  return name ? hpasScaling(workspace, namespace, kind, name) : [];
}

/** The HPAs of `namespace` whose scaleTargetRef names `kind` `name` (whether or not the workspace defines it). */
export function hpasScaling(workspace: Pick<ObjectLookup, 'objectsOfKind'>, namespace: string, kind: string, name: string): RenderedObject[] {
  return workspace.objectsOfKind(HPA_KIND, namespace).filter((hpa) => {
    const ref = hpaTargetRef(hpa);
    return ref?.kind === kind && ref.name === name;
  });
}

export interface HpaBounds {
  /** `minReplicas`, defaulting to 1 like the API. */
  min: number;
  minSet: boolean;
  max: number | undefined;
}

export function hpaBounds(hpa: RenderedObject): HpaBounds {
  const min = num(at(hpa.value, 'spec', 'minReplicas'));
  return { min: min ?? 1, minSet: min !== undefined, max: num(at(hpa.value, 'spec', 'maxReplicas')) };
}

export type ComputeResource = 'cpu' | 'memory';

/** A metric that targets a percentage of the pods' requests of a resource. */
export interface UtilizationMetric {
  resource: ComputeResource;
  /** Percentage of the request; undefined when the field is missing. */
  utilization: number | undefined;
  /** Only this container counts (ContainerResource metrics). */
  container: string | undefined;
  /** Where the metric names its resource, for findings. */
  path: ValuePath;
}

function utilizationOfV2(index: number, metric: Record<string, unknown>): UtilizationMetric | undefined {
  const type = str(metric.type);
  const field = type === 'Resource' ? 'resource' : type === 'ContainerResource' ? 'containerResource' : undefined;
  if (!field) return undefined;
  const source = record(metric[field]);
  const resource = str(source?.name);
  if (resource !== 'cpu' && resource !== 'memory') return undefined;
  const path: ValuePath = ['spec', 'metrics', index, field, 'name'];
  const container = field === 'containerResource' ? str(source?.container) : undefined;
  // v2beta1 put the percentage on the source itself.
  if (source && 'targetAverageUtilization' in source) {
    return { resource, utilization: num(source.targetAverageUtilization), container, path };
  }
  const target = record(source?.target);
  if (str(target?.type) !== 'Utilization') return undefined;
  return { resource, utilization: num(target?.averageUtilization), container, path };
}

/** The cpu/memory utilization targets of an HPA, whatever its API version. */
export function utilizationMetrics(hpa: RenderedObject): UtilizationMetric[] {
  const spec = record(hpa.value.spec);
  if (!spec) return [];
  const out: UtilizationMetric[] = [];
  if (hpa.identity.apiVersion === 'autoscaling/v1') {
    const percent = num(spec.targetCPUUtilizationPercentage);
    // v1 defaults to 80% CPU when no target is given.
    out.push({ resource: 'cpu', utilization: percent ?? 80, container: undefined, path: ['spec', 'targetCPUUtilizationPercentage'] });
    return out;
  }
  const metrics = list(spec.metrics);
  // Without metrics the controller defaults to 80% average CPU utilization.
  if (metrics.length === 0) return [{ resource: 'cpu', utilization: 80, container: undefined, path: ['spec', 'scaleTargetRef'] }];
  metrics.forEach((item, index) => {
    const metric = record(item);
    const found = metric ? utilizationOfV2(index, metric) : undefined;
    if (found) out.push(found);
  });
  return out;
}

/** True when a container asks for the resource: a request, or a limit (the API copies it into the request). */
export function hasRequest(container: Record<string, unknown>, resource: ComputeResource): boolean {
  const resources = record(container.resources);
  const set = (value: unknown): boolean => value !== undefined && value !== null && value !== '';
  return set(at(resources, 'requests', resource)) || set(at(resources, 'limits', resource));
}

/** A short description of one HPA metric, e.g. `50% CPU`, `100 requests_per_second`. */
export function describeMetric(metric: Record<string, unknown>): string {
  const type = str(metric.type) ?? '?';
  const field = { Resource: 'resource', ContainerResource: 'containerResource', Pods: 'pods', Object: 'object', External: 'external' }[type];
  const source = field ? record(metric[field]) : undefined;
  const target = record(source?.target);
  const name = str(source?.name) ?? str(at(source, 'metric', 'name')) ?? str(source?.metricName) ?? type;
  const label = name === 'cpu' ? 'CPU' : name;
  const utilization = num(target?.averageUtilization) ?? num(source?.targetAverageUtilization);
  if (utilization !== undefined) return `${utilization}% ${label}`;
  const value = target?.averageValue ?? target?.value ?? source?.targetAverageValue ?? source?.targetValue;
  return value === undefined ? label : `${String(value)} ${label}`;
}

/** Every target of an HPA in words (`50% CPU, 70% memory`). */
export function describeTargets(hpa: RenderedObject): string {
  if (hpa.identity.apiVersion === 'autoscaling/v1') {
    return `${num(at(hpa.value, 'spec', 'targetCPUUtilizationPercentage')) ?? 80}% CPU`;
  }
  const parts = list(at(hpa.value, 'spec', 'metrics')).map((m) => describeMetric(record(m) ?? {}));
  return parts.length > 0 ? parts.join(', ') : '80% CPU (default)';
}
