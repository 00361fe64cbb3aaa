/**
 * Keys for one projection of every object of a kind. A result that reads only that projection
 * depends on its key, bumped when the projection of some document changes, not on every edit of an
 * object of the kind:
 * - labels: a Service reads every workload of its namespace to find the ones its selector picks,
 *   but only their labels (plus the identities it selected), and only the labels its selector
 *   names: it depends on one key per selector label (`app=web`), bumped when a workload of any kind
 *   gains or loses that label; the kind's labels key (any label changed) keeps the index's label postings;
 * - names: a "did you mean" suggestion reads the names of every ConfigMap or Secret;
 * - command lines: "is this Secret created by a Job that is told its name" reads the names the
 *   namespace's command lines mention: one key per name (k8s/commandLineMentions.ts), so editing
 *   one workload's args re-checks the references to the names it adds or drops, not every one.
 * So editing a Deployment's annotation re-checks that Deployment and what selects it, not every
 * workload with a missing reference in the namespace.
 */
import type { ManifestDocument, ResourceIdentity } from '../document/manifestDocument';
import { podLabelsPath, podSpecPath } from '../k8s/podSpec';
import { at, list, record } from '../k8s/values';
import { mentionTokens } from '../k8s/commandLineMentions';

/** Pod labels of a kind in a namespace (undefined: in every namespace). */
export function labelsKey(kind: string, namespace: string | undefined): string {
  return `labels:${kind}/${namespace ?? '*'}`;
}

/**
 * One pod label (`name=value`, the value as a string, as selectors compare it) in a namespace (or all), of any
 * workload kind: every selection asks all workload kinds at once, so one key per label serves them all.
 */
export function podLabelKey(namespace: string | undefined, name: string, value: unknown): string {
  return `pod-labels:${namespace ?? '*'}|${name}=${String(value)}`;
}

/**
 * A document with more label or name keys than this (a hostile 50,000-label pod template) gets one key per
 * namespace instead, which every reader also depends on: bounded keys per document, and still exact.
 */
export const MAX_FINE_KEYS = 256;

/** The pod labels of the documents with too many for a key each (see MAX_FINE_KEYS). */
export function manyPodLabelsKey(namespace: string | undefined): string {
  return `pod-labels:${namespace ?? '*'}#many`;
}

/** The names mentioned by the command lines of the documents with too many for a key each (see MAX_FINE_KEYS). */
export function manyCommandLineNamesKey(namespace: string): string {
  return `command-lines:${namespace}#many`;
}

export function namesKey(kind: string, namespace: string): string {
  return `names:${kind}/${namespace}`;
}

export function commandLinesKey(namespace: string): string {
  return `command-lines:${namespace}`;
}

/** The command lines of a namespace that mention `name` (a name without separators, see isTokenName). */
export function commandLineNameKey(namespace: string, name: string): string {
  return `command-lines:${namespace}|${name}`;
}

/** The words (command, then args) of each container and init container of a pod spec, as written. */
export function commandLineWords(spec: unknown): string[][] {
  const out: string[][] = [];
  for (const field of ['containers', 'initContainers']) {
    for (const item of list(at(spec, field))) {
      const container = record(item);
      if (!container) continue;
      out.push([...list(container.command), ...list(container.args)].filter((w): w is string => typeof w === 'string'));
    }
  }
  return out;
}

/**
 * What the rendered command lines of a workload depend on in one of its documents: each container's
 * name (a patch merges by name), command, args and merge directives (`$patch`).
 */
function commandLineSignature(spec: unknown): unknown[] {
  const out: unknown[] = [];
  for (const field of ['containers', 'initContainers']) {
    for (const item of list(at(spec, field))) {
      const container = record(item);
      const directives = container
        ? Object.keys(container)
            .filter((k) => k.startsWith('$'))
            .map((k) => [k, container[k]])
        : [];
      out.push(container ? [field, container.name, container.command, container.args, directives] : [field, item]);
    }
  }
  return out;
}

/** A key and what of one document it stands for; `fine` keys are one label's or one name's (see siblingKeys). */
type Projection = (id: ResourceIdentity, value: unknown) => { key: string; signature: unknown; fine?: true }[];

const PROJECTIONS: readonly Projection[] = [
  // The same projection the label postings use (podLabels): one definition of where pod labels live.
  (id, value) => {
    const path = podLabelsPath(id.kind);
    const labels = (path ? at(value, ...path) : undefined) ?? null;
    const pairs = Object.entries(record(labels) ?? {}).filter(([, v]) => v !== undefined);
    // Once for the namespace and once for all namespaces (a Service that selects nothing in its own looks in others).
    return [id.namespace, undefined].flatMap((ns) => [
      { key: labelsKey(id.kind, ns), signature: labels },
      ...(pairs.length > MAX_FINE_KEYS
        ? [{ key: manyPodLabelsKey(ns), signature: labels, fine: true as const }]
        : pairs.map(([name, v]) => ({ key: podLabelKey(ns, name, v), signature: null, fine: true as const }))),
    ]);
  },
  (id) => [{ key: namesKey(id.kind, id.namespace), signature: null }],
  (id, value) => {
    const path = podSpecPath(id.kind);
    if (!path) return [];
    const spec = at(value, ...path);
    const named = new Set(commandLineWords(spec).flat().flatMap(mentionTokens));
    const signature = [id.kind, commandLineSignature(spec)];
    return [
      { key: commandLinesKey(id.namespace), signature },
      ...(named.size > MAX_FINE_KEYS
        ? [{ key: manyCommandLineNamesKey(id.namespace), signature, fine: true as const }]
        : [...named].map((name) => ({ key: commandLineNameKey(id.namespace, name), signature: id.kind, fine: true as const }))),
    ];
  },
];

/** The documents of the same identity as a document (its base, its patches, copies in other folders). */
export type SiblingsOf = (doc: ManifestDocument) => readonly ManifestDocument[];

/** Adds the keys of the projections that differ between the removed and the added documents. */
export function collectProjectionKeys(
  removed: readonly ManifestDocument[],
  added: readonly ManifestDocument[],
  into: Set<string>,
  siblingsOf: SiblingsOf,
): void {
  const steps = collectProjectionKeySteps(removed, added, into, Infinity, siblingsOf);
  while (!steps.next().done) continue;
}

/**
 * The label and name keys of the unchanged documents that share an identity with a changed one. A
 * patch merges over its base: when it changes, the rendered labels and command lines may gain or
 * lose what only the base says (a patch that stops overriding `app` gives the base's value back).
 */
function siblingKeys(changed: readonly ManifestDocument[], removed: ReadonlySet<ManifestDocument>, siblingsOf: SiblingsOf, into: Set<string>): void {
  for (const doc of changed) {
    for (const sibling of siblingsOf(doc)) {
      if (sibling === doc || removed.has(sibling) || !sibling.identity) continue;
      const value = sibling.plain().value;
      for (const projection of PROJECTIONS) for (const p of projection(sibling.identity, value)) if (p.fine) into.add(p.key);
    }
  }
}

/** `collectProjectionKeys` in steps: yields after every `stepDocuments` documents (a projection reads the plain value). */
export function* collectProjectionKeySteps(
  removed: readonly ManifestDocument[],
  added: readonly ManifestDocument[],
  into: Set<string>,
  stepDocuments: number,
  siblingsOf: SiblingsOf,
): Generator<void, void, void> {
  const counts = new Map<string, Map<string, number>>();
  // Only added (a file opened or loaded) or only removed: every key of every document changed, no signatures to
  // compare (a cold 5,000-document file would build ≈ 35,000 signature strings for nothing).
  const oneSided = removed.length === 0 || added.length === 0;
  let done = 0;
  const count = (doc: ManifestDocument, delta: number): boolean => {
    const id = doc.identity;
    if (id) {
      const value = doc.plain().value;
      for (const projection of PROJECTIONS) {
        for (const projected of projection(id, value)) {
          if (oneSided) {
            into.add(projected.key);
            continue;
          }
          // Per file and name: a document moved within its file is the same fact; one renamed is not.
          const signature = JSON.stringify([doc.uri, id.name ?? '', projected.signature]);
          const byKey = counts.get(projected.key) ?? new Map<string, number>();
          byKey.set(signature, (byKey.get(signature) ?? 0) + delta);
          counts.set(projected.key, byKey);
        }
      }
    }
    return ++done % stepDocuments === 0;
  };
  for (const doc of removed) if (count(doc, -1)) yield;
  for (const doc of added) if (count(doc, 1)) yield;
  for (const [key, byKey] of counts) if ([...byKey.values()].some((n) => n !== 0)) into.add(key);
  siblingKeys([...removed, ...added], new Set(removed), siblingsOf, into);
}
