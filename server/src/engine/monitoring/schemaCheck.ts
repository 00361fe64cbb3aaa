/** Unknown fields (with a did-you-mean), missing required fields and wrong values against a monitoring schema. */
import type { ValuePath } from '../types';
import type { MonitoringFormat } from './formats';
import { integrationProblems } from './integrationRequirements';
import { closest } from './names';
import { schemaBlocks, type BlockAt } from './schemaWalk';
import { baseType } from './schemaTypes';
import { BLOCK_RULES } from './schemaItems';
import { itemProblems, valueMessage } from './schemaValues';
import { isObj } from './walk';

export interface SchemaProblem {
  path: ValuePath;
  part: 'key' | 'value';
  message: string;
  /** What to do, as a sentence. */
  advice: string;
}

/** Blocks whose schema name reads badly in a message. */
const LABELS: Readonly<Record<string, string>> = {
  root: 'the top level',
  time_of_day: 'times entry',
  time_range: 'time interval entry',
  sd_filter: 'filter',
  field_confirm: 'confirm',
};

function label(block: string): string {
  return LABELS[block] ?? block.replace(/_sd_config$/, ' SD config').replace(/_/g, ' ');
}

/** Where to report a problem of a whole map: its first key, or the map itself when it is empty. */
function mapSpot(path: ValuePath, map: Record<string, unknown>): { path: ValuePath; part: 'key' | 'value' } {
  const firstKey = Object.keys(map)[0];
  return firstKey === undefined ? { path, part: 'value' } : { path: [...path, firstKey], part: 'key' };
}

/** The required fields of each block, computed once per block (a scrape config has about 90 fields). */
const requiredCache = new WeakMap<Readonly<Record<string, string>>, string[]>();

function requiredOf(fields: Readonly<Record<string, string>>): string[] {
  let required = requiredCache.get(fields);
  if (!required) {
    required = Object.keys(fields).filter((key) => fields[key]!.endsWith('!'));
    requiredCache.set(fields, required);
  }
  return required;
}

function fieldProblems({ block, fields, path }: BlockAt, map: Record<string, unknown>, out: SchemaProblem[]): void {
  for (const [key, child] of Object.entries(map)) {
    const declared = fields[key];
    if (declared === undefined) {
      const suggestion = closest(key, Object.keys(fields));
      out.push({
        path: [...path, key],
        part: 'key',
        message: `unknown field ${key} in ${label(block)}`,
        advice: suggestion ? `Did you mean ${suggestion}?` : 'Remove it, or move it to the block it belongs to.',
      });
      continue;
    }
    const type = baseType(declared);
    if (type.startsWith('B:') || type === 'A') continue;
    if (type.startsWith('L:')) {
      if (child !== null && child !== undefined && !Array.isArray(child))
        out.push({ path: [...path, key], part: 'value', message: `${key} must be a list`, advice: 'Write the items as a list (- item, or [a, b]).' });
      continue;
    }
    const problem = valueMessage(key, type, child);
    if (problem) out.push({ path: [...path, key], part: 'value', message: `${label(block)}: ${problem.message}`, advice: problem.advice });
    else if (type.startsWith('S:')) {
      for (const { index, problem: reason } of itemProblems(type.slice(2), child))
        out.push({ path: [...path, key, index], part: 'value', message: `${label(block)}: ${key}: ${reason}`, advice: 'Fix the item.' });
    }
  }
  const missing = requiredOf(fields).filter((key) => map[key] === undefined || map[key] === null || map[key] === '');
  for (const key of missing) out.push({ ...mapSpot(path, map), message: `${label(block)} needs ${key}`, advice: `Add ${key}.` });
  for (const rule of BLOCK_RULES[block] ?? []) {
    const problem = rule(map);
    if (!problem) continue;
    const where = problem.field in map ? { path: [...path, problem.field, ...(problem.at ?? [])], part: 'value' as const } : mapSpot(path, map);
    out.push({ ...where, message: `${label(block)} ${problem.message}`, advice: problem.advice });
  }
}

export function schemaProblems(format: MonitoringFormat, root: unknown, prefix: ValuePath = []): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  for (const at of schemaBlocks(format, root, prefix)) {
    if (isObj(at.value)) fieldProblems(at, at.value, out);
    else if (at.value !== null && at.value !== undefined)
      out.push({ path: at.path, part: 'value', message: `${label(at.block)} must be a map of fields`, advice: 'Write it as field: value lines.' });
  }
  if (format === 'alertmanager-config') {
    for (const problem of integrationProblems(root))
      out.push({ ...problem, path: [...prefix, ...problem.path], part: problem.path.length > 4 ? 'key' : 'value' });
  }
  return out;
}
