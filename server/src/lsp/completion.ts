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

/** The document of a file that holds a file position (the later one on a shared `---` line). */
export function documentAt(file: ManifestFile, line: number): ManifestDocument | undefined {
  return documentAtLine(file.documents, line);
}

/** The schema store and identity defaults for a document: kustomization files use the kustomize API. */
export function schemaFor(doc: ManifestDocument, store: SchemaStore): { store: SchemaStore; defaults?: IdentityDefaults } {
  return doc.class.type === 'kustomization' ? { store: loadKustomizeStore(), defaults: kustomizeIdentity } : { store };
}

/** The lines of a document's text, without line terminators. */
export function documentLines(doc: ManifestDocument): string[] {
  return doc.text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

const KINDS: Record<SchemaCompletion['kind'], CompletionItemKind> = {
  field: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  kind: CompletionItemKind.Class,
  apiVersion: CompletionItemKind.Module,
  skeleton: CompletionItemKind.Snippet,
};

export function completion(file: ManifestFile, position: Position, store: SchemaStore): CompletionList {
  const doc = documentAt(file, position.line);
  if (!doc || doc.class.type === 'helm-template') return { isIncomplete: false, items: [] };
  const lines = documentLines(doc);
  const localLine = position.line - doc.startLine;
  const schema = schemaFor(doc, store);
  const { context, items } = schemaCompletions(lines, localLine, position.character, schema.store, schema.defaults);
  const lineIndex = doc.chunk.lines;
  const range = doc.range(
    lineIndex.offsetAt({ line: localLine, character: Math.min(context.prefixStart, position.character) }),
    lineIndex.offsetAt({ line: localLine, character: position.character }),
  );
  return {
    isIncomplete: false,
    items: items.map((item): CompletionItem => ({
      label: item.label,
      kind: KINDS[item.kind],
      detail: item.detail,
      documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
      sortText: item.sortText,
      textEdit: { range, newText: item.insertText },
      insertTextFormat: item.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      // Indentation in insertText is absolute (computed from the key column), so no re-indenting.
      insertTextMode: InsertTextMode.asIs,
    })),
  };
}
