import { objectRule, type ObjectRuleContext } from '../engine/lint/rule';
import type { ValuePath } from '../engine/types';
import { HPA_KIND } from '../engine/k8s/hpa';
import { at, list, num, record } from '../engine/k8s/values';
import { exampleHpa } from './helpers/exampleObjects';

/** Reports `field` of the map at `path` when it is set and outside `min..max`. */
function checkRange(context: ObjectRuleContext<'outOfRange'>, path: ValuePath, field: string, min: number, max: number, what: string): void {
  const map = record(at(context.target.object.value, ...path));
  const raw = map?.[field];
  if (raw === undefined || raw === null) return;
  const value = num(raw);
  if (value !== undefined && value >= min && value <= max) return;
  const bound = max === Infinity ? `at least ${min}` : `between ${min} and ${max}`;
  context.report({ path: [...path, field], part: 'value', messageId: 'outOfRange', data: { what, field, value: String(raw), bound } });
}

export const rule = objectRule({
  id: 'valid-hpa-scaling-behavior',
  defaultSeverity: 'error',
  kinds: [HPA_KIND],
  messages: {
    outOfRange: '{{what}} `{{field}}` is {{value}}: the API requires {{bound}}. Set a value in that range.',
  },
  summary: 'HPA scaling policies and stabilization windows stay within the ranges the API accepts.',
  rationale:
    'In `spec.behavior.scaleUp` and `scaleDown`, `stabilizationWindowSeconds` must be 0..3600 (one hour), each policy’s `value` must be greater than 0 and its `periodSeconds` 1..1800 (30 minutes). Outside these ranges the API server rejects the whole HPA, so the previous autoscaling behaviour stays in force.',
  remediation: 'Keep `stabilizationWindowSeconds` in 0..3600, policy `value` above 0 and policy `periodSeconds` in 1..1800.',
  valid: [
    exampleHpa([
      'maxReplicas: 10',
      'behavior:',
      '  scaleDown:',
      '    stabilizationWindowSeconds: 300',
      '    policies:',
      '      - { type: Percent, value: 10, periodSeconds: 60 }',
    ]),
  ],
  invalid: [
    {
      example: exampleHpa(['maxReplicas: 10', 'behavior:', '  scaleDown:', '    stabilizationWindowSeconds: 7200']),
      messageId: 'outOfRange',
      line: 10,
      column: 35,
    },
    {
      example: exampleHpa([
        'maxReplicas: 10',
        'behavior:',
        '  scaleUp:',
        '    policies:',
        '      - type: Pods',
        '        value: 0',
        '        periodSeconds: 60',
      ]),
      messageId: 'outOfRange',
      line: 12,
      column: 18,
    },
    {
      example: exampleHpa([
        'maxReplicas: 10',
        'behavior:',
        '  scaleUp:',
        '    policies:',
        '      - type: Percent',
        '        value: 100',
        '        periodSeconds: 3600',
      ]),
      messageId: 'outOfRange',
      line: 13,
      column: 26,
    },
  ],
  check(context) {
    const hpa = context.target.object;
    const name = `HPA ${hpa.identity.name ?? ''}`;
    for (const direction of ['scaleUp', 'scaleDown'] as const) {
      const path: ValuePath = ['spec', 'behavior', direction];
      if (!record(at(hpa.value, ...path))) continue;
      checkRange(context, path, 'stabilizationWindowSeconds', 0, 3600, `${name} ${direction}`);
      list(at(hpa.value, ...path, 'policies')).forEach((_, index) => {
        const policyPath = [...path, 'policies', index];
        const what = `${name} ${direction} policy ${index + 1}`;
        checkRange(context, policyPath, 'value', 1, Infinity, what);
        checkRange(context, policyPath, 'periodSeconds', 1, 1800, what);
      });
    }
  },
});
