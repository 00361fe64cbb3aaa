/** The fields of each monitoring format whose value is a Prometheus duration: the schema's `d` fields, wherever they are. */
import type { MonitoringFormat } from './formats';
import { schemaBlocks } from './schemaWalk';
import { baseType } from './schemaTypes';
import { isObj, type At } from './walk';

export function durationFields(format: MonitoringFormat, root: unknown): At<unknown>[] {
  const out: At<unknown>[] = [];
  for (const { fields, value, path } of schemaBlocks(format, root)) {
    if (!isObj(value)) continue;
    for (const key of Object.keys(value)) {
      if (fields[key] !== undefined && baseType(fields[key]) === 'd') out.push({ value: value[key], path: [...path, key] });
    }
  }
  return out;
}
