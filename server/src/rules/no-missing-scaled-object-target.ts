import { objectRule } from '../engine/lint/rule';
import { isScaledObject, resolveScaledObjectTarget, SCALED_OBJECT_KIND, scaledObjectTarget } from '../engine/k8s/keda';
import { exampleDeployment } from './helpers/exampleObjects';

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

const DEPLOYMENT = exampleDeployment({ name: 'worker' });

export const rule = objectRule({
  id: 'no-missing-scaled-object-target',
  defaultSeverity: 'warning',
  kinds: [SCALED_OBJECT_KIND],
  messages: {
    missingTarget:
      'ScaledObject {{scaledObject}} scales {{kind}} {{name}}, which is not defined in namespace {{namespace}} in this workspace: KEDA does nothing if it does not exist. Fix the kind or name, or check it is defined elsewhere.',
    inOtherNamespace:
      'ScaledObject {{scaledObject}} scales {{kind}} {{name}}, which is not defined in namespace {{namespace}} in this workspace (a {{kind}} {{name}} exists in namespace {{otherNamespace}}, but KEDA only scales objects of the ScaledObject’s namespace): KEDA does nothing if it does not exist. Fix the kind or name, or check it is defined elsewhere.',
  },
  summary: 'A KEDA ScaledObject’s `scaleTargetRef` names a workload defined in the workspace, in its namespace.',
  rationale:
    'KEDA scales the object `spec.scaleTargetRef` names (kind Deployment unless `kind` says otherwise), in the ScaledObject’s namespace. When it does not exist the ScaledObject never becomes ready and the workload you meant to autoscale keeps a fixed replica count; a typo in the name, a missing `kind: StatefulSet`, or the ScaledObject in another namespace are the usual causes. The target may be defined outside this workspace, hence a warning.',
  remediation: 'Point `scaleTargetRef` at the name (and `kind`, when not a Deployment) of a workload in the ScaledObject’s namespace.',
  valid: [`${scaledObject('worker')}---\n${DEPLOYMENT}`],
  invalid: [
    {
      example: `${scaledObject('wroker')}---\n${DEPLOYMENT}`,
      messageId: 'missingTarget',
      line: 7,
      column: 11,
    },
    {
      example: `${scaledObject('worker')}---\n${exampleDeployment({ name: 'worker', metadata: ['namespace: jobs'] })}`,
      messageId: 'inOtherNamespace',
      line: 7,
      column: 11,
    },
  ],
  check(context) {
    const scaled = context.target.object;
    if (!isScaledObject(scaled)) return;
    const target = scaledObjectTarget(scaled);
    if (!target || resolveScaledObjectTarget(context.workspace, scaled)) return;
    const namespace = scaled.identity.namespace;
    const elsewhere = context.workspace.objectsOfKind(target.kind).find((o) => o.identity.name === target.name);
    context.report({
      path: ['spec', 'scaleTargetRef', 'name'],
      part: 'value',
      messageId: elsewhere ? 'inOtherNamespace' : 'missingTarget',
      data: { scaledObject: scaled.identity.name ?? '', kind: target.kind, name: target.name, namespace, otherNamespace: elsewhere?.identity.namespace ?? '' },
    });
  },
});
