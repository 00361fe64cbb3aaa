/** The quick fix that moves a Secret `data` value to `stringData` (reporting/fixing, not reading). */
import type { RuleContext } from '../../engine/lint/rule';
import type { RenderedObject } from '../../engine/render/render';
import type { FindingFix, TextEdit } from '../../engine/types';
import { entriesOf } from '../../engine/k8s/secretData';
import { deleteEntry, indentOfKey, insertAfterEntry } from './edits';
import { yamlKey, yamlScalar } from './scalarSource';

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
