import { objectRule } from '../engine/lint/rule';
import { validateBase64, type Base64Problem } from '../engine/secrets/base64';
import { base64Fixes } from './helpers/base64Fixes';
import { entriesOf } from '../engine/k8s/secretData';
import { scalarAt, sourceOffsetOf } from './helpers/scalarSource';
import { exampleSecret } from './helpers/exampleReferences';

const ENCODE = 'so the API server rejects the Secret. Encode the value as base64, or move it to stringData if it is plain text.';
/** For padding faults: the value may be base64 already, and encoding it again would store its text. */
const REPAD = 'so the API server rejects the Secret. If the value is base64 already, fix its padding; if it is plain text, encode it or move it to stringData.';

const messages = {
  badCharacter: `Secret {{secret}}: data.{{key}} has a character outside the base64 alphabet (\`{{character}}\` at character {{position}}), ${ENCODE}`,
  urlSafe:
    'Secret {{secret}}: data.{{key}} uses the URL-safe base64 alphabet (`-` and `_`), which the API server does not accept (`{{character}}` at character {{position}}), so the API server rejects the Secret. Convert it to the standard alphabet.',
  badPadding: `Secret {{secret}}: data.{{key}} has \`=\` padding where it does not belong (\`{{character}}\` at character {{position}}), ${REPAD}`,
  badLength: `Secret {{secret}}: data.{{key}} is not padded to a multiple of 4 characters, ${REPAD}`,
};

const MESSAGE_OF: Record<Base64Problem, keyof typeof messages> = {
  character: 'badCharacter',
  'url-safe': 'urlSafe',
  padding: 'badPadding',
  length: 'badLength',
};

/** A Secret whose `data` is the one `entry`. */
const secretWith = (entry: string) => exampleSecret(['data:', `  ${entry}`]);

export const rule = objectRule({
  id: 'no-invalid-secret-base64',
  defaultSeverity: 'error',
  kinds: ['Secret'],
  messages,
  summary: "Every value under a Secret's `data` is valid standard base64.",
  rationale:
    'The API server decodes `data` values with the standard base64 alphabet and requires padding (line breaks are ignored). Anything else — a plain-text password pasted under `data`, a URL-safe encoding from a JWT library, a value missing its `=` padding — makes `kubectl apply` fail with "illegal base64 data", or, when it happens to decode, puts different bytes in the Secret than you meant.',
  remediation:
    'Encode the value with `printf %s "$VALUE" | base64` (not `echo`, which adds a newline), or move plain-text values to `stringData`, which the API server encodes for you. Convert URL-safe base64 by replacing `-` with `+`, `_` with `/` and padding with `=`. A value that is base64 already needs only its `=` padding fixed: encoding it again would store the base64 text itself.',
  valid: [
    exampleSecret([
      'data:',
      '  JWT_SECRET: c3VwZXJzZWNyZXQ=',
      '  CERT: |',
      '    LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJrVENCKy4uLgotLS0t',
      '    LUVORCBDRVJUSUZJQ0FURS0tLS0tCg==',
      'stringData:',
      '  PLAIN: not base64 at all',
    ]),
  ],
  invalid: [
    { example: secretWith('JWT_SECRET: supersecret'), messageId: 'badLength', line: 6, column: 25, output: secretWith('JWT_SECRET: c3VwZXJzZWNyZXQ=') },
    { example: secretWith('SIGNING_KEY: "3q2-7w_"'), messageId: 'urlSafe', line: 6, column: 20, output: secretWith('SIGNING_KEY: 3q2+7w/=') },
    {
      example: exampleSecret(['data:', '  DATABASE_URL: postgres://user:pass@host/db', 'stringData:', '  MODE: strict']),
      messageId: 'badCharacter',
      line: 6,
      column: 25,
      output: exampleSecret(['data:', '  DATABASE_URL: cG9zdGdyZXM6Ly91c2VyOnBhc3NAaG9zdC9kYg==', 'stringData:', '  MODE: strict']),
    },
    {
      example: secretWith('API_TOKEN: c3Vw=ZXJzZWNyZXQ='),
      messageId: 'badPadding',
      line: 6,
      column: 18,
      output: secretWith('API_TOKEN: c3VwZXJzZWNyZXQ='),
    },
    { example: secretWith('ADMIN_USER: YWRtaW4'), messageId: 'badLength', line: 6, column: 21, output: secretWith('ADMIN_USER: YWRtaW4=') },
    { example: secretWith('CREDENTIALS: dXNlcg==OnBhc3M='), messageId: 'badPadding', line: 6, column: 22, output: secretWith('CREDENTIALS: dXNlcjpwYXNz') },
  ],
  check(context) {
    const object = context.target.object;
    const name = object.identity.name ?? '';
    for (const entry of entriesOf(object, 'data')) {
      if (typeof entry.value !== 'string') continue;
      const check = validateBase64(entry.value);
      if (check.ok) continue;
      const origin = context.locate(entry.path);
      const scalar = scalarAt(origin.doc, origin.path);
      const index = check.problem === 'length' ? Math.max(0, entry.value.length - 1) : check.index;
      const start = scalar ? sourceOffsetOf(scalar.source, scalar.type, entry.value, index) : undefined;
      context.report({
        path: entry.path,
        part: 'value',
        ...(start !== undefined ? { offsetInValue: { start, end: start + 1 } } : {}),
        messageId: MESSAGE_OF[check.problem],
        data: { secret: name, key: entry.key, character: entry.value[check.index] ?? '', position: check.index + 1 },
        fixes: base64Fixes(context, object, entry.key, entry.value, check.problem),
      });
    }
  },
});
