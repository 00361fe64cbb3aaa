/**
 * Keys for the labels selectors match. A Service reads every workload of its namespace to find the
 * ones its selector picks, but only their labels: its result depends on `labelsKey` (bumped when
 * a workload of that kind is added, removed or relabelled) plus the identities it selected, so an
 * edit elsewhere in a Deployment re-checks only the Services that select that Deployment.
 */
import type { ManifestDocument } from '../document/manifestDocument';

export function labelsKey(kind: string, namespace: string): string {
  return `labels:${kind}/${namespace}`;
}

/** The pod labels a selector matches: a Pod's own, a CronJob's job pod template's, else the pod template's. */
function labelPath(kind: string): readonly string[] {
  if (kind === 'Pod') return ['metadata', 'labels'];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels'];
  return ['spec', 'template', 'metadata', 'labels'];
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let node = value;
  for (const part of path) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function signature(doc: ManifestDocument): { key: string; signature: string } | undefined {
  const id = doc.identity;
  if (!id) return undefined;
  const value = doc.plain().value;
  const labels = valueAt(value, labelPath(id.kind)) ?? null;
  return { key: labelsKey(id.kind, id.namespace), signature: JSON.stringify([doc.uri, id.name ?? '', labels]) };
}

/** Adds the labels keys whose label signatures differ between the removed and the added documents. */
export function collectLabelKeys(removed: Iterable<ManifestDocument>, added: Iterable<ManifestDocument>, into: Set<string>): void {
  const counts = new Map<string, Map<string, number>>();
  const count = (doc: ManifestDocument, delta: number): void => {
    const sig = signature(doc);
    if (!sig) return;
    const byKey = counts.get(sig.key) ?? new Map<string, number>();
    byKey.set(sig.signature, (byKey.get(sig.signature) ?? 0) + delta);
    counts.set(sig.key, byKey);
  };
  for (const doc of removed) count(doc, -1);
  for (const doc of added) count(doc, 1);
  for (const [key, byKey] of counts) if ([...byKey.values()].some((n) => n !== 0)) into.add(key);
}
