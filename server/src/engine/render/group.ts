/**
 * Which documents are patches of which base. Documents with the same apiVersion, kind, namespace
 * and name in one folder form a group; the most complete one is the base and the others are
 * patches over it (`main-app-probes.yaml` over `main-app-deployment.yaml`). A kustomization that
 * lists a file as a patch makes its documents patches whatever their size.
 */
import type { ManifestDocument } from '../document/manifestDocument';
import { isPlainObject } from './annotated';

export interface DocumentGroup {
  base: ManifestDocument | undefined;
  patches: ManifestDocument[];
}

/** Counts the scalar leaves of a value: a cheap, stable measure of how complete a document is. */
export function leafCount(value: unknown, budget = 100_000): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count < budget) {
    const next = stack.pop();
    if (Array.isArray(next)) stack.push(...next);
    else if (isPlainObject(next)) stack.push(...Object.values(next));
    else count++;
  }
  return count;
}

function patchLikeName(uri: string): boolean {
  return /[-_.](patch|probes|overlay|override)[^/]*\.ya?ml$/i.test(uri);
}

/**
 * Orders documents of one identity and folder: the base first. `listedPatches` holds the URIs a
 * kustomization names as patches.
 */
export function groupDocuments(docs: readonly ManifestDocument[], listedPatches: ReadonlySet<string>): DocumentGroup {
  if (docs.length === 1 && !listedPatches.has(docs[0]!.uri)) return { base: docs[0], patches: [] };
  const candidates = docs.filter((doc) => !listedPatches.has(doc.uri));
  const ranked = [...candidates].sort((a, b) => {
    const byName = Number(patchLikeName(a.uri)) - Number(patchLikeName(b.uri));
    if (byName !== 0) return byName;
    const bySize = leafCount(b.plain().value) - leafCount(a.plain().value);
    if (bySize !== 0) return bySize;
    return a.uri === b.uri ? a.index - b.index : a.uri < b.uri ? -1 : 1;
  });
  const base = ranked[0];
  const patches = docs
    .filter((doc) => doc !== base)
    .sort((a, b) => (a.uri === b.uri ? a.index - b.index : a.uri < b.uri ? -1 : 1));
  return { base, patches };
}
