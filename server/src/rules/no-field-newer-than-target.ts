import { objectRule } from '../engine/lint/rule';
import { loadSchemaStore } from '../engine/schema';
import { apiLifecycle } from '../engine/schema/apiLifecycle';
import { definitionSince, fieldsNewerThan } from '../engine/schema/fieldVersions';
import { compareVersions } from '../engine/schema/kubernetesVersions';

const pod = (lifecycle: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  os: { name: linux }
  containers:
    - name: web
      image: nginx:1.27
      lifecycle: ${lifecycle}
`;

export const rule = objectRule({
  id: 'no-field-newer-than-target',
  defaultSeverity: 'warning',
  kinds: ['*'],
  messages: {
    kindNewer: '{{kind}} {{apiVersion}} needs Kubernetes {{since}}; this workspace targets {{target}}: that release does not serve it.',
    fieldNewer:
      '`{{field}}` (in {{owner}} of {{kind}} {{name}}) needs Kubernetes {{since}}; this workspace targets {{target}}: kubectl rejects it as an unknown field, or the API server drops it.',
  },
  summary: 'Every field (and built-in kind) exists in the Kubernetes release the workspace targets.',
  rationale:
    "The schemas are those of the newest supported release, so a field added later than the release you deploy to (`stopSignal`, 1.33; `restartPolicyRules`, 1.34) passes the schema check but is unknown to your cluster: `kubectl apply` rejects it as an unknown field, or the API server silently drops it and the setting never takes effect. The release is `biomeManifests.kubernetesVersion` (CLI: `--kubernetes-version`); each field's release comes from the client package that tracks that release (see schemas/README.md). Where no package tracks a release (1.31, 1.35), a field new then is dated to the earliest release it can be in, so this rule never warns about a field your release has.",
  remediation: 'Remove the field, or target the release you actually deploy to (upgrade the cluster first if you need the field).',
  valid: [
    { files: { 'pod.yaml': pod('{ preStop: { exec: { command: [sleep, "5"] } } }') }, kubernetesVersion: '1.31' },
    { files: { 'pod.yaml': pod('{ stopSignal: SIGUSR1 }') }, kubernetesVersion: '1.33' },
  ],
  invalid: [
    { example: { files: { 'pod.yaml': pod('{ stopSignal: SIGUSR1 }') }, kubernetesVersion: '1.31' }, messageId: 'fieldNewer', line: 10, column: 20 },
    {
      example: {
        files: {
          'deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
spec:
  selector: { matchLabels: { app: worker } }
  template:
    metadata: { labels: { app: worker } }
    spec:
      containers:
        - name: worker
          image: worker:1.4
          restartPolicy: Never
          restartPolicyRules:
            - action: Restart
              exitCodes: { operator: In, values: [42] }
`,
        },
        kubernetesVersion: '1.33',
      },
      messageId: 'fieldNewer',
      line: 14,
      column: 11,
    },
    {
      example: {
        files: { 'policies.yaml': 'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicyList\nmetadata: {}\nitems: []\n' },
        kubernetesVersion: '1.29',
      },
      messageId: 'kindNewer',
      line: 2,
      column: 7,
    },
  ],
  check(context) {
    const { apiVersion, kind, name } = context.target.object.identity;
    const entry = loadSchemaStore().lookup(apiVersion, kind);
    if (!entry) return;
    const target = context.kubernetesVersion;
    const kindSince = definitionSince(entry.schema.id);
    if (kindSince && compareVersions(kindSince, target) > 0) {
      // Kinds k8s.io/api dates (alpha, beta and recent GA ones) are no-unsupported-api-version's;
      // what is left here are their Lists.
      if (!apiLifecycle(apiVersion, kind)) {
        context.report({
          path: ['kind'],
          part: 'value',
          messageId: 'kindNewer',
          data: { kind, apiVersion, since: kindSince, target },
        });
      }
      return;
    }
    for (const found of fieldsNewerThan(entry.schema, context.target.object.value, target)) {
      context.report({
        path: found.path,
        messageId: 'fieldNewer',
        data: { field: found.field, owner: found.owner, kind, name: name ?? '(unnamed)', since: found.since, target },
      });
    }
  },
});
