/**
 * PromQL checks with the official grammar (`@prometheus-io/lezer-promql`): the first syntax error with its offset
 * in the expression, then the type errors that are certain (argument count, a range vector where an instant
 * vector is required and the reverse, a range vector as a rule's result). Offsets are into the expression text.
 */
import { parser } from './lezerPromql';
import type { PartialParse, SyntaxNode, Tree } from '@lezer/common';
import { AGGREGATION_PARAMETER, FUNCTIONS, TYPE_NAMES, type ValueType } from './promqlFunctions';
import { matcherRegexProblem } from './promqlStrings';

export interface PromqlProblem {
  start: number;
  end: number;
  message: string;
}

/** Over this size an expression is not parsed (a 1 MB `expr` is reported instead of slowing the server). */
export const MAX_PROMQL = 256 * 1024;

/** Results by expression: an edit re-checks the whole file, and a 10,000-rule file has 10,000 expressions (≈ 2 s). */
const CACHE_LIMIT = 20_000;
const MAX_CACHED_TEXT = 4096;
const cache = new Map<string, PromqlProblem | null>();

export function checkPromql(text: string): PromqlProblem | undefined {
  const cached = cache.get(text);
  if (cached !== undefined) return cached ?? undefined;
  const result = checkUncached(text);
  if (text.length <= MAX_CACHED_TEXT) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(text, result ?? null);
  }
  return result;
}

function checkUncached(text: string): PromqlProblem | undefined {
  if (text.length > MAX_PROMQL) return { start: 0, end: 0, message: `the expression is ${text.length} characters long; it is not checked above ${MAX_PROMQL}` };
  if (text.trim() === '') return { start: 0, end: 0, message: 'the expression is empty: write a PromQL query such as `up == 0`' };
  const tree = parseWhole(text);
  typeMemo = new Map();
  const syntax = firstError(tree.topNode, text);
  if (syntax) return syntax;
  const body = tree.topNode.firstChild;
  if (!body) return undefined;
  const inner = typeProblem(tree, text);
  if (inner) return inner;
  const type = typeOf(body, text);
  if (type === 'm' || type === 'S') {
    return {
      start: body.from,
      end: body.to,
      message: `a rule's expression must be an instant vector or a scalar, not a ${TYPE_NAMES[type]}: wrap it in a function such as rate(…) or drop the range`,
    };
  }
  return undefined;
}

/**
 * Parses without lezer's guard against deep trees: after 300 left-associative reductions it cuts the chain and
 * reports errors in valid input (`m0 + m1 + … + m450`). Resetting its counter between steps keeps the parse exact;
 * the tree stays shallow enough (lezer balances long node lists), and everything below walks it iteratively or
 * with memoised types.
 */
function parseWhole(text: string): Tree {
  const parse = parser.startParse(text) as PartialParse & { bigReductionCount?: number };
  for (;;) {
    const tree = parse.advance();
    if (tree) return tree;
    if (typeof parse.bigReductionCount === 'number') parse.bigReductionCount = 0;
  }
}

function firstError(top: SyntaxNode, text: string): PromqlProblem | undefined {
  let found: PromqlProblem | undefined;
  top.cursor().iterate((node) => {
    if (found) return false;
    if (!node.type.isError) return undefined;
    found = syntaxMessage(node.from, node.to, text);
    return false;
  });
  return found;
}

const TOKEN = /^(?:==|!=|<=|>=|=~|!~|[-+*/%^<>=,(){}[\]]|[a-zA-Z_:][a-zA-Z0-9_:]*|\d[\w.]*|"[^"]*"?)/;

function syntaxMessage(from: number, to: number, text: string): PromqlProblem {
  if (from >= text.trimEnd().length)
    return { start: text.trimEnd().length, end: text.trimEnd().length, message: 'the expression ends too early: an operand or a closing bracket is missing' };
  const before = /([a-zA-Z_][a-zA-Z0-9_]*)\s*$/.exec(text.slice(Math.max(0, from - 80), from));
  if (before && text[from] === '(' && !FUNCTIONS.has(before[1]!)) {
    const start = from - before[0].length;
    return { start, end: start + before[1]!.length, message: `unknown function "${before[1]}": check the name against the PromQL functions` };
  }
  const end = Math.max(to, from + (TOKEN.exec(text.slice(from, from + 200))?.[0].length ?? 1));
  const token = text.slice(from, Math.min(end, from + 40)).trim() || text[from]!;
  return { start: from, end, message: `unexpected "${token}": the expression does not parse here` };
}

/** The arguments of a call or aggregation body (every child is an expression). */
function children(node: SyntaxNode | null): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node?.firstChild ?? null; child; child = child.nextSibling) out.push(child);
  return out;
}

/** Types of the nodes of the expression being checked (a chain of n operators would cost n² without it). */
let typeMemo = new Map<string, ValueType | undefined>();

/** The value type of an expression node, or undefined when not cheap and certain. */
function typeOf(node: SyntaxNode, text: string): ValueType | undefined {
  const key = `${node.from}:${node.to}:${node.type.id}`;
  if (typeMemo.has(key)) return typeMemo.get(key);
  const type = computeType(node, text);
  typeMemo.set(key, type);
  return type;
}

function computeType(node: SyntaxNode, text: string): ValueType | undefined {
  switch (node.name) {
    case 'VectorSelector':
    case 'AggregateExpr':
      return 'v';
    case 'MatrixSelector':
    case 'SubqueryExpr':
      return 'm';
    case 'NumberDurationLiteral':
      return 's';
    case 'StringLiteral':
      return 'S';
    case 'ParenExpr':
    case 'UnaryExpr':
    case 'OffsetExpr':
    case 'StepInvariantExpr': {
      const operand = children(node).find((c) => c.name !== 'UnaryOp');
      return operand ? typeOf(operand, text) : undefined;
    }
    case 'FunctionCall': {
      const name = node.firstChild ? text.slice(node.firstChild.from, node.firstChild.to) : '';
      return FUNCTIONS.get(name)?.returns;
    }
    case 'BinaryExpr': {
      const operands = children(node).filter((c) => typeOf(c, text) !== undefined);
      return operands.some((c) => typeOf(c, text) === 'v') ? 'v' : undefined;
    }
    default:
      return undefined;
  }
}

function mismatch(node: SyntaxNode, text: string, want: ValueType, where: string): PromqlProblem | undefined {
  const got = typeOf(node, text);
  if (got === undefined || got === want) return undefined;
  const hint =
    want === 'm' && got === 'v'
      ? ' (add a range such as [5m])'
      : want === 'v' && got === 'm'
        ? ' (remove the range, or wrap it in rate(…) or an …_over_time function)'
        : '';
  return { start: node.from, end: node.to, message: `expected ${TYPE_NAMES[want]} ${where}, got ${TYPE_NAMES[got]}${hint}` };
}

/** The first type problem of the tree, depth first; types are filled in bottom-up first, so nothing recurses deeply. */
function typeProblem(tree: Tree, text: string): PromqlProblem | undefined {
  tree.iterate({ enter: () => undefined, leave: (node) => void typeOf(node.node, text) });
  let found: PromqlProblem | undefined;
  tree.iterate({
    enter: (node) => {
      if (found) return false;
      found = ownTypeProblem(node.node, text) ?? ownShapeProblem(node.node, text);
      return found ? false : undefined;
    },
  });
  return found;
}

const SET_OPERATORS = new Set(['And', 'Or', 'Unless']);

/** What Prometheus's parser refuses beyond the grammar: ranges over non-selectors, set operators on scalars, bad regexes. */
function ownShapeProblem(node: SyntaxNode, text: string): PromqlProblem | undefined {
  if (node.name === 'MatrixSelector') {
    const inner = node.firstChild;
    if (inner && inner.name !== 'VectorSelector') {
      // Prometheus points at the range itself, the `[` after the expression.
      const bracket = text.indexOf('[', inner.to);
      return {
        start: bracket,
        end: node.to,
        message: 'a range [d] applies only to a metric selector: for a range over an expression use a subquery such as [5m:1m]',
      };
    }
  }
  if (node.name === 'BinaryExpr') {
    const operator = children(node).find((c) => SET_OPERATORS.has(c.name));
    const scalar = operator && children(node).find((c) => c !== operator && typeOf(c, text) === 's');
    if (operator && scalar) {
      const name = text.slice(operator.from, operator.to).toLowerCase();
      return { start: node.from, end: node.to, message: `the set operator ${name} works on instant vectors only, not on a scalar` };
    }
  }
  if (node.name === 'UnquotedLabelMatcher' || node.name === 'QuotedLabelMatcher') return matcherRegexProblem(node, text);
  return undefined;
}

function ownTypeProblem(node: SyntaxNode, text: string): PromqlProblem | undefined {
  if (node.name === 'FunctionCall') {
    const name = node.firstChild ? text.slice(node.firstChild.from, node.firstChild.to) : '';
    const signature = FUNCTIONS.get(name);
    if (!signature) return undefined;
    const args = children(node.getChild('FunctionCallBody'));
    const min = signature.args.length - signature.optional;
    const max = signature.variadic ? Infinity : signature.args.length;
    if (args.length < min || args.length > max) {
      const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
      return { start: node.from, end: node.to, message: `${name}() takes ${expected} argument${expected === '1' ? '' : 's'}, got ${args.length}` };
    }
    for (let i = 0; i < args.length; i++) {
      const want = signature.args[Math.min(i, signature.args.length - 1)]!;
      const problem = mismatch(args[i]!, text, want, `in argument ${i + 1} of ${name}()`);
      if (problem) return problem;
    }
  }
  if (node.name === 'AggregateExpr') {
    const op = node.getChild('AggregateOp');
    const name = op ? text.slice(op.from, op.to).toLowerCase() : '';
    const args = children(node.getChild('FunctionCallBody'));
    const parameter = AGGREGATION_PARAMETER[name];
    const expected = parameter ? 2 : 1;
    if (args.length !== expected)
      return { start: node.from, end: node.to, message: `${name}() takes ${expected} argument${expected === 1 ? '' : 's'}, got ${args.length}` };
    if (parameter) return mismatch(args[0]!, text, parameter, `as the parameter of ${name}()`) ?? mismatch(args[1]!, text, 'v', `in ${name}()`);
    return mismatch(args[0]!, text, 'v', `in ${name}()`);
  }
  if (node.name === 'BinaryExpr') {
    for (const operand of children(node)) {
      const type = typeOf(operand, text);
      if (type === 'm' || type === 'S')
        return { start: operand.from, end: operand.to, message: `a binary operator takes scalars and instant vectors, not a ${TYPE_NAMES[type]}` };
    }
  }
  return undefined;
}
