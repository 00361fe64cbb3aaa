/**
 * PromQL string literals (Go syntax: "…" and '…' with escapes, `…` raw) and the regexes of `=~` / `!~` matchers,
 * which Prometheus compiles as RE2 when it parses the query: an invalid pattern fails the whole expression.
 */
import type { SyntaxNode } from '@lezer/common';
import { re2Problem } from './re2';

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v' };
const HEX_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** The value of a PromQL string literal's source (quotes included). */
export function unquotePromql(literal: string): string {
  const body = literal.slice(1, -1);
  if (literal.startsWith('`')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\' || i === body.length - 1) {
      out += c;
      continue;
    }
    const next = body[++i]!;
    const hex = HEX_LENGTH[next];
    if (hex !== undefined) {
      const code = Number.parseInt(body.slice(i + 1, i + 1 + hex), 16);
      out += Number.isNaN(code) ? '' : String.fromCodePoint(code);
      i += hex;
    } else if (/[0-7]/.test(next)) {
      out += String.fromCharCode(Number.parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else out += ESCAPES[next] ?? next;
  }
  return out;
}

/** The problem of a `=~` / `!~` matcher whose pattern is not valid RE2, at the matcher (where Prometheus reports it). */
export function matcherRegexProblem(matcher: SyntaxNode, text: string): { start: number; end: number; message: string } | undefined {
  const op = matcher.getChild('MatchOp')?.firstChild;
  if (op?.name !== 'EqlRegex' && op?.name !== 'NeqRegex') return undefined;
  const literal = matcher.getChildren('StringLiteral').pop();
  if (!literal) return undefined;
  const problem = re2Problem(unquotePromql(text.slice(literal.from, literal.to)));
  if (!problem) return undefined;
  return { start: matcher.from, end: matcher.to, message: `the regular expression of this matcher is not valid RE2: ${problem.message}` };
}
