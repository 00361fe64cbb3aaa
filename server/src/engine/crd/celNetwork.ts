/**
 * Kubernetes' CEL IP and CIDR libraries (k8s.io/apiserver/pkg/cel/library/ip.go, cidr.go) on @bufbuild/cel:
 * `ip()`, `isIP()`, `ip.isCanonical()`, `family`, `isUnspecified`, `isLoopback`, `isLinkLocalMulticast`,
 * `isLinkLocalUnicast`, `isGlobalUnicast`, `cidr()`, `isCIDR()`, `containsIP`, `containsCIDR`, `ip`, `prefixLength`,
 * `masked`, and `string()` of an IP or a CIDR (`ip(<CIDR>)` is not Kubernetes CEL: a CIDR's address is `.ip()`).
 * Addresses parse as Go's netip.ParseAddr does (no leading zeros in IPv4, no zones), and the API server's refusal of
 * IPv4-mapped IPv6 addresses is kept. Text this parser is not sure about gives an error: the rule is skipped.
 */
import type * as CelLibrary from '@bufbuild/cel';
import type { CelFunc, CelValue } from '@bufbuild/cel';
import { opaque, opaqueType, opaqueValue } from './celOpaque';
import { canonicalAddress, parseAddress, type Address } from './ipAddress';

interface Prefix {
  readonly address: Address;
  readonly bits: number;
}

/** A CIDR as netip.ParsePrefix reads it; undefined when it is not one; throws when unsure (a prefix length like `08`). */
function parsePrefix(text: string): Prefix | undefined {
  const slash = text.lastIndexOf('/');
  if (slash < 0) return undefined;
  const address = parseAddress(text.slice(0, slash));
  const length = text.slice(slash + 1);
  if (!address || !/^\d{1,3}$/.test(length)) return undefined;
  if (length.length > 1 && length.startsWith('0')) throw new Error(`the prefix length of '${text}' has a leading zero`);
  const bits = Number(length);
  return bits <= address.bits ? { address, bits } : undefined;
}

/** The address with every bit past the first `bits` cleared. */
function masked(address: Address, bits: number): Address {
  const hostBits = BigInt(address.bits - bits);
  return { ...address, value: (address.value >> hostBits) << hostBits };
}

function contains(prefix: Prefix, address: Address): boolean {
  return prefix.address.bits === address.bits && masked(address, prefix.bits).value === masked(prefix.address, prefix.bits).value;
}

function inRange(address: Address, v4: string, v6: string): boolean {
  const prefix = parsePrefix(address.bits === 32 ? v4 : v6);
  return prefix !== undefined && contains(prefix, address);
}

/** The address classes of netip.Addr, by method name. */
const ADDRESS_CLASSES: readonly (readonly [string, (address: Address) => boolean])[] = [
  ['isUnspecified', (a) => a.value === 0n],
  ['isLoopback', (a) => inRange(a, '127.0.0.0/8', '::1/128')],
  // Go checks ff02::/16 with the flags nibble ignored (ff12:: too): `v6u16(0) & 0xff0f == 0xff02`.
  ['isLinkLocalMulticast', (a) => (a.bits === 32 ? inRange(a, '224.0.0.0/24', '') : ((a.value >> 112n) & 0xff0fn) === 0xff02n)],
  ['isLinkLocalUnicast', (a) => inRange(a, '169.254.0.0/16', 'fe80::/10')],
  // Go's IsGlobalUnicast: not unspecified, loopback, link-local, multicast, nor the IPv4 broadcast address.
  [
    'isGlobalUnicast',
    (a) =>
      a.value !== 0n &&
      !inRange(a, '127.0.0.0/8', '::1/128') &&
      !inRange(a, '169.254.0.0/16', 'fe80::/10') &&
      !inRange(a, '224.0.0.0/4', 'ff00::/8') &&
      !(a.bits === 32 && a.value === 0xffffffffn),
  ],
];

/** The functions, built with the loaded library. */
export function kubernetesNetworkFunctions(cel: typeof CelLibrary): CelFunc[] {
  const { BOOL, DYN, INT, STRING } = cel.CelScalar;
  const ipValue = (address: Address): CelValue => opaque(cel, 'net.IP', canonicalAddress(address), address);
  const cidrValue = (prefix: Prefix): CelValue => opaque(cel, 'net.CIDR', `${canonicalAddress(prefix.address)}/${prefix.bits}`, prefix);
  const addressOf = (value: CelValue | undefined): Address => opaqueValue<Address>(value, 'net.IP');
  const prefixOf = (value: CelValue | undefined): Prefix => opaqueValue<Prefix>(value, 'net.CIDR');
  const requireAddress = (text: string): Address => {
    const address = parseAddress(text);
    if (!address) throw new Error(`IP Address '${text}' parse error during conversion from string`);
    return address;
  };
  const requirePrefix = (text: string): Prefix => {
    const prefix = parsePrefix(text);
    if (!prefix) throw new Error(`network address parse error during conversion from string: '${text}'`);
    return prefix;
  };
  const addressArgument = (value: CelValue): Address => (typeof value === 'string' ? requireAddress(value) : addressOf(value));
  const prefixArgument = (value: CelValue): Prefix => (typeof value === 'string' ? requirePrefix(value) : prefixOf(value));
  const ipTest = (name: string, test: (address: Address) => boolean): CelFunc =>
    cel.celMethod(name, DYN, [], BOOL, function () {
      return test(addressOf(this));
    });
  return [
    cel.celFunc('ip', [STRING], DYN, (text) => ipValue(requireAddress(text))),
    cel.celFunc('isIP', [STRING], BOOL, (text) => parseAddress(text) !== undefined),
    cel.celFunc('ip.isCanonical', [STRING], BOOL, (text) => canonicalAddress(requireAddress(text)) === text),
    cel.celMethod('family', DYN, [], INT, function () {
      return addressOf(this).bits === 32 ? 4n : 6n;
    }),
    ...ADDRESS_CLASSES.map(([name, test]) => ipTest(name, test)),
    cel.celFunc('cidr', [STRING], DYN, (text) => cidrValue(requirePrefix(text))),
    cel.celFunc('isCIDR', [STRING], BOOL, (text) => parsePrefix(text) !== undefined),
    cel.celMethod('containsIP', DYN, [DYN], BOOL, function (other) {
      return contains(prefixOf(this), addressArgument(other));
    }),
    cel.celMethod('containsCIDR', DYN, [DYN], BOOL, function (other) {
      const outer = prefixOf(this);
      const inner = prefixArgument(other);
      return inner.bits >= outer.bits && contains(outer, inner.address);
    }),
    cel.celMethod('ip', DYN, [], DYN, function () {
      return ipValue(prefixOf(this).address);
    }),
    cel.celMethod('prefixLength', DYN, [], INT, function () {
      return BigInt(prefixOf(this).bits);
    }),
    cel.celMethod('masked', DYN, [], DYN, function () {
      const prefix = prefixOf(this);
      return cidrValue({ address: masked(prefix.address, prefix.bits), bits: prefix.bits });
    }),
    // `string(ip)` is Addr.String(), `string(cidr)` Prefix.String(): the canonical texts the values already carry.
    cel.celFunc('string', [DYN], STRING, (value) => {
      if (opaqueType(value) === 'net.IP') return canonicalAddress(addressOf(value));
      const prefix = prefixOf(value);
      return `${canonicalAddress(prefix.address)}/${prefix.bits}`;
    }),
  ];
}
