/**
 * Monitoring schemas as data: block name → field → type. Scalars: s string (any scalar: Go's YAML decoder turns
 * numbers into strings), x secret (a string the tools hide), d Prometheus duration (`1h30m`), g Go duration
 * (`1.5m` too: Alertmanager's pushover/webhook timers), z size (`512MB`), u URL that must be absolute http(s) with a host
 * (Alertmanager's URL fields, http_sd), U URL (any URL Go parses), r RE2 regular expression, l label name, b bool,
 * i integer, n number, T time of day (HH:MM), Z time zone, `E:a|b|c` one of those words (`I:` ignoring case).
 * Collections: S list of scalars, `S:kind` list of scalars each checked as `kind` (schemaItems.ts), M map, A anything
 * (not checked), `B:x` block x, `L:x` list of blocks x, `K:x` map of names to blocks x. A trailing `!` marks a field
 * the tools require.
 */
export type Schema = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** Fields spread into blocks that share them. */
export function withFields(...parts: Readonly<Record<string, string>>[]): Record<string, string> {
  return Object.assign({}, ...parts) as Record<string, string>;
}

/** Many fields of one type, written as a space-separated list of names. */
export function allOf(type: string, names: string): Record<string, string> {
  return Object.fromEntries(names.split(' ').map((name) => [name, type]));
}

/** The type without its required mark. */
export function baseType(type: string): string {
  return type.endsWith('!') ? type.slice(0, -1) : type;
}
