/**
 * Encode / Decode Secret Value at the cursor: the scalar of the `key: value` entry (or sequence
 * item) on the cursor's line, read as YAML reads it — quotes removed, escapes and `''` resolved,
 * a `#` inside quotes part of the value — and the edit that writes its base64 back as a scalar
 * that parses to exactly that text.
 */
import type { Node, Scalar } from 'yaml';
import { parseManifestFile } from '../document/manifestFile';
import { documentAtLine } from '../document/documentAt';
import type { ManifestDocument } from '../document/manifestDocument';
import { isMap, isPair, isScalar, isSeq } from '../document/yamlGuards';
import { plainData } from '../document/verifyEdit';
import type { TextEdit } from '../types';
import { encodeBase64 } from './base64';
import { stringScalar } from './secretSave';

export interface ValueAt {
  key: string | undefined;
  /** The value as YAML reads it. */
  value: string;
  /** Replaces the value with its base64 (undefined when that cannot be written safely). */
  encodeEdit: TextEdit | undefined;
}

/** The scalar value whose entry starts on `line` (or that spans it), with its key. */
function scalarOnLine(doc: ManifestDocument, node: unknown, key: string | undefined, line: number): { node: Scalar; key: string | undefined } | undefined {
  if (isScalar(node) && node.range) {
    const start = doc.range(node.range[0], node.range[1]);
    return start.start.line <= line && line <= start.end.line ? { node, key } : undefined;
  }
  const items: unknown[] = isMap(node) || isSeq(node) ? node.items : [];
  for (const item of items) {
    if (isPair(item)) {
      const keyNode = item.key as Node | null;
      const keyLine = keyNode?.range ? doc.range(keyNode.range[0]).start.line : -1;
      const name = isScalar(keyNode) ? String(keyNode.value) : undefined;
      if (keyLine === line && isScalar(item.value)) return { node: item.value, key: name };
      const found = scalarOnLine(doc, item.value, name, line);
      if (found) return found;
    } else {
      const found = scalarOnLine(doc, item, key, line);
      if (found) return found;
    }
  }
  return undefined;
}

export function valueAt(uri: string, text: string, line: number): ValueAt | undefined {
  const file = parseManifestFile(uri, text, undefined);
  const doc = documentAtLine(file.documents, line);
  if (!doc || doc.yaml.errors.length > 0) return undefined;
  const found = scalarOnLine(doc, doc.yaml.contents, undefined, line);
  if (!found?.node.range || found.node.value === null || typeof found.node.value === 'object') return undefined;
  const value = String(found.node.value);
  const encoded = encodeBase64(value);
  const [start, rawEnd] = found.node.range;
  let end = rawEnd;
  while (end > start && /[\r\n]/.test(doc.text[end - 1]!)) end--;
  const newText = stringScalar(encoded);
  const after = `${doc.text.slice(0, start)}${newText}${doc.text.slice(end)}`;
  // The written scalar must read back as the base64 text, and nothing else may move.
  const safe = plainData(after) !== undefined && plainData(newText)?.value === encoded;
  return { key: found.key, value, encodeEdit: safe ? { range: doc.range(start, end), newText } : undefined };
}
