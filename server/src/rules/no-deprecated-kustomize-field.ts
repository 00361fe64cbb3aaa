import { configRule } from '../engine/lint/rule';
import type { FindingFix, TextEdit } from '../engine/types';
import { asKustomization, kustomizationOf, type KustomizationTarget } from './helpers/kustomize';
import { deletePairLines, replacePair } from './helpers/replacePair';
import { indented } from './helpers/exampleObjects';

interface Deprecation {
  readonly replacement: string;
  /** The old value as entries of the replacement list; undefined when the conversion is not mechanical. */
  readonly convert?: (old: unknown) => unknown[] | undefined;
}

const asList = (old: unknown): unknown[] | undefined => (Array.isArray(old) ? old : undefined);

/** The labels of the valid example, which the fix of `commonLabels` writes. */
const LABELS = `labels:
  - pairs:
      app: main-app
    includeSelectors: true
`;

/** An inline strategic-merge patch (a block scalar's lines), under `patchesStrategicMerge` and, once fixed, under `patches`. */
const REPLICAS_PATCH = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: main-app', 'spec:', '  replicas: 3'];

/** kustomize's own list (`kustomize edit fix`, and the warnings `kubectl kustomize` prints). */
const DEPRECATED: Readonly<Record<string, Deprecation>> = {
  bases: { replacement: 'resources', convert: asList },
  commonLabels: {
    replacement: 'labels',
    // `includeSelectors: true` keeps what commonLabels did: labels on selectors and pod templates too.
    convert: (old) => (old && typeof old === 'object' && !Array.isArray(old) ? [{ pairs: old, includeSelectors: true }] : undefined),
  },
  patchesStrategicMerge: {
    replacement: 'patches',
    convert: (old) => asList(old)?.map((entry) => (typeof entry === 'string' && !entry.includes('\n') ? { path: entry } : { patch: entry })),
  },
  patchesJson6902: { replacement: 'patches', convert: asList },
  imageTags: { replacement: 'images', convert: asList },
  vars: { replacement: 'replacements' },
};

function fixFor(target: KustomizationTarget, field: string, deprecation: Deprecation): FindingFix | undefined {
  const converted = deprecation.convert?.(target.value[field]);
  if (!converted) return undefined;
  const { replacement } = deprecation;
  const existing = target.value[replacement];
  let edits: (TextEdit | undefined)[];
  if (existing === undefined) edits = [replacePair(target.doc, field, replacement, converted)];
  else if (Array.isArray(existing)) {
    edits = [replacePair(target.doc, replacement, replacement, [...existing, ...converted]), deletePairLines(target.doc, field)];
  } else return undefined;
  if (edits.some((e) => e === undefined)) return undefined;
  return { title: `Move \`${field}\` to \`${replacement}\``, safety: 'safe', edits: [{ uri: target.doc.uri, edits: edits as TextEdit[] }] };
}

export const rule = configRule({
  id: 'no-deprecated-kustomize-field',
  defaultSeverity: 'warning',
  kinds: ['kustomization'],
  messages: {
    deprecatedField: '`{{field}}` is deprecated in kustomize v5 and will be removed; use `{{replacement}}`.',
    deprecatedFieldFix: '`{{field}}` is deprecated in kustomize v5 and will be removed; use `{{replacement}}`. The quick fix moves it.',
    deprecatedVars:
      '`{{field}}` is deprecated in kustomize v5 and will be removed; use `{{replacement}}`. Rewrite each var as a replacement (source: the object and field; targets: the fields that used `$(NAME)`).',
  },
  summary:
    'A kustomization uses the current fields, not the deprecated `bases`, `commonLabels`, `patchesStrategicMerge`, `patchesJson6902`, `imageTags` or `vars`.',
  rationale:
    'kustomize v5 prints a deprecation warning for these fields on every build and will remove them: `bases` became `resources`, `commonLabels` became `labels` (with `includeSelectors: true` for the same effect), `patchesStrategicMerge` and `patchesJson6902` became `patches`, `imageTags` became `images`, and `vars` became `replacements`. The quick fix rewrites the field where the conversion is mechanical; `vars` has to be rewritten by hand, since a replacement names the fields it writes while a var is found by `$(NAME)` anywhere.',
  remediation: 'Apply the quick fix (or `kustomize edit fix`); rewrite `vars` as `replacements` by hand.',
  valid: [
    asKustomization(`resources:
  - deployment.yaml
${LABELS}patches:
  - path: replicas-patch.yaml
`),
  ],
  invalid: [
    {
      example: asKustomization(`resources:
  - deployment.yaml
commonLabels:
  app: main-app
`),
      messageId: 'deprecatedFieldFix',
      line: 3,
      column: 1,
      output: `resources:
  - deployment.yaml
${LABELS}`,
    },
    {
      example: asKustomization(`patchesStrategicMerge:
  - replicas-patch.yaml
  - |-
${indented('    ', REPLICAS_PATCH)}`),
      messageId: 'deprecatedFieldFix',
      line: 1,
      column: 1,
      output: `patches:
  - path: replicas-patch.yaml
  - patch: |-
${indented('      ', REPLICAS_PATCH)}`,
    },
    {
      example: asKustomization(`bases:
  - ../base
resources:
  - configmap.yaml
`),
      messageId: 'deprecatedFieldFix',
      line: 1,
      column: 1,
      output: `resources:
  - configmap.yaml
  - ../base
`,
    },
    // An empty `resources:` is no list to add to: no fix.
    { example: asKustomization('resources:\nbases:\n  - ../base\n'), messageId: 'deprecatedField', line: 2, column: 1 },
    { example: asKustomization('vars:\n  - { name: SVC, objref: { kind: Service, name: web } }\n'), messageId: 'deprecatedVars', line: 1, column: 1 },
  ],
  check(context) {
    const target = kustomizationOf(context);
    if (!target) return;
    for (const [field, deprecation] of Object.entries(DEPRECATED)) {
      if (!(field in target.value)) continue;
      const fix = fixFor(target, field, deprecation);
      context.report({
        path: [field],
        messageId: deprecation.convert ? (fix ? 'deprecatedFieldFix' : 'deprecatedField') : 'deprecatedVars',
        data: { field, replacement: deprecation.replacement },
        ...(fix ? { fixes: [fix] } : {}),
        payload: { field, replacement: deprecation.replacement },
      });
    }
  },
});
