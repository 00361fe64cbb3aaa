/**
 * CEL for `x-kubernetes-validations`: compiling a rule once and evaluating it with a cost budget, on
 * @bufbuild/cel (the parser and evaluator) with re2js for `matches` (linear time: a CRD's
 * regular expression cannot backtrack for minutes as a JavaScript RegExp can).
 *
 * Kubernetes' own libraries are added on top of the standard and strings ones: lists (celKubernetesLists.ts),
 * quantity (celQuantity.ts), IP and CIDR with `string()` (celNetwork.ts), URL (celUrl.ts), semver (celSemver.ts),
 * format (celFormat.ts, with the optional values it returns: celOptional.ts) and regex `find`/`findAll` (celRegex.ts).
 * What is still missing (`authorizer`, `jsonpatch`, …) makes a rule "unsupported": skipped, never reported as wrong.
 * So are rules in the optional syntax (`self.?x`) the parser lacks, a library call on a value these files are not
 * sure of (an error), and `==` with an optional value.
 */
import type * as CelLibrary from '@bufbuild/cel';
import type { CelEnv, CelResult, CelValue } from '@bufbuild/cel';
import type * as CelExtensions from '@bufbuild/cel/ext';
import type * as Re2Library from 're2js';
import { CelBudget } from './celBudget';
import { kubernetesFormatFunctions } from './celFormat';
import { kubernetesListFunctions } from './celKubernetesLists';
import { kubernetesNetworkFunctions } from './celNetwork';
import { comparisonMethods } from './celOpaque';
import { celOptionalFunctions, isOptional } from './celOptional';
import { compareQuantities, kubernetesQuantityFunctions } from './celQuantity';
import { kubernetesRegexFunctions } from './celRegex';
import { compareSemvers, kubernetesSemverFunctions } from './celSemver';
import { kubernetesUrlFunctions } from './celUrl';

/** What compiling a rule gave: a program, or why the rule cannot be run here. */
export type CompiledCel =
  | { readonly type: 'ready'; readonly run: (self: unknown) => CelResult }
  /** `oldSelf`: a transition rule compares with the stored object, which an editor does not have. */
  | { readonly type: 'transition' }
  /** Valid for the API server, but uses what this evaluator lacks (a function, the optional syntax). */
  | { readonly type: 'unsupported'; readonly reason: string }
  /** The API server would refuse the CRD: the text is not CEL. */
  | { readonly type: 'invalid'; readonly problem: string };

/** A parsed expression (the protobuf message of cel-spec, through the parser's own type). */
type Expr = NonNullable<ReturnType<typeof CelLibrary.parse>['expr']>;

/** Every function call and every element read costs 1; the budget in force while a program runs. */
const meter = { budget: CelBudget.unlimited() };

interface CelRuntime {
  readonly cel: typeof CelLibrary;
  /** The environment: standard library, strings extension, Kubernetes' list functions, RE2 `matches`; every call is counted. */
  readonly environment: CelEnv;
}

let loaded: CelRuntime | undefined;

/**
 * The evaluator, loaded on the first rule: its modules take ≈100 ms to initialise (protobuf descriptors), which a
 * workspace without CEL rules, and the server's start, never pay. (A `require` in a function is what esbuild keeps lazy.)
 */
function runtime(): CelRuntime {
  if (!loaded) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const cel = require('@bufbuild/cel') as typeof CelLibrary;
    const { strings } = require('@bufbuild/cel/ext') as typeof CelExtensions;
    const { RE2JS } = require('re2js') as typeof Re2Library;
    /* eslint-enable @typescript-eslint/no-require-imports */
    const libraries = [
      kubernetesListFunctions,
      kubernetesQuantityFunctions,
      kubernetesNetworkFunctions,
      kubernetesUrlFunctions,
      kubernetesSemverFunctions,
      kubernetesFormatFunctions,
      celOptionalFunctions,
      kubernetesRegexFunctions,
    ];
    const kubernetes = libraries.flatMap((library) => library(cel));
    const funcs = [...strings, ...kubernetes, ...comparisonMethods(cel, { Quantity: compareQuantities, Semver: compareSemvers })];
    const base = cel.celEnv({ funcs, re2: { compile: (pattern) => RE2JS.compile(pattern) } });
    loaded = { cel, environment: countingEnvironment(base) };
  }
  return loaded;
}

function countingEnvironment(base: CelEnv): CelEnv {
  const funcs = base.funcs;
  const counting: typeof funcs = Object.create(funcs) as typeof funcs;
  counting.find = (name: string) => {
    const group = funcs.find(name);
    if (!group) return undefined;
    const counted: typeof group = Object.create(group) as typeof group;
    counted.call = (id, target, args) => {
      meter.budget.spend(1);
      if (EQUALITY.has(name) && args.some(isOptional)) throw new Error('comparing optional values is not evaluated by this checker');
      return group.call(id, target, args);
    };
    return counted;
  };
  // plan() reads `funcs`, `registry` and `namespace`; the rest of the environment is inherited as is.
  return Object.create(base, { funcs: { value: counting } }) as CelEnv;
}

/** The equality functions, which an optional value may not reach (celOptional.ts). */
const EQUALITY = new Set(['_==_', '_!=_']);

const MAX_RULE_LENGTH = 20_000;

/** The optional syntax (`.?field`, `[?index]`, `optional.of`) is Kubernetes CEL that this parser rejects. */
const OPTIONAL_SYNTAX = /\.\?|\[\?|\boptional\.|\.orValue\(|\.hasValue\(/;

/** Compiles one rule (or messageExpression), once per schema: see celRules.ts. */
export function compileCel(text: string): CompiledCel {
  // Parsing takes ≈ 0.3 ms per 1,000 characters; real rules are a few hundred. Longer ones are left alone.
  if (text.length > MAX_RULE_LENGTH) return { type: 'unsupported', reason: `it is longer than ${MAX_RULE_LENGTH.toLocaleString('en')} characters` };
  const { cel, environment } = runtime();
  let expr: Expr | undefined;
  try {
    expr = cel.parse(text).expr;
  } catch (error) {
    if (OPTIONAL_SYNTAX.test(text)) return { type: 'unsupported', reason: 'it uses the optional syntax (`.?`)' };
    // The parser recurses: a rule nested thousands of levels overflows it (the API server refuses such a rule too).
    if (error instanceof RangeError) return { type: 'invalid', problem: 'it is nested too deeply' };
    return { type: 'invalid', problem: error instanceof Error ? error.message.replace(/^<input>:/, 'at ') : String(error) };
  }
  if (!expr) return { type: 'invalid', problem: 'the rule is empty' };
  const used = namesIn(expr);
  if (used.idents.has('oldSelf')) return { type: 'transition' };
  const known = (name: string) => environment.funcs.find(name) !== undefined || SPECIAL_CALLS.has(name);
  // `ip.isCanonical(x)` parses as the method `isCanonical` on `ip`: the planner tries the qualified name first.
  const missing = [...used.functions].find((name) => !known(name) && !used.qualified.get(name)?.some(known));
  if (missing !== undefined) return { type: 'unsupported', reason: `it calls \`${missing}\`, a Kubernetes CEL function this evaluator does not have` };
  try {
    const program = cel.plan(environment, expr);
    return { type: 'ready', run: (self) => program({ self: self as CelValue }) };
  } catch (error) {
    // The planner refuses what it cannot run (it recurses too): the evaluator's limit, not the rule's fault.
    return { type: 'unsupported', reason: `the evaluator cannot plan it (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** Calls the planner handles itself (never looked up among the functions). */
const SPECIAL_CALLS = new Set(['_&&_', '_||_', '_?_:_', '_[_]', '_[?_]', '_?._', '@not_strictly_false', '__not_strictly_false__']);

interface NamesUsed {
  readonly idents: Set<string>;
  readonly functions: Set<string>;
  /** For a call on an identifier (`ip.isCanonical`), the qualified names it may mean, by function name. */
  readonly qualified: Map<string, string[]>;
}

/** The identifiers and functions an expression uses (iteratively: a rule nested deeply does not overflow the stack). */
function namesIn(root: Expr): NamesUsed {
  const used: NamesUsed = { idents: new Set(), functions: new Set(), qualified: new Map() };
  const stack: (Expr | undefined)[] = [root];
  while (stack.length > 0) {
    const expr = stack.pop();
    const kind = expr?.exprKind;
    switch (kind?.case) {
      case 'identExpr':
        used.idents.add(kind.value.name);
        break;
      case 'selectExpr':
        stack.push(kind.value.operand);
        break;
      case 'callExpr':
        used.functions.add(kind.value.function);
        if (kind.value.target?.exprKind.case === 'identExpr') {
          const name = `${kind.value.target.exprKind.value.name}.${kind.value.function}`;
          used.qualified.set(kind.value.function, [...(used.qualified.get(kind.value.function) ?? []), name]);
        }
        stack.push(kind.value.target, ...kind.value.args);
        break;
      case 'listExpr':
        stack.push(...kind.value.elements);
        break;
      case 'structExpr':
        for (const entry of kind.value.entries) stack.push(entry.keyKind.case === 'mapKey' ? entry.keyKind.value : undefined, entry.value);
        break;
      case 'comprehensionExpr':
        stack.push(kind.value.iterRange, kind.value.accuInit, kind.value.loopCondition, kind.value.loopStep, kind.value.result);
        break;
      default:
        break;
    }
  }
  return used;
}

/** The outcome of one evaluation. */
export type CelOutcome =
  | { readonly type: 'value'; readonly value: CelValue }
  | { readonly type: 'error'; readonly message: string }
  | { readonly type: 'cut-off' };

/** Runs a compiled rule against `self` (a value from celValues.ts, which charges `budget` for every element read). */
export function runCel(run: (self: unknown) => CelResult, self: unknown, budget: CelBudget): CelOutcome {
  const outer = meter.budget;
  meter.budget = budget;
  try {
    const result = run(self);
    if (budget.exceeded) return { type: 'cut-off' };
    return runtime().cel.isCelError(result) ? { type: 'error', message: result.message } : { type: 'value', value: result };
  } catch (error) {
    // The budget throws to stop a runaway evaluation; the planner normally turns it into an error value.
    if (budget.exceeded) return { type: 'cut-off' };
    return { type: 'error', message: error instanceof Error ? error.message : String(error) };
  } finally {
    meter.budget = outer;
  }
}

const timeConversions = new Map<'date-time' | 'duration', (text: string) => CelResult>();

/**
 * A string of a `format: date-time` or `format: duration` field as the API server hands it to a rule: a CEL timestamp
 * or duration (so `self.end > self.start` compares times, not text). CEL's own `timestamp()`/`duration()` read it;
 * a value in a form they do not take (the API server's formats accept a few more) stays the string it was.
 */
export function celTimeValue(format: 'date-time' | 'duration', text: string): CelValue {
  const { cel, environment } = runtime();
  let convert = timeConversions.get(format);
  if (!convert) {
    const program = cel.plan(environment, cel.parse(format === 'date-time' ? 'timestamp(text)' : 'duration(text)').expr);
    timeConversions.set(format, (convert = (value) => program({ text: value })));
  }
  const result = convert(text);
  return cel.isCelError(result) ? text : result;
}
