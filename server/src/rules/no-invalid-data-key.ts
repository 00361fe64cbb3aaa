import type { Rule } from '../engine/lint/rule';
import { entriesOf, keyFields } from '../engine/k8s/secretData';

const KEY_CHARS = /^[-._a-zA-Z0-9]+$/;

/** Why `key` is not a valid Secret/ConfigMap key (the API's IsConfigMapKey), or undefined when it is. */
export function dataKeyProblem(key: string): string | undefined {
  if (key.length === 0) return 'is empty';
  if (key.length > 253) return `is ${key.length} characters long (at most 253)`;
  if (!KEY_CHARS.test(key)) {
    const bad = [...key].find((ch) => !KEY_CHARS.test(ch)) ?? '';
    return `contains \`${bad === ' ' ? 'a space' : bad}\` (only letters, digits, \`-\`, \`_\` and \`.\` are allowed)`;
  }
  if (key === '.' || key === '..') return 'is `.` or `..`';
  if (key.startsWith('..')) return 'starts with `..`';
  return undefined;
}

export const rule: Rule = {
  id: 'no-invalid-data-key',
  defaultSeverity: 'error',
  kinds: ['Secret', 'ConfigMap'],
  summary: 'Secret and ConfigMap keys use only letters, digits, `-`, `_` and `.`.',
  rationale:
    'Keys become file names when the Secret or ConfigMap is mounted as a volume, and environment variable names with `envFrom`, so the API server only accepts keys matching `[-._a-zA-Z0-9]+` (at most 253 characters, not `.` or `..`). A key such as `db password` or `app/config` makes `kubectl apply` fail.',
  remediation: 'Rename the key using only letters, digits, `-`, `_` and `.` (for example `db_password`), and update the references to it.',
  valid: [
    `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  app.properties: "mode=strict"
  LOG_LEVEL: info
  tls-ca.crt: "..."
`,
  ],
  invalid: [
    `apiVersion: v1
kind: Secret
metadata:
  name: app-secrets
stringData:
  db password: hunter2
`,
  ],
  check(context) {
    if (context.target.type !== 'object') return;
    const object = context.target.object;
    const { kind, name } = object.identity;
    for (const field of keyFields(kind)) {
      for (const entry of entriesOf(object, field)) {
        const problem = dataKeyProblem(entry.key);
        if (!problem) continue;
        context.report({
          path: entry.path,
          message: `${kind} ${name ?? ''}: key \`${entry.key}\` in ${field} ${problem}, so the API server rejects the ${kind}. Rename the key (and its references) using only letters, digits, \`-\`, \`_\` and \`.\`.`,
        });
      }
    }
  },
};
