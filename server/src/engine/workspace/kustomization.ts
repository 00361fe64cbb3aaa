/** Reads which files a kustomization.yaml applies as patches. */
import { isPlainObject } from '../render/annotated';

function resolveRelative(folder: string, relative: string): string | undefined {
  if (/^[a-z]+:\/\//i.test(relative) || relative.startsWith('/')) return undefined;
  const parts = folder.split('/');
  for (const segment of relative.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(encodeURIComponent(segment));
  }
  return parts.join('/');
}

/** URIs of the files listed under `patches[].path` and `patchesStrategicMerge`. */
export function kustomizationPatches(value: unknown, folder: string): Set<string> {
  const out = new Set<string>();
  if (!isPlainObject(value)) return out;
  const add = (path: unknown): void => {
    if (typeof path !== 'string' || path.includes('\n')) return;
    const uri = resolveRelative(folder, path);
    if (uri) out.add(uri);
  };
  for (const entry of Array.isArray(value.patches) ? value.patches : []) {
    if (isPlainObject(entry)) add(entry.path);
  }
  for (const entry of Array.isArray(value.patchesStrategicMerge) ? value.patchesStrategicMerge : []) add(entry);
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
