/**
 * The `x-kubernetes-validations` rules of one openAPIV3Schema, compiled once per schema object (a
 * WeakMap: a workspace CRD's schema lives as long as its parsed chunk, a catalog kind's as long as its
 * converted schema) and arranged as the part of the schema tree that leads to rules, so that checking a
 * custom resource walks only the fields that carry one. The walk has the same bounds as convertSchema.ts.
 */
import type { ValuePath } from '../types';
import { compileCel, type CompiledCel } from './celProgram';

type Raw = Record<string, unknown>;

function isRaw(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

export interface CelRule {
  readonly rule: string;
  readonly compiled: CompiledCel;
  readonly message: string | undefined;
  /** The compiled messageExpression, when the rule has one. */
  readonly messageExpression: CompiledCel | undefined;
  /** Where to report a failure, relative to the field that carries the rule (`.spec.x`, `['key']`). */
  readonly fieldPath: string | undefined;
  /** The rule's place in the CRD: relative to `openAPIV3Schema`, ending at its `x-kubernetes-validations` entry. */
  readonly schemaPath: ValuePath;
}

/** A schema node on the way to rules: its own rules and the children that lead to more. */
export interface RuleNode {
  /** The raw schema node (values below it are typed by it). */
  readonly schema: Raw;
  readonly rules: readonly CelRule[];
  readonly properties: ReadonlyMap<string, RuleNode>;
  readonly items: RuleNode | undefined;
  readonly additionalProperties: RuleNode | undefined;
}

const MAX_NODES = 100_000;
const MAX_DEPTH = 100;
/** Rules compiled per schema (≈ 1.5 ms each); real CRDs have up to a few hundred. Further ones are not run. */
const MAX_RULES = 2_000;

const trees = new WeakMap<object, RuleNode | null>();

/** The rule tree of a schema, or undefined when it has no rules (or is not a usable schema). */
export function ruleTreeOf(schema: unknown): RuleNode | undefined {
  if (!isRaw(schema)) return undefined;
  let tree = trees.get(schema);
  if (tree === undefined) {
    const walk: Walk = { nodes: 0, rules: 0, onPath: new Set<object>() };
    try {
      tree = nodeOf(schema, [], 0, walk) ?? null;
    } catch (error) {
      // Too large, too deep or cyclic: convertSchema.ts reports it on the CRD; the rules are not used.
      if (!(error instanceof SchemaBoundError)) throw error;
      tree = null;
    }
    trees.set(schema, tree);
  }
  return tree ?? undefined;
}

class SchemaBoundError extends Error {}

interface Walk {
  nodes: number;
  rules: number;
  readonly onPath: Set<object>;
}

function nodeOf(schema: Raw, path: ValuePath, depth: number, walk: Walk): RuleNode | undefined {
  if (++walk.nodes > MAX_NODES || depth > MAX_DEPTH || walk.onPath.has(schema)) throw new SchemaBoundError();
  walk.onPath.add(schema);
  try {
    const rules = rulesAt(schema, path, walk);
    const properties = new Map<string, RuleNode>();
    if (isRaw(schema.properties)) {
      for (const [name, child] of Object.entries(schema.properties)) {
        const node = isRaw(child) ? nodeOf(child, [...path, 'properties', name], depth + 1, walk) : undefined;
        if (node) properties.set(name, node);
      }
    }
    const items = isRaw(schema.items) ? nodeOf(schema.items, [...path, 'items'], depth + 1, walk) : undefined;
    const additional = schema.additionalProperties;
    const additionalProperties = isRaw(additional) ? nodeOf(additional, [...path, 'additionalProperties'], depth + 1, walk) : undefined;
    if (rules.length === 0 && properties.size === 0 && !items && !additionalProperties) return undefined;
    return { schema, rules, properties, items, additionalProperties };
  } finally {
    walk.onPath.delete(schema);
  }
}

const TOO_MANY: CompiledCel = { type: 'unsupported', reason: `the schema has more than ${MAX_RULES.toLocaleString('en')} rules` };

function rulesAt(schema: Raw, path: ValuePath, walk: Walk): CelRule[] {
  const listed = schema['x-kubernetes-validations'];
  if (!Array.isArray(listed)) return [];
  const rules: CelRule[] = [];
  listed.forEach((entry: unknown, index) => {
    if (!isRaw(entry) || typeof entry.rule !== 'string') return;
    const compile = (text: string): CompiledCel => (walk.rules > MAX_RULES ? TOO_MANY : compileCel(text));
    walk.rules++;
    rules.push({
      rule: entry.rule,
      compiled: compile(entry.rule),
      message: typeof entry.message === 'string' && entry.message.trim() !== '' ? entry.message : undefined,
      messageExpression: typeof entry.messageExpression === 'string' ? compile(entry.messageExpression) : undefined,
      fieldPath: typeof entry.fieldPath === 'string' && entry.fieldPath !== '' ? entry.fieldPath : undefined,
      schemaPath: [...path, 'x-kubernetes-validations', index],
    });
  });
  return rules;
}

/** Every rule of the tree, depth first (for the CRD's own findings: a rule that does not compile). */
export function allRules(tree: RuleNode): CelRule[] {
  const out: CelRule[] = [];
  const stack: RuleNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(...node.rules);
    stack.push(...node.properties.values());
    if (node.items) stack.push(node.items);
    if (node.additionalProperties) stack.push(node.additionalProperties);
  }
  return out;
}

/**
 * A rule's `fieldPath` (`.spec.replicas`, `.labels['app.kubernetes.io/name']`) as path segments, or undefined
 * when it is not of that form (the API server refuses such a CRD; the failure is then reported at the field).
 */
export function fieldPathSegments(fieldPath: string): string[] | undefined {
  const segments: string[] = [];
  const step = /\.([A-Za-z0-9_\-/]+)|\['((?:[^'\\]|\\.)*)'\]/y;
  let at = 0;
  while (at < fieldPath.length) {
    step.lastIndex = at;
    const match = step.exec(fieldPath);
    if (!match) return undefined;
    segments.push(match[1] ?? match[2]!.replace(/\\(.)/g, '$1'));
    at = step.lastIndex;
  }
  return segments;
}
