/**
 * Building blocks of the LSP fuzz test: edits of real manifests as fast-check arbitraries, and a
 * watch on everything the in-process server reports as an error (error log lines, unhandled
 * rejections, uncaught exceptions). Kept apart from the test so `npm run fuzz` can reuse it.
 */
import fc from 'fast-check';

/** One edit of a text: replace [start, end) by `text`. Offsets are taken modulo the text length. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Characters that mean something to YAML, plus ordinary ones. */
const YAML_CHARS = [...': -{}[],&*!|>\'"#%@`?\t\n\r\u0000\ufeff', ...'abcxyz0129 '];

const yamlChar = fc.constantFrom(...YAML_CHARS);
const yamlString = fc.array(yamlChar, { maxLength: 12 }).map((cs) => cs.join(''));

/** Snippets that break or bend a manifest in interesting ways. */
const SNIPPETS = [
  '---\n',
  '--- ',
  '...\n',
  '&anchor ',
  '*anchor',
  '<<: *anchor\n',
  '\t',
  '  ',
  '- ',
  'key: value\n',
  '{a: [1, {b: *x}]}',
  '"unclosed',
  "'it''s'",
  '|\n  block\n',
  '>-\n',
  '!!binary ',
  '!custom ',
  '? complex\n: key\n',
  '# comment\n',
  '{{ .Values.x }}',
  'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  k: c3VwZXJzZWNyZXQ=\n',
  '\r\n',
  'ÿ\u0000\u00ff\ud800',
];

/** An edit as offsets in [0, 1) of the text, so one value applies to texts of any length. */
export type EditSpec =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'deleteLine'; line: number }
  | { op: 'duplicateLine'; line: number }
  | { op: 'indent'; line: number; indent: string }
  | { op: 'spliceLine'; line: number; from: number };

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

export const editSpec: fc.Arbitrary<EditSpec> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fraction, text: fc.oneof(yamlString, fc.constantFrom(...SNIPPETS)) }),
  fc.record({ op: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ op: fc.constant('deleteLine' as const), line: fraction }),
  fc.record({ op: fc.constant('duplicateLine' as const), line: fraction }),
  fc.record({
    op: fc.constant('indent' as const),
    line: fraction,
    indent: fc.oneof(
      fc.integer({ min: 0, max: 14 }).map((n) => ' '.repeat(n)),
      fc.constantFrom('\t', ' \t', '\t  '),
    ),
  }),
  fc.record({ op: fc.constant('spliceLine' as const), line: fraction, from: fraction }),
);

/** Start and end offsets of every line (end excludes the line break). */
function lineBounds(text: string): { start: number; end: number }[] {
  const bounds: { start: number; end: number }[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      bounds.push({ start, end: text.length });
      return bounds;
    }
    bounds.push({ start, end: nl });
    start = nl + 1;
  }
}

/** The concrete edit of `spec` on `text`; `donor` lends lines to `spliceLine`. */
export function concreteEdit(spec: EditSpec, text: string, donor: string): Edit {
  const lines = lineBounds(text);
  const lineOf = (f: number) => lines[Math.floor(f * lines.length)]!;
  switch (spec.op) {
    case 'insert': {
      const at = Math.floor(spec.at * (text.length + 1));
      return { start: at, end: at, text: spec.text };
    }
    case 'delete': {
      const at = Math.floor(spec.at * (text.length + 1));
      return { start: at, end: Math.min(text.length, at + spec.length), text: '' };
    }
    case 'deleteLine': {
      const l = lineOf(spec.line);
      return { start: l.start, end: Math.min(text.length, l.end + 1), text: '' };
    }
    case 'duplicateLine': {
      const l = lineOf(spec.line);
      return { start: l.start, end: l.start, text: `${text.slice(l.start, l.end)}\n` };
    }
    case 'indent': {
      const l = lineOf(spec.line);
      const content = text.slice(l.start, l.end);
      const indentLength = content.length - content.trimStart().length;
      return { start: l.start, end: l.start + indentLength, text: spec.indent };
    }
    case 'spliceLine': {
      const l = lineOf(spec.line);
      const donorLines = donor.split('\n');
      return { start: l.start, end: l.start, text: `${donorLines[Math.floor(spec.from * donorLines.length)] ?? ''}\n` };
    }
  }
}

/**
 * Keeps an edit from cutting a UTF-16 surrogate pair in half at its boundaries: the LSP wire is JSON,
 * and a lone surrogate from splitting the text would be an artefact of the test, not of an editor.
 */
export function alignEdit(edit: Edit, text: string): Edit {
  const isLow = (i: number) => i > 0 && i < text.length && /[\udc00-\udfff]/.test(text[i]!) && /[\ud800-\udbff]/.test(text[i - 1]!);
  const start = isLow(edit.start) ? edit.start - 1 : edit.start;
  const end = isLow(edit.end) ? edit.end + 1 : edit.end;
  return { start, end: Math.max(start, end), text: edit.text.replace(/[\ud800-\udfff]/g, '\ufffd') };
}

export function applyEdit(text: string, edit: Edit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

/** A request at a position: [0, 1) fractions of the line count and of the line's length (a bit past it, too). */
export interface RequestSpec {
  method: 'hover' | 'completion' | 'definition' | 'references' | 'documentSymbol' | 'codeLens' | 'codeAction' | 'render' | 'graph' | 'services';
  line: number;
  character: number;
}

export const requestSpec: fc.Arbitrary<RequestSpec> = fc.record({
  method: fc.constantFrom('hover', 'completion', 'definition', 'references', 'documentSymbol', 'codeLens', 'codeAction', 'render', 'graph', 'services'),
  line: fc.double({ min: 0, max: 1.05, noNaN: true }),
  character: fc.double({ min: 0, max: 1.2, noNaN: true }),
});

/** Everything the in-process server reports as broken, collected while installed. */
export class ErrorWatch {
  readonly problems: string[] = [];
  private readonly onRejection = (reason: unknown) => this.problems.push(`unhandled rejection: ${describeError(reason)}`);
  private readonly onException = (error: unknown) => this.problems.push(`uncaught exception: ${describeError(error)}`);

  install(): void {
    process.on('unhandledRejection', this.onRejection);
    process.on('uncaughtException', this.onException);
  }

  uninstall(): void {
    process.off('unhandledRejection', this.onRejection);
    process.off('uncaughtException', this.onException);
  }
}

export function describeError(value: unknown): string {
  return value instanceof Error ? `${value.message}\n${value.stack ?? ''}` : String(value);
}
