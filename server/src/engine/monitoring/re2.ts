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

interface ScanState {
  /** Offsets of the groups still open. */
  open: number[];
  /** The previous item can take a repetition operator (not at the start, after `(` or `|`). */
  canRepeat: boolean;
  /** The previous item is a repetition (a second operator is nested repetition). */
  repeated: boolean;
}

/** A problem, or the index of the last character the step consumed. */
type Step = Re2Problem | number;

/** The first RE2 syntax problem of `pattern`, or undefined when Go's regexp would compile it. */
export function re2Problem(pattern: string): Re2Problem | undefined {
  const state: ScanState = { open: [], canRepeat: false, repeated: false };
  for (let i = 0; i < pattern.length; i++) {
    const step = stepAt(pattern, i, state);
    if (typeof step !== 'number') return step;
    i = step;
  }
  const unclosed = state.open.pop();
  if (unclosed !== undefined) return problem(unclosed, 1, 'missing closing `)`: close the group or escape the `(` as `\\(`');
  return undefined;
}

function isQuantifier(pattern: string, i: number): boolean {
  const c = pattern[i];
  return c === '*' || c === '+' || c === '?' || (c === '{' && /^\{\d+(?:,\d*)?\}/.test(pattern.slice(i, i + 24)));
}

function stepAt(pattern: string, i: number, state: ScanState): Step {
  const c = pattern[i]!;
  if (c === '(') return groupStart(pattern, i, state);
  if (isQuantifier(pattern, i)) return quantifier(pattern, i, state);
  if (c === '|') {
    state.canRepeat = false;
    return i;
  }
  let end = i;
  if (c === '\\') {
    const step = escapeEnd(pattern, i);
    if (typeof step !== 'number') return step;
    end = step;
  } else if (c === '[') {
    end = classEnd(pattern, i);
    if (end < 0) return problem(i, 1, 'unterminated character class `[`: close it with `]`, or escape it as `\\[`');
  } else if (c === ')' && state.open.pop() === undefined) return problem(i, 1, 'unmatched `)`: remove it or escape it as `\\)`');
  state.canRepeat = true;
  state.repeated = false;
  return end;
}

function escapeEnd(pattern: string, i: number): Step {
  const next = pattern[i + 1];
  if (next === undefined) return problem(i, 1, 'trailing backslash: escape it as `\\\\`');
  if (/[1-9]/.test(next)) return problem(i, 2, `backreference \`\\${next}\` is not supported by RE2 (Prometheus regexes); match the text again explicitly`);
  if (/[a-zA-Z]/.test(next) && !ESCAPE_OK.test(next))
    return problem(i, 2, `\`\\${next}\` is not an RE2 escape; write the character without the backslash or use a class`);
  if (next === 'Q') {
    const end = pattern.indexOf('\\E', i + 2);
    return end < 0 ? pattern.length : end + 1;
  }
  if ((next === 'p' || next === 'P' || next === 'x') && pattern[i + 2] === '{') {
    const end = pattern.indexOf('}', i + 3);
    return end < 0 ? problem(i, 3, `unterminated \`\\${next}{\`: close it with \`}\``) : end;
  }
  return i + 1;
}

function groupStart(pattern: string, i: number, state: ScanState): Step {
  for (const [prefix, what] of Object.entries(NOT_RE2)) {
    if (pattern.startsWith(prefix, i))
      return problem(i, prefix.length, `${what} is not supported by RE2 (Prometheus regexes); rewrite it without it, e.g. with a separate matcher`);
  }
  const flags = /^\(\?(?:P?<[A-Za-z_][A-Za-z0-9_]*>|[imsU-]*[:)])/.exec(pattern.slice(i, i + 40));
  if (pattern[i + 1] === '?' && !flags)
    return problem(i, 3, 'unknown group syntax after `(?`: RE2 allows flags (imsU), `(?:…)` and named groups `(?P<name>…)`');
  // `(?i)` sets flags for what follows: no group opens.
  if (flags && flags[0].endsWith(')')) return i + flags[0].length - 1;
  state.open.push(i);
  if (state.open.length > MAX_NESTING)
    return problem(i, 1, `groups nest more than ${MAX_NESTING} deep: Go's regexp refuses it ("expression nests too deeply"); flatten the pattern`);
  state.canRepeat = false;
  return flags ? i + flags[0].length - 1 : i;
}

function quantifier(pattern: string, i: number, state: ScanState): Step {
  const c = pattern[i]!;
  const length = c === '{' ? pattern.indexOf('}', i) - i + 1 : 1;
  const text = pattern.slice(i, i + length);
  if (!state.canRepeat) return problem(i, length, `missing argument to repetition operator \`${text}\`: escape it (\`\\${c}\`) to match it literally`);
  if (state.repeated)
    return problem(i, length, `invalid nested repetition operator \`${text}\` (possessive quantifiers are not RE2); remove one of the operators`);
  if (c === '{') {
    const counts = text
      .slice(1, -1)
      .split(',')
      .filter((s) => s !== '')
      .map(Number);
    if (counts.some((n) => n > MAX_REPEAT))
      return problem(i, length, `repeat count above ${MAX_REPEAT} in \`${text}\`: RE2 refuses it; use a smaller bound or \`+\``);
    if (counts.length === 2 && counts[0]! > counts[1]!) return problem(i, length, `invalid repeat count \`${text}\`: the minimum is above the maximum`);
  }
  state.repeated = true;
  const end = i + length - 1;
  return pattern[end + 1] === '?' ? end + 1 : end; // lazy `*?`, `+?`, `??` and `{n}?` are RE2
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
