/**
 * Value checks by schema type, as the tools parse them: Go durations (`time.ParseDuration`), sizes
 * (`units.ParseBase2Bytes`), Alertmanager URLs (absolute http/https with a host), one-of words. Prometheus durations
 * have their own rule (valid-monitoring-duration). Each returns what the value must be, or undefined when it is fine.
 */
import { ITEM_CHECKS } from './schemaItems';
import { isObj } from './walk';

const KIND: Record<string, string> = {
  b: 'true or false',
  i: 'a whole number',
  n: 'a number',
  S: 'a list',
  M: 'a map of names to values',
  s: 'a single value (not a list or map)',
};
const SCALAR_TYPES = new Set(['s', 'x', 'U', 'r', 'l', 'd', 'g', 'z', 'u', 'T', 'Z']);

const GO_DURATION = /^[-+]?(?:0|(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/;
const SIZE = /^[-+]?(?:0|(?:(?:\d+(?:\.\d*)?|\.\d+)(?:B|[KMGTPE]i?B))+)$/;
const URL_START = /^([a-zA-Z][a-zA-Z0-9+.-]*):(?:\/\/(?:[^/?#@]*@)?([^/?#]*))?/;

/** Values are short; a longer one is judged on its kind only, never run through a pattern. */
const MAX_PATTERN_INPUT = 4096;

function goDuration(value: unknown): string | undefined {
  // Alertmanager reads these as text (time.ParseDuration), so a bare number has no unit either.
  const text = String(value);
  if (text.length > MAX_PATTERN_INPUT) return undefined;
  return GO_DURATION.test(text) ? undefined : 'a Go duration such as 30s, 1m30s or 1.5h (units ns, us, ms, s, m, h)';
}

function checked(kind: string, value: unknown): string | undefined {
  const text = String(value);
  if (text.length > MAX_PATTERN_INPUT) return undefined;
  return ITEM_CHECKS[kind]?.(text);
}

function size(value: unknown): string | undefined {
  const text = String(value);
  if (isObj(value) || Array.isArray(value) || text.length > MAX_PATTERN_INPUT) return undefined;
  return SIZE.test(text) ? undefined : 'a size with a unit such as 512KB, 10MiB or 1GB (B, KB, MB, GB, TB, KiB, MiB, GiB…)';
}

function alertmanagerUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '<secret>' || value.length > MAX_PATTERN_INPUT) return undefined;
  const match = URL_START.exec(value);
  const scheme = match?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return 'an absolute http:// or https:// URL';
  return match?.[2] ? undefined : 'a URL with a host (http://host/…)';
}

function oneOf(words: string, value: unknown): string | undefined {
  if (isObj(value) || Array.isArray(value)) return KIND['s'];
  // A template ({{ .Labels.x }}) is only known when the notification is sent.
  if (String(value).includes('{{')) return undefined;
  const allowed = words.split('|');
  return allowed.includes(String(value)) ? undefined : `one of ${allowed.filter(Boolean).join(', ')}`;
}

/** What each item of an `S:<kind>` list must be, by index (the list's own kind is checked as S). */
export function itemProblems(kind: string, list: unknown): { index: number; problem: string }[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown, index) => {
    if (item === null || isObj(item) || Array.isArray(item)) return [];
    const problem = checked(kind, item);
    return problem ? [{ index, problem }] : [];
  });
}

interface ValueProblem {
  message: string;
  advice: string;
}

const SHOWN_VALUE = new Set(['g', 'z', 'u']);

/** The problem of the value of field `key` of `type`, phrased for a diagnostic. */
export function valueMessage(key: string, type: string, value: unknown): ValueProblem | undefined {
  if ((type === 'T' || type === 'Z') && value !== null && value !== undefined && !isObj(value) && !Array.isArray(value)) {
    const reason = checked(type, value);
    return reason ? { message: `${key}: ${reason}`, advice: 'Fix the value.' } : undefined;
  }
  const must = valueProblem(type.startsWith('K:') ? 'M' : type.startsWith('S:') ? 'S' : type, value);
  if (!must) return undefined;
  const shown = SHOWN_VALUE.has(type) || type.startsWith('E:') || type.startsWith('I:') ? `, not "${String(value)}"` : '';
  return { message: `${key} must be ${must}${shown}`, advice: `Change the value to ${must}.` };
}

/** What a value of `type` must be, when it is not (null and absent values are the tools' defaults). */
function valueProblem(type: string, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (type.startsWith('E:')) return oneOf(type.slice(2), value);
  if (type.startsWith('I:')) return oneOf(type.slice(2), typeof value === 'string' ? value.toUpperCase() : value);
  if (SCALAR_TYPES.has(type) && (isObj(value) || Array.isArray(value))) return KIND['s'];
  switch (type) {
    case 'b':
      return typeof value === 'boolean' ? undefined : KIND['b'];
    case 'i':
      return Number.isInteger(value) ? undefined : KIND['i'];
    case 'n':
      return typeof value === 'number' ? undefined : KIND['n'];
    case 'S':
      return Array.isArray(value) && value.every((v) => !isObj(v) && !Array.isArray(v)) ? undefined : KIND['S'];
    case 'M':
      return isObj(value) ? undefined : KIND['M'];
    case 'g':
      return goDuration(value);
    case 'z':
      return size(value);
    case 'u':
      return alertmanagerUrl(value);
    default:
      return undefined;
  }
}
