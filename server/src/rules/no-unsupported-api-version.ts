import { objectRule, type ObjectRuleContext, type RuleExample } from '../engine/lint/rule';
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
function rewriteFix(context: ObjectRuleContext, from: string, kind: string, status: ApiStatus): FindingFix[] {
  const to = status.replacement;
  // Only the replacement k8s.io/api designates: another served version of the group may differ in its fields.
  if (!to?.designated || to.kind !== kind || groupOf(to.apiVersion) !== groupOf(from) || NOT_DROP_IN.has(`${from}|${kind}`)) return [];
  const origin = context.locate(['apiVersion']);
  const edit = replaceValue(origin.doc, origin.path, to.apiVersion);
  return edit ? [{ title: `Rewrite to ${to.apiVersion}`, safety: 'safe', edits: [{ uri: origin.doc.uri, edits: [edit] }] }] : [];
}

type MessageId = keyof typeof messages;

/** One message per state, each with and without a replacement the target release serves. */
const messages = {
  removed:
    '{{kind}} {{name}} uses {{apiVersion}}, which is removed in Kubernetes {{removed}} (deprecated since {{deprecated}}); this workspace targets {{target}}: the API server rejects it. Use {{replacement}}.',
  removedNoReplacement:
    '{{kind}} {{name}} uses {{apiVersion}}, which is removed in Kubernetes {{removed}} (deprecated since {{deprecated}}); this workspace targets {{target}}: the API server rejects it.',
  deprecatedUntil:
    '{{kind}} {{name}} uses {{apiVersion}}, which is deprecated since Kubernetes {{deprecated}} and removed in {{removed}}; this workspace targets {{target}}. Use {{replacement}}.',
  deprecatedUntilNoReplacement:
    '{{kind}} {{name}} uses {{apiVersion}}, which is deprecated since Kubernetes {{deprecated}} and removed in {{removed}}; this workspace targets {{target}}.',
  unavailable:
    '{{kind}} {{name}} uses {{apiVersion}}, which is served from Kubernetes {{introduced}} on; this workspace targets {{target}}: the API server rejects it. Use {{replacement}}.',
  unavailableNoReplacement:
    '{{kind}} {{name}} uses {{apiVersion}}, which is served from Kubernetes {{introduced}} on; this workspace targets {{target}}: the API server rejects it.',
};

// k8s.io/api dates the removal of every deprecated version (test/unit/api-lifecycle.test.ts holds the data to it).
function messageOf(status: ApiStatus): Exclude<MessageId, `${string}NoReplacement`> {
  return status.state === 'deprecated' ? 'deprecatedUntil' : status.state;
}

function report(kind: string, name: string, apiVersion: string, status: ApiStatus, target: string): { messageId: MessageId; data: Record<string, string> } {
  const { lifecycle, replacement } = status;
  const data = {
    kind,
    name,
    apiVersion,
    target,
    removed: lifecycle.removed ?? '',
    deprecated: lifecycle.deprecated ?? lifecycle.removed ?? '',
    introduced: lifecycle.introduced,
    replacement: replacement ? `${replacement.apiVersion}${replacement.kind === kind ? '' : ` ${replacement.kind}`}` : '',
  };
  const messageId = messageOf(status);
  return { messageId: replacement ? messageId : `${messageId}NoReplacement`, data };
}

/** A FlowSchema of flowcontrol.apiserver.k8s.io/`version`. */
const flowSchema = (version: string) => `apiVersion: flowcontrol.apiserver.k8s.io/${version}
kind: FlowSchema
metadata:
  name: system-leader-election
spec:
  priorityLevelConfiguration: { name: leader-election }
`;

/** An example object of `apiVersion` and `kind` checked against Kubernetes `release`. */
const inRelease = (apiVersion: string, kind: string, release: string): RuleExample => ({
  files: { 'example.yaml': `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: example\n` },
  kubernetesVersion: release,
});

export const rule = objectRule({
  id: 'no-unsupported-api-version',
  defaultSeverity: 'error',
  kinds: ['*'],
  messages,
  summary: 'The apiVersion of each resource is served by the Kubernetes release the workspace targets.',
  rationale:
    'Beta and alpha apiVersions are deprecated and then removed: a manifest that still uses one is rejected once the cluster is upgraded, and one written for a newer release is rejected by an older cluster. The release is `biomeManifests.kubernetesVersion` (CLI: `--kubernetes-version`), default the newest supported; the facts come from k8s.io/api. Removed and not-yet-available versions are errors, deprecated ones warnings.',
  remediation:
    'Change `apiVersion` to the replacement the message names (the quick fix does it when the fields are the same), or target the release you deploy to.',
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
    { example: flowSchema('v1beta3'), messageId: 'removed', line: 1, column: 13, output: flowSchema('v1') },
    {
      example: `apiVersion: networking.k8s.io/v1beta1
kind: Ingress
metadata:
  name: web
spec:
  backend: { serviceName: web, servicePort: 80 }
`,
      messageId: 'removed',
      line: 1,
      column: 13,
    },
    { example: inRelease('policy/v1beta1', 'PodSecurityPolicy', '1.36'), messageId: 'removedNoReplacement', line: 1, column: 13 },
    { example: inRelease('networking.k8s.io/v1beta1', 'IPAddress', '1.36'), messageId: 'deprecatedUntil', line: 1, column: 13 },
    { example: inRelease('coordination.k8s.io/v1beta1', 'LeaseCandidate', '1.36'), messageId: 'deprecatedUntilNoReplacement', line: 1, column: 13 },
    { example: inRelease('admissionregistration.k8s.io/v1', 'MutatingAdmissionPolicy', '1.35'), messageId: 'unavailable', line: 1, column: 13 },
    { example: inRelease('storagemigration.k8s.io/v1beta1', 'StorageVersionMigration', '1.34'), messageId: 'unavailableNoReplacement', line: 1, column: 13 },
  ],
  check(context) {
    const { apiVersion, kind, name } = context.target.object.identity;
    if (OWNED_ELSEWHERE.has(`${apiVersion}|${kind}`)) return;
    const target = context.kubernetesVersion;
    const status = apiStatus(apiVersion, kind, target);
    if (!status) return;
    context.report({
      path: ['apiVersion'],
      part: 'value',
      ...report(kind, name ?? '(unnamed)', apiVersion, status, target),
      severity: status.state === 'deprecated' ? 'warning' : undefined,
      fixes: rewriteFix(context, apiVersion, kind, status),
    });
  },
});
