import { objectRule } from '../engine/lint/rule';
import { hpasScaling } from '../engine/k8s/hpa';
import { isScaledObject, kedaHpaName, SCALED_OBJECT_KIND, scaledObjectTarget } from '../engine/k8s/keda';
import { exampleHpa } from './helpers/exampleObjects';

const SCALED_OBJECT = `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: web
spec:
  scaleTargetRef: { name: web }
  minReplicaCount: 2
  maxReplicaCount: 10
  triggers:
    - type: cpu
      metricType: Utilization
      metadata: { value: "60" }
`;

/** An HPA `name` of the ScaledObject's Deployment web. */
const hpa = (name: string): string => exampleHpa(['minReplicas: 2', 'maxReplicas: 10'], { name });

export const rule = objectRule({
  id: 'no-hpa-with-scaled-object',
  defaultSeverity: 'error',
  kinds: [SCALED_OBJECT_KIND],
  messages: {
    bothScalers:
      '{{kind}} {{name}} is scaled both by ScaledObject {{scaledObject}} and by HPA {{hpa}}: KEDA creates an HPA of its own, and two autoscalers on one workload fight over its replica count. Keep one of them.',
  },
  summary: 'A workload is scaled by a KEDA ScaledObject or by an HPA, not by both.',
  rationale:
    'KEDA implements a ScaledObject with a HorizontalPodAutoscaler of its own (`keda-hpa-<name>`). A second HPA on the same workload is a second controller writing its replica count: the two fight, and the count flaps between what each computes (Kubernetes even reports `AmbiguousSelector` for two HPAs on one target). KEDA’s admission webhook refuses such a ScaledObject where it is installed; elsewhere it is accepted and misbehaves. The HPA KEDA itself creates (as in an exported cluster dump) is not counted.',
  remediation:
    'Keep one: move the HPA’s metrics into the ScaledObject as `cpu`/`memory` triggers (KEDA creates the HPA) and delete the HPA, or delete the ScaledObject.',
  valid: [`${SCALED_OBJECT}---\n${hpa('keda-hpa-web')}`],
  invalid: [
    {
      example: `${SCALED_OBJECT}---\n${hpa('web')}`,
      messageId: 'bothScalers',
      line: 6,
      column: 3,
    },
  ],
  check(context) {
    const scaled = context.target.object;
    const target = scaledObjectTarget(scaled);
    if (!target || !isScaledObject(scaled)) return;
    const own = kedaHpaName(scaled);
    const others = hpasScaling(context.workspace, scaled.identity.namespace, target.kind, target.name).filter((h) => h.identity.name !== own);
    const other = others[0];
    if (!other) return;
    const origin = other.locate(['spec', 'scaleTargetRef']);
    context.report({
      path: ['spec', 'scaleTargetRef'],
      messageId: 'bothScalers',
      data: { kind: target.kind, name: target.name, scaledObject: scaled.identity.name ?? '', hpa: other.identity.name ?? '' },
      related: [
        {
          uri: origin.doc.uri,
          range: origin.doc.rangeOfPath(origin.path),
          message: `HPA ${other.identity.name ?? ''} also scales ${target.kind} ${target.name}`,
        },
      ],
    });
  },
});
