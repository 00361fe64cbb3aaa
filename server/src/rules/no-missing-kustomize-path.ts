import type { Rule } from '../engine/lint/rule';
import type { WorkspaceView } from '../engine/lint/workspaceView';
import { KUSTOMIZATION_NAMES } from '../engine/workspace/kustomizePaths';
import { atPath, CONFIGMAP_EXAMPLE, kustomizationOf, resolvedPaths, shownPath } from './helpers/kustomize';

function hasKustomization(workspace: WorkspaceView, folder: string): boolean {
  return KUSTOMIZATION_NAMES.some((name) => workspace.pathKind(`${folder}/${name}`) === 'file');
}

export const rule: Rule = {
  id: 'no-missing-kustomize-path',
  defaultSeverity: 'error',
  kinds: ['kustomization'],
  summary: 'Every file and folder a kustomization lists exists, relative to the kustomization, and every listed folder has a kustomization.',
  rationale:
    'kustomize resolves `resources`, `components`, `patches[].path`, generator `files`/`envs` and the other listed paths relative to the folder of the kustomization; a missing one makes `kubectl kustomize` and `kubectl apply -k` fail for the whole folder, often only in CI or at deploy time. Remote URLs (`github.com/org/repo/path?ref=v1`, `https://…`) are not checked.',
  remediation: 'Correct the path (it is relative to the kustomization\'s folder), add the missing file or folder, or add a kustomization.yaml to a listed folder.',
  valid: [
    {
      files: {
        'kustomization.yaml': `resources:
  - deployment.yaml
  - github.com/example/platform/base?ref=v1.2.0
  - https://example.com/manifests/cm.yaml
`,
        'deployment.yaml': CONFIGMAP_EXAMPLE,
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
        'deployment.yaml': CONFIGMAP_EXAMPLE,
      },
    },
  ],
  check(context) {
    const target = kustomizationOf(context);
    if (!target) return;
    for (const p of resolvedPaths(target)) {
      if (!p.uri) continue;
      const kind = context.workspace.pathKind(p.uri);
      if (kind === 'folder' && p.role !== 'file' && !hasKustomization(context.workspace, p.uri)) {
        context.report({
          ...atPath(target.doc, p),
          message: `${p.field} lists the folder ${shownPath(p)}, which has no kustomization.yaml: kustomize includes a folder only through its kustomization, so \`kubectl kustomize\` fails. Add a kustomization.yaml to the folder, or list its files.`,
        });
        continue;
      }
      if (kind) continue;
      const what = p.role === 'component' ? 'folder' : p.role === 'resource' ? 'file or folder' : 'file';
      context.report({
        ...atPath(target.doc, p),
        message: `${p.field} lists ${shownPath(p)}, but no such ${what} exists next to this kustomization: \`kubectl kustomize\` fails on it. Correct the path (relative to this folder) or add the ${what}.`,
      });
    }
  },
};
