import { objectRule } from '../engine/lint/rule';
import { WORKLOAD_KINDS } from '../engine/k8s/podSpec';
import { checkObjectRefs, MISSING_OBJECT_MESSAGES } from './helpers/refCheck';
import { examplePod, labelledDeployment } from './helpers/exampleObjects';
import { APP_SECRETS, SECRET_REFERENCES, secretEnv } from './helpers/exampleReferences';

/** The invalid example's main-app-deployment.yaml: its key reference names Secret app-secret. */
const INVALID_EXAMPLE = labelledDeployment({ container: secretEnv('app-secret') });

export const rule = objectRule({
  id: 'no-missing-secret',
  defaultSeverity: 'warning',
  kinds: WORKLOAD_KINDS,
  messages: MISSING_OBJECT_MESSAGES,
  summary: "Secrets that pods reference exist in the workspace, in the pod's namespace.",
  rationale:
    'A `secretKeyRef`, `envFrom.secretRef` or `secret` volume naming a Secret that does not exist keeps the pod from starting: the kubelet reports CreateContainerConfigError (or the volume mount fails) until the Secret appears. A typo in the name is the usual cause. Secrets created outside these manifests (by a controller, a secret manager, `kubectl create secret`) are also reported, at warning level: mark such references or suppress the rule for them.',
  remediation: 'Create the Secret in the same namespace, correct the name, or mark the reference `optional: true` if the pod can run without it.',
  valid: [SECRET_REFERENCES],
  invalid: [
    {
      example: { files: { 'main-app-deployment.yaml': INVALID_EXAMPLE, 'app-secrets.yaml': APP_SECRETS } },
      messageId: 'objectMissingDidYouMean',
      line: 21,
      column: 25,
      // The fix changes one line of the example.
      output: INVALID_EXAMPLE.replace('                  name: app-secret\n', '                  name: app-secrets\n'),
    },
    {
      example: examplePod(['volumeMounts: [{ name: tls, mountPath: /etc/tls }]'], {
        spec: ['volumes:', '  - name: tls', '    secret: { secretName: web-tls }'],
      }),
      messageId: 'objectMissing',
      line: 12,
      column: 29,
    },
  ],
  check(context) {
    checkObjectRefs(context, 'Secret', 'object');
  },
});
