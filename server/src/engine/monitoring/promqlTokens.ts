/**
 * The names in a PromQL expression a user navigates by: metric names of vector selectors, function names and
 * aggregation operators, with their offsets in the expression. From the official grammar's tree, so a label
 * value or a string that looks like a name is never taken for one.
 */
import { parser } from './lezerPromql';
import { MAX_PROMQL } from './promql';

export type PromqlTokenKind = 'metric' | 'function' | 'aggregation';

export interface PromqlToken {
  kind: PromqlTokenKind;
  name: string;
  /** Offsets in the expression text. */
  start: number;
  end: number;
}

const KIND_OF_NODE: Readonly<Record<string, PromqlTokenKind>> = { FunctionIdentifier: 'function', AggregateOp: 'aggregation' };

/** The expression's metric, function and aggregation names in text order (none above MAX_PROMQL). */
export function promqlTokens(expr: string): PromqlToken[] {
  if (expr.length > MAX_PROMQL) return [];
  const out: PromqlToken[] = [];
  parser
    .parse(expr)
    .cursor()
    .iterate((node) => {
      const nodeKind = KIND_OF_NODE[node.name];
      // A selector's metric name is its Identifier child (`{__name__="x"}` has none).
      const kind = nodeKind ?? (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector' ? 'metric' : undefined);
      if (!kind) return undefined;
      out.push({ kind, name: expr.slice(node.from, node.to), start: node.from, end: node.to });
      return false;
    });
  return out;
}

/** The name under (or just after) `offset`, if any. */
export function promqlTokenAt(expr: string, offset: number): PromqlToken | undefined {
  return promqlTokens(expr).find((t) => t.start <= offset && offset <= t.end);
}
