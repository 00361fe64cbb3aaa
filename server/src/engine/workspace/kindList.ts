/** The cached list of one kind's rendered objects behind WorkspaceIndex.objectsOfKind. */
import type { RenderedObject } from '../render/render';
import type { ManifestFile } from '../document/manifestFile';
import type { WorkloadCommandLine } from '../k8s/lookup';
import type { KeyVersions, VersionSnapshot } from './dependencyKeys';

export /** The rendered objects of one kind (and namespace), cached until the kind, the layout or a file of it changes. */
interface KindList {
  kindVersion: number;
  layout: number;
  files: Map<string, ManifestFile | undefined>;
  objects: RenderedObject[];
  /** For a workload kind, the objects' command lines (built on first use). */
  commandLines?: WorkloadCommandLine[];
  /** `fileGeneration` when `files` was last found current (the check is skipped until a file changes). */
  checkedAt: number;
}

/** The objects' names of `list`, or `previous` when they are the same (one array while the names do not change). */
export function namesOf(list: KindList, previous: readonly string[] | undefined): readonly string[] {
  const names = list.objects.map((o) => o.identity.name ?? '');
  return previous && previous.length === names.length && previous.every((n, i) => n === names[i]) ? previous : names;
}

/**
 * Plain data derived from kinds' lists (names, command lines), kept while the keys it was built under
 * are unchanged: unlike a list's rendered objects it holds no file version, so it outlives the edits that
 * only move documents.
 */
export class DerivedCache<T> {
  private readonly entries = new Map<string, { snapshot: VersionSnapshot; value: T }>();

  constructor(private readonly versions: KeyVersions) {}

  /** The value built under `keys`; `build` gets the one it replaces (to keep it when equal). */
  get(id: string, keys: readonly string[], build: (previous: T | undefined) => T): T {
    const cached = this.entries.get(id);
    if (cached && this.versions.isCurrent(cached.snapshot)) return cached.value;
    // The snapshot before the build: a key bumped meanwhile makes the next call build again.
    const snapshot = this.versions.snapshot(keys);
    const value = build(cached?.value);
    this.entries.set(id, { snapshot, value });
    return value;
  }

  prune(): void {
    for (const [id, entry] of this.entries) if (!this.versions.isCurrent(entry.snapshot)) this.entries.delete(id);
  }
}
