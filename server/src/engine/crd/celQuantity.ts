/**
 * Kubernetes' CEL quantity library (k8s.io/apiserver/pkg/cel/library/quantity.go): `quantity()`, `isQuantity()`,
 * `sign`, `isInteger`, `asInteger`, `asApproximateFloat`, `add`, `sub`, and (through compareQuantities) `compareTo`, `isLessThan`, `isGreaterThan`.
 * A quantity is held exactly, as a count of nano-units (bigint). The syntax is resource.ParseQuantity's; a value the
 * API server would round (finer than 1n) or cap (beyond int64) gives an error here, so its rule is skipped, never judged.
 */
import type * as CelLibrary from '@bufbuild/cel';
import type { CelFunc, CelValue } from '@bufbuild/cel';
import { opaque, opaqueValue, type Comparator } from './celOpaque';

const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const BINARY_POWERS: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_EXPONENTS: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const NANO = 1_000_000_000n;
const INT64_MAX = 2n ** 63n - 1n;
const INT32_MAX = 2 ** 31 - 1;
/** Exponents the API server parses but that no real value uses; beyond this one the value is not computed here. */
const MAX_COMPUTED_EXPONENT = 40;

/** Whether `text` is a quantity for the API server (the exponent of `1e<n>` must fit an int32, as ParseInt checks). */
function isQuantityText(text: string): boolean {
  const match = QUANTITY.exec(text);
  if (!match) return false;
  const suffix = match[3] ?? '';
  return !/^[eE]/.test(suffix) || Math.abs(Number(suffix.slice(1))) <= INT32_MAX;
}

/** The quantity in nano-units, exactly; throws when the text is not a quantity or the API server would round or cap it. */
function parseQuantity(text: string): bigint {
  const match = QUANTITY.exec(text);
  if (!match || !isQuantityText(text))
    throw new Error(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': '${text}'`);
  const [, sign = '', number = '', suffix = ''] = match;
  const [whole = '', fraction = ''] = number.split('.');
  let exponent = -fraction.length;
  let binary = 0;
  if (suffix in BINARY_POWERS) binary = BINARY_POWERS[suffix]!;
  else if (suffix in DECIMAL_EXPONENTS) exponent += DECIMAL_EXPONENTS[suffix]!;
  else exponent += Number(suffix.slice(1));
  const digits = BigInt(`${whole}${fraction}` || '0');
  if (digits !== 0n && Math.abs(exponent) > MAX_COMPUTED_EXPONENT) throw new Error(`the quantity '${text}' is out of the range this checker computes`);
  // value × 10⁹ = digits × 2^binary × 10^(exponent + 9): exact when the power of ten is not negative.
  const scaled = digits * 2n ** BigInt(binary);
  const nanoExponent = exponent + 9;
  const nanos = nanoExponent >= 0 ? scaled * 10n ** BigInt(nanoExponent) : scaled / 10n ** BigInt(-nanoExponent);
  if (nanoExponent < 0 && nanos * 10n ** BigInt(-nanoExponent) !== scaled)
    throw new Error(`the quantity '${text}' is finer than 1n, which the API server rounds`);
  if (nanos / NANO > INT64_MAX) throw new Error(`the quantity '${text}' is beyond int64, which the API server caps`);
  return sign === '-' ? -nanos : nanos;
}

function compare(a: bigint, b: bigint): bigint {
  return a < b ? -1n : a > b ? 1n : 0n;
}

/** The order of two quantities, for `compareTo`, `isLessThan`, `isGreaterThan` (shared with Semver: celOpaque.ts). */
export const compareQuantities: Comparator = (receiver, operand) =>
  compare(opaqueValue<bigint>(receiver, 'Quantity'), opaqueValue<bigint>(operand, 'Quantity'));

/** The functions, built with the loaded library. */
export function kubernetesQuantityFunctions(cel: typeof CelLibrary): CelFunc[] {
  const { BOOL, DOUBLE, DYN, INT, STRING } = cel.CelScalar;
  const quantity = (nanos: bigint): CelValue => opaque(cel, 'Quantity', String(nanos), nanos);
  const nanosOf = (value: CelValue | undefined): bigint => opaqueValue<bigint>(value, 'Quantity');
  /** `add`/`sub` take a Quantity or an int (a whole number of units). */
  const operand = (value: CelValue): bigint => (typeof value === 'bigint' ? value * NANO : nanosOf(value));
  const asInteger = (nanos: bigint): bigint | undefined =>
    nanos % NANO === 0n && nanos / NANO <= INT64_MAX && nanos / NANO >= -INT64_MAX - 1n ? nanos / NANO : undefined;
  return [
    cel.celFunc('quantity', [STRING], DYN, (text) => quantity(parseQuantity(text))),
    cel.celFunc('isQuantity', [STRING], BOOL, (text) => isQuantityText(text)),
    cel.celMethod('sign', DYN, [], INT, function () {
      return compare(nanosOf(this), 0n);
    }),
    cel.celMethod('isInteger', DYN, [], BOOL, function () {
      return asInteger(nanosOf(this)) !== undefined;
    }),
    cel.celMethod('asInteger', DYN, [], INT, function () {
      const whole = asInteger(nanosOf(this));
      if (whole === undefined) throw new Error('cannot convert value to integer');
      return whole;
    }),
    cel.celMethod('asApproximateFloat', DYN, [], DOUBLE, function () {
      return Number(nanosOf(this)) / 1e9;
    }),
    cel.celMethod('add', DYN, [DYN], DYN, function (other) {
      return quantity(nanosOf(this) + operand(other));
    }),
    cel.celMethod('sub', DYN, [DYN], DYN, function (other) {
      return quantity(nanosOf(this) - operand(other));
    }),
  ];
}
