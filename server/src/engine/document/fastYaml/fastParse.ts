/**
 * A parser for the subset of YAML that Kubernetes manifests are written in, several times faster
 * than yaml's lexer, CST parser and composer, and building yaml's own AST: the same node classes,
 * values, ranges, scalar types, sources and formats as `parseDocument`, so everything downstream
 * is unchanged. The differential tests (test/unit/fast-parse.test.ts) compare the two on every
 * fixture, the benchmark corpora and generated documents.
 *
 * The subset: block mappings and sequences indented with spaces, plain keys and one-line plain or
 * quoted scalars, block scalars, one-line flow collections of scalars, comments. Anything else —
 * anchors, aliases, tags, multi-line flow scalars, escapes, explicit keys, tabs, lone CRs,
 * anything yaml would report as an error, and comment placements that move a node's end — makes
 * `fastParse` return undefined, and the caller parses the text with yaml. Comments are skipped,
 * not attached to nodes (nothing in the engine reads them).
 *
 * The work is bounded: one pass over the lines, nesting at most MAX_DEPTH (deeper texts go to
 * yaml, whose nesting check reports them).
 */
import { Document, Pair, YAMLMap, YAMLSeq, type DocumentOptions, type Node, type ParseOptions, type Schema, type SchemaOptions } from 'yaml';
import { blockScalar, flowCollection, refusedAtPlainStart } from './flowAndBlockScalars';
import { endOfValueLine, isBlankOrNewline, lineEndOf, nextLineStart, OutsideSubset, outside, quotedOnLine, ScalarResolver } from './scalars';

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const CR = 13;
const MAX_DEPTH = 100;
const MAX_KEY_LENGTH = 1000;

/**
 * Characters the subset leaves to yaml wherever they are: tabs, a CR not followed by LF, the other
 * C0 and C1 control characters (NEL, a line break in YAML 1.1, among them), LS and PS, and the BOM.
 */
// eslint-disable-next-line no-control-regex
const REFUSED_CHARACTERS = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]|\r(?!\n)/;

/** A line with content: where it starts, its indentation, where its content starts and ends. */
interface Line {
  start: number;
  indent: number;
  content: number;
  end: number;
  /** The deepest indentation of the comment lines just before this line (-1: none). */
  commentIndent: number;
}

interface Parsed {
  node: Node;
  /** The next line with content after the node, or undefined at the end of the text. */
  next: Line | undefined;
}

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/** An implicit mapping key and the offset of its `:`. */
interface Key {
  node: Node;
  colon: number;
}

class BlockParser {
  private readonly resolver: ScalarResolver;
  /** True while the last node parsed is an empty value (yaml then ends the document there). */
  endsWithNull = false;

  constructor(
    private readonly text: string,
    private readonly schema: Schema,
    options: Options,
  ) {
    this.resolver = ScalarResolver.of(schema, options);
  }

  /**
   * The next line with content at or after the line starting at `from`, skipping blank lines and
   * comment lines. yaml gives a comment line indented deeper than the line after it to the node
   * that ends there (moving its end): such placements are left to yaml.
   */
  nextLine(from: number): Line | undefined {
    const { text } = this;
    let deepestComment = -1;
    for (let start = from; start < text.length; ) {
      const end = lineEndOf(text, start);
      let content = start;
      while (text.charCodeAt(content) === SPACE) content++;
      const indent = content - start;
      const c = text.charCodeAt(content);
      if (content === end) {
        start = nextLineStart(text, end);
      } else if (c === HASH) {
        deepestComment = Math.max(deepestComment, indent);
        start = nextLineStart(text, end);
      } else {
        if (indent === 0 && (c === 37 || text.startsWith('---', start) || text.startsWith('...', start))) outside();
        if (deepestComment > indent) outside();
        return { start, indent, content, end, commentIndent: deepestComment };
      }
    }
    if (deepestComment > 0) outside();
    return undefined;
  }

  block(line: Line, depth: number): Parsed {
    if (depth > MAX_DEPTH) outside();
    if (this.isEntry(line.content)) return this.sequence(line, depth);
    return this.mapping(line, line.indent, this.keyAt(line.content, line.end) ?? outside(), depth);
  }

  /** True for `-` followed by a space or the end of the line: a sequence entry. */
  private isEntry(at: number): boolean {
    return this.text.charCodeAt(at) === DASH && isBlankOrNewline(this.text.charCodeAt(at + 1));
  }

  /** A block mapping in column `indent` whose first key, on line `first`, is `firstKey`. */
  private mapping(first: Line, indent: number, firstKey: Key, depth: number): Parsed {
    const map = new YAMLMap(this.schema);
    let line: Line | undefined = first;
    let key = firstKey;
    let end = 0;
    for (;;) {
      const value = this.valueAfter(key.colon + 1, line.end, indent, depth);
      map.items.push(new Pair(key.node, value.node));
      end = value.node.range![2];
      line = value.next;
      if (!line || line.indent < indent) break;
      if (line.indent > indent || this.isEntry(line.content)) outside();
      key = this.keyAt(line.content, line.end) ?? outside();
    }
    const start = firstKey.node.range![0];
    map.range = [start, end, end];
    return { node: map, next: line };
  }

  /** A block sequence whose entries' dashes are in column `first.indent`. */
  private sequence(first: Line, depth: number): Parsed {
    const seq = new YAMLSeq(this.schema);
    const { indent } = first;
    let line: Line | undefined = first;
    let end = first.content;
    while (line && line.indent === indent && this.isEntry(line.content)) {
      const item = this.entry(line, depth);
      seq.items.push(item.node);
      end = item.node.range![2];
      line = item.next;
      if (line && line.indent > indent) outside();
    }
    // Comments in the dashes' column before the key that ends the sequence belong to it (its end moves).
    if (line && line.indent === indent && line.commentIndent >= indent) outside();
    seq.range = [first.content, end, end];
    return { node: seq, next: line };
  }

  /** The node of one sequence entry: nested below, a compact mapping, or a value on the line. */
  private entry(line: Line, depth: number): Parsed {
    const { text } = this;
    let at = line.content + 1;
    while (text.charCodeAt(at) === SPACE) at++;
    if (at === line.end || text.charCodeAt(at) === HASH) {
      const nested = this.nested(at, line.end, line.indent, false, depth);
      // After comment lines, yaml ends an empty entry (a null at `at`) at the next line.
      if (line.commentIndent >= 0 && nested.node.range![0] === at) outside();
      return nested;
    }
    if (this.isEntry(at)) outside(); // `- - x`
    const key = this.keyAt(at, line.end);
    if (key) return this.mapping(line, at - line.start, key, depth + 1);
    return this.inline(at, line.end, line.indent);
  }

  /** The value after a key's `:` (at `from`): nested below, or on the line. */
  private valueAfter(from: number, lineEnd: number, indent: number, depth: number): Parsed {
    const { text } = this;
    let at = from;
    while (text.charCodeAt(at) === SPACE) at++;
    if (at === lineEnd || text.charCodeAt(at) === HASH) return this.nested(at, lineEnd, indent, true, depth);
    return this.inline(at, lineEnd, indent);
  }

  /**
   * The node below a key or dash with nothing after it (but maybe a comment): a block indented
   * deeper, a sequence in the key's column, or an empty value (null) at `at`.
   */
  private nested(at: number, lineEnd: number, indent: number, afterKey: boolean, depth: number): Parsed {
    const after = nextLineStart(this.text, lineEnd);
    const next = this.nextLine(after);
    if (next && next.indent > indent) return this.block(next, depth + 1);
    if (next && afterKey && next.indent === indent && this.isEntry(next.content)) return this.sequence(next, depth + 1);
    // yaml ends a null followed by spaces, a CR, comments (on its line or below) or blank lines
    // somewhere in the lines after it.
    const linesSkipped = (next ? next.start : this.text.length) > after;
    if (at !== lineEnd || linesSkipped || this.text.charCodeAt(at - 1) === SPACE || this.text.charCodeAt(at) === CR) outside();
    this.endsWithNull = true;
    return { node: this.resolver.empty(at), next };
  }

  /** A value starting at `at` on its line, in a collection indented `indent`. */
  private inline(at: number, lineEnd: number, indent: number): Parsed {
    const { text } = this;
    const c = text.charCodeAt(at);
    let node: Node;
    let after: number;
    if (c === 34 || c === 39) {
      const [value, valueEnd] = quotedOnLine(text, at, lineEnd);
      after = endOfValueLine(text, valueEnd, lineEnd);
      node = this.resolver.quoted(value, c, at, valueEnd, after);
    } else if (c === 91 || c === 123) {
      node = flowCollection(text, at, lineEnd, this.schema, this.resolver);
      after = node.range![2];
    } else if (c === 124 || c === 62) {
      const block = blockScalar(text, at, indent, this.resolver);
      this.endsWithNull = false;
      return { node: block.node, next: this.nextLine(block.next) };
    } else {
      node = this.plainValue(at, lineEnd);
      after = node.range![2];
    }
    this.endsWithNull = false;
    const next = this.nextLine(after);
    // A deeper line continues a multi-line scalar, or is an error: either way yaml's to read.
    if (next && next.indent > indent) outside();
    return { node, next };
  }

  private plainValue(at: number, lineEnd: number): Node {
    const { text } = this;
    if (refusedAtPlainStart(text.charCodeAt(at), text.charCodeAt(at + 1))) outside();
    let valueEnd = lineEnd;
    for (let i = at; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === HASH && text.charCodeAt(i - 1) === SPACE) {
        valueEnd = i;
        break;
      }
      if (c === COLON && isBlankOrNewline(text.charCodeAt(i + 1))) outside(); // `a: b: c`
    }
    while (text.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
    const after = nextLineStart(text, lineEnd);
    return this.resolver.plain(text.slice(at, valueEnd), at, valueEnd, after, false);
  }

  /**
   * The implicit key starting at `at` and its `:`, or undefined when the line holds none (then it is
   * a value); keys yaml reads otherwise (too long, starting with an indicator) leave the subset.
   */
  private keyAt(at: number, lineEnd: number): Key | undefined {
    const { text } = this;
    const c = text.charCodeAt(at);
    if (c === 34 || c === 39) {
      const [value, colon] = quotedOnLine(text, at, lineEnd);
      if (text.charCodeAt(colon) !== COLON || !isBlankOrNewline(text.charCodeAt(colon + 1))) return undefined;
      if (colon - at > MAX_KEY_LENGTH) outside();
      return { node: this.resolver.quoted(value, c, at, colon, colon), colon };
    }
    let colon = -1;
    for (let i = at; i < lineEnd && colon < 0; i++) {
      const d = text.charCodeAt(i);
      if (d === COLON && (i + 1 === lineEnd || text.charCodeAt(i + 1) === SPACE)) colon = i;
      else if (d === HASH && text.charCodeAt(i - 1) === SPACE) return undefined;
    }
    if (colon < 0) return undefined;
    if (colon - at > MAX_KEY_LENGTH || refusedAtPlainStart(c, text.charCodeAt(at + 1)) || text.charCodeAt(colon - 1) === SPACE) outside();
    return { node: this.resolver.plain(text.slice(at, colon), at, colon, colon, true), colon };
  }
}

/** The document `text` (one document, as split by split.ts), or undefined when yaml must parse it. */
export function fastParse(text: string, options: Options & { schema: Schema }): Document.Parsed | undefined {
  if (REFUSED_CHARACTERS.test(text)) return undefined;
  try {
    const parser = new BlockParser(text, options.schema, options);
    let from = 0;
    let docStart = false;
    if (text.startsWith('---')) {
      const lineEnd = lineEndOf(text, 3);
      endOfValueLine(text, 3, lineEnd);
      docStart = true;
      from = nextLineStart(text, lineEnd);
    }
    const first = parser.nextLine(from);
    if (!first || first.indent !== 0) return undefined;
    const parsed = parser.block(first, 0);
    if (parsed.next) return undefined;
    const doc = new Document(undefined, options) as Document.Parsed;
    if (docStart) doc.directives.docStart = true;
    doc.contents = parsed.node as Document.Parsed['contents'];
    const contentEnd = parsed.node.range![2];
    doc.range = [docStart ? 0 : first.start, contentEnd, parser.endsWithNull ? contentEnd : text.length];
    return doc;
  } catch (error) {
    if (error instanceof OutsideSubset) return undefined;
    throw error;
  }
}
