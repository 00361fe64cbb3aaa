/**
 * An RE2 syntax check that never runs the pattern: Prometheus compiles relabel and matcher regexes with Go's RE2
 * (anchored as `^(?:…)$`), which has no lookarounds, backreferences, possessive or atomic groups. Running user
 * patterns on a backtracking engine could hang the server, so this scans the pattern once, in linear time.
 */

export interface Re2Problem {
  /** Offset of the offending construct in the pattern. */
  offset: number;
  length: number;
  message: string;
}

const MAX_REPEAT = 1000;
const MAX_NESTING = 1000;
const ESCAPE_OK = /[aftnrvdDsSwWbBAzpPxQE0-7]/;
const NOT_RE2: Record<string, string> = {
  '(?=': 'lookahead `(?=…)`',
  '(?!': 'negative lookahead `(?!…)`',
  '(?<=': 'lookbehind `(?<=…)`',
  '(?<!': 'negative lookbehind `(?<!…)`',
  '(?>': 'atomic group `(?>…)`',
};

function problem(offset: number, length: number, message: string): Re2Problem {
  return { offset, length, message };
}

/** The first RE2 syntax problem of `pattern`, or undefined when Go's regexp would compile it. */
export function re2Problem(pattern: string): Re2Problem | undefined {
  const open: number[] = [];
  // True when the previous item can take a repetition operator (not at the start, after `(` or `|`, or after one).
  let canRepeat = false;
  let repeated = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) return problem(i, 1, 'trailing backslash: escape it as `\\\\`');
      if (/[1-9]/.test(next)) return problem(i, 2, `backreference \`\\${next}\` is not supported by RE2 (Prometheus regexes); match the text again explicitly`);
      if (/[a-zA-Z]/.test(next) && !ESCAPE_OK.test(next)) return problem(i, 2, `\`\\${next}\` is not an RE2 escape; write the character without the backslash or use a class`);
      if (next === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        i = end < 0 ? pattern.length : end + 1;
      } else if ((next === 'p' || next === 'P' || next === 'x') && pattern[i + 2] === '{') {
        const end = pattern.indexOf('}', i + 3);
        if (end < 0) return problem(i, 3, `unterminated \`\\${next}{\`: close it with \`}\``);
        i = end;
      } else i++;
      canRepeat = true;
      repeated = false;
      continue;
    }
    if (c === '[') {
      const end = classEnd(pattern, i);
      if (end < 0) return problem(i, 1, 'unterminated character class `[`: close it with `]`, or escape it as `\\[`');
      i = end;
      canRepeat = true;
      repeated = false;
      continue;
    }
    if (c === '(') {
      for (const [prefix, what] of Object.entries(NOT_RE2)) {
        if (pattern.startsWith(prefix, i)) return problem(i, prefix.length, `${what} is not supported by RE2 (Prometheus regexes); rewrite it without it, e.g. with a separate matcher`);
      }
      const flags = /^\(\?(?:P?<[A-Za-z_][A-Za-z0-9_]*>|[imsU-]*[:)])/.exec(pattern.slice(i, i + 40));
      if (pattern[i + 1] === '?' && !flags) return problem(i, 3, 'unknown group syntax after `(?`: RE2 allows flags (imsU), `(?:…)` and named groups `(?P<name>…)`');
      if (flags && flags[0].endsWith(')')) {
        i += flags[0].length - 1;
        continue;
      }
      open.push(i);
      if (open.length > MAX_NESTING) return problem(i, 1, `groups nest more than ${MAX_NESTING} deep: Go's regexp refuses it ("expression nests too deeply"); flatten the pattern`);
      if (flags) i += flags[0].length - 1;
      canRepeat = false;
      continue;
    }
    if (c === ')') {
      if (open.pop() === undefined) return problem(i, 1, 'unmatched `)`: remove it or escape it as `\\)`');
      canRepeat = true;
      repeated = false;
      continue;
    }
    if (c === '|') {
      canRepeat = false;
      continue;
    }
    if (c === '*' || c === '+' || c === '?' || (c === '{' && /^\{\d+(?:,\d*)?\}/.test(pattern.slice(i, i + 24)))) {
      const length = c === '{' ? pattern.indexOf('}', i) - i + 1 : 1;
      if (!canRepeat) return problem(i, length, `missing argument to repetition operator \`${pattern.slice(i, i + length)}\`: escape it (\`\\${c}\`) to match it literally`);
      if (repeated) return problem(i, length, `invalid nested repetition operator \`${pattern.slice(i, i + length)}\` (possessive quantifiers are not RE2); remove one of the operators`);
      if (c === '{') {
        const counts = pattern.slice(i + 1, i + length - 1).split(',').filter((s) => s !== '').map(Number);
        if (counts.some((n) => n > MAX_REPEAT)) return problem(i, length, `repeat count above ${MAX_REPEAT} in \`${pattern.slice(i, i + length)}\`: RE2 refuses it; use a smaller bound or \`+\``);
        if (counts.length === 2 && counts[0]! > counts[1]!) return problem(i, length, `invalid repeat count \`${pattern.slice(i, i + length)}\`: the minimum is above the maximum`);
      }
      i += length - 1;
      if (pattern[i + 1] === '?') i++; // lazy `*?`, `+?`, `??` and `{n}?` are RE2
      repeated = true;
      continue;
    }
    canRepeat = true;
    repeated = false;
  }
  const unclosed = open.pop();
  if (unclosed !== undefined) return problem(unclosed, 1, 'missing closing `)`: close the group or escape the `(` as `\\(`');
  return undefined;
}

/** Index of the `]` that closes the class opened at `start`, or -1. */
function classEnd(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '^') i++;
  if (pattern[i] === ']') i++; // a leading `]` is literal
  for (; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '[' && pattern[i + 1] === ':') {
      const end = pattern.indexOf(':]', i + 2);
      if (end > 0) i = end + 1;
    } else if (c === ']') return i;
  }
  return -1;
}
