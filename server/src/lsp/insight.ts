/**
 * The engine's insight providers (HPA, probes, Secrets, references, Services) as LSP results,
 * combined with the schema's completion and hover.
 */
import {
  CompletionItemKind,
  MarkupKind,
  type CodeLens,
  type CompletionItem,
  type CompletionList,
  type Hover,
  type Location,
  type Position,
} from 'vscode-languageserver/node';
import type { ManifestFile } from '../engine/document/manifestFile';
import type { WorkspaceIndex } from '../engine/workspace/workspaceIndex';
import { nodeAtOffset } from '../engine/insight/astPath';
import { insightProviders } from '../engine/insight';
import type { CursorContext, InsightProvider, InsightSettings } from '../engine/insight/types';
import type { SchemaStore } from '../engine/schema/store';
import { completion as schemaCompletion, documentAt, documentLines, resourceAt } from './completion';
import { hover as schemaHover } from './hover';

export interface InsightDeps {
  index: WorkspaceIndex;
  store: SchemaStore;
  providers?: readonly InsightProvider[];
  /** Reports a provider that threw (a bug) without failing the request. */
  onError?: (providerId: string, error: unknown) => void;
}

function cursorContext(deps: InsightDeps, file: ManifestFile, position: Position, settings: InsightSettings): CursorContext | undefined {
  // Inside a List, the item is the resource: its references, definitions and hovers are its own.
  const doc = resourceAt(file, position.line);
  if (!doc) return undefined;
  const offset = doc.localOffset(position.line, position.character);
  if (offset === undefined) return undefined;
  return { index: deps.index, file, doc, offset, at: nodeAtOffset(doc, offset), settings };
}

/** Runs `call` on every provider, skipping (and reporting) any that throws. */
function collect<T>(deps: InsightDeps, call: (p: InsightProvider) => T | undefined): T[] {
  const out: T[] = [];
  for (const provider of deps.providers ?? insightProviders) {
    try {
      const result = call(provider);
      if (result !== undefined) out.push(result);
    } catch (error) {
      deps.onError?.(provider.id, error);
    }
  }
  return out;
}

export function hoverAt(deps: InsightDeps, file: ManifestFile, position: Position, settings: InsightSettings): Hover | null {
  const ctx = cursorContext(deps, file, position, settings);
  const insights = ctx ? collect(deps, (p) => p.hover?.(ctx)) : [];
  const schema = schemaHover(file, position, deps.store);
  const parts = insights.map((h) => h.markdown);
  if (schema && typeof schema.contents === 'object' && 'value' in schema.contents) parts.push(schema.contents.value);
  if (parts.length === 0) return null;
  const range = insights[0]?.range ?? schema?.range;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, ...(range ? { range } : {}) };
}

export function completionAt(deps: InsightDeps, file: ManifestFile, position: Position, settings: InsightSettings): CompletionList {
  const list = schemaCompletion(file, position, deps.store);
  const ctx = cursorContext(deps, file, position, settings);
  if (!ctx) return list;
  const seen = new Set(list.items.map((i) => i.label));
  const extra: CompletionItem[] = [];
  for (const item of collect(deps, (p) => p.completion?.(ctx)).flat()) {
    if (seen.has(item.label)) continue;
    seen.add(item.label);
    extra.push({
      label: item.label,
      kind: CompletionItemKind.Reference,
      insertText: item.insertText ?? item.label,
      ...(item.detail ? { detail: item.detail } : {}),
      ...(item.documentation ? { documentation: { kind: MarkupKind.Markdown, value: item.documentation } } : {}),
      // References in the workspace first: they are what the user is most likely typing.
      sortText: `0_${item.label}`,
    });
  }
  return boundedCompletion({ isIncomplete: list.isIncomplete, items: [...extra, ...list.items] }, () => wordBefore(file, position));
}

/** Most completion items in one answer: a workspace of 50,000 Secrets must not send them all on each key. */
export const MAX_COMPLETION_ITEMS = 1000;

/** The word being typed (what the editor filters by), lowercased. */
function wordBefore(file: ManifestFile, position: Position): string {
  const doc = documentAt(file, position.line);
  const line = doc ? (documentLines(doc)[position.line - doc.startLine] ?? '') : '';
  return (/[^\s:,[\]{}"']*$/.exec(line.slice(0, position.character))?.[0] ?? '').toLowerCase();
}

/**
 * Over the cap, the items that contain the typed word, best first, up to the cap, marked incomplete:
 * the editor asks again as the user types, and the narrower word reaches the items left out.
 */
export function boundedCompletion(list: CompletionList, typed: () => string, limit = MAX_COMPLETION_ITEMS): CompletionList {
  if (list.items.length <= limit) return list;
  const word = typed();
  const matching = word ? list.items.filter((item) => (item.filterText ?? item.label).toLowerCase().includes(word)) : list.items;
  const key = (item: CompletionItem): string => item.sortText ?? item.label;
  const kept = matching.length <= limit ? matching : [...matching].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).slice(0, limit);
  return { isIncomplete: true, items: kept };
}

export function definitionAt(deps: InsightDeps, file: ManifestFile, position: Position, settings: InsightSettings): Location[] {
  const ctx = cursorContext(deps, file, position, settings);
  return ctx ? collect(deps, (p) => p.definition?.(ctx)).flat() : [];
}

export function referencesAt(deps: InsightDeps, file: ManifestFile, position: Position, settings: InsightSettings): Location[] {
  const ctx = cursorContext(deps, file, position, settings);
  return ctx ? collect(deps, (p) => p.references?.(ctx)).flat() : [];
}

export function codeLenses(deps: InsightDeps, file: ManifestFile): CodeLens[] {
  return collect(deps, (p) => p.codeLenses?.(file, deps.index))
    .flat()
    .map((lens) => ({
      range: lens.range,
      command: { title: lens.title, command: lens.command?.id ?? '', arguments: lens.command?.arguments ?? [] },
    }));
}
