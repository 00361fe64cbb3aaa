/**
 * Where a suppression comment for a finding on a given line belongs. A comment line inserted
 * inside a multi-line scalar (a `|` certificate, a folded or quoted string) would become part of
 * the value, so for a line inside such a scalar the directive goes above — and is read above — the
 * line where the entry owning the scalar starts.
 */
import type { Node } from 'yaml';
import type { ManifestDocument } from '../document/manifestDocument';
import { isMap, isPair, isScalar, isSeq } from '../document/yamlGuards';

/** The document-local line whose comment lines above (and end of line) hold directives for `line`. */
export function directiveLine(doc: ManifestDocument, line: number): number {
  if (line <= 0 || line >= doc.chunk.lines.lineCount) return line;
  const offset = doc.chunk.lines.lineStart(line);
  const owner = ownerStart(doc.yaml.contents, undefined, offset);
  return owner === undefined ? line : doc.chunk.lines.positionAt(owner).line;
}

function rangeOf(node: unknown): [number, number, number] | undefined {
  return (node as Node | null | undefined)?.range ?? undefined;
}

/** Start offset of the entry owning the scalar that `offset` (a line start) falls inside, if any. */
function ownerStart(node: unknown, entryStart: number | undefined, offset: number): number | undefined {
  const range = rangeOf(node);
  if (!range || range[0] >= offset || offset >= range[1]) return undefined;
  if (isScalar(node)) return entryStart ?? range[0];
  const items: unknown[] = isMap(node) || isSeq(node) ? node.items : [];
  for (const item of items) {
    if (isPair(item)) {
      const key = rangeOf(item.key);
      const start = key?.[0] ?? rangeOf(item.value)?.[0];
      const found = ownerStart(item.key, start, offset) ?? ownerStart(item.value, start, offset);
      if (found !== undefined) return found;
    } else {
      const found = ownerStart(item, undefined, offset);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
