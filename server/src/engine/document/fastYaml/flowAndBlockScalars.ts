/**
 * One-line flow collections (`[a, "b"]`, `{k: v}`, `[]`, `{}`) and block scalars (`|`, `|-`, `>`,
 * `>-`) for the fast parser, with the values and ranges yaml's composer gives them. Nested flow
 * collections, flow pairs, trailing commas, keep chomping (`|+`), explicit indentation indicators
 * and more-indented lines of folded scalars are left to yaml (OUTSIDE_SUBSET).
 */
import { Pair, YAMLMap, YAMLSeq, type Scalar, type Schema } from 'yaml';
import { endOfValueLine, isBlankOrNewline, lineEndOf, nextLineStart, outside, quotedOnLine, type ScalarResolver } from './scalars';

const SPACE = 32;

/** Characters that end a plain scalar inside a flow collection, or that it may not hold here. */
function endsFlowPlain(c: number): boolean {
  return c === 44 || c === 93 || c === 125; // , ] }
}
function refusedInFlowPlain(c: number): boolean {
  return c === 91 || c === 123 || c === 58 || c === 35; // [ { : #
}
/**
 * Indicators a plain scalar may not start with (yaml reads them as something else), given the
 * character after it: `-` starts a plain scalar when a non-space follows (`--flag`, `-1`).
 */
export function refusedAtPlainStart(c: number, next: number): boolean {
  if (c === 45) return isBlankOrNewline(next);
  // ? : , [ ] { } # & * ! | > ' " % @ `
  return '?:,[]{}#&*!|>\'"%@`'.includes(String.fromCharCode(c));
}

interface FlowScalar {
  node: Scalar;
  /** Offset of the `,`, `]`, `}` or `:` after the scalar and its spaces. */
  next: number;
}

function flowScalar(text: string, start: number, lineEnd: number, resolver: ScalarResolver, atKey: boolean): FlowScalar {
  const c = text.charCodeAt(start);
  if (c === 34 || c === 39) {
    const [value, after] = quotedOnLine(text, start, lineEnd);
    if (atKey) {
      if (text.charCodeAt(after) !== 58) outside();
      return { node: resolver.quoted(value, c, start, after, after), next: after };
    }
    let next = after;
    while (text.charCodeAt(next) === SPACE) next++;
    return { node: resolver.quoted(value, c, start, after, next), next };
  }
  const after = text.charCodeAt(start + 1);
  if (refusedAtPlainStart(c, after) || (c === 45 && endsFlowPlain(after))) outside();
  let i = start;
  for (; i < lineEnd; i++) {
    const d = text.charCodeAt(i);
    if (endsFlowPlain(d)) break;
    if (atKey && d === 58) break;
    if (refusedInFlowPlain(d)) outside();
  }
  let valueEnd = i;
  while (text.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
  if (valueEnd === start || (atKey && valueEnd !== i)) outside();
  return { node: resolver.plain(text.slice(start, valueEnd), start, valueEnd, atKey ? valueEnd : i, atKey), next: i };
}

/** A flow collection opening at `start` and closing on its line, followed by nothing but a comment. */
export function flowCollection(text: string, start: number, lineEnd: number, schema: Schema, resolver: ScalarResolver): YAMLSeq | YAMLMap {
  const isMap = text.charCodeAt(start) === 123;
  const close = isMap ? 125 : 93;
  const collection = isMap ? new YAMLMap(schema) : new YAMLSeq(schema);
  collection.flow = true;
  let i = start + 1;
  while (text.charCodeAt(i) === SPACE) i++;
  if (text.charCodeAt(i) !== close) {
    for (;;) {
      if (i >= lineEnd) outside();
      if (isMap) {
        const key = flowScalar(text, i, lineEnd, resolver, true);
        if (text.charCodeAt(key.next) !== 58 || text.charCodeAt(key.next + 1) !== SPACE) outside();
        let valueStart = key.next + 1;
        while (text.charCodeAt(valueStart) === SPACE) valueStart++;
        const value = flowScalar(text, valueStart, lineEnd, resolver, false);
        (collection as YAMLMap).items.push(new Pair(key.node, value.node));
        i = value.next;
      } else {
        const item = flowScalar(text, i, lineEnd, resolver, false);
        (collection as YAMLSeq).items.push(item.node);
        i = item.next;
      }
      const c = text.charCodeAt(i);
      if (c === close) break;
      if (c !== 44) outside();
      i++;
      while (text.charCodeAt(i) === SPACE) i++;
      if (text.charCodeAt(i) === close) outside(); // a trailing comma
    }
  }
  collection.range = [start, i + 1, endOfValueLine(text, i + 1, lineEnd)];
  return collection;
}

/** A block scalar whose header (`|`, `>`, with `-`) is at `start`, in a collection indented `parentIndent`. */
export function blockScalar(text: string, start: number, parentIndent: number, resolver: ScalarResolver): { node: Scalar; next: number } {
  const folded = text.charCodeAt(start) === 62;
  let i = start + 1;
  const strip = text.charCodeAt(i) === 45;
  if (strip) i++;
  if (!isBlankOrNewline(text.charCodeAt(i))) outside(); // `+`, an indentation indicator, or junk
  const headerEnd = lineEndOf(text, i);
  endOfValueLine(text, i, headerEnd);
  if (headerEnd >= text.length) outside();
  const lines: string[] = [];
  let contentIndent = -1;
  let leadingBlank = 0;
  let blankRun = 0;
  let contentEnd = -1;
  let lineStart = nextLineStart(text, headerEnd);
  while (lineStart < text.length) {
    const lineEnd = lineEndOf(text, lineStart);
    let spaces = 0;
    while (text.charCodeAt(lineStart + spaces) === SPACE) spaces++;
    if (lineStart + spaces === lineEnd) {
      if (contentIndent < 0) leadingBlank = Math.max(leadingBlank, spaces);
      else if (spaces > contentIndent) outside(); // a more-indented blank line is content
      blankRun++;
    } else {
      if (contentIndent < 0) {
        if (spaces <= parentIndent || leadingBlank > spaces) outside();
        contentIndent = spaces;
      } else if (spaces < contentIndent) {
        if (spaces > parentIndent) outside();
        break;
      }
      const line = text.slice(lineStart + contentIndent, lineEnd);
      if (folded && line.charCodeAt(0) === SPACE) outside();
      // Leading empty lines stay line breaks; between lines, folding turns one break into a space.
      if (lines.length === 0) lines.push('\n'.repeat(blankRun));
      else lines.push(folded ? (blankRun === 0 ? ' ' : '\n'.repeat(blankRun)) : '\n'.repeat(blankRun + 1));
      lines.push(line);
      blankRun = 0;
      contentEnd = lineEnd;
    }
    lineStart = nextLineStart(text, lineEnd);
  }
  if (contentEnd < 0 || contentEnd >= text.length) outside();
  const value = lines.join('') + (strip ? '' : '\n');
  const end = nextLineStart(text, contentEnd);
  const node = resolver.block(value, folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL', start, end);
  return { node, next: end };
}
