/**
 * Recording rules and rule expressions across the workspace: rule files and `PrometheusRule` objects (the ones whose
 * content is a workspace document itself; a rule file inside a ConfigMap key is not navigated). Used for go to
 * definition from a metric name in an `expr` to its `record:`, references back, hover and completion.
 */
import type { ManifestDocument } from '../document/manifestDocument';
import type { Range, ValuePath } from '../types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { isObj } from './walk';
import { sourceOffsets } from './scalarOffset';
import { promqlTokens, type PromqlToken } from './promqlTokens';

export interface RuleEntry {
  doc: ManifestDocument;
  /** Path of the rule map (`groups.i.rules.j`, under `spec` in a PrometheusRule). */
  path: ValuePath;
  record?: string;
  alert?: string;
  expr?: string;
  group: string;
}

/** Where a document keeps its rule groups: a rule file at its root, a PrometheusRule under spec. */
function groupsPrefix(doc: ManifestDocument): ValuePath | undefined {
  if (doc.class.type === 'prometheus-rules') return [];
  return doc.identity?.kind === 'PrometheusRule' ? ['spec'] : undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The rules of one document (none for a document that holds no rule groups). */
function rulesOf(doc: ManifestDocument): RuleEntry[] {
  const prefix = groupsPrefix(doc);
  if (!prefix) return [];
  let root: unknown = doc.plain().value;
  for (const key of prefix) root = isObj(root) ? root[key as string] : undefined;
  const groups = isObj(root) && Array.isArray(root.groups) ? root.groups : [];
  const out: RuleEntry[] = [];
  groups.forEach((group: unknown, g) => {
    if (!isObj(group) || !Array.isArray(group.rules)) return;
    group.rules.forEach((rule: unknown, r) => {
      if (!isObj(rule)) return;
      const entry: RuleEntry = { doc, path: [...prefix, 'groups', g, 'rules', r], group: text(group.name) ?? '' };
      const [record, alert, expr] = [text(rule.record), text(rule.alert), text(rule.expr)];
      if (record !== undefined) entry.record = record;
      if (alert !== undefined) entry.alert = alert;
      if (expr !== undefined) entry.expr = expr;
      out.push(entry);
    });
  });
  return out;
}

/** Every rule of the workspace's rule files and PrometheusRule objects. */
export function workspaceRules(index: WorkspaceIndex): RuleEntry[] {
  const out: RuleEntry[] = [];
  for (const file of index.files()) for (const doc of file.documents) for (const rule of rulesOf(doc)) out.push(rule);
  return out;
}

/** The rule whose map contains `path` in `doc`, and which of its fields the path is on. */
export function ruleAtPath(doc: ManifestDocument, path: ValuePath): { rule: RuleEntry; field: string | undefined } | undefined {
  for (const rule of rulesOf(doc)) {
    if (path.length < rule.path.length || !rule.path.every((p, i) => p === path[i])) continue;
    const field = path[rule.path.length];
    return { rule, field: typeof field === 'string' ? field : undefined };
  }
  return undefined;
}

/** The source text of the scalar at `path` and where it starts in the document, if it is a scalar with a range. */
function scalarSource(doc: ManifestDocument, path: ValuePath): { source: string; start: number } | undefined {
  const node = doc.nodeAt(path);
  if (!node?.range || !('value' in node) || typeof node.value !== 'string') return undefined;
  return { source: doc.text.slice(node.range[0], node.range[1]), start: node.range[0] };
}

/** The document range of a span of the rule's `expr` value (through quotes, escapes and block indentation). */
function exprSpanRange(rule: RuleEntry, span: { start: number; end: number }): Range | undefined {
  const scalar = scalarSource(rule.doc, [...rule.path, 'expr']);
  if (!scalar || rule.expr === undefined) return undefined;
  const [start, end] = sourceOffsets(scalar.source, rule.expr, [span.start, span.end]);
  return rule.doc.range(scalar.start + start!, scalar.start + Math.max(start!, end!));
}

/** The offset in the rule's `expr` value of document offset `offset` (the cursor), if it is inside the scalar. */
export function exprOffsetAt(rule: RuleEntry, offset: number): number | undefined {
  const scalar = scalarSource(rule.doc, [...rule.path, 'expr']);
  if (!scalar || rule.expr === undefined) return undefined;
  const inSource = offset - scalar.start;
  if (inSource < 0 || inSource > scalar.source.length) return undefined;
  // sourceOffsets is monotonic: the last value offset whose source offset is not past the cursor.
  const all = sourceOffsets(
    scalar.source,
    rule.expr,
    Array.from({ length: rule.expr.length + 1 }, (_, i) => i),
  );
  let found: number | undefined;
  for (let i = 0; i < all.length && all[i]! <= inSource; i++) found = i;
  return found;
}

/** The metric names an expression uses, with their ranges in the document. */
export function metricUses(rule: RuleEntry, name?: string): { token: PromqlToken; range: Range }[] {
  if (rule.expr === undefined) return [];
  const out: { token: PromqlToken; range: Range }[] = [];
  for (const token of promqlTokens(rule.expr)) {
    if (token.kind !== 'metric' || (name !== undefined && token.name !== name)) continue;
    const range = exprSpanRange(rule, token);
    if (range) out.push({ token, range });
  }
  return out;
}
