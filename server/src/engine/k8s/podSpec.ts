/** Where workloads keep their pod template, and iteration over its containers. */
import type { RenderedObject } from '../render/render';
import type { ValuePath } from '../types';
import { at, list, num, record, str } from './values';

/** Kinds that carry a pod spec, with the path to it. */
export const POD_SPEC_PATHS: Readonly<Record<string, ValuePath>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

export const WORKLOAD_KINDS = Object.keys(POD_SPEC_PATHS);

/** Kinds an HPA can scale (they have a `scale` subresource). */
export const SCALABLE_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'];

export interface ContainerRef {
  container: Record<string, unknown>;
  name: string;
  /** Path of the container in the rendered object. */
  path: ValuePath;
  init: boolean;
}

export function podSpecPath(kind: string): ValuePath | undefined {
  return POD_SPEC_PATHS[kind];
}

/** Path of the pod template's labels (`metadata.labels` for a Pod). */
export function podLabelsPath(kind: string): ValuePath | undefined {
  const spec = POD_SPEC_PATHS[kind];
  if (!spec) return undefined;
  return kind === 'Pod' ? ['metadata', 'labels'] : [...spec.slice(0, -1), 'metadata', 'labels'];
}

export function podLabels(object: RenderedObject): Record<string, unknown> | undefined {
  const path = podLabelsPath(object.identity.kind);
  return path ? record(at(object.value, ...path)) : undefined;
}

/** The containers (and, with `includeInit`, init containers) of a workload's pod template. */
export function containersOf(object: RenderedObject, includeInit = false): ContainerRef[] {
  const specPath = podSpecPath(object.identity.kind);
  if (!specPath) return [];
  const spec = at(object.value, ...specPath);
  const out: ContainerRef[] = [];
  const fields = includeInit ? (['containers', 'initContainers'] as const) : (['containers'] as const);
  for (const field of fields) {
    list(at(spec, field)).forEach((item, index) => {
      const container = record(item);
      if (!container) return;
      out.push({ container, name: str(container.name) ?? `#${index + 1}`, path: [...specPath, field, index], init: field === 'initContainers' });
    });
  }
  return out;
}

/**
 * True for a sidecar: an init container with `restartPolicy: Always` (Kubernetes 1.29+). It keeps
 * running beside the regular containers, may have probes, and its named ports receive Service traffic.
 */
export function isSidecar(ref: ContainerRef): boolean {
  return ref.init && str(ref.container.restartPolicy) === 'Always';
}

/** The containers that run for the pod's life: the regular ones and the sidecar init containers. */
export function longRunningContainersOf(object: RenderedObject): ContainerRef[] {
  return containersOf(object, true).filter((ref) => !ref.init || isSidecar(ref));
}

/** True when every `selector` label is in `labels` with the same value. An empty selector matches nothing. */
export function selectorMatches(selector: Record<string, unknown> | undefined, labels: Record<string, unknown> | undefined): boolean {
  if (!selector || !labels) return false;
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([key, value]) => labels[key] !== undefined && String(labels[key]) === String(value));
}

/** A port a container declares (entries that are not maps are skipped: the schema reports them). */
export interface ContainerPort {
  name: string | undefined;
  containerPort: number | undefined;
  /** `TCP` (the default), `UDP` or `SCTP`. */
  protocol: string;
  /** Path of the port entry in the rendered object. */
  path: ValuePath;
}

export function containerPorts(ref: ContainerRef): ContainerPort[] {
  const out: ContainerPort[] = [];
  list(ref.container.ports).forEach((item, index) => {
    const port = record(item);
    if (!port) return;
    out.push({ name: str(port.name), containerPort: num(port.containerPort), protocol: str(port.protocol) ?? 'TCP', path: [...ref.path, 'ports', index] });
  });
  return out;
}
