/** Secret and ConfigMap contents: their entries, their keys, and edits that move entries between maps. */
import type { RenderedObject } from '../../engine/render/render';
import type { RuleContext } from '../../engine/lint/rule';
import type { FindingFix, TextEdit, ValuePath } from '../../engine/types';
import { deleteEntry, indentOfKey, insertAfterEntry } from './edits';
import { at, record, str } from './values';
import { yamlScalar } from './scalarSource';

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

/**
 * Edits that move `data.<key>` to `stringData.<key>` holding `text`: delete the data entry and add
 * the stringData entry (after its last entry, or a new `stringData:` map after `data`).
 */
export function moveToStringData(context: RuleContext, object: RenderedObject, key: string, text: string): FindingFix[] {
  const origin = context.locate(['data', key]);
  const doc = origin.doc;
  const dataPath = origin.path.slice(0, -1);
  const entryIndent = indentOfKey(doc, origin.path) ?? 2;
  const step = Math.max(1, entryIndent - (indentOfKey(doc, dataPath) ?? 0));
  const line = `${yamlKey(key)}: ${yamlScalar(text)}`;
  const existing = entriesOf(object, 'stringData').filter((e) => context.locate(e.path).doc === doc);
  let insert: TextEdit | undefined;
  if (existing.length > 0) insert = insertAfterEntry(doc, context.locate(existing[existing.length - 1]!.path).path, [line]);
  else insert = insertAfterEntry(doc, dataPath, ['stringData:', ' '.repeat(step) + line]);
  const remove = deleteEntry(doc, origin.path);
  if (!insert || !remove) return [];
  return [{ title: `Move ${key} to stringData`, safety: 'unsafe', edits: [{ uri: doc.uri, edits: [remove, insert] }] }];
}

/** A map key as YAML (quoted when it would not read back as itself). */
export function yamlKey(key: string): string {
  return yamlScalar(key);
}
