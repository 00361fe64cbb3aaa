/**
 * Kubernetes' CEL format library (k8s.io/apiserver/pkg/cel/library/format.go, Kubernetes 1.31+): `format.named(name)`
 * (an optional Format), `format.dns1123Label()` and the other named formats, and `<Format>.validate(text)`: none when
 * the text is valid, else an optional list of the validator's messages (celOptional.ts; `hasValue()`, `value()`).
 * The name formats follow k8s.io/apimachinery's validators (IsDNS1123Label, IsLabelKey, …, lengths in bytes), `uri`
 * is the URL library's parse (celUrl.ts: an error where it is not sure), `uuid` is kube-openapi's pattern. `byte`,
 * `date` and `datetime` (govalidator and strfmt parsers) are not reproduced: their `validate` gives an error, so the
 * rule is skipped, never judged.
 */
import type * as CelLibrary from '@bufbuild/cel';
import type { CelFunc } from '@bufbuild/cel';
import { opaque, opaqueValue } from './celOpaque';
import { optionalOf } from './celOptional';
import { parseUrl } from './celUrl';
import { DNS1035_LABEL, DNS1123_LABEL, DNS1123_SUBDOMAIN } from '../k8s/names';
import { UUID } from '../schema/formats';

type Validator = (text: string) => string[];

const LABEL_KEY = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE = `(${LABEL_KEY})?`;
const whole = (pattern: string): RegExp => new RegExp(`^${pattern}$`);
const labelRegex = whole(DNS1123_LABEL);
const subdomainRegex = whole(DNS1123_SUBDOMAIN);
const dns1035Regex = whole(DNS1035_LABEL);
const labelKeyRegex = whole(LABEL_KEY);
const labelValueRegex = whole(LABEL_VALUE);

const encoder = new TextEncoder();
/** Go's len(): bytes of UTF-8. */
const byteLength = (text: string): number => encoder.encode(text).length;

const maxLenError = (length: number): string => `must be no more than ${length} bytes`;
function regexError(message: string, pattern: string, ...examples: string[]): string {
  return `${message} (e.g. ${examples.map((example) => `'${example}', `).join(' or ')}regex used for validation is '${pattern}')`;
}

function dns1123Label(text: string): string[] {
  const errors = byteLength(text) > 63 ? [maxLenError(63)] : [];
  if (labelRegex.test(text)) return errors;
  // A valid subdomain that is not a label has dots (the length was checked above).
  if (subdomainRegex.test(text)) return [...errors, 'must not contain dots'];
  const message = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
  return [...errors, regexError(message, DNS1123_LABEL, 'my-name', '123-abc')];
}

function dns1123Subdomain(text: string): string[] {
  const errors = byteLength(text) > 253 ? [maxLenError(253)] : [];
  if (subdomainRegex.test(text)) return errors;
  const message =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
  return [...errors, regexError(message, DNS1123_SUBDOMAIN, 'example.com')];
}

function dns1035Label(text: string): string[] {
  const errors = byteLength(text) > 63 ? [maxLenError(63)] : [];
  if (dns1035Regex.test(text)) return errors;
  const message =
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
  return [...errors, regexError(message, DNS1035_LABEL, 'my-name', 'abc-123')];
}

const LABEL_KEY_MESSAGE = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** IsLabelKey (what `qualifiedName` validates): an optional DNS subdomain prefix and `/`, then a name. */
function qualifiedName(text: string): string[] {
  const parts = text.split('/');
  if (parts.length > 2)
    return [
      `a valid label key ${regexError(LABEL_KEY_MESSAGE, LABEL_KEY, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  const errors: string[] = [];
  const name = parts[parts.length - 1]!;
  if (parts.length === 2) {
    if (parts[0] === '') errors.push('prefix part must be non-empty');
    else errors.push(...dns1123Subdomain(parts[0]!).map((error) => `prefix part ${error}`));
  }
  if (name === '') errors.push('name part must be non-empty');
  else if (byteLength(name) > 63) errors.push(`name part ${maxLenError(63)}`);
  if (!labelKeyRegex.test(name)) errors.push(`name part ${regexError(LABEL_KEY_MESSAGE, LABEL_KEY, 'MyName', 'my.name', '123-abc')}`);
  return errors;
}

function labelValue(text: string): string[] {
  const errors = byteLength(text) > 63 ? [maxLenError(63)] : [];
  if (labelValueRegex.test(text)) return errors;
  const message =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  return [...errors, regexError(message, LABEL_VALUE, 'MyValue', 'my_value', '12345')];
}

/** apimachinery's maskTrailingDash, quirk included (it drops two characters and adds one): a prefix may end in `-`. */
function asPrefix(validate: Validator): Validator {
  return (text) => validate(text.length > 1 && text.endsWith('-') ? `${text.slice(0, -2)}a` : text);
}

/** The control characters Go's %q writes with a letter; it writes the others as \xNN, where JSON writes \u00NN. */
const GO_LETTER_ESCAPES: Readonly<Record<string, string>> = { '07': '\\a', '0b': '\\v' };

/** Go's %q for the texts a URL error quotes. */
function goQuote(text: string): string {
  return JSON.stringify(text)
    .replace(/\u007f/g, '\\x7f')
    .replace(/\\u00([0-9a-f]{2})/g, (_, hex: string) => GO_LETTER_ESCAPES[hex] ?? `\\x${hex}`);
}

/** url.ParseRequestURI's error, for the URLs celUrl.ts is sure are not ones; an error when it is not sure. */
function uri(text: string): string[] {
  if (parseUrl(text) !== false) return [];
  // eslint-disable-next-line no-control-regex
  const reason = text === '' ? 'empty url' : /[\x00-\x1f\x7f]/.test(text) ? 'net/url: invalid control character in URL' : 'invalid URI for request';
  return [`parse ${goQuote(text)}: ${reason}`];
}

function notEvaluated(name: string): Validator {
  return () => {
    throw new Error(`the format '${name}' is not evaluated by this checker`);
  };
}

const FORMATS: Readonly<Record<string, Validator>> = {
  dns1123Label,
  dns1123Subdomain,
  dns1035Label,
  qualifiedName,
  dns1123LabelPrefix: asPrefix(dns1123Label),
  dns1123SubdomainPrefix: asPrefix(dns1123Subdomain),
  dns1035LabelPrefix: asPrefix(dns1035Label),
  labelValue,
  uri,
  uuid: (text) => (UUID.test(text) ? [] : ['does not match the UUID format']),
  byte: notEvaluated('byte'),
  date: notEvaluated('date'),
  datetime: notEvaluated('datetime'),
};

/** The functions, built with the loaded library. */
export function kubernetesFormatFunctions(cel: typeof CelLibrary): CelFunc[] {
  const { DYN, STRING } = cel.CelScalar;
  const format = (name: string) => opaque(cel, 'Format', name, FORMATS[name]);
  return [
    ...Object.keys(FORMATS).map((name) => cel.celFunc(`format.${name}`, [], DYN, () => format(name))),
    cel.celFunc('format.named', [STRING], DYN, (name) => optionalOf(cel, Object.hasOwn(FORMATS, name) ? format(name) : undefined)),
    cel.celMethod('validate', DYN, [STRING], DYN, function (text) {
      const errors = opaqueValue<Validator>(this, 'Format')(text);
      return optionalOf(cel, errors.length === 0 ? undefined : cel.celList(errors));
    }),
  ];
}
