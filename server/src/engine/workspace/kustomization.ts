/** Reads which files a kustomization.yaml applies as patches. */
import { isPlainObject } from '../render/annotated';
import { kustomizePaths, resolveKustomizePath } from './kustomizePaths';

const PATCH_FIELDS = new Set(['patches[].path', 'patchesStrategicMerge']);

/** URIs of the files listed under `patches[].path` and `patchesStrategicMerge`. */
export function kustomizationPatches(value: unknown, folder: string): Set<string> {
  const out = new Set<string>();
  for (const p of kustomizePaths(value)) {
    const uri = PATCH_FIELDS.has(p.field) ? resolveKustomizePath(folder, p.text) : undefined;
    if (uri) out.add(uri);
  }
  return out;
}

/**
 * Whether the kustomization adds labels to selectors (`commonLabels`, or `labels` with
 * `includeSelectors: true`): its resources may then leave a workload's `spec.selector` out.
 */
export function kustomizationAddsSelectors(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  if (isPlainObject(value.commonLabels) && Object.keys(value.commonLabels).length > 0) return true;
  const labels = Array.isArray(value.labels) ? value.labels : [];
  return labels.some((entry) => isPlainObject(entry) && entry.includeSelectors === true && isPlainObject(entry.pairs));
}
