import { configRule } from '../engine/lint/rule';
import { asKustomization, kustomizationOf, resolvedPaths } from './helpers/kustomize';

const LISTS = new Set(['resources', 'bases', 'components']);

export const rule = configRule({
  id: 'no-duplicate-kustomize-resource',
  defaultSeverity: 'error',
  kinds: ['kustomization'],
  messages: {
    listedTwice: '`{{path}}` is already listed at {{first}}: kustomize would add its objects twice and fail with "already registered id". Remove this entry.',
  },
  summary: 'A kustomization lists each resource, base and component once.',
  rationale:
    'Listing the same file or folder twice (`deploy.yaml` and `./deploy.yaml`, or in both `resources` and `bases`) adds its objects twice, and `kubectl kustomize` fails with "may not add resource with an already registered id". The entries are compared after resolving them against the kustomization\'s folder, so different spellings of one path are caught.',
  remediation: 'Remove the second entry.',
  valid: [
    asKustomization(`resources:
  - deployment.yaml
  - service.yaml
  - ../base
`),
  ],
  invalid: [
    {
      example: asKustomization(`resources:
  - deployment.yaml
  - service.yaml
  - ./deployment.yaml
`),
      messageId: 'listedTwice',
      line: 4,
      column: 5,
    },
  ],
  check(context) {
    const target = kustomizationOf(context);
    if (!target) return;
    const seen = new Map<string, string>();
    for (const p of resolvedPaths(target)) {
      if (!LISTS.has(p.field)) continue;
      const key = p.uri ?? p.text;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, `${p.field}[${String(p.at[1])}]`);
        continue;
      }
      context.report({
        path: p.at,
        part: 'value',
        messageId: 'listedTwice',
        data: { path: p.text, first },
      });
    }
  },
});
