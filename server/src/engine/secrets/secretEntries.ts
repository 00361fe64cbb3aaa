/** The Secrets of a YAML file and their `data` entries, read from the engine's parse of a text. */
import type { Pair } from 'yaml';
import { parseManifestFile } from '../document/manifestFile';
import type { ManifestDocument } from '../document/manifestDocument';
import { isMap, isScalar } from '../document/yamlGuards';

export interface SecretEntry {
  key: string;
  /** The value as YAML reads it (base64 text). */
  encoded: string;
  /** The entry's first line in the file (for messages). */
  line: number;
}

export interface SecretInfo {
  name: string;
  namespace: string;
  /** First and last line of the document. */
  startLine: number;
  endLine: number;
  entries: SecretEntry[];
  /** Keys whose value is not a scalar (left alone: not shown, never edited). */
  skipped: string[];
  doc: ManifestDocument;
}

function entryOf(doc: ManifestDocument, pair: Pair): SecretEntry | undefined {
  if (!isScalar(pair.key) || !isScalar(pair.value) || !pair.key.range) return undefined;
  const value = pair.value.value;
  return { key: String(pair.key.value), encoded: value === null || value === undefined ? '' : String(value), line: doc.rangeOfNode(pair.key).start.line };
}

export function secretsOf(uri: string, text: string): SecretInfo[] {
  const file = parseManifestFile(uri, text, undefined);
  const out: SecretInfo[] = [];
  for (const doc of file.documents) {
    const id = doc.identity;
    if (!id || id.kind !== 'Secret') continue;
    const entries: SecretEntry[] = [];
    const skipped: string[] = [];
    const data = doc.nodeAt(['data']);
    for (const pair of isMap(data) ? data.items : []) {
      const entry = entryOf(doc, pair);
      if (entry) entries.push(entry);
      else skipped.push(String(isScalar(pair.key) ? pair.key.value : pair.key));
    }
    const endLine = doc.startLine + Math.max(0, doc.chunk.lines.lineCount - 1);
    out.push({ name: id.name ?? '', namespace: id.namespace, startLine: doc.startLine, endLine, entries, skipped, doc });
  }
  return out;
}

/** The Secret whose document holds `line`, else the only one, else the one named `name`. */
export function secretAt(secrets: readonly SecretInfo[], where: { line?: number; name?: string; namespace?: string }): SecretInfo | undefined {
  if (where.name !== undefined) return secrets.find((s) => s.name === where.name && (where.namespace === undefined || s.namespace === where.namespace));
  const line = where.line;
  if (line !== undefined) {
    const found = secrets.find((s) => s.startLine <= line && line <= s.endLine);
    if (found) return found;
  }
  return secrets.length === 1 ? secrets[0] : undefined;
}
