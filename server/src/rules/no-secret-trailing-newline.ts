import { objectRule } from '../engine/lint/rule';
import { decodeBase64, encodeBase64, looksBinary, utf8Text } from '../engine/secrets/base64';
import { fix } from './helpers/edits';
import { entriesOf } from '../engine/k8s/secretData';
import { replaceScalar } from './helpers/scalarSource';
import { exampleSecret } from './helpers/exampleReferences';

/**
 * The decoded one-line text without its trailing line break, or undefined when the value is not
 * the `echo` mistake: multi-line content (a PEM file, a config file) legitimately ends in a newline.
 */
export function strippedEchoValue(encoded: string): string | undefined {
  const bytes = decodeBase64(encoded);
  if (!bytes || bytes.length < 2 || looksBinary(bytes)) return undefined;
  const text = utf8Text(bytes);
  if (text === undefined || !text.endsWith('\n')) return undefined;
  const body = text.endsWith('\r\n') ? text.slice(0, -2) : text.slice(0, -1);
  if (body.length === 0 || /[\r\n]/.test(body) || isJsonDocument(body)) return undefined;
  return body;
}

/**
 * A JSON object or array (a `.dockercfg` made with `echo '{...}' | base64`): JSON parsers skip
 * trailing whitespace, so the newline changes nothing for the application reading it.
 */
function isJsonDocument(text: string): boolean {
  if (!/^\s*[[{]/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export const rule = objectRule({
  id: 'no-secret-trailing-newline',
  defaultSeverity: 'warning',
  kinds: ['Secret'],
  messages: {
    trailingNewline:
      'Secret {{secret}}: data.{{key}} decodes to a one-line value followed by a newline (typical of `echo` without `-n`), so the application receives the newline as part of the value. Re-encode it without the newline (`printf %s … | base64`).',
  },
  summary: 'A one-line Secret value does not end in a newline (the `echo` without `-n` mistake).',
  rationale:
    '`echo "s3cret" | base64` encodes `s3cret\\n`: the newline becomes part of the password, token or URL. The application then sends a password that does not match, a token the server rejects, or a connection string with a stray line break — failures that look like wrong credentials and are hard to see because the newline is invisible.',
  remediation:
    'Re-encode the value without the newline: `printf %s "$VALUE" | base64` or `echo -n "$VALUE" | base64`, or use `stringData`. Multi-line values (certificates, keys, config files) may end in a newline and are not reported.',
  valid: [
    exampleSecret(['data:', '  JWT_SECRET: c3VwZXJzZWNyZXQ=', '  TLS_CERT: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUIKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=']),
    // The Kubernetes documentation's dockercfg Secret: one-line JSON with a newline, harmless.
    exampleSecret(
      ['type: kubernetes.io/dockercfg', 'data:', '  .dockercfg: eyJhdXRocyI6eyJodHRwczovL2V4YW1wbGUvdjEvIjp7ImF1dGgiOiJvcGVuc2VzYW1lIn19fQo='],
      'secret-dockercfg',
    ),
  ],
  invalid: [
    {
      example: exampleSecret(['data:', '  JWT_SECRET: c3VwZXJzZWNyZXQK']),
      messageId: 'trailingNewline',
      line: 6,
      column: 15,
      output: exampleSecret(['data:', '  JWT_SECRET: c3VwZXJzZWNyZXQ=']),
    },
  ],
  check(context) {
    const object = context.target.object;
    for (const entry of entriesOf(object, 'data')) {
      if (typeof entry.value !== 'string') continue;
      const body = strippedEchoValue(entry.value);
      if (body === undefined) continue;
      const origin = context.locate(entry.path);
      context.report({
        path: entry.path,
        part: 'value',
        messageId: 'trailingNewline',
        data: { secret: object.identity.name ?? '', key: entry.key },
        fixes: fix(`Strip the trailing newline from ${entry.key}`, 'unsafe', origin.doc, [replaceScalar(origin.doc, origin.path, encodeBase64(body))]),
      });
    }
  },
});
