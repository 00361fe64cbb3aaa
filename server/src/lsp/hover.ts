/** textDocument/hover: the schema description of the field under the cursor. */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { ManifestFile } from '../engine/document/manifestFile';
import { describeField } from '../engine/schema/describe';
import type { SchemaStore } from '../engine/schema/store';
import { documentAt, documentLines } from './completion';
import { monitoringHover } from './monitoringFeatures';

export function hover(file: ManifestFile, position: Position, store: SchemaStore): Hover | null {
  const doc = documentAt(file, position.line);
  const monitoring = doc && monitoringHover(doc, position);
  if (monitoring !== undefined) return monitoring;
  if (!doc || doc.class.type !== 'kubernetes') return null;
  const found = describeField(documentLines(doc), position.line - doc.startLine, position.character, store);
  if (!found) return null;
  const lineIndex = doc.chunk.lines;
  const range = doc.range(
    lineIndex.offsetAt({ line: found.line, character: found.startCharacter }),
    lineIndex.offsetAt({ line: found.line, character: found.endCharacter }),
  );
  return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range };
}
