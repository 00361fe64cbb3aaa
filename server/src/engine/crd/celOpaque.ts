/**
 * The Kubernetes CEL libraries' own types (Quantity, IP, CIDR, URL) on @bufbuild/cel, which has no opaque types:
 * each value is a one-entry CEL map `{'__<type>__': canonical text}`, so `==` between two of them compares their
 * canonical forms (the API server's Equal), and the parsed value hangs off the map in a WeakMap, found again by the
 * methods. A method called on anything else gives an error, so the rule is skipped, never judged.
 */
import type * as CelLibrary from '@bufbuild/cel';
import type { CelFunc, CelValue } from '@bufbuild/cel';

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

/** The library type of `value` (`'Quantity'`, `'net.IP'`, …), or undefined for a plain CEL value. */
export function opaqueType(value: CelValue | undefined): string | undefined {
  return typeof value === 'object' && value !== null ? parsedOf.get(value)?.type : undefined;
}

/** How a library type orders its values (-1, 0, 1); it throws when the operand is not of the type. */
export type Comparator = (receiver: CelValue, operand: CelValue) => bigint;

/**
 * `compareTo`, `isLessThan` and `isGreaterThan` for every library type that has them (Quantity, Semver). The evaluator
 * keeps one overload per name and signature, so the types share each method and the receiver's type picks the order.
 */
export function comparisonMethods(cel: typeof CelLibrary, comparators: Readonly<Record<string, Comparator>>): CelFunc[] {
  const { BOOL, DYN, INT } = cel.CelScalar;
  const compare = (receiver: CelValue, operand: CelValue): bigint => {
    const type = opaqueType(receiver);
    const comparator = type === undefined ? undefined : comparators[type];
    if (!comparator) throw new Error('no such overload: the receiver has no order');
    return comparator(receiver, operand);
  };
  return [
    cel.celMethod('compareTo', DYN, [DYN], INT, function (operand) {
      return compare(this, operand);
    }),
    cel.celMethod('isLessThan', DYN, [DYN], BOOL, function (operand) {
      return compare(this, operand) < 0n;
    }),
    cel.celMethod('isGreaterThan', DYN, [DYN], BOOL, function (operand) {
      return compare(this, operand) > 0n;
    }),
  ];
}
