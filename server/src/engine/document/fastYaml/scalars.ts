/**
 * Scalars for the fast parser (fastParse.ts): plain and quoted scalars on one line, and their
 * resolution to values exactly as yaml's composer does it (the schema's tags in order, the same
 * `resolve` functions). Anything this module does not reproduce exactly throws OUTSIDE_SUBSET.
 */
import { Scalar, type ParseOptions, type Schema, type ScalarTag } from 'yaml';

/** Thrown (one preallocated instance) when a text leaves the subset: the caller parses it with yaml. */
export class OutsideSubset extends Error {}
export const OUTSIDE_SUBSET = new OutsideSubset('outside the subset of YAML the fast parser reproduces');

export function outside(): never {
  throw OUTSIDE_SUBSET;
}

const SPACE = 32;
const NEWLINE = 10;
const CR = 13;
const HASH = 35;

/**
 * First characters of a plain scalar that some tag's test can match (null `~ n N`, booleans
 * `y Y t T f F o O n N`, numbers `+ - . 0-9`, exponent floats such as `e5`, the merge key `<`):
 * any other plain scalar is a string without trying a dozen regular expressions.
 */
const MAY_MATCH_A_TAG = new Uint8Array(128);
for (const c of '~nNyYtTfFoO+-.0123456789eE<') MAY_MATCH_A_TAG[c.charCodeAt(0)] = 1;

/** The tags of a schema, as yaml's composer consults them for untagged scalars. */
export class ScalarResolver {
  private readonly tested: ScalarTag[];
  private readonly keyTested: ScalarTag[];
  private readonly string: ScalarTag;

  /** One resolver per parse options (the engine has one set): the tag lists are not rebuilt per document. */
  private static readonly byOptions = new WeakMap<ParseOptions, ScalarResolver>();

  static of(schema: Schema, options: ParseOptions): ScalarResolver {
    let resolver = ScalarResolver.byOptions.get(options);
    if (!resolver || resolver.schema !== schema) {
      resolver = new ScalarResolver(schema, options);
      ScalarResolver.byOptions.set(options, resolver);
    }
    return resolver;
  }

  private constructor(
    private readonly schema: Schema,
    private readonly options: ParseOptions,
  ) {
    const scalarTags = schema.tags.filter((tag): tag is ScalarTag => !('collection' in tag && tag.collection) && !!tag.test);
    this.tested = scalarTags.filter((tag) => tag.default === true);
    this.keyTested = scalarTags.filter((tag) => tag.default === true || tag.default === 'key');
    const string = schema.tags.find((tag): tag is ScalarTag => tag.tag === 'tag:yaml.org,2002:str' && !('collection' in tag && tag.collection));
    if (!string) throw new Error('the YAML schema has no string tag');
    this.string = string;
  }

  /** A plain scalar `source` at [start, valueEnd, nodeEnd], resolved as yaml's composer does. */
  plain(source: string, start: number, valueEnd: number, nodeEnd: number, atKey: boolean): Scalar {
    let tag = this.string;
    const first = source.charCodeAt(0);
    if (source === '' || (first < 128 && MAY_MATCH_A_TAG[first] === 1)) {
      for (const candidate of atKey ? this.keyTested : this.tested) {
        if (candidate.test!.test(source)) {
          tag = candidate;
          break;
        }
      }
    }
    if (tag.default === 'key') outside(); // the merge key `<<`
    const resolved: unknown = tag.resolve(source, outside, this.options);
    const scalar = resolved instanceof Scalar ? resolved : new Scalar(resolved);
    scalar.range = [start, valueEnd, nodeEnd];
    scalar.source = source;
    scalar.type = 'PLAIN';
    if (tag.format) scalar.format = tag.format;
    return scalar;
  }

  /** A quoted scalar (`quote` is the character code of `"` or `'`; its value already unescaped). */
  quoted(value: string, quote: number, start: number, valueEnd: number, nodeEnd: number): Scalar {
    return stringScalar(value, quote === 34 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', start, valueEnd, nodeEnd);
  }

  /** A block scalar's value (already folded or kept literal). */
  block(value: string, type: 'BLOCK_LITERAL' | 'BLOCK_FOLDED', start: number, end: number): Scalar {
    return stringScalar(value, type, start, end, end);
  }

  /** The empty value of `key:` or `-` with nothing after it: a null at `at`. */
  empty(at: number): Scalar {
    return this.plain('', at, at, at, false);
  }
}

/** Quoted and block scalars are strings whatever they hold: no tag is consulted. */
function stringScalar(value: string, type: Scalar.Type, start: number, valueEnd: number, nodeEnd: number): Scalar {
  const scalar = new Scalar(value);
  scalar.range = [start, valueEnd, nodeEnd];
  scalar.source = value;
  scalar.type = type;
  return scalar;
}

/** A quoted scalar that opens at `start` and closes on the same line, as [value, offset past the closing quote]. */
export function quotedOnLine(text: string, start: number, lineEnd: number): [string, number] {
  const quote = text.charCodeAt(start);
  if (quote === 34) {
    // Double quotes: no escapes in the subset (yaml resolves `\` sequences).
    for (let i = start + 1; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 92) outside();
      if (c === 34) return [text.slice(start + 1, i), i + 1];
    }
    return outside();
  }
  let value = '';
  let from = start + 1;
  for (let i = start + 1; i < lineEnd; i++) {
    if (text.charCodeAt(i) !== 39) continue;
    if (text.charCodeAt(i + 1) === 39) {
      value += text.slice(from, i + 1);
      from = i + 2;
      i++;
      continue;
    }
    return [value + text.slice(from, i), i + 1];
  }
  return outside();
}

/**
 * After a value on its line: only spaces, then the end of the line or a comment. Returns the node
 * end yaml gives a value ending its line: the start of the next line (or the end of the text).
 */
export function endOfValueLine(text: string, from: number, lineEnd: number): number {
  let i = from;
  while (i < lineEnd && text.charCodeAt(i) === SPACE) i++;
  if (i < lineEnd && !(text.charCodeAt(i) === HASH && i > from)) outside();
  return nextLineStart(text, lineEnd);
}

/** Where the content of the line holding `from` ends: its `\n`, the `\r` of its `\r\n`, or the end of the text. */
export function lineEndOf(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  if (newline < 0) return text.length;
  return newline > from && text.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
}

/** The start of the line after the line whose content ends at `lineEnd` (or the end of the text). */
export function nextLineStart(text: string, lineEnd: number): number {
  if (lineEnd >= text.length) return text.length;
  return text.charCodeAt(lineEnd) === CR ? lineEnd + 2 : lineEnd + 1;
}

export function isBlankOrNewline(c: number): boolean {
  return c === SPACE || c === NEWLINE || c === CR || Number.isNaN(c);
}
