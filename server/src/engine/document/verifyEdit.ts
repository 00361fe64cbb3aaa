/**
 * The safety net under every quick fix: a fix's local replacements are applied to the document's
 * text and parsed again; the edit is offered only when the result parses as cleanly as before and
 * its data is exactly the original data with the intended change. A fix that would touch anything
 * else (a sibling in a flow map, the next key after a block scalar, an alias's anchor) is dropped.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ManifestDocument } from './manifestDocument';
import { MAX_ALIAS_COUNT, parseInSubset, parseWithYaml } from './parsedChunk';
import { quickPlainValue } from './plainValue';
import type { ValuePath } from '../types';
import type { Span } from './entrySpans';

/** What an edit means to do to the document's data. */
export type Change =
  | { op: 'delete'; path: ValuePath }
  | { op: 'set'; path: ValuePath; value: unknown }
  | { op: 'merge'; path: ValuePath; value: Record<string, unknown> };

export function applySpans(text: string, spans: readonly Span[]): string | undefined {
  const sorted = [...spans].sort((a, b) => b.start - a.start);
  let out = text;
  let limit = Infinity;
  for (const s of sorted) {
    if (s.end > limit || s.start > s.end) return undefined;
    out = out.slice(0, s.start) + s.text + out.slice(s.end);
    limit = s.start;
  }
  return out;
}

/** The plain data of a YAML text as the engine reads it, or undefined when it has errors. */
export function plainData(text: string): { value: unknown } | undefined {
  // The fast parser when the text is in its subset (most edits; it is checked against yaml), else yaml.
  let parsed: ReturnType<typeof parseWithYaml> | undefined;
  try {
    parsed = parseInSubset(text);
  } catch {
    parsed = undefined;
  }
  parsed ??= parseWithYaml(text);
  if (parsed.errors.length > 0) return undefined;
  try {
    return quickPlainValue(parsed.contents) ?? { value: parsed.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown };
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Applies a change to plain data (in place); false when the path does not exist. */
export function applyChange(root: { value: unknown }, change: Change): boolean {
  let parent: unknown = root;
  let key: string | number = 'value';
  for (const part of change.path) {
    const next: unknown = Array.isArray(parent) || isRecord(parent) ? (parent as Record<string | number, unknown>)[key] : undefined;
    if (!Array.isArray(next) && !isRecord(next)) return false;
    parent = next;
    key = Array.isArray(next) ? Number(part) : String(part);
  }
  const holder = parent as Record<string | number, unknown>;
  if (change.op === 'delete') {
    if (Array.isArray(holder)) holder.splice(Number(key), 1);
    else delete holder[key];
  } else if (change.op === 'set') holder[key] = change.value;
  else {
    const target = holder[key];
    if (!isRecord(target)) return false;
    Object.assign(target, change.value);
  }
  return true;
}

/**
 * Documents over this size get no edits: checking one means parsing the whole document again, and a
 * generated document of 100,000 lines with a fix on every entry would take minutes to check.
 */
export const MAX_VERIFIED_CHARS = 256 * 1024;

/** True when `spans` turn the document into one that parses and holds its data with `changes` applied. */
export function verified(doc: ManifestDocument, spans: readonly Span[], changes: readonly Change[]): boolean {
  if (doc.text.length > MAX_VERIFIED_CHARS || doc.yaml.errors.length > 0) return false;
  const original = doc.plain();
  if (original.error !== undefined) return false;
  const next = applySpans(doc.text, spans);
  const after = next === undefined ? undefined : plainData(next);
  if (!after) return false;
  const expected = { value: structuredClone(original.value) };
  for (const change of changes) if (!applyChange(expected, change)) return false;
  return isDeepStrictEqual(after.value, expected.value);
}
