/**
 * Random YAML documents in the style of manifests, for the differential test of the fast parser:
 * nested block mappings and sequences (indented or in the key's column, compact mappings after a
 * dash), plain, quoted, block and flow values drawn from tricky texts, and comments and blank
 * lines at random indentations. The texts are meant to sit on the edge of the fast parser's
 * subset: many are in it, many are not, and some are not valid YAML at all.
 */
import fc from 'fast-check';

export type GenNode =
  | { t: 'scalar'; text: string; style: 'plain' | 'double' | 'single' }
  | { t: 'block'; header: string; lines: string[] }
  | { t: 'flow'; map: boolean; items: string[] }
  | { t: 'map'; entries: [string, GenNode][] }
  | { t: 'seq'; items: GenNode[] };

/** Texts manifests are full of, 1.1 booleans, octals and sexagesimals among them. */
const COMMON = [
  '1',
  '0644',
  '1.50',
  'e5',
  '12e3',
  '.inf',
  '1_000',
  '+1',
  '0b101',
  '0x1F',
  '1:20',
  '-1',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'n',
  '~',
  'null',
  'NULL',
  'true',
  'False',
  '2001-12-14',
  '2001-12-14 21:59:43.10 -5',
  'registry.example.com/app:1.0',
  '--flag=x',
  'a:b',
  'a#b',
  'http://x.y/z',
  'a b',
  "it's",
  'é ✓',
  'a,b',
  'a]',
  '<<',
  '',
];
/** Texts that mean something else to YAML, or are errors, in some of the places they land. */
const TRICKY = [
  'a #b',
  'x: y',
  'ends:',
  '- item',
  '*alias',
  '&anchor x',
  '!tag x',
  '[a]',
  '{a: b}',
  '|',
  '>',
  '%x',
  '@x',
  '`x`',
  '"',
  "'",
  '\\n',
  '?x',
  ':x',
  ' ',
  'a\tb',
  '#',
];
const KEYS = ['name', 'image', 'ports', 'app.kubernetes.io/name', 'a b', '1', 'yes', 'n', '"quoted"', "'single'", "'it''s'", 'a#b', '-k', 'k:v'];
const TRICKY_KEYS = ['<<', 'x ', '? q', '&a k', '"a": b', '"a"b'];
const TEXT_CHARS = [...'ab1 -:#\'"[]{},!&*?|>%@`\\.~é\t'];
const BLOCK_HEADERS = ['|', '|-', '>', '>-', '| # c', '|+', '|2', '>-  x'];
const BLOCK_LINES = ['text', '', '# not a comment', 'a: b', 'x  y', '  more', ' ', '    '];

/** Documents of manifest texts only (`tricky` false), or with texts and keys YAML reads otherwise. */
export function genDocument(tricky: boolean): fc.Arbitrary<GenNode> {
  const weird = tricky ? 1 : 0;
  const key = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...KEYS) }, { weight: weird, arbitrary: fc.constantFrom(...TRICKY_KEYS) });
  const scalarText = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...COMMON) },
    { weight: weird, arbitrary: fc.constantFrom(...TRICKY) },
    { weight: weird, arbitrary: fc.array(fc.constantFrom(...TEXT_CHARS), { maxLength: 8 }).map((cs) => cs.join('')) },
  );
  const leaf: fc.Arbitrary<GenNode> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        t: fc.constant('scalar' as const),
        text: scalarText,
        style: fc.constantFrom('plain' as const, 'plain' as const, 'double' as const, 'single' as const),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        t: fc.constant('block' as const),
        header: fc.constantFrom(...(tricky ? BLOCK_HEADERS : BLOCK_HEADERS.slice(0, 5))),
        lines: fc.array(fc.constantFrom(...(tricky ? BLOCK_LINES : BLOCK_LINES.slice(0, 6))), { minLength: 0, maxLength: 5 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('flow' as const), map: fc.boolean(), items: fc.array(scalarText, { maxLength: 3 }) }) },
  );
  return fc.letrec<{ node: GenNode; map: GenNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      tie('map'),
      fc.record({ t: fc.constant('seq' as const), items: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    ),
    map: fc.record({ t: fc.constant('map' as const), entries: fc.array(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4 }) }),
  })).map;
}

/** Formatting choices, drawn in turn from a list of random numbers. */
class Choices {
  private next = 0;
  constructor(private readonly values: readonly number[]) {}
  pick(n: number): number {
    return (this.values[this.next++ % this.values.length] ?? 0) % n;
  }
}

function styled(text: string, style: 'plain' | 'double' | 'single'): string {
  if (style === 'double') return `"${text}"`;
  if (style === 'single') return `'${text.replace(/'/g, "''")}'`;
  return text;
}

function flowText(node: { map: boolean; items: string[] }, choices: Choices): string {
  const sep = [', ', ',', ' , '][choices.pick(3)]!;
  if (node.map) return `{${node.items.map((t, i) => `k${i}: ${styled(t, choices.pick(3) === 0 ? 'double' : 'plain')}`).join(sep)}}`;
  return `[${node.items.map((t) => styled(t, choices.pick(3) === 0 ? 'single' : 'plain')).join(sep)}]`;
}

class Writer {
  readonly lines: string[] = [];
  constructor(
    private readonly choices: Choices,
    private readonly deepComments: boolean,
  ) {}

  /** Sometimes a comment line and a blank line, at an indentation near `indent`. */
  private interlude(indent: number): void {
    const c = this.choices.pick(14);
    // Comments deeper than the line after them are left to yaml by the fast parser: fewer of them in clean documents.
    const indents = [indent, 0, Math.max(0, indent - 2), indent + 2, indent + 4];
    if (c === 0) this.lines.push(`${' '.repeat(indents[this.choices.pick(this.deepComments ? 5 : 3)]!)}# comment`);
    if (c === 1) this.lines.push(' '.repeat(this.choices.pick(3)));
  }

  private trailing(): string {
    return this.choices.pick(6) === 0 ? ' # note' : this.choices.pick(8) === 0 ? '   ' : '';
  }

  /** `prefix` is the key and colon, or the dash, already indented; `indent` is its collection's. */
  value(prefix: string, node: GenNode, indent: number): void {
    const step = 1 + this.choices.pick(4);
    if (node.t === 'scalar') this.lines.push(`${prefix} ${styled(node.text, node.style)}${this.trailing()}`);
    else if (node.t === 'flow') this.lines.push(`${prefix} ${flowText(node, this.choices)}${this.trailing()}`);
    else if (node.t === 'block') {
      this.lines.push(`${prefix} ${node.header}`);
      for (const line of node.lines) this.lines.push(line === '' ? '' : `${' '.repeat(indent + step)}${line}`);
    } else {
      this.lines.push(`${prefix}${this.trailing()}`);
      this.interlude(indent + step);
      if (node.t === 'map') this.map(node, indent + step);
      else this.seq(node, prefix.trimStart().startsWith('-') || this.choices.pick(2) === 0 ? indent + step : indent);
    }
  }

  map(node: Extract<GenNode, { t: 'map' }>, indent: number, firstPrefix?: string): void {
    node.entries.forEach(([key, value], i) => {
      if (i > 0 || firstPrefix === undefined) this.interlude(indent);
      const prefix = i === 0 && firstPrefix !== undefined ? firstPrefix : ' '.repeat(indent);
      this.value(`${prefix}${key}:`, value, indent);
    });
  }

  seq(node: Extract<GenNode, { t: 'seq' }>, indent: number): void {
    for (const item of node.items) {
      this.interlude(indent);
      const dash = `${' '.repeat(indent)}-`;
      if (item.t === 'map' && this.choices.pick(3) > 0) {
        const gap = 1 + this.choices.pick(3);
        this.map(item, indent + 1 + gap, `${dash}${' '.repeat(gap)}`);
      } else this.value(dash, item, indent);
    }
  }
}

/**
 * The text of a generated document: a mapping at the top, maybe after `---`, maybe without a final
 * line break; `lineBreak` is `\n` or `\r\n`.
 */
export function renderDocument(root: GenNode, choiceValues: readonly number[], deepComments = true, lineBreak = '\n'): string {
  const choices = new Choices(choiceValues);
  const writer = new Writer(choices, deepComments);
  if (choices.pick(4) === 0) writer.lines.push(choices.pick(2) === 0 ? '---' : '--- # doc');
  const top: GenNode = root.t === 'map' ? root : { t: 'map', entries: [['root', root]] };
  writer.map(top as Extract<GenNode, { t: 'map' }>, 0);
  const text = writer.lines.join(lineBreak);
  return choices.pick(5) === 0 ? text : `${text}${lineBreak}`;
}
