/** Hover text for the field under the cursor: description, type, default, required, API reference link. */
import { cursorContext, shapeOf } from '../document/cursorPath';
import { apiLifecycle } from './apiLifecycle';
import { apiReferenceUrl } from './apiReference';
import { definitionSince, fieldSince } from './fieldVersions';
import { topLevelIdentity, type IdentityDefaults } from './complete';
import { fieldAt } from './schemaPath';
import { typeLabel, type FieldSchema, type ObjectSchema, type SchemaNode } from './schemaTypes';
import { describeCheck } from './junctors';
import { showPattern } from './patterns';
import type { KindEntry, SchemaStore } from './store';

export interface FieldDescription {
  /** Markdown. */
  markdown: string;
  /** Zero-based local line and the key's columns. */
  line: number;
  startCharacter: number;
  endCharacter: number;
}

/** The default a description states ("Defaults to 10 seconds."), if any. */
export function statedDefault(description: string | undefined): string | undefined {
  const match = /\bDefault(?:s|ed)? (?:to|is|value is)\s+(.+?)\.(?:\s|$)/.exec(description ?? '');
  return match?.[1]?.trim();
}

/** Describes the key under the cursor, or undefined off a key or outside a built-in kind. */
export function describeField(
  lines: readonly string[],
  line: number,
  character: number,
  store: SchemaStore,
  defaults?: IdentityDefaults,
): FieldDescription | undefined {
  const text = lines[line] ?? '';
  const shape = shapeOf(text);
  if (shape.key === undefined || character < shape.contentColumn || character > shape.restColumn) return undefined;
  const written = topLevelIdentity(lines);
  const { apiVersion, kind } = defaults ? defaults(written) : written;
  const entry = apiVersion && kind ? store.lookup(apiVersion, kind) : undefined;
  if (!entry) return undefined;
  const ctx = cursorContext(lines, line, shape.contentColumn + 1);
  const found = fieldAt(entry.schema, ctx.path);
  if (!found) return undefined;
  const keyEnd = text.indexOf(':', shape.contentColumn);
  return {
    markdown: fieldMarkdown(found.field, found.owner, entry),
    line,
    startCharacter: shape.contentColumn,
    endCharacter: keyEnd > 0 ? keyEnd : text.length,
  };
}

/**
 * The release a field (or, on the top-level `apiVersion`/`kind`, the kind) appeared in, when
 * after the oldest supported one; k8s.io/api's own date first for kinds.
 */
function sinceLine(field: FieldSchema, owner: ObjectSchema, entry: KindEntry): string | undefined {
  const since = fieldSince(owner.id, field.name);
  if (since) return `Since Kubernetes ${since} (\`${field.name}\` is not in earlier releases).`;
  if (owner !== entry.schema || (field.name !== 'kind' && field.name !== 'apiVersion')) return undefined;
  const kindSince = apiLifecycle(entry.apiVersion, entry.kind)?.introduced ?? definitionSince(entry.schema.id);
  return kindSince ? `${entry.kind} ${entry.apiVersion}: since Kubernetes ${kindSince}.` : undefined;
}

/** "… requires the HPAConfigurableTolerance feature gate …" → `HPAConfigurableTolerance`. */
export function featureGateOf(description: string | undefined): string | undefined {
  return /\b([A-Z][A-Za-z0-9]+) feature gate\b/.exec(description ?? '')?.[1] ?? /\bfeature gate\s+`?([A-Z][A-Za-z0-9]+)/.exec(description ?? '')?.[1];
}

/** What a CRD states beyond the type that the hover would otherwise hide: its `pattern` and logical junctors. */
function constraintLines(type: SchemaNode): string[] {
  const lines: string[] = [];
  if ('pattern' in type && type.pattern) lines.push(`Must match the pattern ${showPattern(type.pattern.source)} (RE2).`);
  if (type.kind !== 'union' && type.junctors) {
    const text = describeCheck({ junctors: type.junctors });
    lines.push(`Must satisfy: ${text.length > 300 ? `${text.slice(0, 299)}…` : text}.`);
  }
  return lines;
}

function fieldMarkdown(field: FieldSchema, owner: ObjectSchema, entry: KindEntry): string {
  const parts = [`**${field.name}** \`${typeLabel(field.type)}\` — ${field.required ? 'required' : 'optional'}, in ${owner.name}`];
  const description = field.description ?? (field.type.kind === 'object' ? field.type.description : undefined);
  if (description) parts.push(description);
  const fallback = field.type.kind !== 'object' && 'description' in field.type ? field.type.description : undefined;
  const stated = statedDefault(field.description ?? fallback);
  if (stated) parts.push(`Default: ${stated}`);
  const since = sinceLine(field, owner, entry);
  if (since) parts.push(since);
  const gate = featureGateOf(description);
  if (gate) parts.push(`Feature gate: \`${gate}\``);
  parts.push(...constraintLines(field.type));
  // The API reference page of a built-in kind, or where a custom resource's schema came from.
  const kindLabel = `${entry.kind} (${entry.apiVersion})`;
  const reference = entry.source ?? apiReferenceUrl(entry.apiVersion, entry.kind);
  if (reference.startsWith('https://')) parts.push(`[${kindLabel} API reference](${reference})`);
  else if (reference.startsWith('file:')) parts.push(`${kindLabel}: schema from [${reference.slice(reference.lastIndexOf('/') + 1)}](${reference})`);
  else parts.push(`${kindLabel}: schema from ${reference}`);
  return parts.join('\n\n');
}
