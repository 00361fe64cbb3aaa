/** Rule options: checked against what each rule declares, and the values a rule's `check` sees. */
import type { Rule } from '../lint/rule';

/** What the config and the settings know about rules: their ids and declared options, plus built-in codes. */
export interface RuleCatalog {
  rules: ReadonlyMap<string, Rule>;
  /** Codes that take a level but no options (yaml-syntax, schema-*). */
  builtinCodes: ReadonlySet<string>;
}

export function ruleCatalog(rules: readonly Rule[], builtinCodes: Iterable<string>): RuleCatalog {
  return { rules: new Map(rules.map((r) => [r.id, r])), builtinCodes: new Set(builtinCodes) };
}

export function knownCodes(catalog: RuleCatalog): string[] {
  return [...catalog.rules.keys(), ...catalog.builtinCodes];
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'map' : typeof value;
}

/**
 * Why `value` is not a valid `name` option of `ruleId`, or undefined when it is. An option's type is
 * the type of its default (a list of strings when the default is a list).
 */
export function optionProblem(catalog: RuleCatalog, ruleId: string, name: string, value: unknown): string | undefined {
  const rule = catalog.rules.get(ruleId);
  const declared = rule?.options ?? {};
  const option = Object.hasOwn(declared, name) ? declared[name] : undefined;
  if (!option) {
    const names = Object.keys(declared);
    const known = names.length > 0 ? `its options are ${names.map((n) => `\`${n}\``).join(', ')}` : 'it has no options';
    return `unknown option \`${name}\` for rule \`${ruleId}\`: ${known}.`;
  }
  const expected = typeName(option.default);
  if (typeName(value) !== expected) return `option \`${name}\` of rule \`${ruleId}\` takes a ${expected}, not a ${typeName(value)}.`;
  if (Array.isArray(option.default) && Array.isArray(value) && value.some((v) => typeof v !== 'string')) {
    return `option \`${name}\` of rule \`${ruleId}\` takes a list of strings.`;
  }
  return undefined;
}

/**
 * The options `rule` runs with: its declared defaults, replaced by the configured values it declares.
 * Values that do not fit were reported as config errors and are not used.
 */
export function effectiveOptions(rule: Rule, configured: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(rule.options ?? {})) {
    const given = configured && Object.hasOwn(configured, name) ? configured[name] : undefined;
    out[name] = given !== undefined && typeName(given) === typeName(option.default) ? given : option.default;
  }
  return out;
}
