import { configRule } from '../engine/lint/rule';
import type { WorkspaceView } from '../engine/lint/workspaceView';
import { KUSTOMIZATION_NAMES } from '../engine/workspace/kustomizePaths';
import { atPath, CONFIGMAP_EXAMPLE, kustomizationOf, resolvedPaths, shownPath } from './helpers/kustomize';

function hasKustomization(workspace: WorkspaceView, folder: string): boolean {
  return KUSTOMIZATION_NAMES.some((name) => workspace.pathKind(`${folder}/${name}`) === 'file');
}

export const rule = configRule({
  id: 'no-missing-kustomize-path',
  defaultSeverity: 'error',
  kinds: ['kustomization'],
  messages: {
    folderWithoutKustomization:
      '{{field}} lists the folder {{path}}, which has no kustomization.yaml: kustomize includes a folder only through its kustomization, so `kubectl kustomize` fails. Add a kustomization.yaml to the folder, or list its files.',
    missingFile:
      '{{field}} lists {{path}}, but no such file exists next to this kustomization: `kubectl kustomize` fails on it. Correct the path (relative to this folder) or add the file.',
    missingFolder:
      '{{field}} lists {{path}}, but no such folder exists next to this kustomization: `kubectl kustomize` fails on it. Correct the path (relative to this folder) or add the folder.',
    missingFileOrFolder:
      '{{field}} lists {{path}}, but no such file or folder exists next to this kustomization: `kubectl kustomize` fails on it. Correct the path (relative to this folder) or add the file or folder.',
  },
  summary: 'Every file and folder a kustomization lists exists, relative to the kustomization, and every listed folder has a kustomization.',
  rationale:
    'kustomize resolves `resources`, `components`, `patches[].path`, generator `files`/`envs` and the other listed paths relative to the folder of the kustomization; a missing one makes `kubectl kustomize` and `kubectl apply -k` fail for the whole folder, often only in CI or at deploy time. Remote URLs (`github.com/org/repo/path?ref=v1`, `https://…`) are not checked.',
  remediation:
    "Correct the path (it is relative to the kustomization's folder), add the missing file or folder, or add a kustomization.yaml to a listed folder.",
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
      example: {
        files: {
          'kustomization.yaml': `resources:
  - deployment.yaml
patches:
  - path: replicas-patch.yaml
`,
          'deployment.yaml': CONFIGMAP_EXAMPLE,
        },
      },
      messageId: 'missingFile',
      line: 4,
      column: 11,
    },
    {
      example: { files: { 'kustomization.yaml': 'resources:\n  - base\n', 'base/configmap.yaml': CONFIGMAP_EXAMPLE } },
      messageId: 'folderWithoutKustomization',
      line: 2,
      column: 5,
    },
    {
      example: { files: { 'kustomization.yaml': 'components:\n  - ../components/tracing\n' } },
      messageId: 'missingFolder',
      line: 2,
      column: 5,
    },
    {
      example: { files: { 'kustomization.yaml': 'resources:\n  - service.yaml\n' } },
      messageId: 'missingFileOrFolder',
      line: 2,
      column: 5,
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
          messageId: 'folderWithoutKustomization',
          data: { field: p.field, path: shownPath(p) },
        });
        continue;
      }
      if (kind) continue;
      context.report({
        ...atPath(target.doc, p),
        messageId: p.role === 'component' ? 'missingFolder' : p.role === 'resource' ? 'missingFileOrFolder' : 'missingFile',
        data: { field: p.field, path: shownPath(p) },
      });
    }
  },
});
