/** textDocument/hover: the schema description of the field under the cursor. */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { ManifestFile } from '../engine/document/manifestFile';
import { describeField } from '../engine/schema/describe';
import type { SchemaStore } from '../engine/schema/store';
import { documentAt, documentLines, schemaFor } from './completion';

export function hover(file: ManifestFile, position: Position, store: SchemaStore): Hover | null {
  const doc = documentAt(file, position.line);
  if (!doc || (doc.class.type !== 'kubernetes' && doc.class.type !== 'kustomization')) return null;
  const schema = schemaFor(doc, store);
  const found = describeField(documentLines(doc), position.line - doc.startLine, position.character, schema.store, schema.defaults);
  if (!found) return null;
  const lineIndex = doc.chunk.lines;
  const range = doc.range(
    lineIndex.offsetAt({ line: found.line, character: found.startCharacter }),
    lineIndex.offsetAt({ line: found.line, character: found.endCharacter }),
  );
  return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range };
}
