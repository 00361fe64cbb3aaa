/**
 * Glob matching for exclude settings: `**`, `*`, `?`, `{a,b}` (nestable) over `/`-separated paths.
 * A repository sets `biomeManifests.exclude` even in an untrusted workspace, so a pattern is hostile
 * input: it is matched by simulating its automaton over the path (time ∝ path × pattern length),
 * never by a backtracking regular expression (`*a*a*a*a*a*a*a*a*c` stalled one for 44 s).
 */

type Token = { lit: string } | '?' | '*' | '**' | '**/';

/** Bounds on a pattern, so that even a valid one costs little: length and brace alternatives. */
export const MAX_GLOB_LENGTH = 1000;
export const MAX_GLOB_ALTERNATIVES = 256;

export type CompiledGlob = { ok: true; matches: (path: string) => boolean } | { ok: false; error: string };

/** `{a,b}c` → `ac`, `bc`; the innermost group first, so groups nest. Undefined when over the bound. */
function expandBraces(glob: string): string[] | string {
  let patterns = [glob];
  for (let round = 0; round < MAX_GLOB_LENGTH; round++) {
    const next: string[] = [];
    let expanded = false;
    for (const p of patterns) {
      const close = p.indexOf('}', p.lastIndexOf('{'));
      const open = close < 0 ? -1 : p.lastIndexOf('{', close);
      if (open < 0 || !p.includes('{')) {
        next.push(p);
        continue;
      }
      expanded = true;
      for (const alt of p.slice(open + 1, close).split(',')) next.push(p.slice(0, open) + alt + p.slice(close + 1));
      if (next.length > MAX_GLOB_ALTERNATIVES) return `more than ${MAX_GLOB_ALTERNATIVES} alternatives in braces`;
    }
    patterns = next;
    if (!expanded) return patterns;
  }
  return patterns;
}

function tokenize(glob: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      tokens.push(slashAfter ? '**/' : '**');
      i += slashAfter ? 2 : 1;
    } else if (ch === '*' || ch === '?') tokens.push(ch);
    else tokens.push({ lit: ch });
  }
  return tokens;
}

/** Marks the states reachable without reading a character (the stars may match nothing). */
function close(tokens: readonly Token[], states: Uint8Array): void {
  for (let i = 0; i < tokens.length; i++) if (states[i] && typeof tokens[i] === 'string' && tokens[i] !== '?') states[i + 1] = 1;
}

/** State i: the first i tokens matched. One pass over the path, one step of every live state per character. */
function simulate(tokens: readonly Token[], path: string): boolean {
  let states = new Uint8Array(tokens.length + 1);
  states[0] = 1;
  close(tokens, states);
  for (const ch of path) {
    const next = new Uint8Array(tokens.length + 1);
    let alive = false;
    for (let i = 0; i < tokens.length; i++) {
      if (!states[i]) continue;
      const t = tokens[i]!;
      if (t === '**' || t === '**/' || (t === '*' && ch !== '/')) next[i] = 1;
      if ((t === '?' && ch !== '/') || (t === '**/' && ch === '/') || (typeof t === 'object' && t.lit === ch)) next[i + 1] = 1;
    }
    close(tokens, next);
    for (const s of next) alive ||= s === 1;
    if (!alive) return false;
    states = next;
  }
  return states[tokens.length] === 1;
}

/** Compiles a pattern, or says why it is not one (an unclosed brace, too long, too many alternatives). */
export function compileGlob(glob: string): CompiledGlob {
  if (glob.length > MAX_GLOB_LENGTH) return { ok: false, error: `glob \`${glob.slice(0, 40)}…\` is longer than ${MAX_GLOB_LENGTH} characters` };
  let depth = 0;
  for (const ch of glob) {
    if (ch === '{') depth++;
    else if (ch === '}' && depth > 0) depth--;
  }
  if (depth > 0) return { ok: false, error: `glob \`${glob}\` has an unclosed \`{\`` };
  const alternatives = expandBraces(glob);
  if (typeof alternatives === 'string') return { ok: false, error: `glob \`${glob}\` has ${alternatives}` };
  const compiled = alternatives.map(tokenize);
  return { ok: true, matches: (path) => compiled.some((tokens) => simulate(tokens, path)) };
}

/** The configuration errors of a list of patterns (empty when every one compiles). */
export function globErrors(patterns: readonly string[]): string[] {
  return patterns.flatMap((p) => {
    const compiled = compileGlob(p.replace(/^\.\//, ''));
    return compiled.ok ? [] : [compiled.error];
  });
}

const cache = new Map<string, CompiledGlob>();

function compiledOf(pattern: string): CompiledGlob {
  let compiled = cache.get(pattern);
  if (!compiled) {
    if (cache.size > 1000) cache.clear();
    compiled = compileGlob(pattern.replace(/^\.\//, ''));
    cache.set(pattern, compiled);
  }
  return compiled;
}

/**
 * True when `relativePath` (or one of its parent folders) matches a pattern. A bare name such as
 * `node_modules` matches that folder or file at any depth. An invalid pattern matches nothing
 * (callers report it once with globErrors).
 */
export function isExcluded(relativePath: string, patterns: readonly string[]): boolean {
  const segments = relativePath.split('/');
  for (const pattern of patterns) {
    if (!pattern.includes('/') && !/[*?{]/.test(pattern)) {
      if (segments.includes(pattern)) return true;
      continue;
    }
    const compiled = compiledOf(pattern);
    if (!compiled.ok) continue;
    for (let depth = 1; depth <= segments.length; depth++) {
      if (compiled.matches(segments.slice(0, depth).join('/'))) return true;
    }
  }
  return false;
}
