/**
 * Kubernetes' CEL list library (k8s.io/apiserver/pkg/cel/library/lists.go) on @bufbuild/cel: `isSorted`, `sum`,
 * `min`, `max`, `indexOf` and `lastIndexOf` on lists of ints, doubles, strings or booleans. Their meaning is
 * exact for those; a list of anything else (maps, lists, mixed types) gives an error, so the rule is not judged.
 * The module's `cel` argument is the lazily loaded library (celProgram.ts), so this file imports only types.
 */
import type * as CelLibrary from '@bufbuild/cel';
import type { CelFunc, CelValue } from '@bufbuild/cel';

type Comparable = bigint | number | string | boolean;

function comparable(value: CelValue): value is Comparable {
  return typeof value === 'bigint' || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean';
}

/** The list's elements when all are of one comparable type (ints and doubles apart, as CEL keeps them), else an error. */
function elements(list: Iterable<CelValue>): Comparable[] {
  const out: Comparable[] = [];
  for (const value of list) {
    if (!comparable(value) || (out.length > 0 && typeof value !== typeof out[0]))
      throw new Error('the list must hold ints, doubles, strings or booleans of one type');
    out.push(value);
  }
  return out;
}

function less(a: Comparable, b: Comparable): boolean {
  return a < b;
}

function extreme(list: Iterable<CelValue>, wanted: 'min' | 'max'): Comparable {
  const items = elements(list);
  if (items.length === 0) throw new Error(`${wanted}() of an empty list`);
  return items.reduce((best, item) => ((wanted === 'min' ? less(item, best) : less(best, item)) ? item : best));
}

function sum(list: Iterable<CelValue>): Comparable {
  const items = elements(list);
  if (items.length === 0) return 0n;
  if (typeof items[0] === 'bigint') return (items as bigint[]).reduce((a, b) => a + b, 0n);
  if (typeof items[0] === 'number') return (items as number[]).reduce((a, b) => a + b, 0);
  throw new Error('sum() needs a list of ints or doubles');
}

/** The functions, built with the loaded library. */
export function kubernetesListFunctions(cel: typeof CelLibrary): CelFunc[] {
  const { BOOL, DYN, INT } = cel.CelScalar;
  const list = cel.listType(DYN);
  return [
    cel.celMethod('isSorted', list, [], BOOL, function () {
      const items = elements(this);
      return items.every((item, i) => i === 0 || !less(item, items[i - 1]!));
    }),
    cel.celMethod('sum', list, [], DYN, function () {
      return sum(this);
    }),
    cel.celMethod('min', list, [], DYN, function () {
      return extreme(this, 'min');
    }),
    cel.celMethod('max', list, [], DYN, function () {
      return extreme(this, 'max');
    }),
    cel.celMethod('indexOf', list, [DYN], INT, function (wanted) {
      return BigInt(elements(this).findIndex((item) => comparable(wanted) && item === wanted));
    }),
    cel.celMethod('lastIndexOf', list, [DYN], INT, function (wanted) {
      const items = elements(this);
      let at = items.length - 1;
      while (at >= 0 && !(comparable(wanted) && items[at] === wanted)) at--;
      return BigInt(at);
    }),
  ];
}
