import { configRule } from '../engine/lint/rule';
import { atPath, CONFIGMAP_EXAMPLE, kustomizationOf, OVERLAY_EXAMPLE, resolvedPaths, shownPath } from './helpers/kustomize';

export const rule = configRule({
  id: 'no-kustomize-file-outside-root',
  defaultSeverity: 'error',
  kinds: ['kustomization'],
  messages: {
    outsideRoot: `{{field}} lists {{path}}, a file outside this kustomization's folder: kustomize refuses it ("is not in or below") unless run with --load-restrictor LoadRestrictionsNone. Include its folder as a kustomization instead, or move the file here.`,
  },
  summary: 'A kustomization reads files only from its own folder and below; other folders are included through their kustomization.',
  rationale:
    'kustomize\'s default load restrictor refuses any file outside the kustomization\'s folder ("security; file … is not in or below …"): a resource, patch, generator input or CRD file listed as `../common/x.yaml` makes `kubectl kustomize` and `kubectl apply -k` fail, unless every user and pipeline passes `--load-restrictor LoadRestrictionsNone`. A folder outside (`../base`) is fine: it is loaded as its own kustomization.',
  remediation: 'Make the shared folder a kustomization (or a Component) and list the folder, or move the file into this folder.',
  valid: [OVERLAY_EXAMPLE],
  invalid: [
    {
      example: {
        files: {
          'overlays/prod/kustomization.yaml': `resources:
  - ../../base/configmap.yaml
`,
          'base/configmap.yaml': CONFIGMAP_EXAMPLE,
        },
      },
      messageId: 'outsideRoot',
      file: 'overlays/prod/kustomization.yaml',
      line: 2,
      column: 5,
    },
  ],
  check(context) {
    const target = kustomizationOf(context);
    if (!target) return;
    for (const p of resolvedPaths(target)) {
      if (!p.uri || p.uri.startsWith(`${target.folder}/`) || context.workspace.pathKind(p.uri) !== 'file') continue;
      context.report({
        ...atPath(target.doc, p),
        messageId: 'outsideRoot',
        data: { field: p.field, path: shownPath(p) },
      });
    }
  },
});
