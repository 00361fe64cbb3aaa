import { objectRule } from '../engine/lint/rule';
import type { RelatedLocation } from '../engine/types';
import type { RenderedObject } from '../engine/render/render';
import { at } from '../engine/k8s/values';
import { podLabelsPath } from '../engine/k8s/podSpec';
import { describe, selectedWorkloads, serviceSelector } from '../engine/k8s/selection';
import { exampleService, labelledDeployment } from './helpers/exampleObjects';

function explicitNamespace(object: RenderedObject): boolean {
  return typeof at(object.value, 'metadata', 'namespace') === 'string';
}

function selectorText(selector: Record<string, unknown>): string {
  return Object.entries(selector)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
}

/** A Deployment main-app in namespace shop, and a Service main-app in `namespace` selecting app=`app`. */
const withService = (namespace: string, app: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: main-app, namespace: shop }
spec:
  selector: { matchLabels: { app: main-app } }
  template:
    metadata: { labels: { app: main-app } }
    spec: { containers: [{ name: main-app, image: azora/main-app:1.0.0 }] }
---
apiVersion: v1
kind: Service
metadata: { name: main-app, namespace: ${namespace} }
spec:
  selector: { app: ${app} }
  ports: [{ port: 80 }]
`;

export const rule = objectRule({
  id: 'no-unmatched-service-selector',
  defaultSeverity: 'warning',
  kinds: ['Service'],
  messages: {
    noMatch:
      'Service {{service}} selects {{selector}}, but no pod template in namespace {{namespace}} has all these labels: the Service has no endpoints and connections to it fail. Fix the selector or the pod template labels.',
    matchesInOtherNamespace:
      'Service {{service}} selects {{selector}}, but no pod template in namespace {{namespace}} has all these labels: the Service has no endpoints and connections to it fail. {{workload}} matches, but it is in namespace {{otherNamespace}} and a Service only selects pods in its own namespace. Fix the selector or the pod template labels.',
  },
  summary: "A Service's selector matches the pod template of some workload in its namespace.",
  rationale:
    "A Service only sends traffic to pods whose labels contain every label of its selector, in the Service's own namespace. When no pod template matches — a typo in a label, a label changed on one side only, the workload in another namespace — the Service has no endpoints and every connection to it fails, while both objects look fine on their own. ExternalName Services and Services without a selector (endpoints managed by hand) are exempt.",
  remediation:
    'Make the selector a subset of the pod template labels of the workload that should receive the traffic (`spec.template.metadata.labels`), in the same namespace.',
  valid: [
    `${labelledDeployment({ labels: ['app: main-app', 'tier: web'] })}---
${exampleService(['selector:', '  app: main-app', 'ports:', '  - port: 80'], 'main-app')}`,
    exampleService(['type: ExternalName', 'externalName: wp.example.com'], 'wp-site'),
  ],
  invalid: [
    { example: withService('shop', 'mainapp'), messageId: 'noMatch', line: 14, column: 3 },
    { example: withService('storefront', 'main-app'), messageId: 'matchesInOtherNamespace', line: 14, column: 3 },
  ],
  check(context) {
    const service = context.target.object;
    const selector = serviceSelector(service);
    if (!selector) return;
    const { namespace, name } = service.identity;
    if (selectedWorkloads(context.workspace, namespace, selector).length > 0) return;
    // Same labels in another namespace: the likely mistake, worth naming.
    // From the label postings of every namespace: re-run when a workload gains or loses a selector label, not on every edit.
    const elsewhere = selectedWorkloads(context.workspace, undefined, selector).filter((o) => o.identity.namespace !== namespace);
    // A manifest without `metadata.namespace` lands in the namespace it is applied to (`kubectl
    // apply -n`), so it can meet the workload there: only explicit, different namespaces are a mistake.
    if (elsewhere.some((o) => !explicitNamespace(o) || !explicitNamespace(service))) return;
    const related: RelatedLocation[] = elsewhere.slice(0, 3).map((o) => {
      const origin = o.locate(podLabelsPath(o.identity.kind) ?? []);
      return {
        uri: origin.doc.uri,
        range: origin.doc.rangeOfPath(origin.path),
        message: `${describe(o)} in namespace ${o.identity.namespace} has these labels`,
      };
    });
    const other = elsewhere[0];
    context.report({
      path: ['spec', 'selector'],
      messageId: other ? 'matchesInOtherNamespace' : 'noMatch',
      data: {
        service: name ?? '',
        selector: selectorText(selector),
        namespace,
        workload: other ? describe(other) : '',
        otherNamespace: other?.identity.namespace ?? '',
      },
      related,
    });
  },
});
