import type { Rule } from '../engine/lint/rule';
import { HPA_KIND, hpaTargetRef, UNSCALABLE_KINDS } from '../engine/k8s/hpa';

export const rule: Rule = {
  id: 'hpa-target-scalable',
  defaultSeverity: 'error',
  kinds: [HPA_KIND],
  summary: 'An HPA targets a kind that can be scaled (Deployment, StatefulSet, ReplicaSet, or a custom resource with a scale subresource).',
  rationale:
    'The HPA controller changes a workload’s replica count through its `scale` subresource. DaemonSets (one pod per node), Pods, Jobs, CronJobs, Services and other kinds have none, so an HPA aimed at them fails with `FailedGetScale` and never acts.',
  remediation: 'Point `scaleTargetRef` at the Deployment or StatefulSet that runs the pods, or remove the HPA.',
  valid: [
    `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: StatefulSet, name: web }
  maxReplicas: 10
`,
  ],
  invalid: [
    `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: fluentd
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: DaemonSet
    name: fluentd
  maxReplicas: 10
`,
  ],
  check(context) {
    if (context.target.type !== 'object') return;
    const hpa = context.target.object;
    const ref = hpaTargetRef(hpa);
    if (!ref || !UNSCALABLE_KINDS.includes(ref.kind)) return;
    const why = ref.kind === 'DaemonSet' ? ' (a DaemonSet runs one pod per node; scale it by adding nodes)' : '';
    context.report({
      path: ['spec', 'scaleTargetRef', 'kind'],
      part: 'value',
      message: `HPA ${hpa.identity.name ?? ''} targets ${ref.kind} ${ref.name}, which has no scale subresource${why}: the HPA can never change its replicas. Target a Deployment, StatefulSet or ReplicaSet instead.`,
    });
  },
};
