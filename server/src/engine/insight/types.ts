/**
 * Domain features at a cursor — hovers, go to definition, references, reference completion, code
 * lenses — contributed by providers (one file per topic). Pure: no LSP imports; the server maps
 * these results to LSP.
 */
import type { ManifestDocument } from '../document/manifestDocument';
import type { ManifestFile } from '../document/manifestFile';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Range } from '../types';
import type { NodeAtOffset } from './astPath';

export interface InsightSettings {
  /** Show decoded Secret values in hovers (`biomeManifests.secrets.showDecoded`). */
  showDecodedSecrets: boolean;
}

export interface CursorContext {
  index: WorkspaceIndex;
  file: ManifestFile;
  doc: ManifestDocument;
  /** Offset in the document (`doc.text`). */
  offset: number;
  at: NodeAtOffset;
  settings: InsightSettings;
}

export interface Location {
  uri: string;
  range: Range;
}

export interface InsightHover {
  /** Markdown. Manifest-derived text must be escaped (see escapeMarkdown). */
  markdown: string;
  range?: Range;
}

export interface InsightCompletion {
  label: string;
  /** Plain text to insert (defaults to the label). */
  insertText?: string;
  detail?: string;
  documentation?: string;
}

export interface InsightLens {
  range: Range;
  title: string;
  /** A client command id (`biomeManifests.*`) and its arguments; none for a plain label. */
  command?: { id: string; arguments: unknown[] };
}

export interface InsightProvider {
  readonly id: string;
  hover?(ctx: CursorContext): InsightHover | undefined;
  definition?(ctx: CursorContext): Location[];
  references?(ctx: CursorContext): Location[];
  completion?(ctx: CursorContext): InsightCompletion[];
  codeLenses?(file: ManifestFile, index: WorkspaceIndex): InsightLens[];
}

/** Escapes text for inclusion in Markdown (names and values come from user files). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/**
 * An inline code span showing `text` verbatim. Backslash escapes are literal inside code spans (CommonMark), so
 * escaping there shows `app\-secrets`; instead the fence is one backtick longer than any run in the text, padded with
 * spaces when the text starts or ends with a backtick.
 */
export function inlineCode(raw: string): string {
  // A blank line would end the paragraph, and so the span: line breaks show as spaces in a code span anyway.
  const text = raw.replace(/[\r\n]+/g, ' ');
  const longest = (text.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
