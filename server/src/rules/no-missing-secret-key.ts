import { objectRule } from '../engine/lint/rule';
import { WORKLOAD_KINDS } from '../engine/k8s/podSpec';
import { checkObjectRefs, MISSING_KEY_MESSAGES } from './helpers/refCheck';
import { examplePod, MAIN_APP_DEPLOYMENT } from './helpers/exampleObjects';

/** The invalid example's main-app-deployment.yaml. */
const INVALID_EXAMPLE = `${MAIN_APP_DEPLOYMENT}          env:
            - name: JWT_SECRET
              valueFrom:
                secretKeyRef:
                  name: app-secrets
                  key: JWT_SECRT
            - name: OPTIONAL_TOKEN
              valueFrom:
                secretKeyRef:
                  name: not-created-yet
                  key: TOKEN
                  optional: true
          envFrom:
            - secretRef:
                name: app-secrets
`;

/** A Pod reading key DATABASE_URL of Secret app-secrets, and the Secret with `rest` after its metadata. */
const withSecret = (
  rest: string,
) => `${examplePod(['env:', '  - name: DATABASE_URL', '    valueFrom: { secretKeyRef: { name: app-secrets, key: DATABASE_URL } }'])}---
apiVersion: v1
kind: Secret
metadata:
  name: app-secrets
${rest}`;

export const rule = objectRule({
  id: 'no-missing-secret-key',
  defaultSeverity: 'error',
  kinds: WORKLOAD_KINDS,
  messages: MISSING_KEY_MESSAGES,
  summary: "Keys that pods read from a Secret exist in that Secret's `data` or `stringData`.",
  rationale:
    'When a `secretKeyRef` or a `secret` volume\'s `items` name a key the Secret does not have, the pod never starts: the kubelet reports CreateContainerConfigError ("couldn\'t find key \u2026 in Secret") and retries forever. The keys of a Secret are those of its `data` and `stringData`; Secrets whose keys the cluster fills in (service-account tokens) are not checked.',
  remediation: 'Add the key to the Secret, or correct the key in the reference (keys are case-sensitive).',
  valid: [
    {
      files: {
        'main-app-deployment.yaml': `${MAIN_APP_DEPLOYMENT}          env:
            - name: JWT_SECRET
              valueFrom:
                secretKeyRef:
                  name: app-secrets
                  key: JWT_SECRET
            - name: OPTIONAL_TOKEN
              valueFrom:
                secretKeyRef:
                  name: not-created-yet
                  key: TOKEN
                  optional: true
          envFrom:
            - secretRef:
                name: app-secrets
      volumes:
        - name: creds
          secret:
            secretName: app-secrets
            items:
              - key: DATABASE_URL
                path: db-url
        - name: projected
          projected:
            sources:
              - secret:
                  name: app-secrets
                  items:
                    - key: JWT_SECRET
                      path: jwt
`,
        'app-secrets.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: app-secrets
data:
  JWT_SECRET: c3VwZXJzZWNyZXQ=
  DATABASE_URL: cG9zdGdyZXM6Ly91c2VyOnBhc3NAaG9zdC9kYg==
`,
      },
    },
  ],
  invalid: [
    {
      example: {
        files: {
          'main-app-deployment.yaml': INVALID_EXAMPLE,
          'app-secrets.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: app-secrets
data:
  JWT_SECRET: c3VwZXJzZWNyZXQ=
  DATABASE_URL: cG9zdGdyZXM6Ly91c2VyOnBhc3NAaG9zdC9kYg==
`,
        },
      },
      messageId: 'keyMissingDidYouMean',
      line: 22,
      column: 24,
      // The fix changes one line of the example.
      output: INVALID_EXAMPLE.replace('                  key: JWT_SECRT\n', '                  key: JWT_SECRET\n'),
    },
    { example: withSecret('data:\n  JWT_SECRET: c3VwZXJzZWNyZXQ=\n'), messageId: 'keyMissing', line: 11, column: 64 },
    { example: withSecret('type: Opaque\n'), messageId: 'keyMissingNoKeys', line: 11, column: 64 },
  ],
  check(context) {
    checkObjectRefs(context, 'Secret', 'key');
  },
});
