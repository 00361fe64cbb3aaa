/** The cached list of one kind's rendered objects behind WorkspaceIndex.objectsOfKind. */
import type { RenderedObject } from '../render/render';
import type { ManifestFile } from '../document/manifestFile';
import type { WorkloadCommandLine } from '../k8s/lookup';

export /** The rendered objects of one kind (and namespace), cached until the kind, the layout or a file of it changes. */
interface KindList {
  kindVersion: number;
  layout: number;
  files: Map<string, ManifestFile | undefined>;
  objects: RenderedObject[];
  /** The objects' names (built on first use). */
  names?: readonly string[];
  /** The names of the list this one replaced, until `names` is built (see namesOfKind). */
  earlierNames?: readonly string[] | undefined;
  /** For a workload kind, the objects' command lines (built on first use). */
  commandLines?: WorkloadCommandLine[];
  /** `fileGeneration` when `files` was last found current (the check is skipped until a file changes). */
  checkedAt: number;
}

/** The objects' names, built once per list. */
export function namesOfList(list: KindList): readonly string[] {
  if (!list.names) {
    const names = list.objects.map((o) => o.identity.name ?? '');
    // A list rebuilt because one of its files changed usually names the same objects: the same array, then.
    const earlier = list.earlierNames;
    list.names = earlier && earlier.length === names.length && earlier.every((n, i) => n === names[i]) ? earlier : names;
    list.earlierNames = undefined;
  }
  return list.names;
}
