/**
 * A CRD's logical junctors (`anyOf`, `oneOf`, `allOf`, `not`), evaluated on a value as the API server does.
 * In a structural schema they only validate: every field they name is also declared outside them, and
 * they state no `type`, so the walker in validate.ts checks types and unknown fields, and this checks
 * what the junctors add (Istio's "set at most one of `exact`, `prefix`, `regex`"). Bounded: each check
 * has a step budget, and a check that runs out says nothing (never a finding it could not prove).
 */
import { itemsBoundProblem, scalarBoundProblem, type ValueBounds } from './constraints';
import { describeFormat, matchesFormat } from './formats';
import { showPattern, type StringPattern } from './patterns';

/** One schema inside a junctor: the validation keywords it states, each optional. */
export interface ValueCheck {
  readonly required?: readonly string[];
  readonly properties?: ReadonlyMap<string, ValueCheck>;
  readonly items?: ValueCheck;
  readonly enum?: readonly unknown[];
  readonly pattern?: StringPattern;
  readonly format?: string;
  readonly bounds?: ValueBounds;
  readonly junctors?: Junctors;
}

/** The junctors of one schema level. */
export interface Junctors {
  readonly allOf?: readonly ValueCheck[];
  readonly anyOf?: readonly ValueCheck[];
  readonly oneOf?: readonly ValueCheck[];
  readonly not?: ValueCheck;
}

/**
 * Schema × value steps one check may take. Real junctors take tens; a check over a huge list of a
 * deeply nested junctor could take billions, and is given up instead.
 */
const MAX_STEPS = 20_000;

class OutOfSteps extends Error {}

/** Why `value` breaks the junctors (a sentence part: "matches none of …"), or undefined when it does not or the check ran out of steps. */
export function junctorProblem(junctors: Junctors, value: unknown): string | undefined {
  const budget = { steps: 0 };
  try {
    return junctorsFailure(junctors, value, budget, true);
  } catch (error) {
    if (error instanceof OutOfSteps) return undefined;
    throw error;
  }
}

interface Budget {
  steps: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** `top`: the junctors of the field itself, whose allOf is named (a nested one only passes its member's reason on). */
function junctorsFailure(j: Junctors, value: unknown, budget: Budget, top = false): string | undefined {
  for (const member of j.allOf ?? []) {
    const failure = checkFailure(member, value, budget);
    if (failure) return top ? `breaks its schema's allOf: ${failure}` : failure;
  }
  if (j.anyOf && !j.anyOf.some((member) => checkFailure(member, value, budget) === undefined)) {
    return `matches none of the alternatives its schema's anyOf allows (${alternatives(j.anyOf)})`;
  }
  if (j.oneOf) {
    const matched = j.oneOf.filter((member) => checkFailure(member, value, budget) === undefined);
    if (matched.length !== 1) {
      const which = matched.length === 0 ? 'none' : `${matched.length}: ${alternatives(matched)}`;
      return `must match exactly one of the alternatives of its schema's oneOf (${alternatives(j.oneOf)}), and matches ${which}`;
    }
  }
  if (j.not && checkFailure(j.not, value, budget) === undefined) return `must not match its schema's \`not\` (${describeCheck(j.not)})`;
  return undefined;
}

/** Why `value` breaks `check`, or undefined. Keywords apply only to values of their type, as in JSON Schema. */
function checkFailure(check: ValueCheck, value: unknown, budget: Budget): string | undefined {
  if (++budget.steps > MAX_STEPS) throw new OutOfSteps();
  if (value === null || value === undefined) return undefined;
  if (isObject(value)) {
    const missing = check.required?.find((name) => value[name] === undefined || value[name] === null);
    if (missing !== undefined) return `\`${missing}\` is not set`;
    for (const [name, inner] of check.properties ?? []) {
      const failure = checkFailure(inner, value[name], budget);
      if (failure) return `\`${name}\`: ${failure}`;
    }
  }
  if (Array.isArray(value)) {
    const problem = check.bounds && itemsBoundProblem(check.bounds, value.length);
    if (problem) return problem;
    for (let i = 0; check.items && i < value.length; i++) {
      const failure = checkFailure(check.items, value[i], budget);
      if (failure) return `item ${i}: ${failure}`;
    }
  }
  const scalar = scalarFailure(check, value);
  if (scalar) return scalar;
  return check.junctors ? junctorsFailure(check.junctors, value, budget) : undefined;
}

function scalarFailure(check: ValueCheck, value: unknown): string | undefined {
  if (check.enum && !check.enum.some((allowed) => sameValue(allowed, value))) return `must be one of ${check.enum.map(showValue).join(', ')}`;
  if (typeof value === 'string') {
    if (check.pattern && !check.pattern.matches(value)) return `must match ${showPattern(check.pattern.source)}`;
    if (check.format && !matchesFormat(check.format, value)) return `must be ${describeFormat(check.format)}`;
  }
  return check.bounds && !Array.isArray(value) ? scalarBoundProblem(check.bounds, value) : undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && JSON.stringify(a) === JSON.stringify(b));
}

function showValue(value: unknown): string {
  return typeof value === 'string' ? value || '""' : (JSON.stringify(value) ?? String(value));
}

/** Longest description of a list of alternatives; past it the text ends in `…`. */
const MAX_DESCRIPTION = 240;

function alternatives(checks: readonly ValueCheck[]): string {
  const text = checks.map(describeCheck).join('; ');
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1)}…` : text;
}

/** What a check asks for, in words ("sets `exact`", "sets none of `exact`, `prefix`"). */
export function describeCheck(check: ValueCheck, depth = 0): string {
  if (depth > 4) return '…';
  const parts: string[] = [];
  if (check.required?.length) parts.push(`sets ${check.required.map((r) => `\`${r}\``).join(' and ')}`);
  for (const [name, inner] of check.properties ?? []) parts.push(`\`${name}\` ${describeCheck(inner, depth + 1)}`);
  if (check.items) parts.push(`every item ${describeCheck(check.items, depth + 1)}`);
  if (check.enum) parts.push(`is one of ${check.enum.map(showValue).join(', ')}`);
  if (check.pattern) parts.push(`matches ${showPattern(check.pattern.source)}`);
  if (check.format) parts.push(`is ${describeFormat(check.format)}`);
  if (check.bounds) parts.push(describeBounds(check.bounds));
  if (check.junctors) parts.push(describeJunctors(check.junctors, depth + 1));
  return parts.length > 0 ? parts.join(' and ') : 'anything';
}

function describeBounds(b: ValueBounds): string {
  const parts: string[] = [];
  if (b.minimum !== undefined) parts.push(`is ${b.exclusiveMinimum ? 'greater than' : 'at least'} ${b.minimum}`);
  if (b.maximum !== undefined) parts.push(`is ${b.exclusiveMaximum ? 'less than' : 'at most'} ${b.maximum}`);
  if (b.minLength !== undefined) parts.push(`has at least ${b.minLength} characters`);
  if (b.maxLength !== undefined) parts.push(`has at most ${b.maxLength} characters`);
  if (b.minItems !== undefined) parts.push(`has at least ${b.minItems} items`);
  if (b.maxItems !== undefined) parts.push(`has at most ${b.maxItems} items`);
  return parts.join(' and ');
}

function describeJunctors(j: Junctors, depth: number): string {
  const parts: string[] = [];
  if (j.allOf) parts.push(j.allOf.map((c) => describeCheck(c, depth)).join(' and '));
  if (j.anyOf) parts.push(`(${j.anyOf.map((c) => describeCheck(c, depth)).join(' or ')})`);
  if (j.oneOf) parts.push(`exactly one of (${j.oneOf.map((c) => describeCheck(c, depth)).join('; ')})`);
  if (j.not) parts.push(describeNot(j.not, depth));
  return parts.join(' and ');
}

/** `not: {anyOf: [{required: [a]}, {required: [b]}]}` is Istio's "none of them set". */
function describeNot(inner: ValueCheck, depth: number): string {
  const anyOf = inner.junctors?.anyOf;
  const onlyAnyOf = anyOf !== undefined && Object.keys(inner).length === 1 && Object.keys(inner.junctors!).length === 1;
  const names = onlyAnyOf ? anyOf.map((c) => (Object.keys(c).length === 1 && c.required?.length === 1 ? c.required[0] : undefined)) : [];
  if (onlyAnyOf && names.every((n) => n !== undefined)) return `sets none of ${names.map((n) => `\`${n}\``).join(', ')}`;
  return `not (${describeCheck(inner, depth)})`;
}
