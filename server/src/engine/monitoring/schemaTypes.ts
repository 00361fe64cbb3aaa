/**
 * Monitoring schemas as data: block name → field → type letter. s string (any scalar: Go's YAML decoder turns
 * numbers into strings), d duration, b bool, i integer, n number, S list of scalars, M map, A anything (not
 * checked: blocks this schema does not model, such as each service discovery's own fields), `B:x` block x,
 * `L:x` list of blocks x.
 */
export type Schema = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** Fields spread into blocks that share them. */
export function withFields(...parts: Readonly<Record<string, string>>[]): Record<string, string> {
  return Object.assign({}, ...parts) as Record<string, string>;
}

export function anyOf(names: string): Record<string, string> {
  return Object.fromEntries(names.split(' ').map((name) => [name, 'A']));
}
