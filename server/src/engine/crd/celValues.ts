/**
 * A custom resource's plain value as the API server hands it to a CEL rule: typed by its schema (an
 * `integer` is a CEL int, a `number` a double), with the schema's defaults filled in (the API server
 * defaults before it validates), and property names escaped as Kubernetes does (`namespace` is
 * `__namespace__`, `x-y` is `x__dash__y`). Lists and maps are converted lazily, on read, and every read
 * is charged to the budget, so the cost of a rule follows the data it walks. A `format: date-time` or `duration`
 * string is a CEL timestamp or duration, as the API server makes it.
 */
import type { CelValue } from '@bufbuild/cel';
import type { CelBudget } from './celBudget';
import { celTimeValue } from './celProgram';

type Raw = Record<string, unknown>;

function isRaw(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** CEL keywords a property name cannot be, written `__<keyword>__` in rules (k8s.io/apiserver/pkg/cel/escaping.go). */
const RESERVED = new Set('true false null in as break const continue else for function if import let loop package namespace return var void while'.split(' '));
const ESCAPABLE = /^[a-zA-Z_.\-/][a-zA-Z0-9_.\-/]*$/;

/** A property's name in CEL, or undefined when rules cannot reach it. */
export function escapePropertyName(name: string): string | undefined {
  if (RESERVED.has(name)) return `__${name}__`;
  if (!ESCAPABLE.test(name)) return undefined;
  return name.replace(/__|[.\-/]/g, (part) => ({ __: '__underscores__', '.': '__dot__', '-': '__dash__', '/': '__slash__' })[part] ?? part);
}

/** The brands @bufbuild/cel recognises its lists and maps by (`Symbol.for`, so an implementation outside it is one too). */
const LIST_BRAND = Symbol.for('@bufbuild/cel/list');
const MAP_BRAND = Symbol.for('@bufbuild/cel/map');

/** `value` (a plain YAML value) as a CEL value of the type `schema` (a raw openAPIV3Schema node) gives it. */
export function celValueOf(value: unknown, schema: unknown, budget: CelBudget): CelValue {
  const node = isRaw(schema) ? schema : {};
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return node.format === 'date-time' ? celTimeValue('date-time', value.toISOString()) : value.toISOString();
  if (typeof value === 'number') return numberOf(value, node);
  if (typeof value === 'string') return node.format === 'date-time' || node.format === 'duration' ? celTimeValue(node.format, value) : value;
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return countingList(value, node.items, budget);
  if (isRaw(value)) return isRaw(node.properties) ? objectOf(value, node, budget) : mapOf(value, node.additionalProperties, budget);
  return String(value);
}

function numberOf(value: number, node: Raw): CelValue {
  if (node.type === 'number') return value;
  // An integer field, an int-or-string, or an untyped (preserved) number that is whole: a CEL int, as the API server decodes it.
  return Number.isSafeInteger(value) ? BigInt(value) : value;
}

/** An object with `properties`: names escaped, defaults filled in. */
function objectOf(value: Raw, node: Raw, budget: CelBudget): CelValue {
  const properties = node.properties as Raw;
  const entries = new Map<string, { value: unknown; schema: unknown }>();
  for (const [name, child] of Object.entries(properties)) {
    if (name in value || !isRaw(child) || !('default' in child)) continue;
    const cel = escapePropertyName(name);
    if (cel !== undefined) entries.set(cel, { value: child.default, schema: child });
  }
  for (const [name, child] of Object.entries(value)) {
    const cel = escapePropertyName(name);
    if (cel !== undefined) entries.set(cel, { value: child, schema: properties[name] ?? node.additionalProperties });
  }
  return countingMap(entries, budget);
}

/** A map (`additionalProperties`, or an object whose fields are not listed): keys as written. */
function mapOf(value: Raw, valueSchema: unknown, budget: CelBudget): CelValue {
  return countingMap(new Map(Object.entries(value).map(([key, child]) => [key, { value: child, schema: valueSchema }])), budget);
}

function countingList(items: readonly unknown[], itemSchema: unknown, budget: CelBudget): CelValue {
  const converted = new Map<number, CelValue>();
  const at = (index: number): CelValue => {
    budget.spend(1);
    let found = converted.get(index);
    if (found === undefined) converted.set(index, (found = celValueOf(items[index], itemSchema, budget)));
    return found;
  };
  function* values(): IterableIterator<CelValue> {
    for (let i = 0; i < items.length; i++) yield at(i);
  }
  const list = {
    [LIST_BRAND]: {},
    size: items.length,
    get: (index: number) => (index >= 0 && index < items.length ? at(index) : undefined),
    values,
    [Symbol.iterator]: values,
  };
  // The CelList interface brands itself with a symbol its types do not export: this object carries it (LIST_BRAND).
  return list as unknown as CelValue;
}

function countingMap(entries: ReadonlyMap<string, { value: unknown; schema: unknown }>, budget: CelBudget): CelValue {
  const converted = new Map<string, CelValue>();
  const get = (key: unknown): CelValue | undefined => {
    budget.spend(1);
    if (typeof key !== 'string') return undefined;
    const entry = entries.get(key);
    if (!entry) return undefined;
    let found = converted.get(key);
    if (found === undefined) converted.set(key, (found = celValueOf(entry.value, entry.schema, budget)));
    return found;
  };
  function* pairs(): IterableIterator<[string, CelValue]> {
    for (const key of entries.keys()) yield [key, get(key)!];
  }
  function* keys(): IterableIterator<string> {
    for (const key of entries.keys()) {
      budget.spend(1);
      yield key;
    }
  }
  function* values(): IterableIterator<CelValue> {
    for (const [, value] of pairs()) yield value;
  }
  const map = {
    [MAP_BRAND]: {},
    size: entries.size,
    get,
    has: (key: unknown) => typeof key === 'string' && entries.has(key),
    keys,
    values,
    entries: pairs,
    [Symbol.iterator]: pairs,
    forEach(callback: (value: CelValue, key: string, map: unknown) => void) {
      for (const [key, value] of pairs()) callback(value, key, map);
    },
  };
  // As for lists: the CelMap interface's brand symbol is not exported by its types (MAP_BRAND is that symbol).
  return map as unknown as CelValue;
}
