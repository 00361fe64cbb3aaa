/**
 * A CRD's `pattern` on strings, run as the API server runs it: Go's regexp (RE2 syntax), unanchored
 * (`regexp.MatchString`: the pattern may match any part of the value). re2js is a port of RE2 with
 * the same syntax and limits (no lookarounds or backreferences, repeat counts up to 1000) and matches in
 * time linear in the value, so a hostile pattern such as `(a+)+$` cannot hang the server as a
 * backtracking engine (JavaScript's RegExp) would.
 */
import { RE2JS } from 're2js';

export interface StringPattern {
  /** The pattern as the CRD writes it. */
  readonly source: string;
  /** Whether Go's `regexp.MatchString(source, value)` would be true. */
  matches(value: string): boolean;
}

/** Why a pattern is not valid RE2 (Go's regexp refuses it, and so does the API server). */
export interface PatternProblem {
  readonly problem: string;
}

/** Compiled patterns by source: CRDs repeat the same few (DNS labels, durations) hundreds of times. */
const compiled = new Map<string, StringPattern | PatternProblem>();
/** Enough for every distinct pattern of a large workspace; beyond it the oldest are compiled again when asked. */
const MAX_CACHED = 2000;

export function compilePattern(source: string): StringPattern | PatternProblem {
  let found = compiled.get(source);
  if (!found) {
    found = compile(source);
    if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value!);
    compiled.set(source, found);
  }
  return found;
}

export function isPatternProblem(value: StringPattern | PatternProblem): value is PatternProblem {
  return 'problem' in value;
}

function compile(source: string): StringPattern | PatternProblem {
  try {
    const re = RE2JS.compile(source);
    return { source, matches: (value) => re.test(value) };
  } catch (error) {
    // The parser's message is Go's own ("error parsing regexp: invalid repeat count: `{1001}`").
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/** Pattern text for a message, short and in backticks. */
export function showPattern(source: string): string {
  return `\`${source.length > 80 ? `${source.slice(0, 77)}...` : source}\``;
}
