import { configRule, type RuleExample } from '../engine/lint/rule';
import { isPlainObject } from '../engine/render/annotated';
import { kustomizationOf } from './helpers/kustomize';
import { builtObjects, type BuiltObject } from './helpers/kustomizeResources';
import { labelledDeployment } from './helpers/exampleObjects';

type Target = Record<string, unknown>;

/** kustomize matches a selector's id fields as anchored regular expressions. */
function fieldMatches(pattern: unknown, values: readonly string[]): boolean {
  if (typeof pattern !== 'string' || pattern === '') return true;
  // A nested quantifier (`(a+)+`) could backtrack for minutes on a long name: such a pattern is compared literally.
  if (/\([^)]*[+*][^)]*\)[+*{]/.test(pattern) || pattern.length > 200) return values.includes(pattern);
  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${pattern})$`);
  } catch {
    return values.includes(pattern);
  }
  return values.some((v) => regex.test(v));
}

/** Equality and existence terms of a label selector; a term it cannot read counts as matching. */
function selectorMatches(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  if (typeof selector !== 'string' || selector.trim() === '') return true;
  for (const raw of selector.split(/,(?![^(]*\))/)) {
    const term = raw.trim();
    const eq = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(term);
    if (eq) {
      const has = labels[eq[1]!] === eq[3];
      if (eq[2] === '!=' ? has : !has) return false;
    } else if (/^[\w./-]+$/.test(term)) {
      if (!(term in labels)) return false;
    } else if (/^![\w./-]+$/.test(term)) {
      if (term.slice(1) in labels) return false;
    }
  }
  return true;
}

function groupVersion(apiVersion: string): [string, string] {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? ['', apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
}

function selects(target: Target, object: BuiltObject): boolean {
  const [group, version] = groupVersion(object.apiVersion);
  return (
    fieldMatches(target.group, [group]) &&
    fieldMatches(target.version, [version]) &&
    fieldMatches(target.kind, [object.kind]) &&
    fieldMatches(target.name, object.names) &&
    fieldMatches(target.namespace, object.namespaces) &&
    selectorMatches(target.labelSelector, object.labels) &&
    selectorMatches(target.annotationSelector, object.annotations)
  );
}

function describeTarget(target: Target): string {
  const parts = ['group', 'version', 'kind', 'name', 'namespace', 'labelSelector', 'annotationSelector']
    .filter((k) => typeof target[k] === 'string' && target[k] !== '')
    .map((k) => `${k} ${String(target[k])}`);
  return parts.length > 0 ? parts.join(', ') : 'everything';
}

/** The kustomization's one resource: the main-app Deployment, labelled app=main-app itself too. */
const DEPLOYMENT = labelledDeployment({ metadata: ['labels:', '  app: main-app'], image: 'nginx:1.27' });

/** A kustomization of the Deployment whose patch sets 3 replicas on the Deployments its target selects (`selector`: the line after the kind). */
const replicasPatch = (selector: string): RuleExample => ({
  files: {
    'kustomization.yaml': `resources:
  - deployment.yaml
patches:
  - target:
      kind: Deployment
      ${selector}
    patch: |-
      - op: replace
        path: /spec/replicas
        value: 3
`,
    'deployment.yaml': DEPLOYMENT,
  },
});

export const rule = configRule({
  id: 'no-unmatched-patch-target',
  defaultSeverity: 'warning',
  kinds: ['kustomization'],
  messages: {
    unmatchedTarget:
      '{{field}}[{{index}}].target ({{target}}) selects none of the {{count}} resources of this kustomization: kustomize skips the patch without an error. Correct the target or remove the patch.',
  },
  summary: 'A patch `target` selects at least one resource of the kustomization.',
  rationale:
    "kustomize applies a patch with a `target` to every object the target selects, and to none without a word when nothing matches: after a rename, a typo in `name` or `kind`, or a label that changed, the patch silently stops applying (replicas, resources or images revert to the base). Checked only when every resource of the kustomization is in the workspace (no remote resources, components, helm charts or plugins); names with the base's `namePrefix`/`nameSuffix` and labels a kustomization adds count as matching.",
  remediation: 'Correct the target (kind, name, namespace, labelSelector) so that it selects the objects the patch is meant for, or remove the patch.',
  valid: [replicasPatch('labelSelector: app=main-app')],
  invalid: [
    {
      example: replicasPatch('name: main-ap'),
      messageId: 'unmatchedTarget',
      line: 4,
      column: 5,
    },
  ],
  check(context) {
    const target = kustomizationOf(context);
    if (!target) return;
    const patchLists = ['patches', 'patchesJson6902'].filter((f) => Array.isArray(target.value[f]));
    if (patchLists.length === 0) return;
    const objects = builtObjects(context.workspace, target.value, target.folder);
    if (!objects) return;
    for (const field of patchLists) {
      (target.value[field] as unknown[]).forEach((entry, i) => {
        if (!isPlainObject(entry) || !isPlainObject(entry.target)) return;
        const selector = entry.target;
        if (objects.some((o) => selects(selector, o))) return;
        context.report({
          path: [field, i, 'target'],
          messageId: 'unmatchedTarget',
          data: { field, index: i, target: describeTarget(selector), count: objects.length },
        });
      });
    }
  },
});
