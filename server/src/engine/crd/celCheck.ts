/**
 * Checks a custom resource against its CRD's `x-kubernetes-validations` (CEL) rules, as the API server
 * does after defaulting: each rule runs with `self` bound to the field whose schema carries it (when
 * the field is set), and a rule that yields false is the API server's refusal, reported with its
 * message (or messageExpression's) at that field, or at `fieldPath`. Transition rules (`oldSelf`) and
 * rules this evaluator cannot run are skipped; a rule that exceeds its cost is cut off with a note.
 */
import type { ManifestDocument } from '../document/manifestDocument';
import type { Finding, Severity, ValuePath } from '../types';
import { pathToString } from '../types';
import { CelBudget } from './celBudget';
import { runCel } from './celProgram';
import { fieldPathSegments, ruleTreeOf, type CelRule, type RuleNode } from './celRules';
import { celValueOf } from './celValues';

const CEL_CODES = { failed: 'schema-cel-rule', notEvaluated: 'cel-rule-not-evaluated' } as const;

/**
 * Steps (function calls and element reads) one rule's evaluation, and all the rules of one object, may take
 * here: a tenth of the API server's cost limits (1,000,000 and 10,000,000 of its units), about 0.15 s and 1.5 s
 * at most, as an editor re-checks on every edit. Real rules on real objects take a few thousand.
 */
const PER_RULE_COST = 100_000;
const PER_OBJECT_COST = 1_000_000;
/** A document with rules failing on thousands of list items gets this many findings (the rest add nothing). */
const MAX_FINDINGS = 200;

export interface CelCheckOptions {
  /**
   * Whether a rule that fails to evaluate (e.g. `no such key`) is noted. The API server refuses the object then,
   * after defaulting; the bundled catalog's schemas carry no defaults, so for them such an error says nothing.
   */
  readonly reportEvaluationErrors: boolean;
}

interface Walk {
  readonly doc: ManifestDocument;
  readonly options: CelCheckOptions;
  readonly budget: CelBudget;
  readonly out: Finding[];
  /** Rules already noted as cut off or not evaluated: one note per rule and document. */
  readonly noted: Set<CelRule>;
}

/** The findings of `schema`'s rules (a raw openAPIV3Schema) on the document's value. */
export function celFindings(doc: ManifestDocument, schema: unknown, options: CelCheckOptions): Finding[] {
  const tree = ruleTreeOf(schema);
  if (!tree) return [];
  const plain = doc.plain();
  if (plain.error || plain.value === null || typeof plain.value !== 'object') return [];
  const walk: Walk = { doc, options, budget: new CelBudget(PER_OBJECT_COST), out: [], noted: new Set() };
  visit(tree, plain.value, [], walk);
  if (walk.out.length >= MAX_FINDINGS) {
    const message = `CEL rules stopped after ${MAX_FINDINGS} failures in this object; fix these to see the rest.`;
    walk.out.push(finding(doc, [], 'info', CEL_CODES.notEvaluated, message));
  }
  return walk.out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Iterative over the value (lists of thousands of items, schemas 100 levels deep). */
function visit(root: RuleNode, rootValue: unknown, rootPath: ValuePath, walk: Walk): void {
  const stack: { node: RuleNode; value: unknown; path: ValuePath }[] = [{ node: root, value: rootValue, path: rootPath }];
  while (stack.length > 0 && walk.out.length < MAX_FINDINGS) {
    const { node, value, path } = stack.pop()!;
    if (value === null || value === undefined) continue;
    for (const rule of node.rules) checkRule(rule, node, value, path, walk);
    if (Array.isArray(value)) {
      if (node.items) for (let i = value.length - 1; i >= 0; i--) stack.push({ node: node.items, value: value[i], path: [...path, i] });
      continue;
    }
    if (typeof value !== 'object' || value instanceof Date) continue;
    const record = value as Record<string, unknown>;
    for (const [name, child] of node.properties) if (name in record) stack.push({ node: child, value: record[name], path: [...path, name] });
    const values = node.additionalProperties;
    if (values)
      for (const [key, child] of Object.entries(record)) if (!node.properties.has(key)) stack.push({ node: values, value: child, path: [...path, key] });
  }
}

function checkRule(rule: CelRule, node: RuleNode, value: unknown, path: ValuePath, walk: Walk): void {
  if (rule.compiled.type !== 'ready' || walk.budget.exceeded) return;
  const budget = new CelBudget(PER_RULE_COST, walk.budget);
  const outcome = runCel(rule.compiled.run, celValueOf(value, node.schema, budget), budget);
  if (outcome.type === 'value' && outcome.value === true) return;
  if (outcome.type === 'value' && outcome.value === false) {
    const at = reportPath(rule, path);
    const text = messageOf(rule, node, value);
    walk.out.push(finding(walk.doc, at, 'error', CEL_CODES.failed, `${at.length > 0 ? `${pathToString(at)}: ` : ''}${text}`));
    return;
  }
  if (walk.noted.has(rule)) return;
  if (outcome.type === 'cut-off') {
    walk.noted.add(rule);
    const limit = walk.budget.exceeded
      ? `${PER_OBJECT_COST.toLocaleString('en')} steps for all the rules of the object`
      : `${PER_RULE_COST.toLocaleString('en')} steps`;
    const message = `The CRD's rule \`${short(rule.rule)}\` was stopped after ${limit} (this checker's bound), so it is not checked here.`;
    walk.out.push(finding(walk.doc, path, 'info', CEL_CODES.notEvaluated, message));
  } else if (walk.options.reportEvaluationErrors) {
    walk.noted.add(rule);
    const problem = outcome.type === 'error' ? outcome.message : 'it does not give a boolean';
    const message = `The CRD's rule \`${short(rule.rule)}\` could not be evaluated (${problem}); the API server refuses the object if this holds after defaulting.`;
    walk.out.push(finding(walk.doc, path, 'info', CEL_CODES.notEvaluated, message));
  }
}

/** `fieldPath` below the rule's field (a field that is not there is reported at its nearest ancestor); else the field itself. */
function reportPath(rule: CelRule, path: ValuePath): ValuePath {
  const segments = rule.fieldPath === undefined ? undefined : fieldPathSegments(rule.fieldPath);
  return segments ? [...path, ...segments] : path;
}

/** messageExpression's string when it gives a non-empty one, else `message`, else the API server's "failed rule". */
function messageOf(rule: CelRule, node: RuleNode, value: unknown): string {
  const expression = rule.messageExpression;
  if (expression?.type === 'ready') {
    const budget = new CelBudget(PER_RULE_COST);
    const outcome = runCel(expression.run, celValueOf(value, node.schema, budget), budget);
    if (outcome.type === 'value' && typeof outcome.value === 'string' && outcome.value.trim() !== '') return outcome.value;
  }
  return rule.message ?? `failed rule: ${rule.rule}`;
}

function short(rule: string): string {
  const oneLine = rule.replace(/\s+/g, ' ').trim();
  return oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine;
}

function finding(doc: ManifestDocument, path: ValuePath, severity: Severity, code: string, message: string): Finding {
  const range = path.length === 0 ? doc.headRange() : doc.rangeOfPath(path, 'key');
  return { code, severity, message, uri: doc.uri, range, data: { ruleId: code } };
}
