/**
 * CEL optional values, as far as the format library (celFormat.ts) needs them: @bufbuild/cel has no optional type,
 * and its parser refuses the optional syntax (`self.?x`, `[?i]`), so only the calls are given: `optional.of()`,
 * `optional.none()`, `hasValue()`, `value()`, `orValue()`, `or()`. An optional is a library value (celOpaque.ts);
 * `==` with one is not decided here (cel-go's rules for comparing optionals, with each other or with null, are not
 * reproduced), so such a rule is skipped: see `isOptional` in celProgram.ts.
 */
import type * as CelLibrary from '@bufbuild/cel';
import type { CelFunc, CelValue } from '@bufbuild/cel';
import { opaque, opaqueType, opaqueValue } from './celOpaque';

const OPTIONAL = 'optional_type';

interface Held {
  readonly value: CelValue | undefined;
}

/** Whether `value` is an optional: equality with one is refused. */
export function isOptional(value: CelValue | undefined): boolean {
  return opaqueType(value) === OPTIONAL;
}

/** An optional holding `value`, or none when it is undefined. */
export function optionalOf(cel: typeof CelLibrary, value: CelValue | undefined): CelValue {
  // The canonical text never decides anything: equality with an optional is refused before it is compared.
  return opaque(cel, OPTIONAL, value === undefined ? 'none' : 'of', { value } satisfies Held);
}

/** The functions, built with the loaded library. */
export function celOptionalFunctions(cel: typeof CelLibrary): CelFunc[] {
  const { BOOL, DYN } = cel.CelScalar;
  const held = (value: CelValue | undefined): CelValue | undefined => opaqueValue<Held>(value, OPTIONAL).value;
  return [
    cel.celFunc('optional.of', [DYN], DYN, (value) => optionalOf(cel, value)),
    cel.celFunc('optional.none', [], DYN, () => optionalOf(cel, undefined)),
    cel.celMethod('hasValue', DYN, [], BOOL, function () {
      return held(this) !== undefined;
    }),
    cel.celMethod('value', DYN, [], DYN, function () {
      const value = held(this);
      if (value === undefined) throw new Error('optional.none() dereference');
      return value;
    }),
    cel.celMethod('orValue', DYN, [DYN], DYN, function (fallback) {
      const value = held(this);
      return value === undefined ? fallback : value;
    }),
    cel.celMethod('or', DYN, [DYN], DYN, function (other) {
      if (held(this) !== undefined) return this;
      held(other);
      return other;
    }),
  ];
}
