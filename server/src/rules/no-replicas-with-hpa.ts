import { objectRule } from '../engine/lint/rule';
import { deleteEntry, fix } from './helpers/edits';
import { hpaBounds, hpasTargeting } from '../engine/k8s/hpa';
import { SCALABLE_KINDS } from '../engine/k8s/podSpec';
import { at, num } from '../engine/k8s/values';
import { exampleDeployment, exampleHpa } from './helpers/exampleObjects';

/** An HPA scaling Deployment web from 2 to 10, and the Deployment with `spec` lines (its replicas, or none). */
const scaledWith = (spec: string[]) => `${exampleHpa(['minReplicas: 2', 'maxReplicas: 10'])}---\n${exampleDeployment({ spec })}`;

export const rule = objectRule({
  id: 'no-replicas-with-hpa',
  defaultSeverity: 'warning',
  kinds: SCALABLE_KINDS,
  messages: {
    replicasWithHpa:
      '{{kind}} {{name}} sets replicas: {{replicas}} although HPA {{hpa}} scales it: every apply resets the replica count to {{replicas}}. Remove `spec.replicas` and let the HPA manage it.',
    replicasOutsideRange:
      '{{kind}} {{name}} sets replicas: {{replicas}} although HPA {{hpa}} scales it: every apply resets the replica count to {{replicas}}, and {{replicas}} is outside the HPA’s range {{min}}–{{max}}, so each apply forces a scale the HPA must undo. Remove `spec.replicas` and let the HPA manage it.',
  },
  summary: 'A workload scaled by an HPA does not set `spec.replicas`.',
  rationale:
    'Once an HPA manages a workload, the replica count belongs to the HPA. A `spec.replicas` in the manifest is re-applied on every `kubectl apply` or GitOps sync: the workload jumps to that count (scaling a busy service down, or an idle one up) until the HPA corrects it a little later. A value outside the HPA’s minReplicas..maxReplicas makes the jump larger.',
  remediation:
    'Remove `spec.replicas` and let the HPA’s `minReplicas` set the floor. When the field was already applied with client-side `kubectl apply`, the first apply without it resets the count to 1 once; apply the HPA first, or remove the field from the last-applied annotation with `kubectl apply edit-last-applied`.',
  valid: [
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: web
          image: web:1.0.0
`,
  ],
  invalid: [
    {
      example: scaledWith(['replicas: 2']),
      messageId: 'replicasWithHpa',
      line: 15,
      column: 3,
      output: scaledWith([]),
    },
    {
      example: scaledWith(['replicas: 1']),
      messageId: 'replicasOutsideRange',
      line: 15,
      column: 3,
      output: scaledWith([]),
    },
  ],
  check(context) {
    const workload = context.target.object;
    const replicas = at(workload.value, 'spec', 'replicas');
    if (replicas === undefined || replicas === null) return;
    const hpa = hpasTargeting(context.workspace, workload)[0];
    if (!hpa) return;
    const { min, max } = hpaBounds(hpa);
    const count = num(replicas);
    const outside = count !== undefined && (count < min || (max !== undefined && count > max));
    const origin = context.locate(['spec', 'replicas']);
    const hpaOrigin = hpa.locate(['metadata', 'name']);
    context.report({
      path: ['spec', 'replicas'],
      messageId: outside ? 'replicasOutsideRange' : 'replicasWithHpa',
      data: {
        kind: workload.identity.kind,
        name: workload.identity.name ?? '',
        replicas: String(replicas),
        hpa: hpa.identity.name ?? '',
        min,
        max: max ?? '?',
      },
      related: [
        {
          uri: hpaOrigin.doc.uri,
          range: hpaOrigin.doc.rangeOfPath(hpaOrigin.path, 'value'),
          message: `HPA ${hpa.identity.name ?? ''} scales this ${workload.identity.kind}`,
        },
      ],
      fixes: fix('Remove spec.replicas (the HPA manages the count)', 'unsafe', origin.doc, [deleteEntry(origin.doc, origin.path)]),
    });
  },
});
