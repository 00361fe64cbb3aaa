import type { Rule } from '../engine/lint/rule';
import { HPA_KIND, hpaTargetRef, resolveHpaTarget } from '../engine/k8s/hpa';

export const rule: Rule = {
  id: 'hpa-target-exists',
  defaultSeverity: 'warning',
  kinds: [HPA_KIND],
  summary: 'An HPA’s `scaleTargetRef` names a workload defined in the workspace, in the HPA’s namespace.',
  rationale:
    'An HPA whose target does not exist does nothing: the controller reports `FailedGetScale` and the workload you meant to autoscale keeps a fixed replica count. A typo in the name or kind, or an HPA in another namespace than its workload (references never cross namespaces), are the usual causes. The target may legitimately be defined outside this workspace, hence a warning.',
  remediation: 'Point `scaleTargetRef` at the kind and name of a workload in the HPA’s namespace, or move the HPA next to it.',
  valid: [
    `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  maxReplicas: 10
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: web:1.0.0
          resources: { requests: { cpu: 100m } }
`,
  ],
  invalid: [
    `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: wbe }
  maxReplicas: 10
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: web:1.0.0
`,
  ],
  check(context) {
    if (context.target.type !== 'object') return;
    const hpa = context.target.object;
    const ref = hpaTargetRef(hpa);
    if (!ref || resolveHpaTarget(context.workspace, hpa)) return;
    const namespace = hpa.identity.namespace;
    const sameName = context.workspace.objectsOfKind(ref.kind).filter((o) => o.identity.name === ref.name);
    const hint = sameName.length > 0 ? ` (a ${ref.kind} ${ref.name} exists in namespace ${sameName[0]!.identity.namespace}, but an HPA only scales objects of its own namespace)` : '';
    context.report({
      path: ['spec', 'scaleTargetRef', 'name'],
      part: 'value',
      message: `HPA ${hpa.identity.name ?? ''} scales ${ref.kind} ${ref.name}, which is not defined in namespace ${namespace} in this workspace${hint}: the HPA does nothing if it does not exist. Fix the kind or name, or check it is defined elsewhere.`,
    });
  },
};
