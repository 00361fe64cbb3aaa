/** Where to anchor an edit or a location for a field of a rendered object, in the file that defines it. */
import { isMap, isScalar } from '../document/yamlGuards';
import type { Origin, RenderedObject } from './render';
import type { ValuePath } from '../types';

/**
 * The first entry (or `preferred`) of the map at `mapPath`, in the document that defines that map:
 * for a container merged from a base and a patch, that is the base (scalars may come from either).
 */
export function entryAnchor(object: RenderedObject, mapPath: ValuePath, preferred?: string): Origin | undefined {
  const origin = object.locate(mapPath);
  const node = origin.doc.nodeAt(origin.path);
  if (!isMap(node)) return undefined;
  const keys = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : undefined)).filter((k): k is string => k !== undefined);
  const key = preferred !== undefined && keys.includes(preferred) ? preferred : keys[0];
  return key === undefined ? undefined : { doc: origin.doc, path: [...origin.path, key] };
}
