/** What the session last published per file, and whether a new publication would repeat it. */
import type { Diagnostic } from 'vscode-languageserver/node';

export interface PublishedDiagnostics {
  version: number | undefined;
  diagnostics: Diagnostic[];
  /** The diagnostics serialized, made when first compared (most publications are new versions, never compared). */
  json?: string;
}

/** True when `diagnostics` at `version` are what was last published (compared whole only for the same version). */
export function samePublication(last: PublishedDiagnostics | undefined, version: number | undefined, diagnostics: Diagnostic[]): boolean {
  if (!last || last.version !== version || last.diagnostics.length !== diagnostics.length) return false;
  last.json ??= JSON.stringify(last.diagnostics);
  return last.json === JSON.stringify(diagnostics);
}
