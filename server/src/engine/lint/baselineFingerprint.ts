/**
 * A finding's baseline fingerprint: rule, resource (kind/namespace/name), field path and a hash of the flagged text,
 * never a line number, so it survives unrelated edits. The CLI writes and applies baselines with it
 * (cli/baseline.ts); the language server marks or hides baselined findings with the same one (lsp/editorBaseline.ts).
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { documentAtLine } from '../document/documentAt';
import { valuePathAt } from '../document/pathAt';
import type { Finding, ValuePath } from '../types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  /** `Kind namespace/name`, or the file for a document that is not a Kubernetes object. */
  resource: string;
  path: string;
  /** For people reading the file; not part of the match. */
  file: string;
  message: string;
}

/**
 * A path that names list items by their `name` where they have one (`containers[name=web].image`): inserting
 * or reordering containers, env vars or ports keeps the fingerprints of the others.
 */
export function stablePath(root: unknown, valuePath: ValuePath): string {
  let node = root;
  let out = '';
  for (const part of valuePath) {
    const item = Array.isArray(node) && typeof part === 'number' ? (node[part] as unknown) : undefined;
    const name = item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>).name : undefined;
    if (typeof part === 'number') out += typeof name === 'string' ? `[name=${name}]` : `[${part}]`;
    else out += out === '' ? part : `.${part}`;
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[part] : undefined;
  }
  return out;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** The entry a finding would have in a baseline. `file` is the path shown to the user. */
export function baselineEntry(index: WorkspaceIndex, file: string, finding: Finding): BaselineEntry {
  const doc = documentAtLine(index.getFile(finding.uri)?.documents ?? [], finding.range.start.line);
  const id = doc?.identity;
  const resource = id ? `${id.kind} ${id.namespace}/${id.name ?? ''}` : file.split(path.sep).join('/');
  let valuePath = '';
  let text = '';
  if (doc) {
    const start = doc.localOffset(finding.range.start.line, finding.range.start.character);
    const end = doc.localOffset(finding.range.end.line, finding.range.end.character) ?? start;
    if (start !== undefined && end !== undefined) {
      text = doc.chunk.text.slice(start, end).trim();
      // Only a document that parsed has a path (a syntax error's document is read again whole).
      if (doc.chunk.errors.length === 0) valuePath = stablePath(doc.plain().value, valuePathAt(doc.yaml.contents, start));
    }
  }
  const fingerprint = hash([finding.code, resource, valuePath, hash(text)].join('\0'));
  return { fingerprint, rule: finding.code, resource, path: valuePath, file: file.split(path.sep).join('/'), message: finding.message };
}
