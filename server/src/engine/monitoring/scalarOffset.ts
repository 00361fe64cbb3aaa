/**
 * Maps an offset in a YAML scalar's value to an offset in its source text, for plain, quoted and block scalars:
 * a PromQL error at column 12 of the value lands on the right character of the editor line. Linear: the value is
 * aligned with the source once, skipping indentation, quotes and escape characters.
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

/** Source offsets of value offsets `offsets` (ascending), relative to the start of `source`. */
export function sourceOffsets(source: string, value: string, offsets: readonly number[]): number[] {
  const out: number[] = [];
  let s = contentStart(source);
  let v = 0;
  for (const target of offsets) {
    for (; v < target && v < value.length; v++) {
      const c = value[v]!;
      // A value character is the next equal source character; a space may be a folded line break.
      while (s < source.length && !(source[s] === c || (isSpace(c) && isSpace(source[s])))) s++;
      if (s < source.length) s++;
    }
    // Land on the character itself, not on indentation before it (block scalars, folded lines).
    let at = s;
    if (v < value.length && !isSpace(value[v])) while (at < source.length && source[at] !== value[v]) at++;
    out.push(Math.min(at, source.length));
  }
  return out;
}
