import type { Rule, RuleContext } from '../engine/lint/rule';
import type { ValuePath } from '../engine/types';
import { HPA_KIND } from '../engine/k8s/hpa';
import { at, list, num, record } from '../engine/k8s/values';

/** Reports `field` of the map at `path` when it is set and outside `min..max`. */
function checkRange(context: RuleContext, path: ValuePath, field: string, min: number, max: number, what: string): void {
  const map = record(at(context.target.type === 'object' ? context.target.object.value : undefined, ...path));
  const raw = map?.[field];
  if (raw === undefined || raw === null) return;
  const value = num(raw);
  if (value !== undefined && value >= min && value <= max) return;
  const bound = max === Infinity ? `at least ${min}` : `between ${min} and ${max}`;
  context.report({ path: [...path, field], part: 'value', message: `${what} \`${field}\` is ${String(raw)}: the API requires ${bound}. Set a value in that range.` });
}

export const rule: Rule = {
  id: 'hpa-scaling-behavior',
  defaultSeverity: 'error',
  kinds: [HPA_KIND],
  summary: 'HPA scaling policies and stabilization windows stay within the ranges the API accepts.',
  rationale:
    'In `spec.behavior.scaleUp` and `scaleDown`, `stabilizationWindowSeconds` must be 0..3600 (one hour), each policy’s `value` must be greater than 0 and its `periodSeconds` 1..1800 (30 minutes). Outside these ranges the API server rejects the whole HPA, so the previous autoscaling behaviour stays in force.',
  remediation: 'Keep `stabilizationWindowSeconds` in 0..3600, policy `value` above 0 and policy `periodSeconds` in 1..1800.',
  valid: [
    `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  maxReplicas: 10
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 300
      policies:
        - { type: Percent, value: 10, periodSeconds: 60 }
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
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 7200
`,
    `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  maxReplicas: 10
  behavior:
    scaleUp:
      policies:
        - type: Pods
          value: 0
          periodSeconds: 60
`,
    `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  maxReplicas: 10
  behavior:
    scaleUp:
      policies:
        - type: Percent
          value: 100
          periodSeconds: 3600
`,
  ],
  check(context) {
    if (context.target.type !== 'object') return;
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
};
