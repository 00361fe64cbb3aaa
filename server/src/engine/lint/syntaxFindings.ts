/** YAML parse errors and document-level problems as findings, at exact ranges. */
import type { ManifestDocument } from '../document/manifestDocument';
import type { Finding } from '../types';
import { MAX_NESTING_DEPTH } from '../document/structureCheck';

const MESSAGES: Record<string, (raw: string) => string> = {
  DUPLICATE_KEY: (raw) => `${raw.replace(/\.$/, '')}: a later value would silently replace the earlier one. Remove or rename one of them.`,
  TAB_AS_INDENT: () => 'Tabs are not allowed as YAML indentation. Indent with spaces.',
  // Too deep for the engine's walkers (structureCheck.ts), or so deep that the parser's own stack overflowed.
  RESOURCE_EXHAUSTION: () => `This YAML is nested more than ${MAX_NESTING_DEPTH} levels deep; the document is not checked further. Flatten the nesting.`,
};

/** What go-yaml (kubectl, the API server) refuses: "control characters are not allowed". Tab, LF, CR, NEL are fine. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/;

/**
 * A Kubernetes object that lacks `apiVersion` or `kind` (it has the other and `metadata`): not
 * classified as Kubernetes, so nothing else checks it, yet kubectl refuses it outright.
 */
function incompleteIdentity(doc: ManifestDocument): Finding | undefined {
  if (doc.class.type !== 'other' || doc.chunk.errors.length > 0) return undefined;
  const value = doc.plain().value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { apiVersion, kind, metadata } = value as Record<string, unknown>;
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const missing =
    typeof kind === 'string' && apiVersion === undefined ? 'apiVersion' : typeof apiVersion === 'string' && kind === undefined ? 'kind' : undefined;
  if (!missing) return undefined;
  const present = missing === 'apiVersion' ? 'kind' : 'apiVersion';
  return {
    code: 'schema-required',
    severity: 'error',
    message: `This object has \`${present}\` and \`metadata\` but no \`${missing}\`: kubectl and the API server refuse it, and it is not checked further. Add \`${missing}:\`.`,
    uri: doc.uri,
    range: doc.rangeOfPath([present], 'key'),
  };
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

export function syntaxFindings(doc: ManifestDocument): Finding[] {
  const out: Finding[] = [];
  let exhausted = false;
  for (const error of doc.chunk.errors) {
    // One nesting error per document: the parser reports it again at every level it unwinds.
    if (error.code === 'RESOURCE_EXHAUSTION') {
      if (exhausted) continue;
      exhausted = true;
    }
    const raw = firstLine(error.message);
    const message = MESSAGES[error.code]?.(raw) ?? `YAML syntax error: ${raw}`;
    // Errors found at the end of the text (an unclosed bracket or quote) are shown on the last
    // line with content, not on an empty line after it.
    const contentEnd = doc.text.trimEnd().length;
    const start = Math.min(error.pos[0], Math.max(0, contentEnd - 1));
    const end = Math.min(Math.max(error.pos[1], start + 1), Math.max(contentEnd, start + 1));
    out.push({
      code: error.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax',
      severity: 'error',
      message,
      uri: doc.uri,
      range: doc.range(start, end),
    });
  }
  const control = doc.text.search(CONTROL_CHARACTER);
  if (control >= 0) {
    const hex = doc.text.charCodeAt(control).toString(16).toUpperCase().padStart(4, '0');
    out.push({
      code: 'yaml-syntax',
      severity: 'error',
      message: `Control character U+${hex} is not allowed in YAML: kubectl and the API server reject this file. Remove it (a file full of them is binary, or not UTF-8).`,
      uri: doc.uri,
      range: doc.range(control, control + 1),
    });
  }
  const incomplete = incompleteIdentity(doc);
  if (incomplete) out.push(incomplete);
  const plain = doc.plain();
  if (plain.error && doc.chunk.errors.length === 0) {
    out.push({
      code: 'yaml-alias-limit',
      severity: 'error',
      message: `This document expands too many aliases (${plain.error}); it is not checked further. Replace the aliases with plain values.`,
      uri: doc.uri,
      range: doc.headRange(),
    });
  }
  return out;
}

/**
 * Errors that stop further checks of a document (a duplicate key does not: the rest still reads).
 * A document over the alias bound is one finding, as its message says, not one per schema error too.
 */
export function hasSyntaxErrors(doc: ManifestDocument): boolean {
  return doc.chunk.errors.some((e) => e.code !== 'DUPLICATE_KEY') || doc.plain().error !== undefined;
}
