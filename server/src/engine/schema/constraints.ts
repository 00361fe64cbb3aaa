/**
 * The value bounds of a CRD schema (OpenAPI v3.0): `minimum`/`maximum` (with the boolean `exclusive*`),
 * `minLength`/`maxLength` (in characters, as Go counts runes), `minItems`/`maxItems`. Exact rules, so
 * a value the API server accepts is never reported. (`pattern` is patterns.ts: RE2, in linear time.)
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
}

const KEYS = ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const;

/** The bounds a raw schema states (numbers only), or undefined when it states none. */
export function boundsOf(raw: Record<string, unknown>): ValueBounds | undefined {
  let out: { -readonly [K in keyof ValueBounds]: ValueBounds[K] } | undefined;
  for (const key of KEYS) {
    const value = raw[key];
    if (typeof value === 'number' && Number.isFinite(value)) (out ??= {})[key] = value;
  }
  if (out && raw.exclusiveMinimum === true) out.exclusiveMinimum = true;
  if (out && raw.exclusiveMaximum === true) out.exclusiveMaximum = true;
  return out;
}

/** What is wrong with a scalar value (`must be …`), or undefined. */
export function scalarBoundProblem(bounds: ValueBounds, value: unknown): string | undefined {
  if (typeof value === 'number') {
    const { minimum, maximum } = bounds;
    if (minimum !== undefined && (bounds.exclusiveMinimum ? value <= minimum : value < minimum))
      return `must be ${bounds.exclusiveMinimum ? 'greater than' : 'at least'} ${minimum}, got ${value}`;
    if (maximum !== undefined && (bounds.exclusiveMaximum ? value >= maximum : value > maximum))
      return `must be ${bounds.exclusiveMaximum ? 'less than' : 'at most'} ${maximum}, got ${value}`;
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
