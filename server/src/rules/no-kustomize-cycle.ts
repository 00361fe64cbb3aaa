import { configRule } from '../engine/lint/rule';
import type { WorkspaceView } from '../engine/lint/workspaceView';
import { isPlainObject } from '../engine/render/annotated';
import { KUSTOMIZATION_NAMES, kustomizePaths, resolveKustomizePath } from '../engine/workspace/kustomizePaths';
import { folderOf } from '../engine/workspace/workspaceIndex';
import { asKustomization, kustomizationOf, OVERLAY_EXAMPLE, resolvedPaths } from './helpers/kustomize';

/** Folders followed at most per check: a deep or wide tree of kustomizations stays bounded. */
const MAX_FOLDERS = 200;
const FOLDER_FIELDS = new Set(['resources', 'bases', 'components']);

/** Folders a folder's kustomization (from the index) lists. */
function listedFolders(workspace: WorkspaceView, folder: string): string[] {
  for (const name of KUSTOMIZATION_NAMES) {
    const doc = workspace.documentsOf(`${folder}/${name}`).find((d) => d.class.type === 'kustomization');
    if (!doc) continue;
    const value = doc.plain().value;
    if (!isPlainObject(value)) return [];
    return kustomizePaths(value).flatMap((p) => (FOLDER_FIELDS.has(p.field) ? [resolveKustomizePath(folder, p.text) ?? []].flat() : []));
  }
  return [];
}

/** Whether `start` leads back to `home` through the kustomizations of the index (bounded search). */
function leadsBack(workspace: WorkspaceView, start: string, home: string): boolean {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0 && seen.size <= MAX_FOLDERS) {
    for (const next of listedFolders(workspace, queue.shift()!)) {
      if (next === home || home.startsWith(`${next}/`)) return true;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}

export const rule = configRule({
  id: 'no-kustomize-cycle',
  defaultSeverity: 'error',
  kinds: ['kustomization'],
  messages: {
    ownFolder: `{{field}} lists \`{{path}}\`, which is this kustomization's own folder or a parent of it: kustomize stops with "cycle detected". List the files or sibling folders you mean instead.`,
    includedAgain:
      '{{field}} lists `{{path}}`, which holds a kustomization that includes this folder again: kustomize stops with "cycle detected". List the files or sibling folders you mean instead.',
  },
  summary: 'A kustomization does not include itself, a parent folder, or a kustomization that includes it back.',
  rationale:
    'kustomize refuses to load a folder that contains a kustomization it is already loading ("cycle detected"): listing `.` or `..` in `resources`, or two kustomizations listing each other, breaks `kubectl kustomize` for both. The search follows at most 200 folders, so deep trees stay fast.',
  remediation:
    'List the files or sibling folders you mean instead of the folder itself or a parent folder, and move shared objects to a base both can include.',
  valid: [OVERLAY_EXAMPLE],
  invalid: [
    {
      example: asKustomization(`resources:
  - configmap.yaml
  - ..
`),
      messageId: 'ownFolder',
      line: 3,
      column: 5,
    },
    {
      example: {
        files: { 'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\n', 'base/kustomization.yaml': 'resources:\n  - ../overlays\n' },
        note: 'base includes overlays, the folder holding overlays/prod: `kubectl kustomize overlays/prod` stops with "cycle detected" (base itself fails for another reason: overlays has no kustomization).',
      },
      messageId: 'includedAgain',
      file: 'overlays/prod/kustomization.yaml',
      line: 2,
      column: 5,
    },
  ],
  check(context) {
    const target = kustomizationOf(context);
    if (!target) return;
    for (const p of resolvedPaths(target)) {
      if (!p.uri || !FOLDER_FIELDS.has(p.field)) continue;
      const self = p.uri === target.folder || target.folder.startsWith(`${p.uri}/`);
      if (!self && !leadsBack(context.workspace, p.uri, target.folder)) continue;
      context.report({
        path: p.at,
        part: 'value',
        messageId: self ? 'ownFolder' : 'includedAgain',
        data: { field: p.field, path: p.text },
        payload: { folder: folderOf(target.doc.uri) },
      });
    }
  },
});
