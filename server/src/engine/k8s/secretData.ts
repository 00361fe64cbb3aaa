/** Secret and ConfigMap contents: their entries and their keys. */
import type { RenderedObject } from '../render/render';
import type { ValuePath } from '../types';
import { at, record, str } from './values';

export interface DataEntry {
  key: string;
  value: unknown;
  /** Path of the entry in the rendered object. */
  path: ValuePath;
}

/** The entries of a map field (`data`, `stringData`, `binaryData`) of the object. */
export function entriesOf(object: RenderedObject, field: string): DataEntry[] {
  const map = record(at(object.value, field));
  return map ? Object.entries(map).map(([key, value]) => ({ key, value, path: [field, key] })) : [];
}

/** The map fields that hold a kind's keys. */
export function keyFields(kind: string): string[] {
  return kind === 'Secret' ? ['data', 'stringData'] : ['data', 'binaryData'];
}

/** Keys of a Secret (data ∪ stringData) or ConfigMap (data ∪ binaryData). */
export function keysOf(object: RenderedObject): Set<string> {
  const out = new Set<string>();
  for (const field of keyFields(object.identity.kind)) for (const entry of entriesOf(object, field)) out.add(entry.key);
  return out;
}

/** Secrets whose keys the cluster fills in (a service-account token): their keys are not in the manifest. */
export function keysFilledByCluster(object: RenderedObject): boolean {
  return str(object.value.type) === 'kubernetes.io/service-account-token';
}
