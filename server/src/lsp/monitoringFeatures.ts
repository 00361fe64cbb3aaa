/** Completion and hover in Prometheus, rule and Alertmanager files, from the monitoring schema. */
import { CompletionItemKind, MarkupKind, type CompletionItem, type Hover, type Position } from 'vscode-languageserver';
import type { ManifestDocument } from '../engine/document/manifestDocument';
import { cursorContext } from '../engine/document/cursorPath';
import { isMonitoringFormat } from '../engine/monitoring/formats';
import { blockAt, fieldDoc, fieldsOf } from '../engine/monitoring/schemaAt';
import { documentLines } from './completion';

/** Key completions at the cursor of a monitoring document (undefined for other documents). */
export function monitoringCompletions(doc: ManifestDocument, position: Position): CompletionItem[] | undefined {
  const format = doc.class.type;
  if (!isMonitoringFormat(format)) return undefined;
  const lines = documentLines(doc);
  const localLine = position.line - doc.startLine;
  const context = cursorContext(lines, localLine, position.character);
  if (context.position !== 'key') return [];
  const block = blockAt(format, context.parentPath);
  if (!block) return [];
  const start = doc.range(
    doc.chunk.lines.offsetAt({ line: localLine, character: context.prefixStart }),
    doc.chunk.lines.offsetAt({ line: localLine, character: position.character }),
  );
  return fieldsOf(format, block)
    .filter((field) => !context.siblingKeys.includes(field))
    .map((field) => {
      const doc = fieldDoc(format, block, field)!;
      return {
        label: field,
        kind: CompletionItemKind.Property,
        detail: doc.type,
        documentation: { kind: MarkupKind.Markdown, value: doc.markdown },
        textEdit: { range: start, newText: `${field}: ` },
      };
    });
}

/** The docs of the monitoring field under the cursor, or undefined. */
export function monitoringHover(doc: ManifestDocument, position: Position): Hover | null | undefined {
  const format = doc.class.type;
  if (!isMonitoringFormat(format)) return undefined;
  const context = cursorContext(documentLines(doc), position.line - doc.startLine, position.character);
  if (context.key === undefined) return null;
  const block = blockAt(format, context.parentPath);
  const found = block ? fieldDoc(format, block, context.key) : undefined;
  return found ? { contents: { kind: MarkupKind.Markdown, value: found.markdown } } : null;
}
