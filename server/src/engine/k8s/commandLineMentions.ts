/**
 * When a workload's command line names a Secret or ConfigMap (a cert generator Job told
 * `--secret-name=web-tls`): a name counts when it stands between separators, as in
 * `(^|[=\s,:/"'])name($|[\s,"'])`. For names without separator characters (every valid
 * Kubernetes name) that is the same as the name being one of the word's mention tokens, so the
 * index can answer "who names X" from a map, and a check can depend on X alone.
 */

const OPENS = /[=\s,:/"']/;
const CLOSES = /[\s,"']/;

/** True when `text` mentions `name` between separators (any name, also one with separator characters). */
export function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[=\\s,:/"'])${escaped}($|[\\s,"'])`).test(text);
}

/** Whether `name` can be looked up by token (it holds no separator: every valid object name). */
export function isTokenName(name: string): boolean {
  return name.length > 0 && !OPENS.test(name) && !CLOSES.test(name);
}

/** The names without separators that `text` mentions (see `mentions`). */
export function mentionTokens(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && !OPENS.test(text[i - 1]!)) continue;
    let end = i;
    while (end < text.length && !OPENS.test(text[end]!) && !CLOSES.test(text[end]!)) end++;
    if (end > i && (end === text.length || CLOSES.test(text[end]!))) out.push(text.slice(i, end));
  }
  return out;
}
