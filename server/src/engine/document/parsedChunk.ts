/**
 * One YAML document's text, parsed once. Chunks are immutable and keyed by their text, so a file
 * edit reuses every chunk whose text did not change, even when the chunk moved to other lines.
 */
import {
  Composer,
  Document,
  Lexer,
  parseDocument,
  Parser,
  Schema,
  YAMLParseError,
  type ParseOptions,
  type DocumentOptions,
  type SchemaOptions,
  type YAMLError,
} from 'yaml';
import { isMap, isScalar } from './yamlGuards';
import { LineIndex } from './lineIndex';
import { classify, type DocumentClass, type ImpliedIdentity } from './classify';
import { checkStructure } from './structureCheck';
import { quickPlainValue } from './plainValue';
import { aliasExpansion, MAX_ALIAS_EXPANSION } from './aliasExpansion';
import { fastParse } from './fastYaml/fastParse';

/** Upper bound on alias expansion when a document is converted to plain values (alias bombs). */
export const MAX_ALIAS_COUNT = 1000;

const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions & { schema: Schema } = {
  // Kubernetes decodes YAML 1.1 (sigs.k8s.io/yaml): `yes` is a boolean, `0644` is octal.
  version: '1.1',
  prettyErrors: false,
  keepSourceTokens: false,
  // Checked by checkStructure in linear time (yaml's own check is quadratic in the number of keys of a map).
  uniqueKeys: false,
  strict: true,
  // No process warnings: yaml would print a collection key's text (which may be Secret data) to stderr.
  logLevel: 'error',
  // One schema for every document (yaml would build one per document, ≈ 300 bytes each, thousands
  // kept): the same settings as yaml's own for version 1.1. Nothing mutates it: with known tags not
  // resolved, composing never adds tags to a schema.
  schema: new Schema({ resolveKnownTags: false, schema: 'yaml-1.1' }),
};

/** Every kind of scalar and collection the parser resolves (see warmUpParser). */
const WARM_UP_TEXT = `a: 1
b: -1.5e3
c: true
d: null
e: ~
f: 2001-12-14t21:59:43.10-05:00
g: "quoted \\n with \\"escapes\\""
h: 'single ''quoted'''
i: 0x1F
j: 0o17
k: 0644
l: .inf
m: 1_000
n: yes
o: 1:20
p: [1, a, "b", {q: r}]
s: |
  literal
t: >-
  folded
  lines
u: plain
  multi-line
v: !!str 5
w: &anchor x
y: *anchor
# a comment
`;

let parserWarm = false;

/**
 * Parses a document that uses every scalar form, so that V8 compiles (and tiers up) yaml's regular
 * expressions now, near the bottom of the stack. Compiled for the first time deep inside the
 * recursion of a document nested thousands of levels, a regular expression can end the process
 * ("RegExpCompiler Allocation failed") instead of throwing a RangeError that parseSafely catches.
 */
function warmUpParser(): void {
  if (parserWarm) return;
  parserWarm = true;
  for (let i = 0; i < 3; i++) parseDocument(WARM_UP_TEXT, PARSE_OPTIONS);
}

/**
 * One document's AST: from the fast parser when the text is in the subset of YAML it reproduces
 * (most manifests; several times faster), else from yaml. Never throws.
 */
function parseSafely(text: string): Document.Parsed {
  let fast: Document.Parsed | undefined;
  try {
    fast = parseInSubset(text);
  } catch (error) {
    // Not expected (the differential tests would fail), but yaml's parse is always there to fall back on,
    // also when the stack left is too short for the fast parser's recursion. Counted and reported, so
    // that a fast-parser bug shows in the log instead of only costing time.
    ParsedChunk.fastParserFallbacks++;
    ParsedChunk.onFastParserFallback?.(error);
    fast = undefined;
  }
  return fast ?? parseWithYaml(text);
}

/** The fast parser's AST of `text` (the engine's YAML options), or undefined outside its subset. */
export function parseInSubset(text: string): Document.Parsed | undefined {
  return fastParse(text, PARSE_OPTIONS);
}

/**
 * parseDocument, never throwing: yaml's parser recurses once per nesting level and a line like
 * `- - - …` 10,000 deep overflows the stack outside the part of the parser that catches it. Such a
 * text becomes a document with no content and one error, so the file still gets a diagnostic.
 */
export function parseWithYaml(text: string): Document.Parsed {
  warmUpParser();
  try {
    return parseDocument(text, PARSE_OPTIONS);
  } catch (error) {
    return failedParse(text, error);
  }
}

/** Lexical tokens between two yields of `parseDocumentSteps` (a few milliseconds of work). */
const LEXEMES_PER_STEP = 2048;

/**
 * `parseDocument` for one very large document, in steps: the lexer and the CST parser (about
 * two thirds of the time) yield every few thousand tokens, so a 100,000-line document does not
 * hold up requests for seconds; composing the AST is the last, single step. Never throws.
 */
export function* parseDocumentSteps(text: string): Generator<void, Document.Parsed, void> {
  warmUpParser();
  try {
    const lexer = new Lexer();
    const parser = new Parser();
    const tokens = [];
    let count = 0;
    for (const lexeme of lexer.lex(text, false)) {
      for (const token of parser.next(lexeme)) tokens.push(token);
      if (++count % LEXEMES_PER_STEP === 0) yield;
    }
    for (const token of parser.end()) tokens.push(token);
    let doc: Document.Parsed | undefined;
    for (const composed of new Composer(PARSE_OPTIONS).compose(tokens, true, text.length)) {
      if (doc) {
        doc.errors.push(new YAMLParseError([composed.range[0], composed.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
        break;
      }
      doc = composed;
    }
    return doc ?? failedParse(text, new Error('no document'));
  } catch (error) {
    return failedParse(text, error);
  }
}

function failedParse(text: string, error: unknown): Document.Parsed {
  // An empty mapping, not an empty document: empty documents are skipped, and this one has an error to show.
  const doc = parseDocument('{}', PARSE_OPTIONS);
  const end = Math.min(text.length, 1);
  doc.errors.push(
    error instanceof RangeError
      ? new YAMLParseError([0, end], 'RESOURCE_EXHAUSTION', error.message)
      : new YAMLParseError([0, end], 'IMPOSSIBLE', `the YAML parser failed (${error instanceof Error ? error.message : String(error)})`),
  );
  return doc;
}

export interface PlainValue {
  value: unknown;
  /** Set when the document could not be converted (e.g. alias expansion over the limit). */
  error?: string;
}

/**
 * Chunks larger than this keep their AST for good: parsing them again on a hover would take too
 * long. The same bound as the parse in steps (manifestFile.ts).
 */
const RELEASE_MAX_CHARS = 256 * 1024;

export class ParsedChunk {
  /** ASTs parsed again after a release, since the process started (for tests and benchmarks). */
  static reparses = 0;
  /** Internal errors of the fast parser that fell back to yaml's parse, in this thread (none expected). */
  static fastParserFallbacks = 0;
  /** Told of each such error (the language server logs it at debug level). */
  static onFastParserFallback: ((error: unknown) => void) | undefined;

  readonly class: DocumentClass;
  private lineIndex: LineIndex | undefined;
  /** The parse errors and warnings, structure errors included; kept when the AST is released. */
  readonly errors: readonly YAMLError[];
  readonly warnings: readonly YAMLError[];
  private ast: Document.Parsed | undefined;
  private plain: PlainValue | undefined;
  /** Nested deeper than the engine's walkers may recurse (reported as an error; no plain value). */
  private readonly tooDeep: boolean;

  /** `source`: the document when it was parsed already (in steps, see parseDocumentSteps). */
  constructor(
    readonly text: string,
    fileName: string,
    source?: Document.Parsed,
    /** For an item of a typed List: the apiVersion and kind it has when it does not say. */
    implied?: ImpliedIdentity,
  ) {
    const ast = source ?? parseSafely(text);
    const structure = checkStructure(ast);
    this.tooDeep = structure.tooDeep;
    if (structure.tooDeep) {
      // Where yaml's recursion overflowed depends on the stack left to it (the caller's depth, the
      // thread): the nesting error alone is reported, the same wherever the document was parsed.
      ast.errors = ast.errors.filter((e) => !e.message.includes('Maximum call stack size exceeded'));
    }
    if (structure.errors.length > 0) {
      ast.errors.push(...structure.errors);
      ast.errors.sort((a, b) => a.pos[0] - b.pos[0]);
    }
    this.ast = ast;
    this.errors = ast.errors;
    this.warnings = ast.warnings;
    this.class = classify(this, fileName, implied);
  }

  /** Line starts of the text, computed when first needed (most documents never place a finding). */
  get lines(): LineIndex {
    this.lineIndex ??= new LineIndex(this.text);
    return this.lineIndex;
  }

  /** The AST; parsed again from the text when it was released. */
  get yaml(): Document.Parsed {
    if (!this.ast) {
      ParsedChunk.reparses++;
      const ast = parseSafely(this.text);
      checkStructure(ast); // trims the items arrays as on the first parse; its errors are in `errors` already
      ast.errors = [...this.errors];
      this.ast = ast;
    }
    return this.ast;
  }

  /**
   * Frees the AST, keeping the text, plain value, errors and class: most documents are not looked
   * at again once checked (the rules read plain values; only a finding's range needs the AST), and
   * ASTs are most of the memory of a large workspace. Returns false for chunks that keep theirs.
   */
  release(): boolean {
    if (this.tooDeep || this.text.length > RELEASE_MAX_CHARS) return false;
    this.value();
    this.ast = undefined;
    return true;
  }

  /** The document as plain JS values, computed once; bounded against alias bombs. */
  value(): PlainValue {
    if (!this.plain && this.tooDeep) this.plain = { value: undefined, error: 'nested too deeply' };
    if (!this.plain) {
      try {
        this.plain = quickPlainValue(this.yaml.contents) ?? this.expandedValue();
      } catch (error) {
        this.plain = { value: undefined, error: error instanceof Error ? error.message : String(error) };
      }
    }
    return this.plain;
  }

  /** toJS, unless aliases and merge keys would add more than MAX_ALIAS_EXPANSION values (then an error). */
  private expandedValue(): PlainValue {
    const added = aliasExpansion(this.yaml.contents);
    if (added > MAX_ALIAS_EXPANSION)
      return { value: undefined, error: `aliases and merge keys add more than ${MAX_ALIAS_EXPANSION.toLocaleString('en-US')} values` };
    return { value: this.yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown };
  }

  /** The string value of a top-level key, read from the AST without converting the whole document. */
  topLevelString(key: string): string | undefined {
    const contents = this.yaml.contents;
    if (!isMap(contents)) return undefined;
    const node = contents.get(key, true);
    return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
  }
}
