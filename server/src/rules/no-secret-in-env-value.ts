import { objectRule } from '../engine/lint/rule';
import { containersOf, WORKLOAD_KINDS } from '../engine/k8s/podSpec';
import { moveToSecretFix } from './helpers/moveToSecret';
import { isHarmlessValue, isSecretName } from './helpers/secretNames';
import { list, record, str } from '../engine/k8s/values';
import { labelledDeployment } from './helpers/exampleObjects';
import { exampleSecret, keyRefEnv } from './helpers/exampleReferences';

/** The Deployment worker with `env` lines (under its container's `env:`). */
const worker = (env: string[]) => labelledDeployment({ name: 'worker', image: 'azora/worker:2.1.0', container: ['env:', ...env] });

export const rule = objectRule({
  id: 'no-secret-in-env-value',
  defaultSeverity: 'warning',
  kinds: WORKLOAD_KINDS,
  messages: {
    literalCredential:
      'Env {{env}} of container {{container}} in {{kind}} {{name}} looks like a credential but is a literal value: it is stored in plain text in the manifest and the cluster, visible to anyone who can read the {{kind}}. Move it into a Secret and use valueFrom.secretKeyRef.',
  },
  summary: 'Credentials (passwords, tokens, API keys, private keys) come from a Secret, not a literal env `value`.',
  rationale:
    'A literal `value` is stored in plain text in the workload: in Git, in `kubectl get deployment -o yaml`, in every ReplicaSet revision, readable by anyone who may read Deployments. A Secret can be access-controlled separately, encrypted at rest, rotated without touching the workload, and kept out of the repository. The rule looks at the variable name (PASSWORD, SECRET, TOKEN, API_KEY, PRIVATE_KEY, CREDENTIALS, …), skipping names about the credential rather than the credential itself (TOKEN_URL, PASSWORD_FILE) and values that cannot be one (empty, booleans, small numbers, `$(VAR)`, `${VAR}` and `<placeholder>` references).',
  remediation:
    'Put the value in a Secret (under `stringData`, or base64-encoded under `data`) and read it with `valueFrom.secretKeyRef`. The quick fix adds the key to a Secret in the same folder, or writes a new Secret document next to the workload.',
  valid: [
    labelledDeployment({
      container: [
        'env:',
        '  - name: NODE_ENV',
        '    value: "production"',
        '  - name: PORT',
        '    value: "3000"',
        '  - name: TOKEN_URL',
        '    value: https://auth.example.com/token',
        ...keyRefEnv('JWT_SECRET', 'secretKeyRef', 'app-secrets'),
      ],
    }),
  ],
  invalid: [
    {
      example: {
        note: 'The fix adds DB_PASSWORD to app-secrets (the Secret in the same folder) and references it.',
        files: {
          'main-app-deployment.yaml': labelledDeployment({ container: ['env:', '  - name: DB_PASSWORD', '    value: "hunter2"'] }),
          'app-secrets.yaml': exampleSecret(['data:', '  JWT_SECRET: c3VwZXJzZWNyZXQ=']),
        },
      },
      messageId: 'literalCredential',
      line: 19,
      column: 22,
      // The fix moves the value into the folder's Secret: both files change.
      output: {
        'main-app-deployment.yaml': labelledDeployment({ container: ['env:', ...keyRefEnv('DB_PASSWORD', 'secretKeyRef', 'app-secrets')] }),
        'app-secrets.yaml': exampleSecret(['data:', '  JWT_SECRET: c3VwZXJzZWNyZXQ=', '  DB_PASSWORD: aHVudGVyMg==']),
      },
    },
    {
      example: {
        note: 'No Secret in the folder: the fix writes a new Secret document after the Deployment.',
        files: { 'worker.yaml': worker(['  - name: stripeApiKey', '    value: sk_live_4eC39HqLyjWDarjtT1zdp7dc']) },
      },
      messageId: 'literalCredential',
      line: 19,
      column: 22,
      output: `${worker(keyRefEnv('stripeApiKey', 'secretKeyRef', 'worker-secrets'))}---
${exampleSecret(['type: Opaque', 'stringData:', '  stripeApiKey: sk_live_4eC39HqLyjWDarjtT1zdp7dc'], 'worker-secrets')}`,
    },
  ],
  check(context) {
    const object = context.target.object;
    for (const ref of containersOf(object, true)) {
      list(ref.container.env).forEach((item, i) => {
        const env = record(item);
        const name = str(env?.name);
        const value = env?.value;
        if (!env || name === undefined || typeof value !== 'string' || !isSecretName(name) || isHarmlessValue(value)) return;
        const envPath = [...ref.path, 'env', i];
        context.report({
          path: [...envPath, 'value'],
          part: 'value',
          messageId: 'literalCredential',
          data: { env: name, container: ref.name, kind: object.identity.kind, name: object.identity.name ?? '' },
          fixes: moveToSecretFix(context, object, envPath, name, value),
        });
      });
    }
  },
});
