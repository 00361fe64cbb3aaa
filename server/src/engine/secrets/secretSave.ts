/**
 * Saving the Decode Secret view: the edits that re-encode exactly the values the user changed,
 * added or removed. Each change is applied in turn to the Secret's document text on the syntax
 * tree (block or flow `data`, plain, quoted or block scalars, empty values), and the result is
 * checked by parsing it: its data must be the original data with those changes, or nothing is saved.
 */
import { ManifestDocument } from '../document/manifestDocument';
import { ParsedChunk } from '../document/parsedChunk';
import { blockInsertPoint, columnOf, deleteBlockSpan, deleteFlowSpan, entryAt, type Span } from '../document/entrySpans';
import { applySpans, plainData, verified, type Change } from '../document/verifyEdit';
import type { TextEdit } from '../types';
import { encodeBase64 } from './base64';
import { BINARY, type DecodedValue, type EditedValue } from './decodedText';
import type { SecretInfo } from './secretEntries';

export type EditsResult = { ok: true; edits: TextEdit[]; changed: string[] } | { ok: false; message: string };

type Step = { op: 'delete'; key: string } | { op: 'set'; key: string; encoded: string } | { op: 'add'; key: string; encoded: string };

/** A YAML scalar holding `text` as a string: plain when it reads back as itself (`1234` would not), else double-quoted. */
export function stringScalar(text: string): string {
  return text !== '' && /^[A-Za-z0-9+/=._-]+$/.test(text) && plainData(text)?.value === text ? text : JSON.stringify(text);
}

function stepsOf(secret: SecretInfo, original: readonly DecodedValue[], edited: ReadonlyMap<string, EditedValue>): Step[] | string {
  const steps: Step[] = [];
  const before = new Map(original.map((v) => [v.key, v]));
  for (const [key, value] of edited) {
    const old = before.get(key);
    if (value === BINARY) {
      if (!old) return `new key ${key} cannot hold the binary marker`;
      if (!('binary' in old)) return `${key} holds text, not binary data: write its value instead of the binary marker`;
    } else if (!old) steps.push({ op: 'add', key, encoded: encodeBase64(value) });
    else if ('binary' in old || old.text !== value) steps.push({ op: 'set', key, encoded: encodeBase64(value) });
  }
  for (const entry of secret.entries) if (!edited.has(entry.key)) steps.push({ op: 'delete', key: entry.key });
  return steps;
}

function documentOf(text: string, uri: string): ManifestDocument {
  return new ManifestDocument(uri, 0, 0, 0, new ParsedChunk(text, uri));
}

/** The span that performs `step` on the current text, or undefined when no safe one exists. */
function spanOf(doc: ManifestDocument, step: Step): Span | undefined {
  if (step.op === 'add') {
    const data = doc.nodeAt(['data']) as { items?: { key: { value?: unknown } }[] } | undefined;
    const last = data?.items?.[data.items.length - 1];
    const entry = last && entryAt(doc, ['data', String(last.key.value)]);
    if (!entry) return undefined;
    const text = `${stringScalar(step.key)}: ${stringScalar(step.encoded)}`;
    if (entry.map.flow) return { start: entry.end, end: entry.end, text: `, ${text}` };
    const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
    const { offset, atEnd } = blockInsertPoint(doc, entry);
    const line = ' '.repeat(columnOf(doc, entry)) + text;
    return atEnd ? { start: offset, end: offset, text: eol + line } : { start: offset, end: offset, text: line + eol };
  }
  const entry = entryAt(doc, ['data', step.key]);
  if (!entry) return undefined;
  if (step.op === 'delete') return entry.map.flow ? deleteFlowSpan(doc, entry) : deleteBlockSpan(doc, entry);
  const value = entry.pair.value as { range?: [number, number, number] } | null;
  if (!value?.range || value.range[0] === value.range[1]) {
    // `a:` with no value: the value goes after the colon, with a space.
    const colon = doc.text.indexOf(':', entry.start + String(step.key).length);
    return colon < 0 ? undefined : { start: colon + 1, end: entry.end > colon ? entry.end : colon + 1, text: ` ${stringScalar(step.encoded)}` };
  }
  let end = value.range[1];
  while (end > value.range[0] && /[\r\n]/.test(doc.text[end - 1]!)) end--;
  // A quoted value stays quoted the same way (base64 holds no quote or escape).
  const quote = { QUOTE_DOUBLE: '"', QUOTE_SINGLE: "'" }[(value as { type?: string }).type ?? ''];
  return { start: value.range[0], end, text: quote ? `${quote}${step.encoded}${quote}` : stringScalar(step.encoded) };
}

function changeOf(step: Step): Change {
  return step.op === 'delete' ? { op: 'delete', path: ['data', step.key] } : { op: 'set', path: ['data', step.key], value: step.encoded };
}

/** The one edit (from the first to the last changed character) that turns `before` into `after`. */
function diffEdit(doc: ManifestDocument, before: string, after: string): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < before.length - start && tail < after.length - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { range: doc.range(start, before.length - tail), newText: after.slice(start, after.length - tail) };
}

/** The edits that carry `edited` back into the source Secret (`secret.doc`). */
export function secretEdits(secret: SecretInfo, original: readonly DecodedValue[], edited: ReadonlyMap<string, EditedValue>): EditsResult {
  const steps = stepsOf(secret, original, edited);
  if (typeof steps === 'string') return { ok: false, message: steps };
  if (steps.length === 0) return { ok: true, edits: [], changed: [] };
  // Values first, then new keys (after the last one still there), then removals.
  const order = { set: 0, add: 1, delete: 2 };
  steps.sort((a, b) => order[a.op] - order[b.op]);
  let text = secret.doc.text;
  for (const step of steps) {
    const span = spanOf(documentOf(text, secret.doc.uri), step);
    const next = span && applySpans(text, [span]);
    if (next === undefined)
      return {
        ok: false,
        message: `${step.key} cannot be ${step.op === 'add' ? 'added' : step.op === 'set' ? 'changed' : 'removed'} safely in the source (the data map has no entry to follow, or the YAML around it is unusual); edit it there`,
      };
    text = next;
  }
  if (!verified(secret.doc, [{ start: 0, end: secret.doc.text.length, text }], steps.map(changeOf))) {
    return { ok: false, message: 'the edit would change more than the edited values of the source; nothing was saved, edit the source directly' };
  }
  return { ok: true, edits: [diffEdit(secret.doc, secret.doc.text, text)], changed: steps.map((s) => s.key) };
}
