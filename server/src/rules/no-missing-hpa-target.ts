import { objectRule } from '../engine/lint/rule';
import { HPA_KIND, hpaTargetRef, resolveHpaTarget } from '../engine/k8s/hpa';
import { exampleDeployment, exampleHpa } from './helpers/exampleObjects';

/** An HPA scaling Deployment `target`, and Deployment web with `metadata` (lines after its name). */
const scaling = (target: string, metadata: string[] = []) => `${exampleHpa(['maxReplicas: 10'], { target })}---\n${exampleDeployment({ metadata })}`;

export const rule = objectRule({
  id: 'no-missing-hpa-target',
  defaultSeverity: 'warning',
  kinds: [HPA_KIND],
  messages: {
    missingTarget:
      'HPA {{hpa}} scales {{kind}} {{name}}, which is not defined in namespace {{namespace}} in this workspace: the HPA does nothing if it does not exist. Fix the kind or name, or check it is defined elsewhere.',
    inOtherNamespace:
      'HPA {{hpa}} scales {{kind}} {{name}}, which is not defined in namespace {{namespace}} in this workspace (a {{kind}} {{name}} exists in namespace {{otherNamespace}}, but an HPA only scales objects of its own namespace): the HPA does nothing if it does not exist. Fix the kind or name, or check it is defined elsewhere.',
  },
  summary: 'An HPA’s `scaleTargetRef` names a workload defined in the workspace, in the HPA’s namespace.',
  rationale:
    'An HPA whose target does not exist does nothing: the controller reports `FailedGetScale` and the workload you meant to autoscale keeps a fixed replica count. A typo in the name or kind, or an HPA in another namespace than its workload (references never cross namespaces), are the usual causes. The target may legitimately be defined outside this workspace, hence a warning.',
  remediation: 'Point `scaleTargetRef` at the kind and name of a workload in the HPA’s namespace, or move the HPA next to it.',
  valid: [scaling('web')],
  invalid: [
    { example: scaling('wbe'), messageId: 'missingTarget', line: 6, column: 66 },
    { example: scaling('web', ['namespace: prod']), messageId: 'inOtherNamespace', line: 6, column: 66 },
  ],
  check(context) {
    const hpa = context.target.object;
    const ref = hpaTargetRef(hpa);
    if (!ref || resolveHpaTarget(context.workspace, hpa)) return;
    const namespace = hpa.identity.namespace;
    const sameName = context.workspace.objectsOfKind(ref.kind).filter((o) => o.identity.name === ref.name);
    const data = { hpa: hpa.identity.name ?? '', kind: ref.kind, name: ref.name, namespace };
    const other = sameName[0];
    context.report({
      path: ['spec', 'scaleTargetRef', 'name'],
      part: 'value',
      ...(other ? { messageId: 'inOtherNamespace', data: { ...data, otherNamespace: other.identity.namespace } } : { messageId: 'missingTarget', data }),
    });
  },
});
