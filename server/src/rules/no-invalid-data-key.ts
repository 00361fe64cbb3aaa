import { objectRule } from '../engine/lint/rule';
import { entriesOf, keyFields } from '../engine/k8s/secretData';
import { exampleConfigMap } from './helpers/exampleReferences';

const KEY_CHARS = /^[-._a-zA-Z0-9]+$/;

const AFTER = 'so the API server rejects the {{kind}}. Rename the key (and its references) using only letters, digits, `-`, `_` and `.`.';

const messages = {
  emptyKey: `{{kind}} {{name}}: key \`{{key}}\` in {{field}} is empty, ${AFTER}`,
  longKey: `{{kind}} {{name}}: key \`{{key}}\` in {{field}} is {{length}} characters long (at most 253), ${AFTER}`,
  badCharacter: `{{kind}} {{name}}: key \`{{key}}\` in {{field}} contains \`{{character}}\` (only letters, digits, \`-\`, \`_\` and \`.\` are allowed), ${AFTER}`,
  dotKey: `{{kind}} {{name}}: key \`{{key}}\` in {{field}} is \`.\` or \`..\`, ${AFTER}`,
  dotDotPrefix: `{{kind}} {{name}}: key \`{{key}}\` in {{field}} starts with \`..\`, ${AFTER}`,
};

/** Why `key` is not a valid Secret/ConfigMap key (the API's IsConfigMapKey), or undefined when it is. */
export function dataKeyProblem(key: string): { messageId: keyof typeof messages; data?: Record<string, string | number> } | undefined {
  if (key.length === 0) return { messageId: 'emptyKey' };
  if (key.length > 253) return { messageId: 'longKey', data: { length: key.length } };
  if (!KEY_CHARS.test(key)) {
    const bad = [...key].find((ch) => !KEY_CHARS.test(ch)) ?? '';
    return { messageId: 'badCharacter', data: { character: bad === ' ' ? 'a space' : bad } };
  }
  if (key === '.' || key === '..') return { messageId: 'dotKey' };
  if (key.startsWith('..')) return { messageId: 'dotDotPrefix' };
  return undefined;
}

/** A `kind` (Secret or ConfigMap) named settings whose `field` holds the one `entry`. */
const withKey = (kind: string, field: string, entry: string) => `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: settings\n${field}:\n  ${entry}\n`;

export const rule = objectRule({
  id: 'no-invalid-data-key',
  defaultSeverity: 'error',
  kinds: ['Secret', 'ConfigMap'],
  messages,
  summary: 'Secret and ConfigMap keys use only letters, digits, `-`, `_` and `.`.',
  rationale:
    'Keys become file names when the Secret or ConfigMap is mounted as a volume, and environment variable names with `envFrom`, so the API server only accepts keys matching `[-._a-zA-Z0-9]+` (at most 253 characters, not `.` or `..`). A key such as `db password` or `app/config` makes `kubectl apply` fail.',
  remediation: 'Rename the key using only letters, digits, `-`, `_` and `.` (for example `db_password`), and update the references to it.',
  valid: [exampleConfigMap(['data:', '  app.properties: "mode=strict"', '  LOG_LEVEL: info', '  tls-ca.crt: "..."'])],
  invalid: [
    { example: withKey('Secret', 'stringData', 'db password: hunter2'), messageId: 'badCharacter', line: 6, column: 3 },
    { example: withKey('ConfigMap', 'data', '..hidden: value'), messageId: 'dotDotPrefix', line: 6, column: 3 },
    { example: withKey('ConfigMap', 'data', '"": value'), messageId: 'emptyKey', line: 6, column: 3 },
    { example: withKey('ConfigMap', 'data', `${'generated-'.repeat(26)}key: value`), messageId: 'longKey', line: 6, column: 3 },
    { example: withKey('Secret', 'stringData', '..: value'), messageId: 'dotKey', line: 6, column: 3 },
  ],
  check(context) {
    const object = context.target.object;
    const { kind, name } = object.identity;
    for (const field of keyFields(kind)) {
      for (const entry of entriesOf(object, field)) {
        const problem = dataKeyProblem(entry.key);
        if (!problem) continue;
        context.report({
          path: entry.path,
          messageId: problem.messageId,
          data: { ...problem.data, kind, name: name ?? '', key: entry.key, field },
        });
      }
    }
  },
});
