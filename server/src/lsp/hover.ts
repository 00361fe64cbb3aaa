/** textDocument/hover: the schema description of the field under the cursor. */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { ManifestFile } from '../engine/document/manifestFile';
import { describeField } from '../engine/schema/describe';
import type { SchemaStore } from '../engine/schema/store';
import { documentLines, resourceAt } from './completion';

export function hover(file: ManifestFile, position: Position, store: SchemaStore): Hover | null {
  const doc = resourceAt(file, position.line);
  if (!doc || doc.class.type !== 'kubernetes') return null;
  // A List item is indented under `items:`; the field lookup reads a document from column 0.
  const indent = doc.parent ? leadingSpaces(doc.text) : 0;
  const lines = documentLines(doc).map((l) => l.slice(Math.min(indent, leadingSpaces(l))));
  const found = describeField(lines, position.line - doc.startLine, position.character - indent, store);
  if (!found) return null;
  const lineIndex = doc.chunk.lines;
  const range = doc.range(
    lineIndex.offsetAt({ line: found.line, character: found.startCharacter + indent }),
    lineIndex.offsetAt({ line: found.line, character: found.endCharacter + indent }),
  );
  return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range };
}

function leadingSpaces(text: string): number {
  let n = 0;
  while (text.charCodeAt(n) === 32) n++;
  return n;
}
