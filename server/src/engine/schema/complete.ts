/** Schema-driven completion candidates at a cursor: keys, enum values, apiVersion ↔ kind, skeletons. */
import { cursorContext, type CursorContext } from '../document/cursorPath';
import { asObject, schemaAt } from './schemaPath';
import { typeLabel, type FieldSchema, type SchemaNode } from './schemaTypes';
import { manifestSnippets } from './manifestSnippets';
import { SKELETONS } from './skeletons';
import type { SchemaStore } from './store';

export interface SchemaCompletion {
  label: string;
  kind: 'field' | 'value' | 'kind' | 'apiVersion' | 'skeleton';
  /** Text replacing the typed prefix; LSP snippet syntax when `snippet`. */
  insertText: string;
  snippet: boolean;
  detail: string | undefined;
  documentation: string | undefined;
  /** Orders required fields before optional ones. */
  sortText: string;
}

export interface CompletionResult {
  context: CursorContext;
  items: SchemaCompletion[];
}

/** Reads `apiVersion:`/`kind:` from the document's top-level lines (works while other lines are broken). */
export function topLevelIdentity(lines: readonly string[]): { apiVersion?: string; kind?: string } {
  const found: { apiVersion?: string; kind?: string } = {};
  for (const line of lines) {
    const match = /^(apiVersion|kind):[ \t]*["']?([^\s"'#]+)/.exec(line);
    if (match) found[match[1] as 'apiVersion' | 'kind'] = match[2]!;
  }
  return found;
}

/** Fills in what a document's text leaves out (kustomize defaults a kustomization's apiVersion and kind). */
export type IdentityDefaults = (found: { apiVersion?: string; kind?: string }) => { apiVersion?: string; kind?: string };

/** Completion candidates for a document's `lines` at a zero-based local line/character. */
export function schemaCompletions(
  lines: readonly string[],
  line: number,
  character: number,
  store: SchemaStore,
  defaults?: IdentityDefaults,
): CompletionResult {
  const context = cursorContext(lines, line, character);
  const found = topLevelIdentity(lines);
  const identity = defaults ? defaults(found) : found;
  const items = context.position === 'value' ? valueCompletions(context, identity, store) : keyCompletions(context, identity, store);
  return { context, items };
}

function valueCompletions(ctx: CursorContext, id: { apiVersion?: string; kind?: string }, store: SchemaStore): SchemaCompletion[] {
  if (ctx.path.length === 1 && ctx.key === 'apiVersion') {
    const versions = id.kind && store.apiVersionsOf(id.kind).length > 0 ? store.apiVersionsOf(id.kind) : store.allApiVersions();
    return versions.map((v, i) => value(v, 'apiVersion', id.kind ? `serves ${id.kind}` : undefined, i));
  }
  if (ctx.path.length === 1 && ctx.key === 'kind') {
    const kinds = id.apiVersion && store.kindsOf(id.apiVersion).length > 0 ? store.kindsOf(id.apiVersion) : store.allKinds();
    return kinds.filter((k) => !k.endsWith('List')).map((k, i) => value(k, 'kind', id.apiVersion, i));
  }
  const entry = id.apiVersion && id.kind ? store.lookup(id.apiVersion, id.kind) : undefined;
  const node = entry ? schemaAt(entry.schema, ctx.path) : undefined;
  if (!node) return [];
  if (node.kind === 'boolean') return ['true', 'false'].map((v, i) => value(v, 'value', 'boolean', i));
  if ('enum' in node && node.enum) return node.enum.filter((v) => v !== '').map((v, i) => value(v, 'value', ctx.key, i));
  return [];
}

function value(label: string, kind: SchemaCompletion['kind'], detail: string | undefined, index: number): SchemaCompletion {
  const sortText = String(index).padStart(4, '0');
  return { label, kind, insertText: label, snippet: false, detail, documentation: undefined, sortText };
}

function keyCompletions(ctx: CursorContext, id: { apiVersion?: string; kind?: string }, store: SchemaStore): SchemaCompletion[] {
  const entry = id.apiVersion && id.kind ? store.lookup(id.apiVersion, id.kind) : undefined;
  const topLevel = ctx.parentPath.length === 0;
  if (!entry) {
    if (!topLevel) return [];
    const basics = ['apiVersion', 'kind', 'metadata']
      .filter((k) => !ctx.siblingKeys.includes(k))
      .map((k, i) => ({ ...value(k, 'field', undefined, i), insertText: k === 'metadata' ? `metadata:\n  name: ` : `${k}: `, sortText: `1${i}` }));
    return documentStart(ctx) ? [...skeletonCompletions(), ...snippetCompletions(), ...basics] : basics;
  }
  const node = schemaAt(entry.schema, ctx.parentPath);
  const owner = asObject(node);
  const present = new Set(ctx.siblingKeys);
  if (!owner) return node?.kind === 'map' && node.values.kind === 'quantity' ? resourceNameCompletions(ctx, present) : [];
  const out: SchemaCompletion[] = [];
  for (const field of owner.properties.values()) {
    if (present.has(field.name) || (topLevel && field.name === 'status')) continue;
    out.push(fieldCompletion(field, ctx.keyColumn));
  }
  return out;
}

/** The resource names users put in `requests`/`limits` (a ResourceList: a map of quantities, no fields to offer). */
const RESOURCE_NAMES: readonly (readonly [string, string])[] = [
  ['cpu', 'CPU in cores: `500m` is half a core'],
  ['memory', 'memory in bytes: `256Mi`, `1Gi`'],
  ['ephemeral-storage', 'local ephemeral storage in bytes: `1Gi`'],
];

function resourceNameCompletions(ctx: CursorContext, present: ReadonlySet<string>): SchemaCompletion[] {
  const last = ctx.parentPath[ctx.parentPath.length - 1];
  if (last !== 'requests' && last !== 'limits') return [];
  return RESOURCE_NAMES.filter(([name]) => !present.has(name)).map(([name, doc], i) => ({
    ...value(name, 'field', 'quantity', i),
    insertText: `${name}: `,
    documentation: `Resource ${name}: ${doc}.`,
  }));
}

function fieldCompletion(field: FieldSchema, keyColumn: number): SchemaCompletion {
  return {
    label: field.name,
    kind: 'field',
    insertText: keyInsertText(field.name, field.type, keyColumn),
    snippet: false,
    detail: `${typeLabel(field.type)}${field.required ? ' (required)' : ''}`,
    documentation: field.description,
    sortText: `${field.required ? '0' : '1'}${field.name}`,
  };
}

/** `key: ` for scalars; a new indented line for objects, and a `- ` item for lists. */
export function keyInsertText(name: string, type: SchemaNode, keyColumn: number): string {
  const child = ' '.repeat(keyColumn + 2);
  const node = type.kind === 'union' ? (type.options[0] ?? type) : type;
  if (node.kind === 'object' || node.kind === 'map') return `${name}:\n${child}`;
  if (node.kind === 'array') return `${name}:\n${child}- `;
  return `${name}: `;
}

/**
 * Where a whole manifest can be inserted: a key at column 0 of a document that has neither `apiVersion` nor `kind`
 * yet (an empty document, or its top level before them). Nested keys and values never get whole manifests.
 */
function documentStart(ctx: CursorContext): boolean {
  const identified = ctx.siblingKeys.includes('apiVersion') || ctx.siblingKeys.includes('kind');
  return ctx.parentPath.length === 0 && ctx.keyColumn === 0 && !ctx.startsItem && !identified;
}

function snippetCompletions(): SchemaCompletion[] {
  return manifestSnippets().map((s, i) => ({
    label: s.prefix,
    kind: 'skeleton',
    insertText: s.body,
    snippet: true,
    detail: s.name,
    documentation: s.description,
    sortText: `0s${String(i).padStart(4, '0')}`,
  }));
}

function skeletonCompletions(): SchemaCompletion[] {
  return SKELETONS.map((s, i) => ({
    label: `${s.kind} (${s.apiVersion})`,
    kind: 'skeleton',
    insertText: s.body,
    snippet: true,
    detail: `New ${s.kind} with its required fields`,
    documentation: undefined,
    sortText: `0${String(i).padStart(4, '0')}`,
  }));
}
