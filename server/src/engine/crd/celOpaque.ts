/**
 * The Kubernetes CEL libraries' own types (Quantity, IP, CIDR, URL) on @bufbuild/cel, which has no opaque types:
 * each value is a one-entry CEL map `{'__<type>__': canonical text}`, so `==` between two of them compares their
 * canonical forms (the API server's Equal), and the parsed value hangs off the map in a WeakMap, found again by the
 * methods. A method called on anything else gives an error, so the rule is skipped, never judged.
 */
import type * as CelLibrary from '@bufbuild/cel';
import type { CelValue } from '@bufbuild/cel';

const parsedOf = new WeakMap<object, { readonly type: string; readonly value: unknown }>();

/** A CEL value of the library type `type` holding `value` (its canonical text decides equality). */
export function opaque(cel: typeof CelLibrary, type: string, canonical: string, value: unknown): CelValue {
  const map = cel.celMap(new Map([[`__${type}__`, canonical]]));
  parsedOf.set(map, { type, value });
  return map;
}

/** The parsed value of `target` when it is of the library type `type`; an error (the rule is not judged) otherwise. */
export function opaqueValue<T>(target: CelValue | undefined, type: string): T {
  const found = typeof target === 'object' && target !== null ? parsedOf.get(target) : undefined;
  if (found?.type !== type) throw new Error(`no such overload: the receiver is not a ${type}`);
  return found.value as T;
}
