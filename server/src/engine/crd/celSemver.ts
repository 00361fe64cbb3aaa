/**
 * Kubernetes' CEL semver library (k8s.io/apiserver/pkg/cel/library/semverlib.go, Kubernetes 1.31+): `semver()` and
 * `isSemver()` (each with the `normalize` flag), `major`, `minor`, `patch`, and through compareSemvers `compareTo`,
 * `isLessThan`, `isGreaterThan`. Versions parse as github.com/blang/semver/v4 Parse does; normalizing is the API
 * server's normalizeAndParse (a `v` prefix, leading zeros, a missing minor or patch). Two versions are equal when
 * they compare equal (build metadata ignored), as Semver.Equal says. A number beyond int64 gives an error for
 * `major()` and friends (Go would wrap it), so such a rule is skipped, never judged.
 */
import type * as CelLibrary from '@bufbuild/cel';
import type { CelFunc, CelValue } from '@bufbuild/cel';
import { opaque, opaqueValue, type Comparator } from './celOpaque';

/** A prerelease identifier: a number (no leading zeros) or an alphanumeric string. */
type PrereleasePart = bigint | string;

interface Semver {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  readonly prerelease: readonly PrereleasePart[];
}

const DIGITS = /^[0-9]*$/;
const ALPHANUMERIC = /^[0-9A-Za-z-]*$/;
const UINT64_MAX = 2n ** 64n - 1n;
const INT64_MAX = 2n ** 63n - 1n;

/** A major, minor or patch number as Parse reads it (digits only, no leading zero, fits a uint64). */
function versionNumber(text: string, part: string): bigint {
  if (!DIGITS.test(text)) throw new Error(`Invalid character(s) found in ${part} number "${text}"`);
  if (text.length > 1 && text.startsWith('0')) throw new Error(`${part} number must not contain leading zeroes "${text}"`);
  // strconv.ParseUint refuses the empty string and values past uint64.
  if (text === '' || BigInt(text) > UINT64_MAX) throw new Error(`strconv.ParseUint: parsing "${text}": invalid syntax or out of range`);
  return BigInt(text);
}

function prereleasePart(text: string): PrereleasePart {
  if (text === '') throw new Error('Prerelease is empty');
  if (DIGITS.test(text)) {
    if (text.length > 1 && text.startsWith('0')) throw new Error(`Numeric PreRelease version must not contain leading zeroes "${text}"`);
    if (BigInt(text) > UINT64_MAX) throw new Error(`the prerelease number "${text}" is out of range`);
    return BigInt(text);
  }
  if (!ALPHANUMERIC.test(text)) throw new Error(`Invalid character(s) found in prerelease "${text}"`);
  return text;
}

/** blang/semver v4 Parse. */
function parseSemver(text: string): Semver {
  if (text === '') throw new Error('Version string empty');
  const firstDot = text.indexOf('.');
  const secondDot = firstDot < 0 ? -1 : text.indexOf('.', firstDot + 1);
  if (secondDot < 0) throw new Error('No Major.Minor.Patch elements found');
  const major = versionNumber(text.slice(0, firstDot), 'Major');
  const minor = versionNumber(text.slice(firstDot + 1, secondDot), 'Minor');
  let rest = text.slice(secondDot + 1);
  const plus = rest.indexOf('+');
  const build = plus < 0 ? [] : rest.slice(plus + 1).split('.');
  if (plus >= 0) rest = rest.slice(0, plus);
  const dash = rest.indexOf('-');
  const prerelease =
    dash < 0
      ? []
      : rest
          .slice(dash + 1)
          .split('.')
          .map(prereleasePart);
  const patch = versionNumber(dash < 0 ? rest : rest.slice(0, dash), 'Patch');
  for (const part of build) {
    if (part === '') throw new Error('Build meta data is empty');
    if (!ALPHANUMERIC.test(part)) throw new Error(`Invalid character(s) found in build meta data "${part}"`);
  }
  return { major, minor, patch, prerelease };
}

/** The API server's normalizeAndParse: drop one `v`, strip leading zeros of the three parts, fill a missing minor/patch with 0. */
function normalizeAndParse(text: string): Semver {
  const parts = splitN(text.startsWith('v') ? text.slice(1) : text, '.', 3).map((part) => {
    if (part.length <= 1) return part;
    const trimmed = part.replace(/^0+/, '');
    return trimmed === '' || !/^[0-9]/.test(trimmed) ? `0${trimmed}` : trimmed;
  });
  if (parts.length < 3) {
    if (/[+-]/.test(parts[parts.length - 1]!)) throw new Error('short version cannot contain PreRelease/Build meta data');
    while (parts.length < 3) parts.push('0');
  }
  return parseSemver(parts.join('.'));
}

/** Go's strings.SplitN. */
function splitN(text: string, separator: string, count: number): string[] {
  const parts = text.split(separator);
  return parts.length <= count ? parts : [...parts.slice(0, count - 1), parts.slice(count - 1).join(separator)];
}

function parse(text: string, normalize: boolean): Semver {
  // Every part of a version is ASCII: any other character fails in Go too (where lengths count bytes, not UTF-16 units).
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(text)) throw new Error(`Invalid character(s) found in version "${text}"`);
  return normalize ? normalizeAndParse(text) : parseSemver(text);
}

function order<T extends bigint | number | string>(a: T, b: T): bigint {
  return a < b ? -1n : a > b ? 1n : 0n;
}

/** Version.Compare: numbers, then the prerelease (a version without one is greater; numeric parts sort before alphanumeric ones). */
function compareVersions(a: Semver, b: Semver): bigint {
  for (const key of ['major', 'minor', 'patch'] as const) if (a[key] !== b[key]) return order(a[key], b[key]);
  if (a.prerelease.length === 0 || b.prerelease.length === 0) return order(b.prerelease.length, a.prerelease.length);
  for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i++) {
    const [x, y] = [a.prerelease[i]!, b.prerelease[i]!];
    if (typeof x !== typeof y) return typeof x === 'bigint' ? -1n : 1n;
    if (x !== y) return order(x, y);
  }
  return order(a.prerelease.length, b.prerelease.length);
}

/** The order of two versions, for `compareTo`, `isLessThan`, `isGreaterThan` (shared with Quantity: celOpaque.ts). */
export const compareSemvers: Comparator = (receiver, operand) =>
  compareVersions(opaqueValue<Semver>(receiver, 'Semver'), opaqueValue<Semver>(operand, 'Semver'));

/** The functions, built with the loaded library. */
export function kubernetesSemverFunctions(cel: typeof CelLibrary): CelFunc[] {
  const { BOOL, DYN, INT, STRING } = cel.CelScalar;
  // The canonical text leaves out build metadata: `==` compares as Version.EQ does.
  const semver = (version: Semver): CelValue =>
    opaque(cel, 'Semver', `${version.major}.${version.minor}.${version.patch}-${version.prerelease.join('.')}`, version);
  const isSemver = (text: string, normalize: boolean): boolean => {
    try {
      parse(text, normalize);
      return true;
    } catch {
      return false;
    }
  };
  const component = (key: 'major' | 'minor' | 'patch') =>
    cel.celMethod(key, DYN, [], INT, function () {
      const value = opaqueValue<Semver>(this, 'Semver')[key];
      if (value > INT64_MAX) throw new Error(`the ${key} version ${value} does not fit an int`);
      return value;
    });
  return [
    cel.celFunc('semver', [STRING], DYN, (text) => semver(parse(text, false))),
    cel.celFunc('semver', [STRING, BOOL], DYN, (text, normalize) => semver(parse(text, normalize))),
    cel.celFunc('isSemver', [STRING], BOOL, (text) => isSemver(text, false)),
    cel.celFunc('isSemver', [STRING, BOOL], BOOL, (text, normalize) => isSemver(text, normalize)),
    component('major'),
    component('minor'),
    component('patch'),
  ];
}
