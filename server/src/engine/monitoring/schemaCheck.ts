/** Unknown fields (with a did-you-mean) and wrong value kinds against a monitoring schema; iterative, bounded by the value. */
import type { ValuePath } from '../types';
import { ALERTMANAGER_CONFIG } from './alertmanagerSchema';
import type { MonitoringFormat } from './formats';
import { closest } from './names';
import { PROMETHEUS_CONFIG, PROMETHEUS_RULES } from './prometheusSchema';
import type { Schema } from './schemaTypes';
import { isObj } from './walk';

export interface SchemaProblem {
  path: ValuePath;
  part: 'key' | 'value';
  message: string;
  /** What to do, as a sentence. */
  advice: string;
}

export const SCHEMAS: Readonly<Record<MonitoringFormat, Schema>> = {
  'prometheus-config': PROMETHEUS_CONFIG,
  'prometheus-rules': PROMETHEUS_RULES,
  'alertmanager-config': ALERTMANAGER_CONFIG,
};

const KIND: Record<string, string> = { b: 'true or false', i: 'a whole number', n: 'a number', S: 'a list', M: 'a map of names to values', s: 'a single value (not a list or map)' };

function kindProblem(type: string, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
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
    case 's':
      return isObj(value) || Array.isArray(value) ? KIND['s'] : undefined;
    default:
      return undefined;
  }
}

function label(block: string): string {
  return block === 'root' ? 'the top level' : block.replace(/_/g, ' ');
}

export function schemaProblems(format: MonitoringFormat, root: unknown, prefix: ValuePath = []): SchemaProblem[] {
  const schema = SCHEMAS[format];
  const out: SchemaProblem[] = [];
  const stack: { block: string; value: unknown; path: ValuePath }[] = [{ block: 'root', value: root, path: prefix }];
  while (stack.length > 0) {
    const { block, value, path } = stack.pop()!;
    const fields = schema[block];
    if (!fields) continue;
    if (!isObj(value)) {
      if (value !== null && value !== undefined) out.push({ path, part: 'value', message: `${label(block)} must be a map of fields`, advice: 'Write it as field: value lines.' });
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      const type = fields[key];
      if (type === undefined) {
        const suggestion = closest(key, Object.keys(fields));
        out.push({ path: [...path, key], part: 'key', message: `unknown field ${key} in ${label(block)}`, advice: suggestion ? `Did you mean ${suggestion}?` : 'Remove it, or move it to the block it belongs to.' });
        continue;
      }
      if (type.startsWith('B:')) stack.push({ block: type.slice(2), value: child, path: [...path, key] });
      else if (type.startsWith('L:')) {
        if (child === null || child === undefined) continue;
        if (!Array.isArray(child)) out.push({ path: [...path, key], part: 'value', message: `${key} must be a list`, advice: 'Write the items as a list (- item, or [a, b]).' });
        else child.forEach((item: unknown, i) => stack.push({ block: type.slice(2), value: item, path: [...path, key, i] }));
      } else {
        const problem = kindProblem(type, child);
        if (problem) out.push({ path: [...path, key], part: 'value', message: `${key} must be ${problem}`, advice: `Change the value to ${problem}.` });
      }
    }
  }
  return out;
}
