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
