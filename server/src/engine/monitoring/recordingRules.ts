/**
 * Recording rules and rule expressions across the workspace: rule files, `PrometheusRule` objects and rule files
 * inside ConfigMap keys (ruleContent.ts). Used for go to definition from a metric name in an `expr` to its `record:`,
 * references back, hover, completion, the "Open in Grafana" lens and the rule at the cursor.
 */
import type { ManifestDocument } from '../document/manifestDocument';
import type { Range, ValuePath } from '../types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { promqlTokens, type PromqlToken } from './promqlTokens';
import { fieldOffsets, nodeSpan, rulesOf, type RuleEntry } from './ruleContent';

export type { RuleEntry } from './ruleContent';
export { rulesOf } from './ruleContent';

/** Every rule of the workspace's rule files, PrometheusRule objects and ConfigMap rule files. */
export function workspaceRules(index: WorkspaceIndex): RuleEntry[] {
  const out: RuleEntry[] = [];
  for (const file of index.files()) for (const doc of file.documents) for (const rule of rulesOf(doc)) out.push(rule);
  return out;
}

const NAVIGATED_FIELDS = ['record', 'expr'] as const;

/**
 * The rule the cursor is in and the field whose value it is on. In a document that is the rule content, the cursor's
 * path says it (and must end at the field itself); in a ConfigMap key the cursor is inside one scalar, the rule file,
 * so the rule and field are found by offset.
 */
export function ruleAtCursor(doc: ManifestDocument, path: ValuePath, offset: number): { rule: RuleEntry; field: string | undefined } | undefined {
  const embeddedKey = path.length === 2 && path[0] === 'data' ? String(path[1]) : undefined;
  for (const rule of rulesOf(doc)) {
    if (rule.content.key !== undefined) {
      if (rule.content.key !== embeddedKey) continue;
      for (const field of NAVIGATED_FIELDS) {
        const span = nodeSpan(rule, [...rule.path, field]);
        if (span && span.start <= offset && offset <= span.end) return { rule, field };
      }
      continue;
    }
    if (path.length !== rule.path.length + 1 || !rule.path.every((p, i) => p === path[i])) continue;
    const field = path[rule.path.length];
    return { rule, field: typeof field === 'string' ? field : undefined };
  }
  return undefined;
}

/** The document range of the rule's `record:` value. */
export function recordRange(rule: RuleEntry): Range {
  const offsets = rule.record === undefined ? undefined : fieldOffsets(rule, 'record', [0, rule.record.length]);
  if (offsets) return rule.doc.range(offsets[0]!, offsets[1]);
  const span = nodeSpan(rule, rule.path);
  return rule.doc.range(span?.start ?? 0, span?.start ?? 0);
}

/** The offset in the rule's `expr` value of document offset `offset` (the cursor), if it is inside the scalar. */
export function exprOffsetAt(rule: RuleEntry, offset: number): number | undefined {
  const scalar = nodeSpan(rule, [...rule.path, 'expr']);
  if (!scalar || rule.expr === undefined || offset < scalar.start || offset > scalar.end) return undefined;
  const all = fieldOffsets(
    rule,
    'expr',
    Array.from({ length: rule.expr.length + 1 }, (_, i) => i),
  );
  if (!all) return undefined;
  // The offsets are ascending: the last value offset whose document offset is not past the cursor.
  let found: number | undefined;
  for (let i = 0; i < all.length && all[i]! <= offset; i++) found = i;
  return found;
}

/** The metric names an expression uses, with their ranges in the document. */
export function metricUses(rule: RuleEntry, name?: string): { token: PromqlToken; range: Range }[] {
  if (rule.expr === undefined) return [];
  const tokens = promqlTokens(rule.expr).filter((token) => token.kind === 'metric' && (name === undefined || token.name === name));
  if (tokens.length === 0) return [];
  // One ascending list of offsets for all the tokens: a ConfigMap rule file maps them in one pass.
  const offsets = fieldOffsets(
    rule,
    'expr',
    tokens.flatMap((token) => [token.start, token.end]),
  );
  if (!offsets) return [];
  return tokens.map((token, i) => ({ token, range: rule.doc.range(offsets[2 * i]!, Math.max(offsets[2 * i]!, offsets[2 * i + 1]!)) }));
}

/** The line a rule starts on (its first key), in the document's file. */
export function ruleLine(rule: RuleEntry): number | undefined {
  const span = nodeSpan(rule, rule.path);
  return span ? rule.doc.range(span.start).start.line : undefined;
}

/** The line of the last character of a span that is not white space (a map's range runs on to the next item's indentation). */
function lastLine(doc: ManifestDocument, start: number, end: number): number {
  let last = end;
  while (last > start && /\s/.test(doc.text[last - 1]!)) last--;
  return doc.range(Math.max(start, last - 1)).start.line;
}

/**
 * The alerting or recording rule at a position of a document: the rule whose map contains the offset; else (a code
 * lens gives only a line, and a cursor may be in the indentation or `- ` before a rule) a rule whose lines include
 * `line`, the one named `name` first (flow-style rules may share a line).
 */
export function ruleAtPosition(doc: ManifestDocument, line: number, offset: number | undefined, name?: string): RuleEntry | undefined {
  let onLine: RuleEntry | undefined;
  for (const rule of rulesOf(doc)) {
    const span = nodeSpan(rule, rule.path);
    if (!span) continue;
    if (offset !== undefined && span.start <= offset && offset <= span.end) return rule;
    if (doc.range(span.start).start.line > line || line > lastLine(doc, span.start, span.end)) continue;
    if (offset === undefined && name !== undefined && (rule.alert ?? rule.record) === name) return rule;
    onLine ??= rule;
  }
  return onLine;
}
