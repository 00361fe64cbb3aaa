/** textDocument/hover: the schema description of the field under the cursor. */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { ManifestFile } from '../engine/document/manifestFile';
import { describeField } from '../engine/schema/describe';
import type { SchemaStore } from '../engine/schema/store';
import { resourceAt, resourceLines, schemaFor } from './completion';
import { monitoringHover } from './monitoringFeatures';

export function hover(file: ManifestFile, position: Position, store: SchemaStore): Hover | null {
  const doc = resourceAt(file, position.line);
  const monitoring = doc && monitoringHover(doc, position);
  if (monitoring !== undefined) return monitoring;
  if (!doc || (doc.class.type !== 'kubernetes' && doc.class.type !== 'kustomization')) return null;
  const { lines, indent } = resourceLines(doc);
  const schema = schemaFor(doc, store);
  const found = describeField(lines, position.line - doc.startLine, position.character - indent, schema.store, schema.defaults);
  if (!found) return null;
  const top = doc.parent ?? doc;
  const line = found.line + doc.startLine - top.startLine;
  const lineIndex = top.chunk.lines;
  const range = top.range(
    lineIndex.offsetAt({ line, character: found.startCharacter + indent }),
    lineIndex.offsetAt({ line, character: found.endCharacter + indent }),
  );
  return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range };
}
