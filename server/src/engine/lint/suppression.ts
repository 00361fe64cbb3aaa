/**
 * Suppressions: a comment `# biome-manifests-ignore <id>[, <id>] -- reason` on the line above a
 * finding or at the end of its line, and the object annotation `biome-manifests.io/ignore: "<id>,…"`.
 */
import type { ManifestDocument } from '../document/manifestDocument';
import type { Finding } from '../types';
import { isPlainObject } from '../render/annotated';
import { directiveLine } from './directiveLine';

export const IGNORE_ANNOTATION = 'biome-manifests.io/ignore';
const COMMENT = /#\s*biome-manifests-ignore\s+([^\n]*?)\s*(?:--.*)?$/;

const directiveSeen = new WeakMap<object, boolean>();

function hasDirective(doc: ManifestDocument): boolean {
  let seen = directiveSeen.get(doc.chunk);
  if (seen === undefined) directiveSeen.set(doc.chunk, (seen = doc.text.includes('biome-manifests-ignore')));
  return seen;
}

function idsIn(list: string): string[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Rule ids suppressed by comments for the finding at file line `line`. */
export function commentSuppressions(doc: ManifestDocument, line: number): string[] {
  // No directive anywhere in the document (the common case): no need to look at its AST.
  if (!hasDirective(doc)) return [];
  const local = directiveLine(doc, line - doc.startLine);
  const lines = doc.chunk.lines;
  const ids: string[] = [];
  const sameLine = lines.lineText(local);
  const hashAt = sameLine.indexOf('#');
  if (hashAt >= 0) {
    const match = COMMENT.exec(sameLine.slice(hashAt));
    if (match) ids.push(...idsIn(match[1]!));
  }
  // Walk up over comment lines directly above (a directive may sit among other comments).
  for (let above = local - 1; above >= 0; above--) {
    const text = lines.lineText(above).trim();
    if (!text.startsWith('#')) break;
    const match = COMMENT.exec(text);
    if (match) ids.push(...idsIn(match[1]!));
  }
  return ids;
}

/** Rule ids suppressed by the object's `biome-manifests.io/ignore` annotation. */
export function annotationSuppressions(value: unknown): string[] {
  if (!isPlainObject(value) || !isPlainObject(value.metadata)) return [];
  const annotations = value.metadata.annotations;
  if (!isPlainObject(annotations)) return [];
  const list = annotations[IGNORE_ANNOTATION];
  return typeof list === 'string' ? idsIn(list) : [];
}

export function isSuppressed(finding: Finding, doc: ManifestDocument, objectIgnores: readonly string[]): boolean {
  if (objectIgnores.includes(finding.code) || objectIgnores.includes('all')) return true;
  return commentSuppressions(doc, finding.range.start.line).includes(finding.code);
}
