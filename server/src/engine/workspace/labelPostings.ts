/**
 * Label postings of one kind in one namespace: `label=value` → the objects (by folder and identity)
 * whose documents carry it. Built from each document's own pod template labels, not from rendered
 * objects, so the postings stay right while only the objects' other fields change: they are rebuilt
 * when the kind's labels key changes (a document's pod labels, or a document added, removed or
 * renamed), not on every edit of an object of the kind. A look-up resolves the posted identities to
 * the current rendered objects and keeps those whose rendered labels match (exact for any grouping
 * into base + patches, since every document's labels are posted).
 */
import type { ManifestDocument } from '../document/manifestDocument';
import type { LabelsOf } from '../k8s/lookup';
import { render, type RenderedObject } from '../render/render';
import type { VersionSnapshot } from './dependencyKeys';

/** The documents of one folder and identity: any of them names its rendered objects. */
export interface PostedObject {
  /** `folder|identity key`. */
  readonly key: string;
  readonly doc: ManifestDocument;
}

export interface LabelPostings {
  /** Versions of the kind's labels key when built. */
  readonly snapshot: VersionSnapshot;
  readonly byLabel: ReadonlyMap<string, readonly PostedObject[]>;
}

function labelOf(key: string, value: unknown): string {
  return `${key}=${String(value)}`;
}

/** Postings of `docs` (every document of the kind in the namespace, in index order). */
export function buildLabelPostings(
  docs: Iterable<ManifestDocument>,
  keyOf: (doc: ManifestDocument) => string,
  labelsOf: LabelsOf,
  snapshot: VersionSnapshot,
): LabelPostings {
  const byLabel = new Map<string, PostedObject[]>();
  const firstDoc = new Map<string, PostedObject>();
  for (const doc of docs) {
    const key = keyOf(doc);
    let posted = firstDoc.get(key);
    if (!posted) firstDoc.set(key, (posted = { key, doc }));
    // A patch's labels are its own: rendered alone, it has only them (render() of one document copies nothing).
    for (const [name, value] of Object.entries(labelsOf(render(doc, [])) ?? {})) {
      if (value === undefined) continue;
      const label = labelOf(name, value);
      const list = byLabel.get(label);
      if (!list) byLabel.set(label, [posted]);
      else if (list[list.length - 1] !== posted && !list.includes(posted)) list.push(posted);
    }
  }
  return { snapshot, byLabel };
}

/**
 * The objects whose rendered `labelsOf` labels hold every selector label (values compared as
 * strings). `groupsOf` gives the current rendered objects of a posted document's folder and identity.
 */
export function selectByLabels(
  postings: LabelPostings,
  selector: Record<string, unknown>,
  labelsOf: LabelsOf,
  groupsOf: (doc: ManifestDocument) => readonly RenderedObject[],
): RenderedObject[] {
  const entries = Object.entries(selector);
  let candidates: readonly PostedObject[] | undefined;
  for (const [name, value] of entries) {
    const posted = postings.byLabel.get(labelOf(name, value)) ?? [];
    candidates = candidates ? candidates.filter((c) => posted.includes(c)) : posted;
    if (candidates.length === 0) return [];
  }
  const out: RenderedObject[] = [];
  for (const candidate of candidates ?? []) {
    for (const object of groupsOf(candidate.doc)) {
      const labels = labelsOf(object) ?? {};
      if (entries.every(([name, value]) => labels[name] !== undefined && String(labels[name]) === String(value))) out.push(object);
    }
  }
  return out;
}
