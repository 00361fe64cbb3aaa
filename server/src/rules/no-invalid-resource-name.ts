import { objectRule } from '../engine/lint/rule';
import { dnsLabelProblem, dnsSubdomainProblem, hasShellPlaceholder, rfc1035LabelProblem } from '../engine/k8s/names';
import { at, str } from '../engine/k8s/values';
import { exampleService } from './helpers/exampleObjects';
import { exampleConfigMap } from './helpers/exampleReferences';

/** Kinds whose names the API server validates as DNS-1123 subdomains. Other kinds (RBAC, CRDs) allow other formats. */
const SUBDOMAIN_KINDS = [
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
  'ConfigMap',
  'Secret',
  'ServiceAccount',
  'PersistentVolumeClaim',
  'Ingress',
  'NetworkPolicy',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'StorageClass',
  'PriorityClass',
  'IngressClass',
];
/** CronJob names leave room for the 11 characters of the Jobs' suffix. */
const CRONJOB_MAX = 52;

const AFTER = 'so the API server rejects it. Rename it, for example to {{suggestion}}.';

/** One message per name format; `{{problem}}` is what engine/k8s/names.ts says is wrong with the name. */
const messages = {
  notRfc1035Label: `{{kind}} name {{name}} {{problem}}: a {{kind}} name must be an RFC 1035 label (it becomes a DNS name), ${AFTER}`,
  notRfc1123Label: `{{kind}} name {{name}} {{problem}}: a {{kind}} name must be an RFC 1123 label, ${AFTER}`,
  notDnsSubdomain: `{{kind}} name {{name}} {{problem}}: a {{kind}} name must be a DNS-1123 subdomain, ${AFTER}`,
};

function problemFor(kind: string, name: string): { problem: string; messageId: keyof typeof messages } | undefined {
  if (kind === 'Service') {
    const problem = rfc1035LabelProblem(name);
    return problem ? { problem, messageId: 'notRfc1035Label' } : undefined;
  }
  if (kind === 'Namespace') {
    const problem = dnsLabelProblem(name);
    return problem ? { problem, messageId: 'notRfc1123Label' } : undefined;
  }
  const problem =
    dnsSubdomainProblem(name) ??
    (kind === 'CronJob' && name.length > CRONJOB_MAX ? `is ${name.length} characters long (at most ${CRONJOB_MAX} for a CronJob)` : undefined);
  return problem ? { problem, messageId: 'notDnsSubdomain' } : undefined;
}

/** A Service `name` selecting app=`app`. */
const service = (name: string, app = 'main-app') => exampleService(['selector:', `  app: ${app}`, 'ports:', '  - port: 80'], name);

export const rule = objectRule({
  id: 'no-invalid-resource-name',
  defaultSeverity: 'error',
  kinds: [...SUBDOMAIN_KINDS, 'Service', 'Namespace'],
  messages,
  summary: '`metadata.name` has the format the API server requires for the kind.',
  rationale:
    'Names become parts of DNS names, URLs and labels, so the API server validates them: most kinds need a DNS-1123 subdomain (lowercase letters, digits, `-` and `.`, at most 253 characters); a Service needs an RFC 1035 label (at most 63 characters, starting with a letter) because it becomes a DNS name; a Namespace needs an RFC 1123 label. Uppercase letters and underscores (`Main_App`) are the usual mistakes; they pass YAML and schema checks and fail at apply time. Names holding a `$VAR` or `${VAR}` placeholder are skipped: such a file is a template that `sed` or `envsubst` fills in before it is applied.',
  remediation: 'Rename the object using lowercase letters, digits and `-` (for example `main-app`), and update everything that refers to it by name.',
  valid: [
    service('main-app'),
    `apiVersion: batch/v1
kind: Job
metadata:
  name: process-item-$ITEM
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: c
          image: busybox:1.28
`,
  ],
  invalid: [
    {
      example: service('Main_App'),
      messageId: 'notRfc1035Label',
      line: 4,
      column: 9,
    },
    {
      example: service('3d-render', 'render'),
      messageId: 'notRfc1035Label',
      line: 4,
      column: 9,
    },
    {
      example: exampleConfigMap(['data: {}'], 'App_Settings'),
      messageId: 'notDnsSubdomain',
      line: 4,
      column: 9,
    },
    {
      example: `apiVersion: v1
kind: Namespace
metadata:
  name: Team.Apps
`,
      messageId: 'notRfc1123Label',
      line: 4,
      column: 9,
    },
  ],
  check(context) {
    const object = context.target.object;
    const name = str(at(object.value, 'metadata', 'name'));
    if (name === undefined || name.length === 0 || hasShellPlaceholder(name)) return;
    const found = problemFor(object.identity.kind, name);
    if (!found) return;
    context.report({
      path: ['metadata', 'name'],
      part: 'value',
      messageId: found.messageId,
      data: { kind: object.identity.kind, name, problem: found.problem, suggestion: suggestName(name) },
    });
  },
});

/** A valid-looking variant of `name`: lowercase, other characters replaced by `-`. */
export function suggestName(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return /^[a-z]/.test(cleaned) ? cleaned : `x-${cleaned}`;
}
