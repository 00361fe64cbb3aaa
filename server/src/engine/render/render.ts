/** Rendering: a base document with its patches merged over it, with provenance for every field. */
import type { ManifestDocument, ResourceIdentity } from '../document/manifestDocument';
import type { ValuePath } from '../types';
import { annotate, isPlainObject, locateIn, toPlain, type Origin } from './annotated';
import { mergeNode } from './strategicMerge';

export type { Origin } from './annotated';

export interface RenderedObject {
  readonly identity: ResourceIdentity;
  /** The merged object as plain values. */
  readonly value: Record<string, unknown>;
  /** The complete document the patches apply to; undefined when only patches exist. */
  readonly base: ManifestDocument | undefined;
  readonly patches: readonly ManifestDocument[];
  /** Base first, then patches in application order. */
  readonly sources: readonly ManifestDocument[];
  /** The document and path that set the value at `path` of the rendered object. */
  locate(path: ValuePath): Origin;
}

function plainObject(doc: ManifestDocument): Record<string, unknown> {
  const value = doc.plain().value;
  return isPlainObject(value) ? value : {};
}

/** Renders one document alone: the identity mapping, with no copying. */
function renderSingle(doc: ManifestDocument, identity: ResourceIdentity, isPatch: boolean): RenderedObject {
  return {
    identity,
    value: plainObject(doc),
    base: isPatch ? undefined : doc,
    patches: isPatch ? [doc] : [],
    sources: [doc],
    locate: (path) => ({ doc, path }),
  };
}

/**
 * Merges `patches` over `base` in order. With no base (patches whose base is not in the
 * workspace) the patches are merged over each other.
 */
export function render(base: ManifestDocument | undefined, patches: readonly ManifestDocument[]): RenderedObject {
  const sources = base ? [base, ...patches] : [...patches];
  const first = sources[0];
  if (!first || !first.identity) throw new Error('render() needs at least one Kubernetes document');
  if (sources.length === 1) return renderSingle(first, first.identity, !base);
  let merged = annotate(plainObject(first), first);
  for (const patch of sources.slice(1)) merged = mergeNode(merged, annotate(plainObject(patch), patch));
  const root = merged;
  const value = toPlain(root);
  return {
    identity: first.identity,
    value: isPlainObject(value) ? value : {},
    base,
    patches,
    sources,
    locate: (path) => locateIn(root, path),
  };
}
