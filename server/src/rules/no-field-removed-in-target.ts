import { objectRule } from '../engine/lint/rule';
import { loadSchemaStore } from '../engine/schema';
import { fieldsRemovedBy } from '../engine/schema/fieldVersions';

const pod = (claim: string) => `apiVersion: v1
kind: Pod
metadata:
  name: gpu-job
spec:
  containers:
    - name: job
      image: job:1.2
      resources:
        claims: [{ name: gpu }]
  resourceClaims:
    - ${claim}
`;

export const rule = objectRule({
  id: 'no-field-removed-in-target',
  defaultSeverity: 'warning',
  kinds: ['*'],
  messages: {
    fieldRemoved:
      '`{{field}}` (in {{owner}} of {{kind}} {{name}}) is not in Kubernetes {{removedIn}} and later; this workspace targets {{target}}: kubectl rejects it as an unknown field, or the API server drops it.',
  },
  summary: 'No field that the targeted Kubernetes release no longer has.',
  rationale:
    "Some fields of an older release were removed later (`PodResourceClaim.source`, in 1.29 and 1.30, replaced by `resourceClaimName` / `resourceClaimTemplateName`). The schemas are the newest release's, so such a field is accepted when the workspace targets a release that still has it, and reported here when it targets a release without it: `kubectl apply` rejects it as an unknown field, or the API server drops it. The release is `biomeManifests.kubernetesVersion` (CLI: `--kubernetes-version`); each removal is dated from the client package that tracks each release (see schemas/README.md), to the first release known to lack it.",
  remediation:
    'Replace the field with what the targeted release uses instead (its description in the API reference of that release says), or target the release you actually deploy to.',
  valid: [
    { files: { 'pod.yaml': pod('{ name: gpu, source: { resourceClaimTemplateName: gpu-template } }') }, kubernetesVersion: '1.30' },
    { files: { 'pod.yaml': pod('{ name: gpu, resourceClaimTemplateName: gpu-template }') }, kubernetesVersion: '1.36' },
  ],
  invalid: [
    {
      example: { files: { 'pod.yaml': pod('{ name: gpu, source: { resourceClaimTemplateName: gpu-template } }') }, kubernetesVersion: '1.32' },
      messageId: 'fieldRemoved',
      line: 12,
      column: 20,
    },
  ],
  check(context) {
    const { apiVersion, kind, name } = context.target.object.identity;
    const entry = loadSchemaStore().lookup(apiVersion, kind);
    if (!entry) return;
    const target = context.kubernetesVersion;
    for (const found of fieldsRemovedBy(entry.schema, context.target.object.value, target)) {
      context.report({
        path: found.path,
        messageId: 'fieldRemoved',
        data: { field: found.field, owner: found.owner, kind, name: name ?? '(unnamed)', removedIn: found.removedIn, target },
      });
    }
  },
});
