import type { Rule } from '../engine/lint/rule';
import { kustomizationOf, resolvedPaths, shownPath } from './helpers/kustomize';

export const rule: Rule = {
  id: 'no-missing-kustomize-path',
  defaultSeverity: 'error',
  kinds: ['kustomization'],
  summary: 'Every file and folder a kustomization lists exists, relative to the kustomization.',
  rationale:
    'kustomize resolves `resources`, `components`, `patches[].path`, generator `files`/`envs` and the other listed paths relative to the folder of the kustomization; a missing one makes `kubectl kustomize` and `kubectl apply -k` fail for the whole folder, often only in CI or at deploy time. Remote URLs (`github.com/org/repo/path?ref=v1`, `https://…`) are not checked.',
  remediation: 'Correct the path (it is relative to the kustomization\'s folder), or add the missing file or folder.',
  valid: [
    {
      files: {
        'kustomization.yaml': `resources:
  - deployment.yaml
  - github.com/example/platform/base?ref=v1.2.0
  - https://example.com/manifests/cm.yaml
`,
        'deployment.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: main-app
data: {}
`,
      },
    },
  ],
  invalid: [
    {
      files: {
        'kustomization.yaml': `resources:
  - deployment.yaml
patches:
  - path: replicas-patch.yaml
`,
        'deployment.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: main-app
data: {}
`,
      },
    },
  ],
  check(context) {
    const target = kustomizationOf(context);
    if (!target) return;
    for (const p of resolvedPaths(target)) {
      if (!p.uri || context.workspace.pathExists(p.uri)) continue;
      const what = p.role === 'component' ? 'folder' : p.role === 'resource' ? 'file or folder' : 'file';
      context.report({
        path: p.at,
        part: 'value',
        ...(p.offset > 0 ? { offsetInValue: { start: p.offset, end: p.offset + p.text.length } } : {}),
        message: `${p.field} lists ${shownPath(p)}, but no such ${what} exists next to this kustomization: \`kubectl kustomize\` fails on it. Correct the path (relative to this folder) or add the ${what}.`,
      });
    }
  },
};
