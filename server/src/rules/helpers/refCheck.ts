/** The shared check behind the missing Secret/ConfigMap (and missing key) rules. */
import type { ObjectRuleContext } from '../../engine/lint/rule';
import type { RenderedObject } from '../../engine/render/render';
import type { FindingFix, RelatedLocation } from '../../engine/types';
import { fix, replaceValue } from './edits';
import { podSpecPath } from '../../engine/k8s/podSpec';
import { objectRefsOfPodSpec, type ObjectRef, type RefKind } from '../../engine/k8s/podRefs';
import { keysFilledByCluster, keysOf } from '../../engine/k8s/secretData';
import { at } from '../../engine/k8s/values';
import { createdElsewhere } from '../../engine/k8s/createdElsewhere';
import { yamlScalar } from './scalarSource';
import { editDistance } from '../../engine/schema/suggest';

/** The candidate closest to `wanted` (case-insensitive match or at most 2 edits), if one stands out. */
export function closest(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  const lower = wanted.toLowerCase();
  for (const candidate of candidates) {
    const sameButCase = candidate.length === wanted.length && candidate.toLowerCase() === lower;
    const d = sameButCase ? 0 : editDistance(wanted, candidate, bestDistance - 1);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/**
 * Suggestions among the names of a kind, remembered per names list: the index hands out the same
 * list until an object of the kind changes, so re-checking hundreds of broken references after an
 * edit elsewhere does not compare each with every name again.
 */
const suggestionsByNames = new WeakMap<readonly string[], Map<string, string | undefined>>();

function closestName(wanted: string, names: readonly string[]): string | undefined {
  let known = suggestionsByNames.get(names);
  if (!known) suggestionsByNames.set(names, (known = new Map()));
  if (!known.has(wanted)) known.set(wanted, closest(wanted, names));
  return known.get(wanted);
}

function renameFix(context: ObjectRuleContext, path: readonly (string | number)[], to: string, what: string): FindingFix[] {
  const origin = context.locate(path);
  return fix(`Change to ${what} ${to}`, 'unsafe', origin.doc, [replaceValue(origin.doc, origin.path, yamlScalar(to))]);
}

function relatedOf(target: RenderedObject, message: string): RelatedLocation[] {
  const origin = target.locate(['metadata', 'name']);
  return [{ uri: origin.doc.uri, range: origin.doc.rangeOfPath(origin.path), message }];
}

/** The messages of the missing Secret/ConfigMap rules (`{{kind}}` is Secret or ConfigMap). */
export const MISSING_OBJECT_MESSAGES = {
  objectMissing:
    '{{kind}} {{name}}, used by {{via}} in {{owner}}, is not in this workspace (namespace {{namespace}}): unless it is created some other way, the pod does not start (CreateContainerConfigError). Create the {{kind}}, fix the name, or mark the reference `optional: true`.',
  objectMissingDidYouMean:
    '{{kind}} {{name}}, used by {{via}} in {{owner}}, is not in this workspace (namespace {{namespace}}): unless it is created some other way, the pod does not start (CreateContainerConfigError). Did you mean {{guess}}? Create the {{kind}}, fix the name, or mark the reference `optional: true`.',
};

/** The messages of the missing key rules. */
export const MISSING_KEY_MESSAGES = {
  keyMissing:
    '{{kind}} {{name}} has no key {{key}} (its keys are {{keys}}), but {{via}} in {{owner}} needs it: the pod fails with CreateContainerConfigError. Add the key to the {{kind}} or fix the reference.',
  keyMissingDidYouMean:
    '{{kind}} {{name}} has no key {{key}} (its keys are {{keys}}), but {{via}} in {{owner}} needs it: the pod fails with CreateContainerConfigError. Did you mean {{guess}}? Add the key to the {{kind}} or fix the reference.',
  keyMissingNoKeys:
    '{{kind}} {{name}} has no key {{key}} (it has no keys), but {{via}} in {{owner}} needs it: the pod fails with CreateContainerConfigError. Add the key to the {{kind}} or fix the reference.',
};

type RefMessage = keyof typeof MISSING_OBJECT_MESSAGES | keyof typeof MISSING_KEY_MESSAGES;

/**
 * Reports references of the checked workload to `kind` objects: `mode: 'object'` those naming an
 * object absent from the workspace, `mode: 'key'` those naming a key the present object lacks.
 * Optional references are skipped (the pod starts without them).
 */
export function checkObjectRefs(context: ObjectRuleContext<RefMessage>, kind: RefKind, mode: 'object' | 'key'): void {
  const object = context.target.object;
  const specPath = podSpecPath(object.identity.kind);
  if (!specPath) return;
  const { namespace } = object.identity;
  const owner = `${object.identity.kind} ${object.identity.name ?? ''}`;
  const seen = new Set<string>();
  for (const ref of objectRefsOfPodSpec(at(object.value, ...specPath))) {
    if (ref.kind !== kind || ref.optional) continue;
    const target = context.workspace.lookup(kind, namespace, ref.name);
    if (mode === 'object' && !target && !createdElsewhere(context.workspace, object, kind, namespace, ref.name)) {
      reportMissingObject(context, ref, specPath, owner, namespace, seen);
    }
    if (mode === 'key' && target && ref.key !== undefined && ref.keyPath) reportMissingKey(context, ref, specPath, owner, target);
  }
}

function reportMissingObject(
  context: ObjectRuleContext<RefMessage>,
  ref: ObjectRef,
  specPath: readonly (string | number)[],
  owner: string,
  namespace: string,
  seen: Set<string>,
): void {
  const path = [...specPath, ...ref.namePath];
  const id = path.join('/');
  if (seen.has(id)) return;
  seen.add(id);
  const names = context.workspace.namesOfKind(ref.kind, namespace);
  const guess = closestName(ref.name, names);
  context.report({
    path,
    part: 'value',
    messageId: guess ? 'objectMissingDidYouMean' : 'objectMissing',
    data: { kind: ref.kind, name: ref.name, via: ref.via, owner, namespace, guess: guess ?? '' },
    ...(guess ? { fixes: renameFix(context, path, guess, ref.kind) } : {}),
  });
}

function reportMissingKey(
  context: ObjectRuleContext<RefMessage>,
  ref: ObjectRef,
  specPath: readonly (string | number)[],
  owner: string,
  target: RenderedObject,
): void {
  if (ref.kind === 'Secret' && keysFilledByCluster(target)) return;
  const keys = keysOf(target);
  if (keys.has(ref.key!)) return;
  const path = [...specPath, ...ref.keyPath!];
  const guess = closest(ref.key!, keys);
  context.report({
    path,
    part: 'value',
    messageId: keys.size === 0 ? 'keyMissingNoKeys' : guess ? 'keyMissingDidYouMean' : 'keyMissing',
    data: { kind: ref.kind, name: ref.name, key: ref.key!, keys: [...keys].sort().join(', '), via: ref.via, owner, guess: guess ?? '' },
    related: relatedOf(target, `${ref.kind} ${ref.name}`),
    ...(guess ? { fixes: renameFix(context, path, guess, 'key') } : {}),
  });
}
