import type { Rule, RuleContext } from '../engine/lint/rule';
import type { FindingFix } from '../engine/types';
import { apiStatus, type ApiStatus } from '../engine/schema/apiLifecycle';
import { replaceValue } from './helpers/edits';

/** Versions no-removed-hpa-api-version reports (with its metric conversion). */
const OWNED_ELSEWHERE = new Set(['autoscaling/v2beta1|HorizontalPodAutoscaler', 'autoscaling/v2beta2|HorizontalPodAutoscaler']);

/**
 * Replacements that are not drop-in although the kind stays: their newer version renamed or now
 * requires fields (Ingress backends, CRD schemas, webhook `sideEffects`/`admissionReviewVersions`).
 */
const NOT_DROP_IN = new Set([
  'networking.k8s.io/v1beta1|Ingress',
  'extensions/v1beta1|Ingress',
  'apiextensions.k8s.io/v1beta1|CustomResourceDefinition',
  'admissionregistration.k8s.io/v1beta1|ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1beta1|MutatingWebhookConfiguration',
  'discovery.k8s.io/v1beta1|EndpointSlice',
  'certificates.k8s.io/v1beta1|CertificateSigningRequest',
]);

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** Rewrites `apiVersion` when only the version changes and the fields are the same (a drop-in). */
function rewriteFix(context: RuleContext, from: string, kind: string, status: ApiStatus): FindingFix[] {
  const to = status.replacement;
  // Only the replacement k8s.io/api designates: another served version of the group may differ in its fields.
  if (!to?.designated || to.kind !== kind || groupOf(to.apiVersion) !== groupOf(from) || NOT_DROP_IN.has(`${from}|${kind}`)) return [];
  const origin = context.locate(['apiVersion']);
  const edit = replaceValue(origin.doc, origin.path, to.apiVersion);
  return edit ? [{ title: `Rewrite to ${to.apiVersion}`, safety: 'safe', edits: [{ uri: origin.doc.uri, edits: [edit] }] }] : [];
}

function message(kind: string, name: string, apiVersion: string, status: ApiStatus, target: string): string {
  const { lifecycle, replacement } = status;
  const what = `${kind} ${name} uses ${apiVersion}, which`;
  const use = replacement ? ` Use ${replacement.apiVersion}${replacement.kind === kind ? '' : ` ${replacement.kind}`}.` : '';
  switch (status.state) {
    case 'removed':
      return `${what} is removed in Kubernetes ${lifecycle.removed!} (deprecated since ${lifecycle.deprecated ?? lifecycle.removed!}); this workspace targets ${target}: the API server rejects it.${use}`;
    case 'deprecated':
      return `${what} is deprecated since Kubernetes ${lifecycle.deprecated!}${lifecycle.removed ? ` and removed in ${lifecycle.removed}` : ''}; this workspace targets ${target}.${use}`;
    case 'unavailable':
      return `${what} is served from Kubernetes ${lifecycle.introduced} on; this workspace targets ${target}: the API server rejects it.${use}`;
  }
}

export const rule: Rule = {
  id: 'no-unsupported-api-version',
  defaultSeverity: 'error',
  kinds: ['*'],
  summary: 'The apiVersion of each resource is served by the Kubernetes release the workspace targets.',
  rationale:
    'Beta and alpha apiVersions are deprecated and then removed: a manifest that still uses one is rejected once the cluster is upgraded, and one written for a newer release is rejected by an older cluster. The release is `biomeManifests.kubernetesVersion` (CLI: `--kubernetes-version`), default the newest supported; the facts come from k8s.io/api. Removed and not-yet-available versions are errors, deprecated ones warnings.',
  remediation: 'Change `apiVersion` to the replacement the message names (the quick fix does it when the fields are the same), or target the release you deploy to.',
  valid: [
    `apiVersion: flowcontrol.apiserver.k8s.io/v1
kind: FlowSchema
metadata:
  name: system-leader-election
spec:
  priorityLevelConfiguration: { name: leader-election }
`,
  ],
  invalid: [
    `apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
kind: FlowSchema
metadata:
  name: system-leader-election
spec:
  priorityLevelConfiguration: { name: leader-election }
`,
    `apiVersion: networking.k8s.io/v1beta1
kind: Ingress
metadata:
  name: web
spec:
  backend: { serviceName: web, servicePort: 80 }
`,
  ],
  check(context) {
    if (context.target.type !== 'object') return;
    const { apiVersion, kind, name } = context.target.object.identity;
    if (OWNED_ELSEWHERE.has(`${apiVersion}|${kind}`)) return;
    const target = context.kubernetesVersion;
    const status = apiStatus(apiVersion, kind, target);
    if (!status) return;
    context.report({
      path: ['apiVersion'],
      part: 'value',
      message: message(kind, name ?? '(unnamed)', apiVersion, status, target),
      severity: status.state === 'deprecated' ? 'warning' : undefined,
      fixes: rewriteFix(context, apiVersion, kind, status),
    });
  },
};
