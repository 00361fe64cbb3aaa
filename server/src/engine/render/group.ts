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
    // One push at a time: spreading a list of 300,000 items as arguments overflows the stack.
    if (Array.isArray(next)) for (const item of next) stack.push(item);
    else if (isPlainObject(next)) for (const child of Object.values(next)) stack.push(child);
    else count++;
  }
  return count;
}

/** File names that announce patches: `web-patch.yaml`, `main-app-probes.yaml`, `prod-overlay.yml`. */
export function patchLikeName(uri: string): boolean {
  return /[-_.](patch|probes|overlay|override)[^/]*\.ya?ml$/i.test(uri);
}

function byPlace(a: ManifestDocument, b: ManifestDocument): number {
  return a.uri === b.uri ? a.index - b.index : a.uri < b.uri ? -1 : 1;
}

/**
 * Groups documents of one identity and folder into rendered objects, base first. `listedPatches`
 * holds the URIs a kustomization names as patches; `isComplete` tells whether a document is a whole
 * object by itself (no required field missing). Several complete documents are not patches of
 * each other (test suites and copies often repeat names): each stands alone, and incomplete ones
 * patch the first.
 */
export function groupDocuments(
  docs: readonly ManifestDocument[],
  listedPatches: ReadonlySet<string>,
  isComplete?: (doc: ManifestDocument) => boolean,
): DocumentGroup[] {
  if (docs.length === 1 && !listedPatches.has(docs[0]!.uri)) return [{ base: docs[0], patches: [] }];
  // A patch finds its base by name: documents without a name (test fixtures, fragments) are each
  // an object of their own, never merged with the other nameless documents of their kind.
  if (docs.length > 0 && docs[0]!.identity?.name === undefined) {
    return [...docs].sort(byPlace).map((doc) => ({ base: doc, patches: [] }));
  }
  const candidates = docs.filter((doc) => !listedPatches.has(doc.uri));
  const ranked = [...candidates].sort((a, b) => {
    const byName = Number(patchLikeName(a.uri)) - Number(patchLikeName(b.uri));
    if (byName !== 0) return byName;
    const bySize = leafCount(b.plain().value) - leafCount(a.plain().value);
    return bySize !== 0 ? bySize : byPlace(a, b);
  });
  const complete = isComplete ? ranked.filter(isComplete) : [];
  const base = complete[0] ?? ranked[0];
  const standalone = complete.slice(1);
  const patches = docs.filter((doc) => doc !== base && !standalone.includes(doc)).sort(byPlace);
  return [{ base, patches }, ...standalone.map((doc) => ({ base: doc, patches: [] }))];
}
