/** The schema block at a path of a monitoring file, for completion (keys of the block) and hover (a field's docs). */
import type { ValuePath } from '../types';
import { blockDocsUrl, fieldDescription, TYPE_NAMES } from './fieldDocs';
import type { MonitoringFormat } from './formats';
import { SCHEMAS } from './schemaWalk';
import { baseType } from './schemaTypes';

/** The block a path leads to (the map at `path`), or undefined outside the schema. */
export function blockAt(format: MonitoringFormat, path: ValuePath): string | undefined {
  const schema = SCHEMAS[format];
  let block = 'root';
  let pending: { block: string; step: 'number' | 'string' } | undefined;
  for (const step of path) {
    if (pending !== undefined) {
      if (typeof step !== pending.step) return undefined;
      block = pending.block;
      pending = undefined;
      continue;
    }
    const declared = typeof step === 'string' ? schema[block]?.[step] : undefined;
    if (!declared) return undefined;
    const type = baseType(declared);
    if (type.startsWith('B:')) block = type.slice(2);
    else if (type.startsWith('L:')) pending = { block: type.slice(2), step: 'number' };
    else if (type.startsWith('K:')) pending = { block: type.slice(2), step: 'string' };
    else return undefined;
  }
  return pending === undefined ? block : undefined;
}

export interface FieldDoc {
  field: string;
  block: string;
  type: string;
  markdown: string;
}

function typeName(type: string): string {
  const block = type.slice(2).replace(/_/g, ' ');
  if (type.startsWith('B:')) return block;
  if (type.startsWith('L:')) return `list of ${block}`;
  if (type.startsWith('K:')) return `map of names to ${block}`;
  if (type.startsWith('S:')) return TYPE_NAMES[type] ?? 'list of strings';
  if (type.startsWith('E:') || type.startsWith('I:')) return `one of ${type.slice(2).split('|').filter(Boolean).join(', ')}`;
  return TYPE_NAMES[type] ?? 'value';
}

/** Markdown for a field of a block: its type, its one-line description when known, and the docs link. */
export function fieldDoc(format: MonitoringFormat, block: string, field: string): FieldDoc | undefined {
  const declared = SCHEMAS[format][block]?.[field];
  if (!declared) return undefined;
  const name = `${typeName(baseType(declared))}${declared.endsWith('!') ? ', required' : ''}`;
  const description = fieldDescription(format, block, field);
  const markdown = [`**${field}**: ${name}`, description, `[Documentation](${blockDocsUrl(format, block)})`].filter(Boolean).join('\n\n');
  return { field, block, type: name, markdown };
}

/** The fields of a block, for completion. */
export function fieldsOf(format: MonitoringFormat, block: string): string[] {
  return Object.keys(SCHEMAS[format][block] ?? {});
}
