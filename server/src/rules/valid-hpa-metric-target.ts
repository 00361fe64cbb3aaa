import { objectRule } from '../engine/lint/rule';
import type { ValuePath } from '../engine/types';
import { HPA_KIND } from '../engine/k8s/hpa';
import { at, list, num, record, str } from '../engine/k8s/values';
import { exampleHpa } from './helpers/exampleObjects';

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

type MessageId = keyof typeof messages;

interface Problem {
  path: ValuePath;
  messageId: MessageId;
  data?: Record<string, string>;
}

const messages = {
  lowCpu: '{{hpa}} targets {{percent}}% CPU: the API requires at least 1. Set a percentage such as 70.',
  noTarget: 'Metric {{index}} of {{hpa}} has no `target`: the API rejects it. Add a target ({{allowed}}).',
  unknownTargetType: 'Metric {{index}} of {{hpa}} has target type `{{targetType}}`; it must be one of {{allowed}}. Set `target.type`.',
  unsupportedTargetType:
    'Metric {{index}} of {{hpa}} uses target type {{targetType}}, which a {{type}} metric does not support: the API rejects it. Use {{allowed}}.',
  missingTargetValue: 'Metric {{index}} of {{hpa}} has target type {{targetType}} but no `{{field}}`: the API rejects it. Add `{{field}}`.',
  extraTargetValue:
    'Metric {{index}} of {{hpa}} has target type {{targetType}} but also sets `{{field}}`, which belongs to another target type: the API rejects it. Remove `{{field}}` or change the type.',
  lowUtilization: 'Metric {{index}} of {{hpa}} targets averageUtilization {{value}}%: the API requires at least 1. Set a percentage such as 70.',
  unknownType: 'Metric {{index}} of {{hpa}} has type `{{type}}`; it must be one of {{types}}. Set `type`.',
  typeFieldMismatch:
    'Metric {{index}} of {{hpa}} has type {{type}} but sets `{{otherField}}` and no `{{field}}`: type and fields disagree and the API rejects it. Make `type` match the source field.',
  missingSourceField:
    'Metric {{index}} of {{hpa}} has type {{type}} and no `{{field}}`: type and fields disagree and the API rejects it. Make `type` match the source field.',
};

function targetProblem(type: string, target: Record<string, unknown> | undefined, base: ValuePath, allowed: readonly string[]): Problem | undefined {
  if (!target) return { path: base, messageId: 'noTarget', data: { allowed: allowed.join(' or ') } };
  const targetType = str(target.type);
  if (!targetType || !TARGET_FIELD[targetType]) {
    return { path: [...base, 'target', 'type'], messageId: 'unknownTargetType', data: { targetType: targetType ?? '(none)', allowed: allowed.join(', ') } };
  }
  if (!allowed.includes(targetType)) {
    return { path: [...base, 'target', 'type'], messageId: 'unsupportedTargetType', data: { targetType, type, allowed: allowed.join(' or ') } };
  }
  const needed = TARGET_FIELD[targetType];
  if (target[needed] === undefined || target[needed] === null) {
    return { path: [...base, 'target', 'type'], messageId: 'missingTargetValue', data: { targetType, field: needed } };
  }
  const extra = Object.values(TARGET_FIELD).find((f) => f !== needed && target[f] !== undefined);
  if (extra) return { path: [...base, 'target', extra], messageId: 'extraTargetValue', data: { targetType, field: extra } };
  const utilization = num(target.averageUtilization);
  if (targetType === 'Utilization' && (utilization === undefined || utilization < 1)) {
    return { path: [...base, 'target', 'averageUtilization'], messageId: 'lowUtilization', data: { value: String(target.averageUtilization) } };
  }
  return undefined;
}

function metricProblem(metric: Record<string, unknown>, index: number): Problem | undefined {
  const path: ValuePath = ['spec', 'metrics', index];
  const type = str(metric.type);
  const source = type ? SOURCES[type] : undefined;
  if (!type || !source) return { path: [...path, 'type'], messageId: 'unknownType', data: { type: type ?? '(none)', types: Object.keys(SOURCES).join(', ') } };
  if (!record(metric[source.field])) {
    const other = Object.values(SOURCES).find((s) => record(metric[s.field]));
    if (other) return { path: [...path, 'type'], messageId: 'typeFieldMismatch', data: { type, otherField: other.field, field: source.field } };
    return { path: [...path, 'type'], messageId: 'missingSourceField', data: { type, field: source.field } };
  }
  return targetProblem(type, record(at(metric, source.field, 'target')), [...path, source.field], source.targets);
}

/** An autoscaling/v2 HPA with the one `metric` (a flow map, or block lines indented for the list item), for examples. */
const hpaWith = (metric: string) => exampleHpa(['maxReplicas: 10', 'metrics:', `  - ${metric}`]);

/** An HPA on cpu with the given `target` (a flow map). */
const cpuTarget = (target: string) => hpaWith(`{ type: Resource, resource: { name: cpu, target: ${target} } }`);

export const rule = objectRule({
  id: 'valid-hpa-metric-target',
  defaultSeverity: 'error',
  kinds: [HPA_KIND],
  messages,
  summary: 'Each HPA metric has a source matching its `type` and a target whose `type` matches its value field.',
  rationale:
    'In `autoscaling/v2` a metric names its source by `type` (Resource → `resource`, Pods → `pods`, …) and its goal by `target.type` (Utilization → `averageUtilization`, AverageValue → `averageValue`, Value → `value`). The API rejects a metric whose type and fields disagree, a Utilization target below 1%, a Value target on a Resource or Pods metric, and a Utilization target on anything but Resource or ContainerResource. `autoscaling/v1` has a single `targetCPUUtilizationPercentage`, which must be at least 1.',
  remediation: 'Make `type` name the source field the metric sets, and give `target` the value field its `type` requires.',
  valid: [
    exampleHpa([
      'maxReplicas: 10',
      'metrics:',
      '  - type: Resource',
      '    resource: { name: cpu, target: { type: Utilization, averageUtilization: 50 } }',
      '  - type: Pods',
      '    pods:',
      '      metric: { name: requests_per_second }',
      '      target: { type: AverageValue, averageValue: "100" }',
    ]),
  ],
  invalid: [
    {
      example: hpaWith('type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageValue: 500m'),
      messageId: 'missingTargetValue',
      line: 13,
      column: 11,
    },
    {
      example: hpaWith('{ type: Resource, resource: { name: memory, target: { type: Utilization, averageUtilization: 0 } } }'),
      messageId: 'lowUtilization',
      line: 9,
      column: 80,
    },
    {
      example: hpaWith('{ type: Pods, resource: { name: cpu, target: { type: Utilization, averageUtilization: 50 } } }'),
      messageId: 'typeFieldMismatch',
      line: 9,
      column: 9,
    },
    {
      example: exampleHpa(['maxReplicas: 10', 'targetCPUUtilizationPercentage: 0'], { apiVersion: 'autoscaling/v1' }),
      messageId: 'lowCpu',
      line: 8,
      column: 35,
    },
    { example: hpaWith('{ type: Resource, resource: { name: cpu } }'), messageId: 'noTarget', line: 9, column: 25 },
    { example: cpuTarget('{ type: Percent, averageUtilization: 50 }'), messageId: 'unknownTargetType', line: 9, column: 58 },
    { example: cpuTarget('{ type: Value, value: 500m }'), messageId: 'unsupportedTargetType', line: 9, column: 58 },
    { example: cpuTarget('{ type: Utilization, averageUtilization: 50, averageValue: 500m }'), messageId: 'extraTargetValue', line: 9, column: 101 },
    {
      example: hpaWith('{ type: resource, resource: { name: cpu, target: { type: Utilization, averageUtilization: 50 } } }'),
      messageId: 'unknownType',
      line: 9,
      column: 9,
    },
    { example: hpaWith('{ type: External }'), messageId: 'missingSourceField', line: 9, column: 9 },
  ],
  check(context) {
    const hpa = context.target.object;
    const name = `HPA ${hpa.identity.name ?? ''}`;
    const version = hpa.identity.apiVersion;
    if (version === 'autoscaling/v1') {
      const percent = at(hpa.value, 'spec', 'targetCPUUtilizationPercentage');
      if (percent !== undefined && (num(percent) ?? 0) < 1) {
        context.report({ path: ['spec', 'targetCPUUtilizationPercentage'], part: 'value', messageId: 'lowCpu', data: { hpa: name, percent: String(percent) } });
      }
      return;
    }
    // v2beta1 has another metric shape; no-removed-hpa-api-version converts it.
    if (version !== 'autoscaling/v2' && version !== 'autoscaling/v2beta2') return;
    list(at(hpa.value, 'spec', 'metrics')).forEach((item, index) => {
      const problem = metricProblem(record(item) ?? {}, index);
      if (problem) context.report({ path: problem.path, messageId: problem.messageId, data: { ...problem.data, index: index + 1, hpa: name } });
    });
  },
});
