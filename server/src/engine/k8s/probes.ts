/**
 * Probes of a rendered workload: iteration, API defaults, handler ports resolved through the
 * container's declared ports, and the containers that serve traffic.
 */
import type { RenderedObject } from '../render/render';
import type { ValuePath } from '../types';
import { containerPorts, containersOf, type ContainerRef } from './podSpec';
import { num, record, str } from './values';

export const PROBE_FIELDS = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
export type ProbeField = (typeof PROBE_FIELDS)[number];

export const PROBE_LABEL: Record<ProbeField, string> = {
  livenessProbe: 'liveness probe',
  readinessProbe: 'readiness probe',
  startupProbe: 'startup probe',
};

export const HANDLER_FIELDS = ['httpGet', 'tcpSocket', 'grpc', 'exec'] as const;

/** Kinds whose pods run to completion: they serve no traffic and need no probes. */
export const RUN_TO_COMPLETION_KINDS = ['Job', 'CronJob'];

/** Kinds whose pods can sit behind a Service (Jobs and CronJobs run to completion and are exempt). */
export const SERVING_KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController'];

export interface ProbeRef {
  container: ContainerRef;
  field: ProbeField;
  probe: Record<string, unknown>;
  /** Path of the probe in the rendered object. */
  path: ValuePath;
}

/**
 * Every probe of the workload's containers. Init containers only carry probes when they are
 * sidecars (`restartPolicy: Always`), and those probes count the same.
 */
export function probesOf(object: RenderedObject): ProbeRef[] {
  const out: ProbeRef[] = [];
  for (const container of containersOf(object, true)) {
    for (const field of PROBE_FIELDS) {
      const probe = record(container.container[field]);
      if (probe) out.push({ container, field, probe, path: [...container.path, field] });
    }
  }
  return out;
}

export interface ProbeTiming {
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  failureThreshold: number;
  successThreshold: number;
}

/** API defaults of the probe timing fields. */
export const PROBE_DEFAULTS: ProbeTiming = { initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3, successThreshold: 1 };

export function probeTiming(probe: Record<string, unknown>): ProbeTiming {
  const read = (key: keyof ProbeTiming): number => num(probe[key]) ?? PROBE_DEFAULTS[key];
  return {
    initialDelaySeconds: read('initialDelaySeconds'),
    periodSeconds: read('periodSeconds'),
    timeoutSeconds: read('timeoutSeconds'),
    failureThreshold: read('failureThreshold'),
    successThreshold: read('successThreshold'),
  };
}

/** Seconds after start when a liveness probe that always fails restarts the container (no startup probe). */
export function earliestLivenessRestart(liveness: ProbeTiming): number {
  return liveness.initialDelaySeconds + liveness.failureThreshold * liveness.periodSeconds;
}

/** Seconds after start when a readiness probe can first report the container ready. */
export function earliestReady(readiness: ProbeTiming): number {
  return readiness.initialDelaySeconds + (readiness.successThreshold - 1) * readiness.periodSeconds;
}

/** The handler a probe uses (the first one set) and the path of its `port`, if it has one. */
export function probeHandler(probe: Record<string, unknown>): { type: (typeof HANDLER_FIELDS)[number]; spec: Record<string, unknown> } | undefined {
  for (const type of HANDLER_FIELDS) {
    const spec = record(probe[type]);
    if (spec) return { type, spec };
  }
  return undefined;
}

/** A probe's port as a number, resolving a name through the container's ports; undefined if unresolved. */
export function resolvePort(container: ContainerRef, port: unknown): number | undefined {
  if (typeof port === 'number') return port;
  if (typeof port !== 'string') return undefined;
  if (/^\d+$/.test(port)) return Number(port);
  return containerPorts(container).find((p) => p.name === port)?.containerPort;
}

/** The handler with its port resolved to a number, as a comparable string. */
export function handlerKey(container: ContainerRef, probe: Record<string, unknown>): string | undefined {
  const handler = probeHandler(probe);
  if (!handler) return undefined;
  const spec: Record<string, unknown> = { ...handler.spec };
  if ('port' in spec) spec.port = resolvePort(container, spec.port) ?? spec.port;
  if (handler.type === 'httpGet') {
    spec.path = str(spec.path) ?? '/';
    spec.scheme = str(spec.scheme) ?? 'HTTP';
  }
  return JSON.stringify([handler.type, sortKeys(spec)]);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  const map = record(value);
  if (!map) return value;
  return Object.fromEntries(
    Object.keys(map)
      .sort()
      .map((key) => [key, sortKeys(map[key])]),
  );
}

/** The regular containers of a workload that serves traffic (not a Job or CronJob). */
export function servingContainers(object: RenderedObject): ContainerRef[] {
  if (RUN_TO_COMPLETION_KINDS.includes(object.identity.kind)) return [];
  return containersOf(object);
}
