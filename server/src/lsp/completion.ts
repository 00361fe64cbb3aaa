/** textDocument/completion: schema-driven keys, values, apiVersion ↔ kind and skeletons, as an LSP CompletionList. */
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
} from 'vscode-languageserver';
import type { ManifestDocument } from '../engine/document/manifestDocument';
import type { ManifestFile } from '../engine/document/manifestFile';
import { schemaCompletions, type IdentityDefaults, type SchemaCompletion } from '../engine/schema/complete';
import { kustomizeIdentity, loadKustomizeStore } from '../engine/schema/kustomize';
import type { SchemaStore } from '../engine/schema/store';
import { documentAtLine } from '../engine/document/documentAt';
import { monitoringCompletions } from './monitoringFeatures';

/** The document of a file that holds a file position (the later one on a shared `---` line). */
export function documentAt(file: ManifestFile, line: number): ManifestDocument | undefined {
  return documentAtLine(file.documents, line);
}

/** `documentAt`, or inside a List the item whose lines (see itemRegion) hold the line. */
export function resourceAt(file: ManifestFile, line: number): ManifestDocument | undefined {
  const doc = documentAt(file, line);
  const items = doc?.class.type === 'kubernetes' ? doc.items : [];
  return items.find((item) => item.startLine <= line && line - item.startLine < itemRegion(item).length) ?? doc;
}

/**
 * A List item's lines in the List's text, from its first line (its `- ` blanked) to the next item,
 * ending before a line indented less than the item: the lines being typed at the end of an item
 * belong to it, though its parsed text ends at its last value.
 */
function itemRegion(item: ManifestDocument): string[] {
  const parent = item.parent!;
  const all = documentLines(parent);
  const start = item.startLine - parent.startLine;
  const next = parent.items[parent.items.indexOf(item) + 1];
  const indent = leadingSpaces(item.text);
  const region = [' '.repeat(indent) + (all[start] ?? '').slice(indent)];
  for (let i = start + 1; i < (next ? next.startLine - parent.startLine : all.length); i++) {
    const text = all[i]!;
    if (text.trim() !== '' && !text.trimStart().startsWith('#') && leadingSpaces(text) < indent) break;
    region.push(text);
  }
  return region;
}

/** The schema store and identity defaults for a document: kustomization files use the kustomize API. */
export function schemaFor(doc: ManifestDocument, store: SchemaStore): { store: SchemaStore; defaults?: IdentityDefaults } {
  return doc.class.type === 'kustomization' ? { store: loadKustomizeStore(), defaults: kustomizeIdentity } : { store };
}

/** The lines of a document's text, without line terminators. */
export function documentLines(doc: ManifestDocument): string[] {
  return doc.text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/**
 * A document's lines as the text-based lookups read them (a document from column 0): a List item is
 * indented under `items:`, so its lines lose that indentation (`indent`, to add back to columns).
 */
export function resourceLines(doc: ManifestDocument): { lines: string[]; indent: number } {
  if (!doc.parent) return { lines: documentLines(doc), indent: 0 };
  const indent = leadingSpaces(doc.text);
  return { lines: itemRegion(doc).map((l) => l.slice(Math.min(indent, leadingSpaces(l)))), indent };
}

function leadingSpaces(text: string): number {
  let n = 0;
  while (text.charCodeAt(n) === 32) n++;
  return n;
}

const KINDS: Record<SchemaCompletion['kind'], CompletionItemKind> = {
  field: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  kind: CompletionItemKind.Class,
  apiVersion: CompletionItemKind.Module,
  skeleton: CompletionItemKind.Snippet,
};

export function completion(file: ManifestFile, position: Position, store: SchemaStore): CompletionList {
  const doc = resourceAt(file, position.line);
  if (!doc || doc.class.type === 'helm-template') return { isIncomplete: false, items: [] };
  const monitoring = monitoringCompletions(doc, position);
  if (monitoring) return { isIncomplete: false, items: monitoring };
  const { lines, indent } = resourceLines(doc);
  const localLine = position.line - doc.startLine;
  const schema = schemaFor(doc, store);
  const { context, items } = schemaCompletions(lines, localLine, Math.max(0, position.character - indent), schema.store, schema.defaults);
  // Placed through the List's text: the line may be past the item's parsed text (see itemRegion).
  const top = doc.parent ?? doc;
  const topLine = position.line - top.startLine;
  const lineIndex = top.chunk.lines;
  const range = top.range(
    lineIndex.offsetAt({ line: topLine, character: Math.min(context.prefixStart + indent, position.character) }),
    lineIndex.offsetAt({ line: topLine, character: position.character }),
  );
  // Multi-line insertions are indented from column 0 of the lines the lookup read: add the item's indentation back.
  const reindent = (text: string): string => (indent === 0 ? text : text.replace(/\n/g, `\n${' '.repeat(indent)}`));
  return {
    isIncomplete: false,
    items: items.map(
      (item): CompletionItem => ({
        label: item.label,
        kind: KINDS[item.kind],
        detail: item.detail,
        documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
        sortText: item.sortText,
        textEdit: { range, newText: reindent(item.insertText) },
        insertTextFormat: item.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        // Indentation in insertText is absolute (computed from the key column), so no re-indenting.
        insertTextMode: InsertTextMode.asIs,
      }),
    ),
  };
}
