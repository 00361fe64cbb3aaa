/**
 * The value bounds of a CRD schema (OpenAPI v3.0): `minimum`/`maximum` (with the boolean `exclusive*`),
 * `multipleOf`, `minLength`/`maxLength` (in characters, as Go counts runes), `minItems`/`maxItems`,
 * `minProperties`/`maxProperties`, and the uniqueness of `x-kubernetes-list-type: set`/`map` lists. Exact
 * rules, so a value the API server accepts is never reported. (`pattern` is patterns.ts: RE2, in linear time.)
 */

export interface ValueBounds {
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: boolean;
  readonly exclusiveMaximum?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly multipleOf?: number;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  /** `x-kubernetes-list-type: set` (items unique) or `map` (items unique by `x-kubernetes-list-map-keys`). */
  readonly unique?: { readonly type: 'set' } | { readonly type: 'map'; readonly keys: readonly string[] };
}

const KEYS = ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'] as const;

/** The bounds a raw schema states (numbers only), or undefined when it states none. */
export function boundsOf(raw: Record<string, unknown>): ValueBounds | undefined {
  let out: { -readonly [K in keyof ValueBounds]: ValueBounds[K] } | undefined;
  for (const key of KEYS) {
    const value = raw[key];
    if (typeof value === 'number' && Number.isFinite(value)) (out ??= {})[key] = value;
  }
  if (out && raw.exclusiveMinimum === true) out.exclusiveMinimum = true;
  if (out && raw.exclusiveMaximum === true) out.exclusiveMaximum = true;
  if (typeof raw.multipleOf === 'number' && raw.multipleOf > 0 && Number.isFinite(raw.multipleOf)) (out ??= {}).multipleOf = raw.multipleOf;
  const unique = uniqueOf(raw);
  if (unique) (out ??= {}).unique = unique;
  return out;
}

function uniqueOf(raw: Record<string, unknown>): ValueBounds['unique'] {
  if (raw['x-kubernetes-list-type'] === 'set') return { type: 'set' };
  const keys = raw['x-kubernetes-list-map-keys'];
  if (raw['x-kubernetes-list-type'] !== 'map' || !Array.isArray(keys) || keys.length === 0) return undefined;
  return keys.every((k) => typeof k === 'string') ? { type: 'map', keys: keys } : undefined;
}

/** A multiple within rounding: `0.3` is a multiple of `0.1` although 0.3 / 0.1 is 2.9999999999999996. */
function isMultiple(value: number, of: number): boolean {
  const quotient = value / of;
  return Math.abs(quotient - Math.round(quotient)) <= 1e-9 * Math.max(1, Math.abs(quotient));
}

/** What is wrong with a scalar value (`must be …`), or undefined. */
export function scalarBoundProblem(bounds: ValueBounds, value: unknown): string | undefined {
  if (typeof value === 'number') {
    const { minimum, maximum } = bounds;
    if (minimum !== undefined && (bounds.exclusiveMinimum ? value <= minimum : value < minimum))
      return `must be ${bounds.exclusiveMinimum ? 'greater than' : 'at least'} ${minimum}, got ${value}`;
    if (maximum !== undefined && (bounds.exclusiveMaximum ? value >= maximum : value > maximum))
      return `must be ${bounds.exclusiveMaximum ? 'less than' : 'at most'} ${maximum}, got ${value}`;
    if (bounds.multipleOf !== undefined && !isMultiple(value, bounds.multipleOf)) return `must be a multiple of ${bounds.multipleOf}, got ${value}`;
  }
  if (typeof value === 'string' && (bounds.minLength !== undefined || bounds.maxLength !== undefined)) {
    const length = [...value].length;
    if (bounds.minLength !== undefined && length < bounds.minLength)
      return `must be at least ${bounds.minLength} character${bounds.minLength === 1 ? '' : 's'} long, got ${length}`;
    if (bounds.maxLength !== undefined && length > bounds.maxLength) return `must be at most ${bounds.maxLength} characters long, got ${length}`;
  }
  return undefined;
}

/** What is wrong with a list's length, or undefined. */
export function itemsBoundProblem(bounds: ValueBounds, count: number): string | undefined {
  if (bounds.minItems !== undefined && count < bounds.minItems)
    return `must have at least ${bounds.minItems} item${bounds.minItems === 1 ? '' : 's'}, got ${count}`;
  if (bounds.maxItems !== undefined && count > bounds.maxItems)
    return `must have at most ${bounds.maxItems} item${bounds.maxItems === 1 ? '' : 's'}, got ${count}`;
  return undefined;
}

/** What is wrong with a map's number of keys, or undefined. */
export function propertiesBoundProblem(bounds: ValueBounds, count: number): string | undefined {
  if (bounds.minProperties !== undefined && count < bounds.minProperties)
    return `must have at least ${bounds.minProperties} field${bounds.minProperties === 1 ? '' : 's'}, got ${count}`;
  if (bounds.maxProperties !== undefined && count > bounds.maxProperties)
    return `must have at most ${bounds.maxProperties} field${bounds.maxProperties === 1 ? '' : 's'}, got ${count}`;
  return undefined;
}

/**
 * The index of the first item that repeats an earlier one, by the list's `x-kubernetes-list-type`, and
 * what it repeats (`"a"`, `port=80, protocol="TCP"`); undefined when all differ. A `map` item missing one
 * of the keys is not compared (the API server reports it as missing, or defaults it).
 */
export function duplicateItem(unique: NonNullable<ValueBounds['unique']>, items: readonly unknown[]): { index: number; what: string } | undefined {
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    const identity = identityOf(unique, item);
    if (identity === undefined) continue;
    if (seen.has(identity)) return { index, what: identity };
    seen.add(identity);
  }
  return undefined;
}

function identityOf(unique: NonNullable<ValueBounds['unique']>, item: unknown): string | undefined {
  if (unique.type === 'set') return JSON.stringify(item);
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const values = unique.keys.map((key) => (item as Record<string, unknown>)[key]);
  if (values.some((v) => v === undefined)) return undefined;
  return unique.keys.map((key, i) => `${key}=${JSON.stringify(values[i])}`).join(', ');
}
