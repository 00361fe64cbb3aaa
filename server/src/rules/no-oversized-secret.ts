import { objectRule } from '../engine/lint/rule';
import type { RenderedObject } from '../engine/render/render';
import { decodedLength } from '../engine/secrets/base64';
import { entriesOf } from '../engine/k8s/secretData';
import { exampleConfigMap, exampleSecret } from './helpers/exampleReferences';

/** The API server's limit on the total size of a Secret's or ConfigMap's values (1 MiB). */
export const MAX_DATA_BYTES = 1024 * 1024;

/** Bytes of the values the API server counts: decoded `data`/`binaryData`, UTF-8 `stringData`/ConfigMap `data`. */
export function dataSize(object: RenderedObject): number {
  const bytes = (value: unknown, base64: boolean): number => (typeof value !== 'string' ? 0 : base64 ? decodedLength(value) : Buffer.byteLength(value, 'utf8'));
  if (object.identity.kind === 'Secret') {
    const sizes = new Map<string, number>();
    for (const e of entriesOf(object, 'data')) sizes.set(e.key, bytes(e.value, true));
    // stringData replaces data entries of the same key on the server.
    for (const e of entriesOf(object, 'stringData')) sizes.set(e.key, bytes(e.value, false));
    return [...sizes.values()].reduce((a, b) => a + b, 0);
  }
  let total = 0;
  for (const e of entriesOf(object, 'data')) total += bytes(e.value, false);
  for (const e of entriesOf(object, 'binaryData')) total += bytes(e.value, true);
  return total;
}

function mib(bytes: number): string {
  return `${(bytes / MAX_DATA_BYTES).toFixed(2)} MiB`;
}

export const rule = objectRule({
  id: 'no-oversized-secret',
  defaultSeverity: 'error',
  kinds: ['Secret', 'ConfigMap'],
  messages: {
    oversized:
      "{{kind}} {{name}} holds {{bytes}} bytes of data ({{mib}}), over the API server's limit of 1 MiB, so it is rejected. Split it over several {{kind}}s or keep large files out of it.",
  },
  summary: 'A Secret or ConfigMap holds at most 1 MiB of data.',
  rationale:
    'The API server rejects a Secret or ConfigMap whose values add up to more than 1 MiB (1,048,576 bytes, counted after base64 decoding): objects are stored whole in etcd and sent to every kubelet that mounts them. The apply fails with "Too long: must have at most 1048576 bytes".',
  remediation:
    'Split the data over several Secrets or ConfigMaps, or keep large files (models, archives, bundles) out of the cluster objects — in an image, a volume or object storage.',
  valid: [exampleSecret(['data:', '  JWT_SECRET: c3VwZXJzZWNyZXQ='])],
  invalid: [
    {
      example: {
        note: 'A ConfigMap whose one value is 1,100,000 characters long (abbreviated here as a repeated `A`).',
        files: {
          'big-config.yaml': exampleConfigMap(['data:', `  blob: ${'A'.repeat(1_100_000)}`], 'big-config'),
        },
      },
      messageId: 'oversized',
      line: 2,
      column: 1,
    },
  ],
  check(context) {
    const object = context.target.object;
    const size = dataSize(object);
    if (size <= MAX_DATA_BYTES) return;
    const { kind, name } = object.identity;
    context.report({
      path: [],
      messageId: 'oversized',
      data: { kind, name: name ?? '', bytes: size.toLocaleString('en-US'), mib: mib(size) },
    });
  },
});
