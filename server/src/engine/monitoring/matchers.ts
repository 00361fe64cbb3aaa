/** Alertmanager matcher strings (`severity=~"warn|crit"`), parsed as Alertmanager's labels.ParseMatchers does. */
import { re2Problem } from './re2';

export interface Matcher {
  name: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

const MATCHER = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(=~|=|!=|!~)\s*([\s\S]*?)\s*$/;

/** Splits `{a="b", c=~"d,e"}` at the commas outside quotes. */
function tokens(text: string): string[] {
  const body = text.replace(/^\{/, '').replace(/\}$/, '');
  const out: string[] = [];
  let token = '';
  let quoted = false;
  let escaped = false;
  for (const c of body) {
    if (c === ',' && !quoted) {
      out.push(token);
      token = '';
      continue;
    }
    if (c === '"' && !escaped) quoted = !quoted;
    escaped = c === '\\' ? !escaped : false;
    token += c;
  }
  if (token.trim() !== '') out.push(token.trim());
  return out;
}

function unquote(raw: string): string | { error: string } {
  const quoted = raw.startsWith('"');
  const body = quoted ? raw.slice(1) : raw;
  let value = '';
  let open = quoted;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && i < body.length - 1) {
      const next = body[++i]!;
      value += next === 'n' ? '\n' : next;
    } else if (c === '"') {
      if (!open || i < body.length - 1) return { error: `the value ${raw} has an unescaped double quote: escape it as \\" or quote the whole value` };
      open = false;
    } else value += c;
  }
  return open ? { error: `the value ${raw} opens a quote it does not close: add the closing "` } : value;
}

/** The matchers of one `matchers:` item, or why Alertmanager would refuse it. */
export function parseMatchers(text: string): Matcher[] | { error: string } {
  const out: Matcher[] = [];
  for (const token of tokens(text)) {
    const match = MATCHER.exec(token);
    if (!match) return { error: `"${token.trim()}" is not a matcher: write label, operator (=, !=, =~, !~) and value, like severity="critical"` };
    const value = unquote(match[3]!);
    if (typeof value !== 'string') return value;
    const op = match[2] as Matcher['op'];
    if (op === '=~' || op === '!~') {
      const problem = re2Problem(value);
      if (problem) return { error: `the regex of ${match[1]} is not valid RE2: ${problem.message}` };
    }
    out.push({ name: match[1]!, op, value });
  }
  return out;
}

/** `name="value"` with the value quoted and escaped as Alertmanager prints it. */
export function formatMatcher(name: string, op: Matcher['op'], value: string): string {
  return `${name}${op}${JSON.stringify(value)}`;
}
