/**
 * Drops a publication of diagnostics that repeats the last one for the same file. The server publishes a file's
 * diagnostics for every version it checks; after a keystroke in a large file they are most often the same
 * (509 diagnostics, 328 KiB, for the 1,441-document file of the e2e test). Forwarded, the workbench replaces every
 * marker and its decoration anyway: work on its UI thread for nothing (issue #15 item 10). Pure, for unit tests.
 */
import type * as vscode from 'vscode';

/** What the language client hands the middleware: vscode.Diagnostic, plus the server's `data` it keeps. */
type ClientDiagnostic = vscode.Diagnostic & { data?: unknown };

function samePosition(a: vscode.Position, b: vscode.Position): boolean {
  return a.line === b.line && a.character === b.character;
}

function sameRange(a: vscode.Range, b: vscode.Range): boolean {
  return samePosition(a.start, b.start) && samePosition(a.end, b.end);
}

function codeText(code: vscode.Diagnostic['code']): string {
  if (code === undefined || typeof code !== 'object') return String(code);
  return `${String(code.value)} ${code.target.toString()}`;
}

function relatedText(info: vscode.DiagnosticRelatedInformation[] | undefined): string {
  const range = (r: vscode.Range): string => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  return (info ?? []).map((i) => `${i.location.uri.toString()} ${range(i.location.range)} ${i.message}`).join('\n');
}

/** Equal as the workbench shows them and as quick fixes read them (`data`). */
export function sameDiagnostic(a: ClientDiagnostic, b: ClientDiagnostic): boolean {
  return (
    sameRange(a.range, b.range) &&
    a.message === b.message &&
    a.severity === b.severity &&
    a.source === b.source &&
    codeText(a.code) === codeText(b.code) &&
    (a.tags ?? []).join() === (b.tags ?? []).join() &&
    relatedText(a.relatedInformation) === relatedText(b.relatedInformation) &&
    JSON.stringify(a.data) === JSON.stringify(b.data)
  );
}

export class UnchangedDiagnostics {
  private readonly last = new Map<string, readonly ClientDiagnostic[]>();

  /** True when `diagnostics` repeat what was last forwarded for `uri`; else remembers them as forwarded. */
  isRepeat(uri: string, diagnostics: readonly ClientDiagnostic[]): boolean {
    const last = this.last.get(uri);
    if (last && last.length === diagnostics.length && last.every((d, i) => sameDiagnostic(d, diagnostics[i]!))) return true;
    if (diagnostics.length === 0) this.last.delete(uri);
    else this.last.set(uri, diagnostics);
    return false;
  }

  /** Forgets every file (a restarted server publishes afresh, and its first publication must go through). */
  clear(): void {
    this.last.clear();
  }
}
