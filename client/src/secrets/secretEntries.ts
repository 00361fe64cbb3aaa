/**
 * The Secrets of a YAML file and the exact source ranges of their `data` values, read with the
 * engine's parser from the editor's current text. Pure (no vscode): the Decode Secret view and its
 * unit tests share it.
 */
import { isMap, isScalar, Scalar } from 'yaml';
import { parseManifestFile } from '../../../server/src/engine/document/manifestFile';
import type { Position, Range } from '../../../server/src/engine/types';

export interface SecretEntry {
  key: string;
  /** The value as YAML reads it (base64 text). */
  encoded: string;
  /** The value's node, quotes included. */
  valueRange: Range;
  quote: '' | '"' | "'";
  /** The entry's first line and indentation. */
  line: number;
  indent: number;
  /** True when the entry (key and value) is on one line: only then can it be removed by line. */
  singleLine: boolean;
  /** End of the entry's last line (after any trailing comment). */
  lineEnd: Position;
}

export interface SecretInfo {
  name: string;
  namespace: string;
  /** Position of the document in the file. */
  docIndex: number;
  /** First and last line of the document. */
  startLine: number;
  endLine: number;
  /** Line of `kind:` (where the code lens goes). */
  headLine: number;
  entries: SecretEntry[];
}

function quoteOf(node: Scalar): SecretEntry['quote'] {
  if (node.type === Scalar.QUOTE_DOUBLE) return '"';
  if (node.type === Scalar.QUOTE_SINGLE) return "'";
  return '';
}

export function secretsOf(uri: string, text: string): SecretInfo[] {
  const file = parseManifestFile(uri, text, undefined);
  const out: SecretInfo[] = [];
  for (const doc of file.documents) {
    const id = doc.identity;
    if (!id || id.kind !== 'Secret') continue;
    const entries: SecretEntry[] = [];
    const data = doc.nodeAt(['data']);
    for (const pair of isMap(data) ? data.items : []) {
      if (!isScalar(pair.key) || !isScalar(pair.value) || !pair.key.range || !pair.value.range) continue;
      const valueRange = doc.rangeOfNode(pair.value);
      const keyRange = doc.rangeOfNode(pair.key);
      const endLine = valueRange.end.line;
      entries.push({
        key: String(pair.key.value),
        encoded: pair.value.value === null || pair.value.value === undefined ? '' : String(pair.value.value),
        valueRange,
        quote: quoteOf(pair.value),
        line: keyRange.start.line,
        indent: keyRange.start.character,
        singleLine: keyRange.start.line === endLine,
        lineEnd: { line: endLine, character: file.lines.lineText(endLine).replace(/\r$/, '').length },
      });
    }
    const endLine = doc.startLine + Math.max(0, doc.chunk.lines.lineCount - 1);
    out.push({ name: id.name ?? '', namespace: id.namespace, docIndex: doc.index, startLine: doc.startLine, endLine, headLine: doc.headRange().start.line, entries });
  }
  return out;
}

/** The Secret whose document holds `line`, else the only one, else the one named `name`. */
export function secretAt(secrets: readonly SecretInfo[], where: { line?: number; name?: string; namespace?: string }): SecretInfo | undefined {
  if (where.name !== undefined) return secrets.find((s) => s.name === where.name && (where.namespace === undefined || s.namespace === where.namespace));
  if (where.line !== undefined) {
    const found = secrets.find((s) => s.startLine <= where.line! && where.line! <= s.endLine);
    if (found) return found;
  }
  return secrets.length === 1 ? secrets[0] : undefined;
}
