/**
 * Kubernetes' CEL regex library (k8s.io/apiserver/pkg/cel/library/regex.go): `<string>.find(re)` (the first match, or
 * '') and `<string>.findAll(re[, limit])` (every match, or the first `limit` when it is not negative), with Go's
 * regexp semantics: leftmost-first matches, and an empty match right after the previous match is skipped (so
 * `"123 abc 456".findAll('[0-9]*')` is `['123', '', '', '', '', '456']`, as in Go). Matching is RE2's (re2js, as for
 * `matches` and `pattern`: linear time, with match positions).
 * A pattern RE2 refuses gives an error, so the rule is skipped.
 */
import type * as CelLibrary from '@bufbuild/cel';
import type { CelFunc } from '@bufbuild/cel';
import type * as Re2jsLibrary from 're2js';

let re2js: typeof Re2jsLibrary.RE2JS | undefined;

/** re2js, loaded on the first `find`: a rule set without one never pays its start-up. */
function compile(pattern: string): Re2jsLibrary.RE2JS {
  if (!re2js) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a `require` in a function is what esbuild keeps lazy
    re2js = (require('re2js') as typeof Re2jsLibrary).RE2JS;
  }
  try {
    return re2js.compile(pattern);
  } catch (error) {
    throw new Error(`Illegal regex: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The width, in UTF-16 units, of the code point at `at` (Go steps over a whole rune after an empty match). */
function codePointWidth(text: string, at: number): number {
  const code = text.codePointAt(at);
  return code !== undefined && code > 0xffff ? 2 : 1;
}

/** Go's Regexp.FindAllString(text, limit): non-overlapping matches, an empty one abutting the previous match ignored. */
function findAll(text: string, pattern: string, limit: number): string[] {
  const matcher = compile(pattern).matcher(text);
  const found: string[] = [];
  const wanted = limit < 0 ? text.length + 1 : limit;
  let previousEnd = -1;
  for (let at = 0; found.length < wanted && at <= text.length; ) {
    if (!matcher.find(at)) break;
    const [start, end] = [matcher.start(), matcher.end()];
    const accepted = !(start === end && start === previousEnd);
    at = end === start ? end + (end < text.length ? codePointWidth(text, end) : 1) : end;
    previousEnd = end;
    if (accepted) found.push(text.slice(start, end));
  }
  return found;
}

/** Go's Regexp.FindString: the leftmost-first match, or '' when there is none. */
function find(text: string, pattern: string): string {
  const matcher = compile(pattern).matcher(text);
  return matcher.find(0) ? text.slice(matcher.start(), matcher.end()) : '';
}

/** The functions, built with the loaded library. */
export function kubernetesRegexFunctions(cel: typeof CelLibrary): CelFunc[] {
  const { INT, STRING } = cel.CelScalar;
  const strings = cel.listType(STRING);
  return [
    cel.celMethod('find', STRING, [STRING], STRING, function (pattern) {
      return find(this, pattern);
    }),
    cel.celMethod('findAll', STRING, [STRING], strings, function (pattern) {
      return cel.celList(findAll(this, pattern, -1));
    }),
    cel.celMethod('findAll', STRING, [STRING, INT], strings, function (pattern, limit) {
      // Go's int(n): a limit past the platform int is "all" for every text this checker can hold.
      return cel.celList(findAll(this, pattern, limit > BigInt(Number.MAX_SAFE_INTEGER) ? -1 : Number(limit)));
    }),
  ];
}
