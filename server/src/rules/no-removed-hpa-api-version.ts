import { stringify } from 'yaml';
import { objectRule, type ObjectRuleContext } from '../engine/lint/rule';
import type { FindingFix, TextEdit } from '../engine/types';
import { replaceEntry, replaceValue } from './helpers/edits';
import { HPA_KIND } from '../engine/k8s/hpa';
import { at, list, record } from '../engine/k8s/values';
import { exampleHpa } from './helpers/exampleObjects';

const REMOVED: Record<string, string> = {
  'autoscaling/v2beta1': 'Kubernetes 1.25',
  'autoscaling/v2beta2': 'Kubernetes 1.26',
};

type Plain = Record<string, unknown>;

/** Drops undefined fields so the YAML output has no `null`s for absent values. */
function clean(value: Plain): Plain {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

function valueTarget(source: Plain, averageKey: string, valueKey: string): Plain {
  if (source[averageKey] !== undefined) return { type: 'AverageValue', averageValue: source[averageKey] };
  return { type: 'Value', value: source[valueKey] };
}

/** Converts one `autoscaling/v2beta1` metric to the `autoscaling/v2` shape. */
export function convertV2beta1Metric(metric: Plain): Plain {
  const type = metric.type;
  const field = (
    { Resource: 'resource', ContainerResource: 'containerResource', Pods: 'pods', Object: 'object', External: 'external' } as Record<string, string>
  )[String(type)];
  const source = field ? record(metric[field]) : undefined;
  if (!field || !source) return metric;
  let converted: Plain;
  if (field === 'resource' || field === 'containerResource') {
    const target =
      source.targetAverageUtilization !== undefined
        ? { type: 'Utilization', averageUtilization: source.targetAverageUtilization }
        : { type: 'AverageValue', averageValue: source.targetAverageValue };
    converted = clean({ name: source.name, container: source.container, target });
  } else if (field === 'pods') {
    converted = {
      metric: clean({ name: source.metricName, selector: source.selector }),
      target: { type: 'AverageValue', averageValue: source.targetAverageValue },
    };
  } else if (field === 'object') {
    converted = {
      describedObject: source.target,
      metric: clean({ name: source.metricName, selector: source.selector }),
      target: valueTarget(source, 'averageValue', 'targetValue'),
    };
  } else {
    converted = {
      metric: clean({ name: source.metricName, selector: source.metricSelector }),
      target: valueTarget(source, 'targetAverageValue', 'targetValue'),
    };
  }
  return { ...metric, [field]: converted };
}

/** Rewrites the whole `spec.metrics` entry in the v2 shape (its comments are lost, hence unsafe). */
function metricsEdit(context: ObjectRuleContext, metrics: unknown[]): { uri: string; edit: TextEdit } | undefined {
  const origin = context.locate(['spec', 'metrics']);
  const text = stringify({ metrics: metrics.map((m) => convertV2beta1Metric(record(m) ?? {})) }, { indent: 2, lineWidth: 0 });
  const edit = replaceEntry(origin.doc, origin.path, text.trimEnd().split('\n'));
  return edit && { uri: origin.doc.uri, edit };
}

function rewriteFix(context: ObjectRuleContext, version: string, metrics: unknown[]): FindingFix[] {
  const origin = context.locate(['apiVersion']);
  const apiEdit = replaceValue(origin.doc, origin.path, 'autoscaling/v2');
  if (!apiEdit) return [];
  const edits = [{ uri: origin.doc.uri, edit: apiEdit }];
  const convert = version === 'autoscaling/v2beta1' && metrics.length > 0;
  if (convert) {
    const converted = metricsEdit(context, metrics);
    if (!converted) return [];
    edits.push(converted);
  }
  const byUri = new Map<string, TextEdit[]>();
  for (const { uri, edit } of edits) byUri.set(uri, [...(byUri.get(uri) ?? []), edit]);
  const title = convert ? 'Rewrite to autoscaling/v2 and convert the metrics' : 'Rewrite to autoscaling/v2';
  return [{ title, safety: convert ? 'unsafe' : 'safe', edits: [...byUri].map(([uri, e]) => ({ uri, edits: e })) }];
}

/** An HPA of `apiVersion` (block-style scaleTargetRef) with `metrics` lines, and a comment after them. */
const withMetrics = (apiVersion: string, metrics: string[]) =>
  exampleHpa(['maxReplicas: 10', 'metrics:', ...metrics.map((line) => `  ${line}`), '# comment after the metrics'], { apiVersion, blockTarget: true });

export const rule = objectRule({
  id: 'no-removed-hpa-api-version',
  defaultSeverity: 'error',
  kinds: [HPA_KIND],
  messages: {
    removedVersion: 'HPA {{hpa}} uses {{version}}, removed in {{removedIn}}: the API server rejects it. Use autoscaling/v2.',
    removedMetricShape: 'HPA {{hpa}} uses {{version}}, removed in {{removedIn}}: the API server rejects it. Use autoscaling/v2 and convert the metric fields.',
  },
  summary: 'HPAs use `autoscaling/v2`, not the removed `v2beta1` or `v2beta2`.',
  rationale:
    '`autoscaling/v2beta1` was removed in Kubernetes 1.25 and `autoscaling/v2beta2` in 1.26: the API server rejects manifests that still use them. `v2beta2` has the same shape as `v2`; `v2beta1` metrics use other fields (`targetAverageUtilization`, `metricName`, `targetValue`…) that must be converted to `target`/`metric` blocks.',
  remediation: 'Change `apiVersion` to `autoscaling/v2` and, from `v2beta1`, convert each metric to a `target` with `type` and value.',
  valid: [exampleHpa(['maxReplicas: 10'])],
  invalid: [
    {
      example: exampleHpa(['maxReplicas: 10'], { apiVersion: 'autoscaling/v2beta2' }),
      messageId: 'removedVersion',
      line: 1,
      column: 13,
      output: exampleHpa(['maxReplicas: 10']),
    },
    {
      example: withMetrics('autoscaling/v2beta1', [
        '- type: Resource',
        '  resource:',
        '    name: cpu',
        '    targetAverageUtilization: 50',
        '- type: Pods',
        '  pods:',
        '    metricName: requests_per_second',
        '    targetAverageValue: "100"',
      ]),
      messageId: 'removedMetricShape',
      line: 1,
      column: 13,
      // The fix moves to autoscaling/v2 and rewrites each metric in its shape.
      output: withMetrics('autoscaling/v2', [
        '- type: Resource',
        '  resource:',
        '    name: cpu',
        '    target:',
        '      type: Utilization',
        '      averageUtilization: 50',
        '- type: Pods',
        '  pods:',
        '    metric:',
        '      name: requests_per_second',
        '    target:',
        '      type: AverageValue',
        '      averageValue: "100"',
      ]),
    },
  ],
  check(context) {
    const hpa = context.target.object;
    const version = hpa.identity.apiVersion;
    const removedIn = REMOVED[version];
    if (!removedIn) return;
    context.report({
      path: ['apiVersion'],
      part: 'value',
      messageId: version === 'autoscaling/v2beta1' ? 'removedMetricShape' : 'removedVersion',
      data: { hpa: hpa.identity.name ?? '', version, removedIn },
      fixes: rewriteFix(context, version, list(at(hpa.value, 'spec', 'metrics'))),
    });
  },
});
