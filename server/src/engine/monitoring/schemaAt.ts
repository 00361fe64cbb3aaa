/** The schema block at a path of a monitoring file, for completion (keys of the block) and hover (a field's docs). */
import type { ValuePath } from '../types';
import { blockDocsUrl, FIELD_DOCS, TYPE_NAMES } from './fieldDocs';
import type { MonitoringFormat } from './formats';
import { SCHEMAS } from './schemaCheck';

/** The block a path leads to (the map at `path`), or undefined outside the schema. */
export function blockAt(format: MonitoringFormat, path: ValuePath): string | undefined {
  const schema = SCHEMAS[format];
  let block = 'root';
  let pendingList: string | undefined;
  for (const step of path) {
    if (pendingList !== undefined) {
      if (typeof step !== 'number') return undefined;
      block = pendingList;
      pendingList = undefined;
      continue;
    }
    const type = typeof step === 'string' ? schema[block]?.[step] : undefined;
    if (!type) return undefined;
    if (type.startsWith('B:')) block = type.slice(2);
    else if (type.startsWith('L:')) pendingList = type.slice(2);
    else return undefined;
  }
  return pendingList === undefined ? block : undefined;
}

export interface FieldDoc {
  field: string;
  block: string;
  type: string;
  markdown: string;
}

/** Markdown for a field of a block: its type, its one-line description when known, and the docs link. */
export function fieldDoc(format: MonitoringFormat, block: string, field: string): FieldDoc | undefined {
  const type = SCHEMAS[format][block]?.[field];
  if (!type) return undefined;
  const typeName = type.startsWith('B:') ? type.slice(2).replace(/_/g, ' ') : type.startsWith('L:') ? `list of ${type.slice(2).replace(/_/g, ' ')}` : TYPE_NAMES[type]!;
  const description = FIELD_DOCS[field];
  const markdown = [`**${field}**: ${typeName}`, description, `[Documentation](${blockDocsUrl(format, block)})`].filter(Boolean).join('\n\n');
  return { field, block, type: typeName, markdown };
}

/** The fields of a block, for completion. */
export function fieldsOf(format: MonitoringFormat, block: string): string[] {
  return Object.keys(SCHEMAS[format][block] ?? {});
}
