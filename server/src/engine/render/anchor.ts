/** Where to anchor an edit or a location for a field of a rendered object, in the file that defines it. */
import { isMap, isScalar } from '../document/yamlGuards';
import type { Origin, RenderedObject } from './render';
import type { ValuePath } from '../types';

/** The keys of the map at `mapPath`, in the document that defines that map (see `entryAnchor`). */
function mapKeysOf(object: RenderedObject, mapPath: ValuePath): { origin: Origin; keys: string[] } | undefined {
  const origin = object.locate(mapPath);
  const node = origin.doc.nodeAt(origin.path);
  if (!isMap(node)) return undefined;
  const keys = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : undefined)).filter((k): k is string => k !== undefined);
  return { origin, keys };
}

/**
 * The first entry (or `preferred`) of the map at `mapPath`, in the document that defines that map:
 * for a container merged from a base and a patch, that is the base (scalars may come from either).
 */
export function entryAnchor(object: RenderedObject, mapPath: ValuePath, preferred?: string): Origin | undefined {
  const found = mapKeysOf(object, mapPath);
  if (!found) return undefined;
  const { origin, keys } = found;
  const key = preferred !== undefined && keys.includes(preferred) ? preferred : keys[0];
  return key === undefined ? undefined : { doc: origin.doc, path: [...origin.path, key] };
}

/**
 * Where a new key `newKey` of the map at `mapPath` goes: after the last entry, or — in a map whose
 * keys are in alphabetical order, as `kubectl get -o yaml` writes them — after the last key that
 * sorts before it, so the order stays alphabetical.
 */
export function newEntryAnchor(object: RenderedObject, mapPath: ValuePath, newKey: string): Origin | undefined {
  const found = mapKeysOf(object, mapPath);
  if (!found || found.keys.length === 0) return undefined;
  const { origin, keys } = found;
  const sorted = keys.every((k, i) => i === 0 || keys[i - 1]! < k);
  const before = sorted ? keys.filter((k) => k < newKey) : [];
  const key = before.at(-1) ?? keys.at(-1)!;
  return { doc: origin.doc, path: [...origin.path, key] };
}
