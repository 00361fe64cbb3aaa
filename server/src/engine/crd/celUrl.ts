/**
 * Kubernetes' CEL URL library (k8s.io/apiserver/pkg/cel/library/urls.go): `url()`, `isURL()`, `getScheme`, `getHost`,
 * `getHostname`, `getPort`, `getEscapedPath`, `getQuery`. The API server reads URLs with Go's url.ParseRequestURI, whose
 * corners (opaque URLs, userinfo, IPv6 hosts, fragments, escapes) are not reproduced: this file decides only the
 * URLs it is sure of, the plain `scheme://host[:port][/path][?query]` and `/path[?query]` ones, and what is certainly
 * not a URL (no scheme and no leading `/`, control characters, empty); anything else gives an error and its rule is skipped.
 */
import type * as CelLibrary from '@bufbuild/cel';
import type { CelFunc, CelValue } from '@bufbuild/cel';
import { opaque, opaqueValue } from './celOpaque';

interface Url {
  readonly scheme: string;
  readonly host: string;
  readonly path: string;
  readonly query: string;
}

/** Path characters that need no escaping, and `%` escapes. */
const PATH = String.raw`(?:[A-Za-z0-9._~!$&'()*+,;=:@/-]|%[0-9A-Fa-f]{2})*`;
const QUERY = String.raw`(?:[A-Za-z0-9._~!$&'()*+,=:@/?-]|%[0-9A-Fa-f]{2})*`;
const ABSOLUTE = new RegExp(String.raw`^([A-Za-z][A-Za-z0-9+.-]*)://([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d*)?)(/${PATH})?(?:\?(${QUERY}))?$`);
const PATH_ONLY = new RegExp(String.raw`^(/(?!/)${PATH})(?:\?(${QUERY}))?$`);
const SCHEME_PREFIX = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** The URL, `false` when the API server certainly refuses it, or an error when this parser is not sure. */
export function parseUrl(text: string): Url | false {
  // eslint-disable-next-line no-control-regex
  if (text === '' || /[\x00-\x1f\x7f]/.test(text)) return false;
  const absolute = ABSOLUTE.exec(text);
  if (absolute) return { scheme: absolute[1]!.toLowerCase(), host: absolute[2]!, path: absolute[3] ?? '', query: absolute[4] ?? '' };
  const pathOnly = PATH_ONLY.exec(text);
  if (pathOnly) return { scheme: '', host: '', path: pathOnly[1]!, query: pathOnly[2] ?? '' };
  // Without a scheme, ParseRequestURI takes only an absolute path.
  if (!SCHEME_PREFIX.test(text) && !text.startsWith('/')) return false;
  throw new Error(`the URL '${text}' has a form this checker does not evaluate`);
}

function hostname(host: string): string {
  return host.replace(/:\d*$/, '');
}

/** url.Values of the query: `key=value` pairs split at `&`, `+` read as a space, escapes decoded. */
function queryOf(query: string): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const [key, value] = (equals < 0 ? [pair, ''] : [pair.slice(0, equals), pair.slice(equals + 1)]).map((part) =>
      decodeURIComponent(part.replace(/\+/g, ' ')),
    );
    values.set(key!, [...(values.get(key!) ?? []), value!]);
  }
  return values;
}

/** The functions, built with the loaded library. */
export function kubernetesUrlFunctions(cel: typeof CelLibrary): CelFunc[] {
  const { BOOL, DYN, STRING } = cel.CelScalar;
  const urlOf = (value: CelValue | undefined): Url => opaqueValue<Url>(value, 'net.URL');
  const getter = (name: string, read: (url: Url) => string): CelFunc =>
    cel.celMethod(name, DYN, [], STRING, function () {
      return read(urlOf(this));
    });
  return [
    cel.celFunc('url', [STRING], DYN, (text) => {
      const url = parseUrl(text);
      if (!url) throw new Error(`URL parse error during conversion from string: '${text}'`);
      return opaque(cel, 'net.URL', text, url);
    }),
    cel.celFunc('isURL', [STRING], BOOL, (text) => parseUrl(text) !== false),
    getter('getScheme', (url) => url.scheme),
    getter('getHost', (url) => url.host),
    getter('getHostname', (url) => hostname(url.host)),
    getter('getPort', (url) => /:(\d*)$/.exec(url.host)?.[1] ?? ''),
    getter('getEscapedPath', (url) => url.path),
    cel.celMethod('getQuery', DYN, [], DYN, function () {
      const query = queryOf(urlOf(this).query);
      return cel.celMap(new Map([...query].map(([key, values]) => [key, cel.celList(values)])));
    }),
  ];
}
