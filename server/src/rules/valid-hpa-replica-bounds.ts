import { objectRule, type ObjectRuleContext } from '../engine/lint/rule';
import type { RenderedObject } from '../engine/render/render';
import type { FindingFix, TextEdit } from '../engine/types';
import { replaceValue } from './helpers/edits';
import { HPA_KIND, hpaBounds } from '../engine/k8s/hpa';
import { at, list, record, str } from '../engine/k8s/values';
import { exampleHpa } from './helpers/exampleObjects';

/** True when a metric can report 0 for an idle workload (the only case where minReplicas 0 makes sense). */
function hasObjectOrExternalMetric(hpa: RenderedObject): boolean {
  return list(at(hpa.value, 'spec', 'metrics')).some((m) => ['Object', 'External'].includes(str(record(m)?.type) ?? ''));
}

function swapFix(context: ObjectRuleContext, min: number, max: number): FindingFix[] {
  const minAt = context.locate(['spec', 'minReplicas']);
  const maxAt = context.locate(['spec', 'maxReplicas']);
  const minEdit = replaceValue(minAt.doc, minAt.path, String(max));
  const maxEdit = replaceValue(maxAt.doc, maxAt.path, String(min));
  if (!minEdit || !maxEdit) return [];
  const byUri = new Map<string, TextEdit[]>();
  for (const [uri, edit] of [
    [minAt.doc.uri, minEdit],
    [maxAt.doc.uri, maxEdit],
  ] as const)
    byUri.set(uri, [...(byUri.get(uri) ?? []), edit]);
  return [{ title: `Swap minReplicas and maxReplicas (${max}–${min})`, safety: 'safe', edits: [...byUri].map(([uri, edits]) => ({ uri, edits })) }];
}

export const rule = objectRule({
  id: 'valid-hpa-replica-bounds',
  defaultSeverity: 'error',
  kinds: [HPA_KIND],
  messages: {
    zeroMinReplicas:
      '{{hpa}} sets minReplicas 0, which the API only accepts with the alpha HPAScaleToZero feature gate enabled. Make sure the cluster enables it, or set minReplicas to 1.',
    lowMinReplicas:
      '{{hpa}} sets minReplicas {{min}}: the API rejects values below 1 (0 needs an Object or External metric and the HPAScaleToZero feature gate). Set minReplicas to 1 or more.',
    lowMaxReplicas: '{{hpa}} sets maxReplicas {{max}}: the API rejects values below 1. Set maxReplicas to at least minReplicas ({{min}}).',
    maxBelowMin: '{{hpa}} sets maxReplicas {{max}} below minReplicas {{min}}: the API rejects it. Swap the two values.',
    fixedReplicas:
      '{{hpa}} has minReplicas = maxReplicas = {{max}}: it can never scale. Raise maxReplicas, or drop the HPA and set the replica count on the workload.',
  },
  summary: 'An HPA’s `minReplicas` and `maxReplicas` describe a range it can actually scale in.',
  rationale:
    'The API rejects `minReplicas` below 1 (0 is only accepted with the alpha HPAScaleToZero feature gate, and only makes sense with an Object or External metric that can report an idle workload), `maxReplicas` below 1, and `maxReplicas` below `minReplicas`. When `minReplicas` equals `maxReplicas` the HPA is valid but can never change the replica count: it only costs a controller loop and misleads readers. `minReplicas` defaults to 1 when omitted.',
  remediation: 'Set `1 ≤ minReplicas < maxReplicas`; when the two are swapped, swap them back.',
  valid: [
    exampleHpa([
      'minReplicas: 2',
      'maxReplicas: 10',
      'metrics:',
      '  - type: Resource',
      '    resource: { name: cpu, target: { type: Utilization, averageUtilization: 50 } }',
    ]),
  ],
  invalid: [
    {
      example: exampleHpa(['minReplicas: 10', 'maxReplicas: 2']),
      messageId: 'maxBelowMin',
      line: 8,
      column: 16,
      output: exampleHpa(['minReplicas: 2', 'maxReplicas: 10']),
    },
    { example: exampleHpa(['minReplicas: 0', 'maxReplicas: 5']), messageId: 'lowMinReplicas', line: 7, column: 16 },
    { example: exampleHpa(['minReplicas: 3', 'maxReplicas: 3']), messageId: 'fixedReplicas', line: 8, column: 16 },
    { example: exampleHpa(['maxReplicas: 0']), messageId: 'lowMaxReplicas', line: 7, column: 16 },
    {
      example: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: queue-worker
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: queue-worker }
  minReplicas: 0
  maxReplicas: 5
  metrics:
    - type: External
      external:
        metric: { name: queue_messages_ready, selector: { matchLabels: { queue: jobs } } }
        target: { type: AverageValue, averageValue: "30" }
`,
      messageId: 'zeroMinReplicas',
      line: 7,
      column: 16,
    },
  ],
  check(context) {
    const hpa = context.target.object;
    const name = `HPA ${hpa.identity.name ?? ''}`;
    const { min, minSet, max } = hpaBounds(hpa);
    if (minSet && min < 1) {
      const zeroOk = min === 0 && hasObjectOrExternalMetric(hpa);
      context.report({
        path: ['spec', 'minReplicas'],
        part: 'value',
        ...(zeroOk ? { severity: 'warning' as const } : {}),
        messageId: zeroOk ? 'zeroMinReplicas' : 'lowMinReplicas',
        data: { hpa: name, min },
      });
    }
    if (max === undefined) return;
    if (max < 1) {
      context.report({ path: ['spec', 'maxReplicas'], part: 'value', messageId: 'lowMaxReplicas', data: { hpa: name, min, max } });
    } else if (max < min) {
      context.report({
        path: ['spec', 'maxReplicas'],
        part: 'value',
        messageId: 'maxBelowMin',
        data: { hpa: name, min, max },
        fixes: minSet ? swapFix(context, min, max) : [],
      });
    } else if (max === min && min >= 1) {
      context.report({
        path: ['spec', 'maxReplicas'],
        part: 'value',
        severity: 'info',
        messageId: 'fixedReplicas',
        data: { hpa: name, max },
      });
    }
  },
});
