import type { Rule } from '../engine/lint/rule';
import { isScaledObject, resolveScaledObjectTarget, SCALED_OBJECT_KIND, scaledObjectTarget } from '../engine/k8s/keda';

const scaledObject = (target: string): string => `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: worker
spec:
  scaleTargetRef:
    name: ${target}
  triggers:
    - type: prometheus
      metadata:
        serverAddress: http://prometheus.monitoring:9090
        query: sum(rate(jobs_total[1m]))
        threshold: "10"
`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
spec:
  template:
    spec:
      containers:
        - name: worker
          image: worker:1.0.0
`;

export const rule: Rule = {
  id: 'scaled-object-target-exists',
  defaultSeverity: 'warning',
  kinds: [SCALED_OBJECT_KIND],
  summary: 'A KEDA ScaledObject’s `scaleTargetRef` names a workload defined in the workspace, in its namespace.',
  rationale:
    'KEDA scales the object `spec.scaleTargetRef` names (kind Deployment unless `kind` says otherwise), in the ScaledObject’s namespace. When it does not exist the ScaledObject never becomes ready and the workload you meant to autoscale keeps a fixed replica count; a typo in the name, a missing `kind: StatefulSet`, or the ScaledObject in another namespace are the usual causes. The target may be defined outside this workspace, hence a warning.',
  remediation: 'Point `scaleTargetRef` at the name (and `kind`, when not a Deployment) of a workload in the ScaledObject’s namespace.',
  valid: [`${scaledObject('worker')}---\n${DEPLOYMENT}`],
  invalid: [`${scaledObject('wroker')}---\n${DEPLOYMENT}`],
  check(context) {
    if (context.target.type !== 'object') return;
    const scaled = context.target.object;
    if (!isScaledObject(scaled)) return;
    const target = scaledObjectTarget(scaled);
    if (!target || resolveScaledObjectTarget(context.workspace, scaled)) return;
    const namespace = scaled.identity.namespace;
    const elsewhere = context.workspace.objectsOfKind(target.kind).find((o) => o.identity.name === target.name);
    const hint = elsewhere ? ` (a ${target.kind} ${target.name} exists in namespace ${elsewhere.identity.namespace}, but KEDA only scales objects of the ScaledObject’s namespace)` : '';
    context.report({
      path: ['spec', 'scaleTargetRef', 'name'],
      part: 'value',
      message: `ScaledObject ${scaled.identity.name ?? ''} scales ${target.kind} ${target.name}, which is not defined in namespace ${namespace} in this workspace${hint}: KEDA does nothing if it does not exist. Fix the kind or name, or check it is defined elsewhere.`,
    });
  },
};
