/** Every block of a monitoring value that its schema reaches, with its path: iterative, bounded by the value. */
import type { ValuePath } from '../types';
import { ALERTMANAGER_CONFIG } from './alertmanagerSchema';
import type { MonitoringFormat } from './formats';
import { PROMETHEUS_CONFIG, PROMETHEUS_RULES } from './prometheusSchema';
import { baseType, type Schema } from './schemaTypes';
import { isObj } from './walk';

export const SCHEMAS: Readonly<Record<MonitoringFormat, Schema>> = {
  'prometheus-config': PROMETHEUS_CONFIG,
  'prometheus-rules': PROMETHEUS_RULES,
  'alertmanager-config': ALERTMANAGER_CONFIG,
};

export interface BlockAt {
  /** The block's name in the schema. */
  block: string;
  fields: Readonly<Record<string, string>>;
  /** What the file holds there: a map when well-formed. */
  value: unknown;
  path: ValuePath;
}

/** A collection field's child blocks; a wrong collection kind is left to the caller (it reports it). */
function childBlocks(type: string, child: unknown, path: ValuePath): { block: string; value: unknown; path: ValuePath }[] {
  const kind = type.slice(0, 2);
  const block = type.slice(2);
  if (kind === 'B:') return [{ block, value: child, path }];
  if (kind === 'L:' && Array.isArray(child)) return child.map((item: unknown, i) => ({ block, value: item, path: [...path, i] }));
  if (kind === 'K:' && isObj(child)) return Object.entries(child).map(([name, item]) => ({ block, value: item, path: [...path, name] }));
  return [];
}

export function* schemaBlocks(format: MonitoringFormat, root: unknown, prefix: ValuePath = []): Generator<BlockAt> {
  const schema = SCHEMAS[format];
  const stack: { block: string; value: unknown; path: ValuePath }[] = [{ block: 'root', value: root, path: prefix }];
  while (stack.length > 0) {
    const { block, value, path } = stack.pop()!;
    const fields = schema[block];
    if (!fields) continue;
    yield { block, fields, value, path };
    if (!isObj(value)) continue;
    for (const [key, child] of Object.entries(value)) {
      const type = fields[key];
      if (type !== undefined) stack.push(...childBlocks(baseType(type), child, [...path, key]).reverse());
    }
  }
}
