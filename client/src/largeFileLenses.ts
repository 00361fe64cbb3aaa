/**
 * The language client's code lenses through lensWindow.ts: a large file gets the lenses near its visible ranges,
 * and scrolling out of them asks for the lenses again (after a pause, as a scroll comes in many events).
 */
import * as vscode from 'vscode';
import type { CodeLensMiddleware } from 'vscode-languageclient/node';
import { leavesWindow, lensesInWindow, lensWindow, type LineSpan } from './lensWindow';

const RESCROLL_DELAY_MS = 150;

function visibleSpans(document: vscode.TextDocument): LineSpan[] {
  return vscode.window.visibleTextEditors
    .filter((editor) => editor.document === document)
    .flatMap((editor) => editor.visibleRanges.map((r) => ({ start: r.start.line, end: r.end.line })));
}

export class LargeFileLenses implements vscode.Disposable {
  /** The window each large file's lenses were last given for, by URI. */
  private readonly windows = new Map<string, LineSpan[]>();
  /** A pending request for lenses per URI, while scroll events still come. */
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];

  /** `refresh` makes the workbench ask for a document's lenses again (the client's onDidChangeCodeLenses). */
  constructor(private readonly refresh: (document: vscode.TextDocument) => void) {
    this.subscriptions = [
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.scrolled(e.textEditor.document)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.scrolled(e.document))),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri.toString())),
    ];
  }

  readonly middleware: CodeLensMiddleware = {
    provideCodeLenses: async (document, token, next) => {
      const lenses = await next(document, token);
      if (!lenses) return lenses;
      const window = lensWindow(visibleSpans(document));
      const shown = lensesInWindow(lenses, window);
      if (shown.length < lenses.length) this.windows.set(document.uri.toString(), window);
      else this.windows.delete(document.uri.toString());
      return shown;
    },
  };

  private scrolled(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    const window = this.windows.get(uri);
    if (!window || !leavesWindow(visibleSpans(document), window)) return;
    clearTimeout(this.timers.get(uri));
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      // Asked again only if the view is still outside the window (the last scroll event wins).
      const current = this.windows.get(uri);
      if (current && leavesWindow(visibleSpans(document), current)) this.refresh(document);
    }, RESCROLL_DELAY_MS);
    this.timers.set(uri, timer);
  }

  private forget(uri: string): void {
    this.windows.delete(uri);
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.subscriptions.splice(0)) d.dispose();
  }
}
