/**
 * Keys for the labels selectors match. A Service reads every workload of its namespace to find the
 * ones its selector picks, but only their labels: its result depends on `labelsKey` (bumped when
 * a workload of that kind is added, removed or relabelled) plus the identities it selected, so an
 * edit elsewhere in a Deployment re-checks only the Services that select that Deployment.
 */
import type { ManifestDocument } from '../document/manifestDocument';
import { podLabelsPath } from '../k8s/podSpec';
import { at } from '../k8s/values';

export function labelsKey(kind: string, namespace: string): string {
  return `labels:${kind}/${namespace}`;
}

function signature(doc: ManifestDocument): { key: string; signature: string } | undefined {
  const id = doc.identity;
  if (!id) return undefined;
  const value = doc.plain().value;
  // The same projection the label postings use (podLabels): one definition of where pod labels live.
  const path = podLabelsPath(id.kind);
  const labels = (path ? at(value, ...path) : undefined) ?? null;
  return { key: labelsKey(id.kind, id.namespace), signature: JSON.stringify([doc.uri, id.name ?? '', labels]) };
}

/** Adds the labels keys whose label signatures differ between the removed and the added documents. */
export function collectLabelKeys(removed: Iterable<ManifestDocument>, added: Iterable<ManifestDocument>, into: Set<string>): void {
  const steps = collectLabelKeySteps(removed, added, into, Infinity);
  while (!steps.next().done) continue;
}

/** `collectLabelKeys` in steps: yields after every `stepDocuments` documents (a signature reads the plain value). */
export function* collectLabelKeySteps(
  removed: Iterable<ManifestDocument>,
  added: Iterable<ManifestDocument>,
  into: Set<string>,
  stepDocuments: number,
): Generator<void, void, void> {
  const counts = new Map<string, Map<string, number>>();
  let done = 0;
  const count = (doc: ManifestDocument, delta: number): boolean => {
    const sig = signature(doc);
    if (sig) {
      const byKey = counts.get(sig.key) ?? new Map<string, number>();
      byKey.set(sig.signature, (byKey.get(sig.signature) ?? 0) + delta);
      counts.set(sig.key, byKey);
    }
    return ++done % stepDocuments === 0;
  };
  for (const doc of removed) if (count(doc, -1)) yield;
  for (const doc of added) if (count(doc, 1)) yield;
  for (const [key, byKey] of counts) if ([...byKey.values()].some((n) => n !== 0)) into.add(key);
}
