/**
 * The string formats the API server checks in a CRD's schema (apiextensions: kube-openapi's strfmt
 * registry), for the ones whose grammar is exact; others (`uri`, `hostname`, `duration`, `email`, …) are
 * accepted as any string rather than guessed at.
 */

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
// strfmt.ParseDateTime tries RFC 3339 with and without seconds, fractions, a colon in the offset, or a zone at all.
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?$/;
/** kube-openapi strfmt.UUIDPattern (also CEL's `format.uuid()`, crd/celFormat.ts). */
export const UUID = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;
const MAC = /^([0-9a-fA-F]{2}([:-])[0-9a-fA-F]{2}(\2[0-9a-fA-F]{2}){4})$|^([0-9a-fA-F]{4}\.){2}[0-9a-fA-F]{4}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function isIPv4(text: string): boolean {
  const parts = text.split('.');
  // Go's net.ParseIP refuses leading zeros (an octal reading would differ).
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function isIPv6(text: string): boolean {
  if (!text.includes(':') || !/^[0-9a-fA-F:.]+$/.test(text)) return false;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  const embedsV4 = tail.includes('.');
  if (embedsV4 && !isIPv4(tail)) return false;
  const head = embedsV4 ? text.slice(0, lastColon + 1) + '0:0' : text;
  const halves = head.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((h) => (h === '' ? [] : h.split(':')));
  if (groups.some((g) => g.some((x) => !/^[0-9a-fA-F]{1,4}$/.test(x)))) return false;
  const count = groups.reduce((n, g) => n + g.length, 0);
  return halves.length === 2 ? count < 8 : count === 8;
}

function isCidr(text: string): boolean {
  const slash = text.indexOf('/');
  if (slash < 0) return false;
  const [ip, bits] = [text.slice(0, slash), text.slice(slash + 1)];
  if (!/^(0|[1-9]\d{0,2})$/.test(bits)) return false;
  if (isIPv4(ip)) return Number(bits) <= 32;
  return isIPv6(ip) && Number(bits) <= 128;
}

const CHECKS: Readonly<Record<string, (text: string) => boolean>> = {
  date: (t) => DATE.test(t),
  'date-time': (t) => DATE_TIME.test(t),
  uuid: (t) => UUID.test(t),
  ipv4: isIPv4,
  ipv6: isIPv6,
  cidr: isCidr,
  mac: (t) => MAC.test(t),
  byte: (t) => BASE64.test(t),
};

/** The formats checked; any other format accepts every string. */
export const CHECKED_FORMATS: readonly string[] = Object.keys(CHECKS);

/** Whether `text` is valid for `format`; true for a format that is not checked. */
export function matchesFormat(format: string, text: string): boolean {
  const check = CHECKS[format];
  return check ? check(text) : true;
}

/** How a format is named in messages. */
export function describeFormat(format: string): string {
  switch (format) {
    case 'date-time':
      return 'an RFC 3339 timestamp such as `2024-05-01T12:00:00Z`';
    case 'date':
      return 'a date such as `2024-05-01`';
    case 'byte':
      return 'base64-encoded data';
    case 'cidr':
      return 'a CIDR such as `10.0.0.0/16`';
    default:
      return `a valid ${format}`;
  }
}
