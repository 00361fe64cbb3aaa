import type { Rule } from '../engine/lint/rule';
import type { ValuePath } from '../engine/types';
import { HPA_KIND } from '../engine/k8s/hpa';
import { at, list, num, record, str } from '../engine/k8s/values';

/** The field holding each metric type's source, and the target types the API allows for it. */
const SOURCES: Record<string, { field: string; targets: readonly string[] }> = {
  Resource: { field: 'resource', targets: ['Utilization', 'AverageValue'] },
  ContainerResource: { field: 'containerResource', targets: ['Utilization', 'AverageValue'] },
  Pods: { field: 'pods', targets: ['AverageValue'] },
  Object: { field: 'object', targets: ['Value', 'AverageValue'] },
  External: { field: 'external', targets: ['Value', 'AverageValue'] },
};

/** The value field each target type requires. */
const TARGET_FIELD: Record<string, string> = { Utilization: 'averageUtilization', AverageValue: 'averageValue', Value: 'value' };

interface Problem {
  path: ValuePath;
  message: string;
}

function targetProblem(type: string, target: Record<string, unknown> | undefined, base: ValuePath, allowed: readonly string[]): Problem | undefined {
  if (!target) return { path: base, message: `has no \`target\`: the API rejects it. Add a target (${allowed.join(' or ')}).` };
  const targetType = str(target.type);
  if (!targetType || !TARGET_FIELD[targetType]) {
    return { path: [...base, 'target', 'type'], message: `has target type \`${targetType ?? '(none)'}\`; it must be one of ${allowed.join(', ')}. Set \`target.type\`.` };
  }
  if (!allowed.includes(targetType)) {
    return { path: [...base, 'target', 'type'], message: `uses target type ${targetType}, which a ${type} metric does not support: the API rejects it. Use ${allowed.join(' or ')}.` };
  }
  const needed = TARGET_FIELD[targetType];
  if (target[needed] === undefined || target[needed] === null) {
    return { path: [...base, 'target', 'type'], message: `has target type ${targetType} but no \`${needed}\`: the API rejects it. Add \`${needed}\`.` };
  }
  const extra = Object.values(TARGET_FIELD).find((f) => f !== needed && target[f] !== undefined);
  if (extra) return { path: [...base, 'target', extra], message: `has target type ${targetType} but also sets \`${extra}\`, which belongs to another target type: the API rejects it. Remove \`${extra}\` or change the type.` };
  const utilization = num(target.averageUtilization);
  if (targetType === 'Utilization' && (utilization === undefined || utilization < 1)) {
    return { path: [...base, 'target', 'averageUtilization'], message: `targets averageUtilization ${String(target.averageUtilization)}%: the API requires at least 1. Set a percentage such as 70.` };
  }
  return undefined;
}

function metricProblem(metric: Record<string, unknown>, index: number): Problem | undefined {
  const path: ValuePath = ['spec', 'metrics', index];
  const type = str(metric.type);
  const source = type ? SOURCES[type] : undefined;
  if (!type || !source) return { path: [...path, 'type'], message: `has type \`${type ?? '(none)'}\`; it must be one of ${Object.keys(SOURCES).join(', ')}. Set \`type\`.` };
  if (!record(metric[source.field])) {
    const other = Object.values(SOURCES).find((s) => record(metric[s.field]));
    const hint = other ? ` but sets \`${other.field}\`` : '';
    return { path: [...path, 'type'], message: `has type ${type}${hint} and no \`${source.field}\`: type and fields disagree and the API rejects it. Make \`type\` match the source field.` };
  }
  return targetProblem(type, record(at(metric, source.field, 'target')), [...path, source.field], source.targets);
}

export const rule: Rule = {
  id: 'hpa-metric-target',
  defaultSeverity: 'error',
  kinds: [HPA_KIND],
  summary: 'Each HPA metric has a source matching its `type` and a target whose `type` matches its value field.',
  rationale:
    'In `autoscaling/v2` a metric names its source by `type` (Resource → `resource`, Pods → `pods`, …) and its goal by `target.type` (Utilization → `averageUtilization`, AverageValue → `averageValue`, Value → `value`). The API rejects a metric whose type and fields disagree, a Utilization target below 1%, a Value target on a Resource or Pods metric, and a Utilization target on anything but Resource or ContainerResource. `autoscaling/v1` has a single `targetCPUUtilizationPercentage`, which must be at least 1.',
  remediation: 'Make `type` name the source field the metric sets, and give `target` the value field its `type` requires.',
  valid: [
    `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  maxReplicas: 10
  metrics:
    - type: Resource
      resource: { name: cpu, target: { type: Utilization, averageUtilization: 50 } }
    - type: Pods
      pods:
        metric: { name: requests_per_second }
        target: { type: AverageValue, averageValue: "100" }
`,
  ],
  invalid: [
    `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageValue: 500m
`,
    `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  maxReplicas: 10
  metrics:
    - type: Resource
      resource: { name: memory, target: { type: Utilization, averageUtilization: 0 } }
`,
    `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  maxReplicas: 10
  metrics:
    - type: Pods
      resource: { name: cpu, target: { type: Utilization, averageUtilization: 50 } }
`,
  ],
  check(context) {
    if (context.target.type !== 'object') return;
    const hpa = context.target.object;
    const name = `HPA ${hpa.identity.name ?? ''}`;
    const version = hpa.identity.apiVersion;
    if (version === 'autoscaling/v1') {
      const percent = at(hpa.value, 'spec', 'targetCPUUtilizationPercentage');
      if (percent !== undefined && (num(percent) ?? 0) < 1) {
        context.report({ path: ['spec', 'targetCPUUtilizationPercentage'], part: 'value', message: `${name} targets ${String(percent)}% CPU: the API requires at least 1. Set a percentage such as 70.` });
      }
      return;
    }
    // v2beta1 has another metric shape; no-removed-hpa-api-version converts it.
    if (version !== 'autoscaling/v2' && version !== 'autoscaling/v2beta2') return;
    list(at(hpa.value, 'spec', 'metrics')).forEach((item, index) => {
      const problem = metricProblem(record(item) ?? {}, index);
      if (problem) context.report({ path: problem.path, message: `Metric ${index + 1} of ${name} ${problem.message}` });
    });
  },
};
