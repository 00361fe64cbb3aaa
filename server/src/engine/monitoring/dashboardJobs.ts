/**
 * The `job` a dashboard query selects: `job="api"` and `job=~"api|web"` matchers of its PromQL, parsed with the
 * official grammar after Grafana's variables are masked (`$__rate_interval`, `${env}`, `[[var]]` are not PromQL).
 * Only literal names are returned: a matcher whose value holds a variable, or a regex beyond an alternation of
 * names, is not judged (it never runs as a regex here).
 */
import type { SyntaxNode } from '@lezer/common';
import { parser } from './lezerPromql';
import { unquotePromql } from './promqlStrings';

export interface JobMatcher {
  /** Offsets of the matcher in the expression. */
  start: number;
  end: number;
  /** The job names it selects, each of which should exist. */
  names: string[];
}

const VARIABLE = /\$\{[^}\n]{0,200}\}|\$[A-Za-z_]\w*|\[\[[^\]\n]{0,200}\]\]/g;
const MAX_EXPR = 64 * 1024;

/** Offsets inside PromQL string literals ("…", '…' with escapes, `…` raw), where variables are label values. */
function insideStrings(text: string): (offset: number) => boolean {
  const ranges: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    const quote = text[i];
    if (quote !== '"' && quote !== "'" && quote !== '`') continue;
    let j = i + 1;
    while (j < text.length && text[j] !== quote) j += quote !== '`' && text[j] === '\\' ? 2 : 1;
    ranges.push([i, j]);
    i = j;
  }
  return (offset) => ranges.some(([from, to]) => offset > from && offset < to);
}

/** The expression with each Grafana variable outside strings replaced by a same-length number or duration. */
export function maskVariables(text: string): string {
  const inString = insideStrings(text);
  return text.replace(VARIABLE, (match: string, offset: number) => {
    if (inString(offset)) return match;
    const before = text.slice(0, offset).trimEnd().slice(-1);
    return (before === '[' || before === ':' ? '1s' : '1').padEnd(match.length, ' ');
  });
}

const NAME = /^(?:[A-Za-z0-9_:/-]|\\[.\-/])+$/;

/** The names a `=~` pattern is an alternation of (`api|web`, `(api|web)`, `api\.v1`), or undefined. */
function literalAlternatives(pattern: string): string[] | undefined {
  const body = /^\((?:\?:)?(.*)\)$/.exec(pattern)?.[1] ?? pattern;
  const names = body.split('|');
  if (!names.every((name) => NAME.test(name))) return undefined;
  return names.map((name) => name.replace(/\\(.)/g, '$1'));
}

function matcherNames(matcher: SyntaxNode, text: string): string[] | undefined {
  const label = matcher.getChild('LabelName');
  const op = matcher.getChild('MatchOp')?.firstChild?.name;
  const literal = matcher.getChild('StringLiteral');
  if (!label || !literal || text.slice(label.from, label.to) !== 'job') return undefined;
  const value = unquotePromql(text.slice(literal.from, literal.to));
  if (value.includes('$') || value.includes('[[') || value === '') return undefined;
  if (op === 'EqlSingle') return [value];
  return op === 'EqlRegex' ? literalAlternatives(value) : undefined;
}

/** The literal `job` matchers of a dashboard query, or [] when it does not parse as PromQL (another language). */
export function jobMatchers(expr: string): JobMatcher[] {
  if (expr.length > MAX_EXPR || !expr.includes('job')) return [];
  const masked = maskVariables(expr);
  const tree = parser.parse(masked);
  let broken = false;
  const out: JobMatcher[] = [];
  tree.iterate({
    enter: (node) => {
      if (broken) return false;
      if (node.type.isError) broken = true;
      else if (node.name === 'UnquotedLabelMatcher') {
        const names = matcherNames(node.node, masked);
        if (names) out.push({ start: node.from, end: node.to, names });
      }
      return undefined;
    },
  });
  return broken ? [] : out;
}
