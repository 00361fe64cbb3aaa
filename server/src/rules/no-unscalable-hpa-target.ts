import { objectRule } from '../engine/lint/rule';
import { HPA_KIND, hpaTargetRef, UNSCALABLE_KINDS } from '../engine/k8s/hpa';

export const rule = objectRule({
  id: 'no-unscalable-hpa-target',
  defaultSeverity: 'error',
  kinds: [HPA_KIND],
  messages: {
    notScalable:
      'HPA {{hpa}} targets {{kind}} {{name}}, which has no scale subresource: the HPA can never change its replicas. Target a Deployment, StatefulSet or ReplicaSet instead.',
    daemonSet:
      'HPA {{hpa}} targets {{kind}} {{name}}, which has no scale subresource (a DaemonSet runs one pod per node; scale it by adding nodes): the HPA can never change its replicas. Target a Deployment, StatefulSet or ReplicaSet instead.',
  },
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
    {
      example: `apiVersion: autoscaling/v2
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
      messageId: 'daemonSet',
      line: 8,
      column: 11,
    },
    {
      example: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: jobs
spec:
  scaleTargetRef: { apiVersion: batch/v1, kind: Job, name: nightly }
  minReplicas: 1
  maxReplicas: 3
`,
      messageId: 'notScalable',
      line: 6,
      column: 49,
    },
  ],
  check(context) {
    const hpa = context.target.object;
    const ref = hpaTargetRef(hpa);
    if (!ref || !UNSCALABLE_KINDS.includes(ref.kind)) return;
    context.report({
      path: ['spec', 'scaleTargetRef', 'kind'],
      part: 'value',
      messageId: ref.kind === 'DaemonSet' ? 'daemonSet' : 'notScalable',
      data: { hpa: hpa.identity.name ?? '', kind: ref.kind, name: ref.name },
    });
  },
});
