/**
 * Maps an offset in a YAML scalar's value to an offset in its source text, for plain, quoted and block scalars:
 * a PromQL error at column 12 of the value lands on the right character of the editor line. Linear: the value is
 * aligned with the source once, skipping indentation, quotes and escape sequences.
 */

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** Where the scalar's content starts in its source: after the block header line or the opening quote. */
function contentStart(source: string): number {
  const first = source[0];
  if (first === '|' || first === '>') {
    const newline = source.indexOf('\n');
    return newline < 0 ? source.length : newline + 1;
  }
  return first === '"' || first === "'" ? 1 : 0;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/**
 * The escape sequence of a double-quoted scalar at `at` (a backslash): its length in the source and the value
 * text it stands for ('' for an escaped line break, which joins lines).
 */
function escapeAt(source: string, at: number): { length: number; text: string } {
  const letter = source[at + 1] ?? '';
  const digits = HEX_DIGITS[letter];
  if (digits !== undefined) {
    const code = Number.parseInt(source.slice(at + 2, at + 2 + digits), 16);
    return { length: 2 + digits, text: Number.isNaN(code) ? '' : String.fromCodePoint(code) };
  }
  if (letter === '\r' || letter === '\n') return { length: letter === '\r' && source[at + 2] === '\n' ? 3 : 2, text: '' };
  return { length: 2, text: SIMPLE_ESCAPES[letter] ?? letter };
}

/** Source offsets of value offsets `offsets` (ascending), relative to the start of `source`. */
export function sourceOffsets(source: string, value: string, offsets: readonly number[]): number[] {
  const out: number[] = [];
  const doubleQuoted = source[0] === '"';
  let s = contentStart(source);
  let v = 0;
  /** At source offset `at`, the value text that starts there is value[v…]: a matching escape or character. */
  const matchesAt = (at: number): number => {
    if (doubleQuoted && source[at] === '\\') {
      const escape = escapeAt(source, at);
      return escape.text !== '' && value.startsWith(escape.text, v) ? escape.length : 0;
    }
    const c = value[v];
    return source[at] === c || (isSpace(c) && isSpace(source[at])) ? 1 : 0;
  };
  for (const target of offsets) {
    while (v < target && v < value.length) {
      // A value character is the next matching source character or escape; a space may be a folded line break.
      while (s < source.length && matchesAt(s) === 0) s++;
      if (s >= source.length) break;
      const length = matchesAt(s);
      s += length;
      // An escape may stand for two UTF-16 units (\U0001F600): both are consumed.
      v += doubleQuoted && source[s - length] === '\\' ? Math.max(1, escapeAt(source, s - length).text.length) : 1;
    }
    // Land on the character itself, not on indentation before it (block scalars, folded lines).
    let at = s;
    if (v < value.length && !isSpace(value[v])) while (at < source.length && matchesAt(at) === 0) at++;
    out.push(Math.min(at, source.length));
  }
  return out;
}
