/**
 * The validation keywords of a CRD schema level that the SchemaNode graph does not carry itself, read
 * from the raw `openAPIV3Schema`: `pattern` (compiled as RE2, patterns.ts) and the logical junctors
 * `anyOf`/`oneOf`/`allOf`/`not` (evaluated by schema/junctors.ts). The recursion into junctor members
 * is the caller's (convertSchema.ts), which bounds it like every other schema level.
 */
import { boundsOf } from '../schema/constraints';
import { CHECKED_FORMATS } from '../schema/formats';
import type { Junctors, ValueCheck } from '../schema/junctors';
import { compilePattern, isPatternProblem, type StringPattern } from '../schema/patterns';
import type { SchemaProblem } from './convertSchema';

type Raw = Record<string, unknown>;
type Path = (string | number)[];

/** Converts one member schema of a junctor (bounded by the caller). */
export type ConvertMember = (raw: unknown, path: Path) => ValueCheck;

const JUNCTOR_LISTS = ['allOf', 'anyOf', 'oneOf'] as const;

/** Keywords a structural schema must not set inside a junctor: types, defaults and docs live outside them. */
const NOT_IN_JUNCTORS = ['type', 'default', 'nullable', 'additionalProperties', 'description'] as const;

/** The compiled `pattern` of a level; an invalid one is a problem of the CRD (the API server refuses it too). */
export function patternOf(raw: Raw, path: Path, problems: SchemaProblem[]): StringPattern | undefined {
  if (raw.pattern === undefined) return undefined;
  if (typeof raw.pattern !== 'string') {
    problems.push({ path: [...path, 'pattern'], message: '`pattern` must be a string (a regular expression).', structural: false });
    return undefined;
  }
  const compiled = compilePattern(raw.pattern);
  if (!isPatternProblem(compiled)) return compiled;
  problems.push({
    path: [...path, 'pattern'],
    message: `\`pattern\` is not a valid RE2 regular expression (the syntax Go and the API server use): ${compiled.problem}.`,
    structural: false,
  });
  return undefined;
}

/** The junctors of a level, or undefined when it states none. */
export function junctorsOf(raw: Raw, path: Path, member: ConvertMember, problems: SchemaProblem[]): Junctors | undefined {
  let out: { -readonly [K in keyof Junctors]: Junctors[K] } | undefined;
  for (const key of JUNCTOR_LISTS) {
    const list = raw[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push({ path: [...path, key], message: `\`${key}\` must be a list of schemas.` });
      continue;
    }
    (out ??= {})[key] = list.map((item: unknown, i) => member(item, [...path, key, i]));
  }
  if (raw.not !== undefined) (out ??= {}).not = member(raw.not, [...path, 'not']);
  return out;
}

/**
 * Fields a level's junctors name that the level itself does not declare: a structural schema states every field
 * outside the junctors too (they only validate). Reported once per field, at the first junctor member naming it.
 */
export function undeclaredJunctorFields(raw: Raw, path: Path, problems: SchemaProblem[]): void {
  const declared = isRaw(raw.properties) ? raw.properties : {};
  const reported = new Set<string>();
  const visit = (member: unknown, at: Path, depth: number): void => {
    // Nested junctors of the same level; the depth bound is the conversion's, this only guards alias loops.
    if (!isRaw(member) || depth > 100) return;
    for (const name of Object.keys(isRaw(member.properties) ? member.properties : {})) {
      if (name in declared || reported.has(name)) continue;
      reported.add(name);
      problems.push({
        path: [...at, 'properties', name],
        message: `\`${name}\` is named inside a junctor but not declared in this level's \`properties\`: a structural schema declares every field outside \`allOf\`/\`anyOf\`/\`oneOf\`/\`not\` too.`,
      });
    }
    for (const key of JUNCTOR_LISTS) if (Array.isArray(member[key])) member[key].forEach((m: unknown, i) => visit(m, [...at, key, i], depth + 1));
    if (member.not !== undefined) visit(member.not, [...at, 'not'], depth + 1);
  };
  for (const key of JUNCTOR_LISTS) if (Array.isArray(raw[key])) raw[key].forEach((m: unknown, i) => visit(m, [...path, key, i], 0));
  if (raw.not !== undefined) visit(raw.not, [...path, 'not'], 0);
}

/** A junctor member's validation keywords; a structural schema's forbidden ones are reported. */
export function valueCheckOf(raw: Raw, path: Path, member: ConvertMember, problems: SchemaProblem[]): ValueCheck {
  for (const key of NOT_IN_JUNCTORS) {
    if (raw[key] !== undefined)
      problems.push({ path: [...path, key], message: `\`${key}\` must not be set inside \`allOf\`, \`anyOf\`, \`oneOf\` or \`not\`: state it outside them.` });
  }
  const check: { -readonly [K in keyof ValueCheck]: ValueCheck[K] } = {};
  if (Array.isArray(raw.required)) check.required = raw.required.filter((r): r is string => typeof r === 'string');
  if (isRaw(raw.properties)) {
    const properties = new Map<string, ValueCheck>();
    for (const [name, child] of Object.entries(raw.properties)) properties.set(name, member(child, [...path, 'properties', name]));
    check.properties = properties;
  }
  if (raw.items !== undefined) check.items = member(raw.items, [...path, 'items']);
  if (Array.isArray(raw.enum)) check.enum = raw.enum;
  const pattern = patternOf(raw, path, problems);
  if (pattern) check.pattern = pattern;
  if (typeof raw.format === 'string' && CHECKED_FORMATS.includes(raw.format)) check.format = raw.format;
  const bounds = boundsOf(raw);
  if (bounds) check.bounds = bounds;
  const junctors = junctorsOf(raw, path, member, problems);
  if (junctors) check.junctors = junctors;
  return check;
}

function isRaw(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
