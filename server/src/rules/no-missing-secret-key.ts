import { objectRule } from '../engine/lint/rule';
import { WORKLOAD_KINDS } from '../engine/k8s/podSpec';
import { checkObjectRefs, MISSING_KEY_MESSAGES } from './helpers/refCheck';
import { examplePod, labelledDeployment } from './helpers/exampleObjects';
import { APP_SECRETS, exampleSecret, SECRET_ENV_FROM, SECRET_REFERENCES, secretEnv } from './helpers/exampleReferences';

/** The invalid example's main-app-deployment.yaml: its key reference names key JWT_SECRT. */
const INVALID_EXAMPLE = labelledDeployment({ container: [...secretEnv('app-secrets', 'JWT_SECRT'), ...SECRET_ENV_FROM] });

/** A Pod reading key DATABASE_URL of Secret app-secrets, and the Secret with `lines` after its metadata. */
const withSecret = (lines: string[]) =>
  `${examplePod(['env:', '  - name: DATABASE_URL', '    valueFrom: { secretKeyRef: { name: app-secrets, key: DATABASE_URL } }'])}---\n${exampleSecret(lines)}`;

export const rule = objectRule({
  id: 'no-missing-secret-key',
  defaultSeverity: 'error',
  kinds: WORKLOAD_KINDS,
  messages: MISSING_KEY_MESSAGES,
  summary: "Keys that pods read from a Secret exist in that Secret's `data` or `stringData`.",
  rationale:
    'When a `secretKeyRef` or a `secret` volume\'s `items` name a key the Secret does not have, the pod never starts: the kubelet reports CreateContainerConfigError ("couldn\'t find key \u2026 in Secret") and retries forever. The keys of a Secret are those of its `data` and `stringData`; Secrets whose keys the cluster fills in (service-account tokens) are not checked.',
  remediation: 'Add the key to the Secret, or correct the key in the reference (keys are case-sensitive).',
  valid: [SECRET_REFERENCES],
  invalid: [
    {
      example: { files: { 'main-app-deployment.yaml': INVALID_EXAMPLE, 'app-secrets.yaml': APP_SECRETS } },
      messageId: 'keyMissingDidYouMean',
      line: 22,
      column: 24,
      // The fix changes one line of the example.
      output: INVALID_EXAMPLE.replace('                  key: JWT_SECRT\n', '                  key: JWT_SECRET\n'),
    },
    { example: withSecret(['data:', '  JWT_SECRET: c3VwZXJzZWNyZXQ=']), messageId: 'keyMissing', line: 11, column: 64 },
    { example: withSecret(['type: Opaque']), messageId: 'keyMissingNoKeys', line: 11, column: 64 },
  ],
  check(context) {
    checkObjectRefs(context, 'Secret', 'key');
  },
});
