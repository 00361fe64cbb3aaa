/** The cached list of one kind's rendered objects behind WorkspaceIndex.objectsOfKind, and its label postings. */
import type { RenderedObject } from '../render/render';
import type { ManifestFile } from '../document/manifestFile';
import type { LabelsOf, WorkloadCommandLine } from '../k8s/lookup';

export /** The rendered objects of one kind (and namespace), cached until the kind, the layout or a file of it changes. */
interface KindList {
  kindVersion: number;
  layout: number;
  files: Map<string, ManifestFile | undefined>;
  objects: RenderedObject[];
  /** `label=value` → objects, per label projection. */
  postings: Map<LabelsOf, Map<string, RenderedObject[]>>;
  /** The objects' names (built on first use). */
  names?: readonly string[];
  /** The names of the list this one replaced, until `names` is built (see namesOfKind). */
  earlierNames?: readonly string[] | undefined;
  /** For a workload kind, the objects' command lines (built on first use). */
  commandLines?: WorkloadCommandLine[];
  /** `fileGeneration` when `files` was last found current (the check is skipped until a file changes). */
  checkedAt: number;
}

/** Label `key=value` → the objects carrying it, for selector look-ups. */
export function buildPostings(objects: readonly RenderedObject[], labelsOf: LabelsOf): Map<string, RenderedObject[]> {
  const postings = new Map<string, RenderedObject[]>();
  for (const object of objects) {
    for (const [key, value] of Object.entries(labelsOf(object) ?? {})) {
      if (value === undefined) continue;
      const label = `${key}=${String(value)}`;
      const list = postings.get(label);
      if (list) list.push(object);
      else postings.set(label, [object]);
    }
  }
  return postings;
}
